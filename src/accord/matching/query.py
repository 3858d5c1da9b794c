"""Query parameters (and form-post parameters, which reuse the same rules and wording).

Missing and unexpected parameters both fail. Repeated values of one parameter are compared in order.
Before V1.1 the order of the parameters themselves mattered too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from accord.matching import describe
from accord.matching.mismatches import Mismatch, MismatchKind
from accord.matching.values import apply_rules, check_size, check_text
from accord.model import RuleKind, RuleList

RulesFor = Callable[[str], RuleList | None]


def compare_query(
    expected: Mapping[str, Sequence[str]],
    actual: Mapping[str, Sequence[str]],
    rules_for: RulesFor,
    *,
    ordered: bool = False,
) -> list[Mismatch]:
    """Compare two decoded query maps; `ordered` (V1) also wants the same parameter order."""
    return compare_parameters(expected, actual, rules_for, ordered=ordered)


def compare_parameters(
    expected: Mapping[str, Sequence[str]],
    actual: Mapping[str, Sequence[str]],
    rules_for: RulesFor,
    *,
    ordered: bool,
) -> list[Mismatch]:
    found: list[Mismatch] = []
    for name, wanted in expected.items():
        if name not in actual:
            found.append(_mismatch(name, list(wanted), None, describe.query_missing(name)))
            continue
        found.extend(_compare_values(name, list(wanted), list(actual[name]), rules_for(name)))
    for name, got in actual.items():
        if name not in expected:
            found.append(_mismatch(name, None, list(got), describe.query_unexpected(name)))
    if ordered and not found and list(expected) != list(actual):
        found.append(
            _mismatch(
                "", list(expected), list(actual), describe.query_order(list(expected), list(actual))
            )
        )
    return found


def _mismatch(name: str, expected: object, actual: object, message: str) -> Mismatch:
    return Mismatch(
        kind=MismatchKind.QUERY, path=name, expected=expected, actual=actual, message=message
    )


def _compare_values(
    name: str, expected: list[str], actual: list[str], rules: RuleList | None
) -> list[Mismatch]:
    if rules is not None:
        return _compare_with_rules(name, expected, actual, rules)
    if not expected and actual:
        return [_mismatch(name, expected, actual, describe.query_not_empty(name, actual))]
    found: list[Mismatch] = []
    for index, value in enumerate(expected):
        if index < len(actual):
            if value != actual[index]:
                message = describe.query_value(name, value, actual[index])
                found.append(_mismatch(name, value, actual[index], message))
        else:
            found.append(
                _mismatch(name, expected, actual, describe.query_value_missing(name, value))
            )
    if len(expected) != len(actual):
        message = describe.query_counts(name, len(expected), len(actual))
        found.append(_mismatch(name, expected, actual, message))
    return found


def _compare_with_rules(
    name: str, expected: list[str], actual: list[str], rules: RuleList
) -> list[Mismatch]:
    if not expected:
        return []
    found: list[Mismatch] = []
    for rule in rules.rules:
        if rule.kind is RuleKind.TYPE:
            message = check_size(rule, actual, describe.list_display)
            if message is not None:
                found.append(_mismatch(name, expected, actual, message))
    # Each-like: values past the examples are compared with the first example.
    for index, value in enumerate(actual):
        template = expected[index] if index < len(expected) else expected[0]
        messages = apply_rules(rules, check_text, template, value)
        found.extend(_mismatch(name, template, value, message) for message in messages)
    return found
