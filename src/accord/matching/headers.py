"""Headers: names are case-insensitive, expected headers must be present, extra ones are fine.

Known multi-value headers (Accept, Cache-Control, …) are split on commas and compared value by
value, in order. Content-Type and Accept values are compared parameter by parameter: the actual may
add parameters, and charsets compare case-insensitively.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from accord.matching import describe
from accord.matching.mismatches import Mismatch, MismatchKind
from accord.matching.values import apply_rules, check_size, check_text
from accord.model import RuleKind, RuleList

PARAMETERISED = frozenset({"accept", "content-type"})
MULTI_VALUE = frozenset(
    {
        "accept",
        "accept-encoding",
        "accept-language",
        "access-control-allow-headers",
        "access-control-allow-methods",
        "access-control-expose-headers",
        "access-control-request-headers",
        "allow",
        "cache-control",
        "if-match",
        "if-none-match",
        "vary",
    }
)

RulesFor = Callable[[str], RuleList | None]


def split_values(name: str, values: Sequence[str]) -> list[str]:
    """Header values as separate items: known multi-value headers are split on commas."""
    if name.lower() not in MULTI_VALUE:
        return [value.strip() for value in values]
    return [item.strip() for value in values for item in value.split(",")]


def compare_headers(
    expected: Mapping[str, Sequence[str]] | None,
    actual: Mapping[str, Sequence[str]] | None,
    rules_for: RulesFor,
) -> list[Mismatch]:
    """Compare expected headers against the actual ones (extra actual headers are allowed)."""
    if not expected:
        return []
    lowered = {name.lower(): values for name, values in (actual or {}).items()}
    found: list[Mismatch] = []
    for name, raw_values in expected.items():
        got_raw = lowered.get(name.lower())
        if got_raw is None:
            found.append(
                _mismatch(name, ", ".join(raw_values), None, describe.header_missing(name))
            )
            continue
        wanted = split_values(name, raw_values)
        got = split_values(name, got_raw)
        found.extend(_compare_values(name, wanted, got, rules_for(name)))
    return found


def _mismatch(name: str, expected: object, actual: object, message: str) -> Mismatch:
    return Mismatch(
        kind=MismatchKind.HEADER, path=name, expected=expected, actual=actual, message=message
    )


def _compare_values(
    name: str, wanted: list[str], got: list[str], rules: RuleList | None
) -> list[Mismatch]:
    if not wanted and got:
        joined = ", ".join(got)
        return [_mismatch(name, "", joined, describe.header_not_empty(name, joined))]
    if len(wanted) == 1 and len(got) == 1:
        return _compare_value(name, 0, wanted[0], got[0], rules, single=True)
    found: list[Mismatch] = []
    if rules is not None:
        for rule in rules.rules:
            if rule.kind is RuleKind.TYPE:
                message = check_size(rule, got, describe.list_display)
                if message is not None:
                    found.append(
                        _mismatch(name, wanted, got, describe.header_mismatch(name, message))
                    )
        for index, value in enumerate(got):
            template = wanted[index] if index < len(wanted) else wanted[0]
            found.extend(_compare_value(name, index, template, value, rules, single=False))
        return found
    for index, value in enumerate(wanted):
        if index < len(got):
            found.extend(_compare_value(name, index, value, got[index], None, single=False))
        else:
            message = describe.header_value_missing(name, value, index, len(got))
            found.append(_mismatch(name, value, None, message))
    return found


def _compare_value(
    name: str, index: int, expected: str, actual: str, rules: RuleList | None, *, single: bool
) -> list[Mismatch]:
    expected, actual = expected.strip(), actual.strip()
    if rules is not None:
        messages = apply_rules(rules, check_text, expected, actual)
        if not single:
            messages = [describe.at_index(message, index) for message in messages]
    elif name.lower() in PARAMETERISED:
        messages = _compare_parameterised(name, index, expected, actual, single=single)
    else:
        # Optional whitespace after commas does not count (RFC 9110 list syntax).
        if _normalise_commas(expected) == _normalise_commas(actual):
            return []
        message = describe.text_not_equal(actual, expected)
        messages = [message if single else describe.at_index(message, index)]
    return [
        _mismatch(name, expected, actual, describe.header_mismatch(name, message))
        for message in messages
    ]


def _compare_parameterised(
    name: str, index: int, expected: str, actual: str, *, single: bool
) -> list[str]:
    wanted = [piece.strip() for piece in expected.split(";") if piece.strip()]
    got = [piece.strip() for piece in actual.split(";") if piece.strip()]
    message = describe.header_value(name, expected, actual, None if single else index)
    # The media type itself is case-sensitive here, as the reference compares it.
    if (wanted[:1] or [""])[0] != (got[:1] or [""])[0]:
        return [message]
    wanted_params = _parameters(wanted[1:])
    got_params = _parameters(got[1:])
    failures = [
        message
        for key, value in wanted_params.items()
        if key not in got_params or got_params[key].lower() != value.lower()
    ]
    return failures[:1]


def _parameters(pieces: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for piece in pieces:
        key, sep, value = piece.partition("=")
        if sep:
            params[key.strip().lower()] = value.strip()
    return params


def _normalise_commas(value: str) -> str:
    return ",".join(piece.strip() for piece in value.split(","))
