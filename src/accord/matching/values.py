"""One matcher applied to one value: a JSON value, a string (header, query, path), or bytes.

Each check returns None when the value satisfies the rule, or the mismatch message. Collection-level
behaviour (minimum sizes, each-like padding, arrayContains) is the caller's business; here a list
or map is only checked against the rules that look at it as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from accord.matching import describe
from accord.model import MatchingRule, RuleKind, RuleList
from accord.model.content_types import detect_content_type, parse_content_type
from accord.model.datetimes import InvalidDatePattern, check_pattern, matches_pattern
from accord.model.regexes import compile_pattern
from accord.model.rules import Combine

DEFAULT_PATTERNS = {
    RuleKind.DATE: "yyyy-MM-dd",
    RuleKind.TIME: "HH:mm:ss",
    RuleKind.TIMESTAMP: "yyyy-MM-dd'T'HH:mm:ssXXX",
}

_SEMVER = re.compile(
    r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?"
    r"(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?"
)
_INTEGER_TEXT = re.compile(r"\d+")
_NUMBER_TEXT = re.compile(
    r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:inf|infinity|NaN)", re.I
)

# Rules that only make sense on a collection; on a single value they are satisfied.
_COLLECTION_ONLY = frozenset(
    {RuleKind.VALUES, RuleKind.EACH_KEY, RuleKind.EACH_VALUE, RuleKind.ARRAY_CONTAINS}
)
SIZE_KINDS = frozenset({RuleKind.TYPE})


def apply_rules(rules: RuleList, check: Callable[..., str | None], *args: Any) -> list[str]:
    """Run `check(rule, *args)` for every rule and combine the failures.

    AND fails on any failure; OR fails only when every rule fails.
    """
    if len(rules.rules) == 1:  # the common case, without building intermediate lists
        message = check(rules.rules[0], *args)
        return [] if message is None else [message]
    failures = [message for rule in rules.rules if (message := check(rule, *args)) is not None]
    if rules.combine is Combine.OR and len(failures) < len(rules.rules):
        return []
    return failures


def json_equal(left: Any, right: Any) -> bool:
    """Equality of JSON values that tells 1 from 1.0 from true, as a JSON document does."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(json_equal(v, right[k]) for k, v in left.items())
    if isinstance(left, list):
        return len(left) == len(right) and all(map(json_equal, left, right))
    return bool(left == right)


def is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def same_json_type(expected: Any, actual: Any) -> bool:
    if is_number(expected):
        return is_number(actual)
    if expected is None or actual is None:
        return expected is actual
    if isinstance(expected, bool) or isinstance(actual, bool):
        return isinstance(expected, bool) and isinstance(actual, bool)
    if isinstance(expected, Mapping):
        return isinstance(actual, Mapping)
    if isinstance(expected, list):
        return isinstance(actual, list)
    return type(expected) is type(actual)


def check_regex(regex: str, text: str, shown: str | None = None) -> str | None:
    """Full-match `text`; a pattern that does not compile is a mismatch naming the pattern."""
    try:
        pattern = compile_pattern(regex)
    except re.error as error:
        return describe.invalid_regex(regex, str(error))
    if pattern.fullmatch(text) is None:
        return describe.regex_not_matched(text if shown is None else shown, regex)
    return None


def check_date(rule: MatchingRule, text: str) -> str | None:
    pattern = rule.format or DEFAULT_PATTERNS[rule.kind]
    try:
        check_pattern(pattern)
    except InvalidDatePattern as error:
        return describe.invalid_date_pattern(pattern, str(error))
    if matches_pattern(pattern, text):
        return None
    return describe.not_date_time(text, rule.kind.value, pattern)


def check_content_type(expected_type: str, data: bytes) -> str | None:
    detected = detect_content_type(data)
    wanted = parse_content_type(expected_type)
    found = parse_content_type(detected)
    if wanted is not None and found is not None and wanted.essence == found.essence:
        return None
    return describe.wrong_content_type(expected_type, detected)


def check_status(rule: MatchingRule, code: int) -> str | None:
    status = rule.status
    ranges = {
        "info": range(100, 200),
        "success": range(200, 300),
        "redirect": range(300, 400),
        "clientError": range(400, 500),
        "serverError": range(500, 600),
        "nonError": range(0, 400),
        "error": range(400, 1000),
    }
    if isinstance(status, list):
        ok = code in status
    else:
        ok = code in ranges.get(str(status), range(0))
    return None if ok else describe.wrong_status_class(code, status)


def check_json(rule: MatchingRule, expected: Any, actual: Any, cascaded: bool) -> str | None:
    """Apply one rule to a JSON value that is not walked further (a leaf or a whole document)."""
    kind = rule.kind
    if kind is RuleKind.EQUALITY:
        return None if json_equal(expected, actual) else describe.not_equal(actual, expected)
    if kind is RuleKind.REGEX:
        return check_regex(rule.regex, describe.text_of(actual))
    if kind is RuleKind.TYPE:
        if same_json_type(expected, actual):
            if isinstance(actual, list) and not cascaded:
                return check_size(rule, actual, describe.list_display)
            return None
        return describe.not_same_type(actual, expected)
    if kind is RuleKind.INCLUDE:
        text = describe.text_of(actual)
        substring = str(rule.value)
        return None if substring in text else describe.not_included(text, substring)
    if kind is RuleKind.INTEGER:
        return None if is_integer(actual) else describe.not_integer(actual)
    if kind is RuleKind.DECIMAL:
        return None if isinstance(actual, float) else describe.not_decimal(actual)
    if kind is RuleKind.NUMBER:
        return None if is_number(actual) else describe.not_number(actual)
    if kind is RuleKind.NULL:
        return None if actual is None else describe.not_null(actual)
    if kind is RuleKind.BOOLEAN:
        ok = isinstance(actual, bool) or actual in ("true", "false")
        return None if ok else describe.not_boolean(actual)
    if kind in (RuleKind.DATE, RuleKind.TIME, RuleKind.TIMESTAMP):
        return check_date(rule, describe.text_of(actual))
    if kind is RuleKind.NOT_EMPTY:
        empty = actual is None or (isinstance(actual, (str, list, dict)) and not actual)
        return describe.empty_value(actual) if empty else None
    if kind is RuleKind.SEMVER:
        if not isinstance(actual, str):
            return describe.semver_not_text(actual)
        return None if _SEMVER.fullmatch(actual) else describe.not_semver(actual)
    if kind is RuleKind.CONTENT_TYPE:
        return check_content_type(str(rule.value), describe.text_of(actual).encode("utf-8"))
    if kind is RuleKind.STATUS_CODE:
        return check_status(rule, actual) if is_integer(actual) else None
    if kind is RuleKind.VALUES:
        if isinstance(actual, (list, dict)):
            return None
        return None if json_equal(expected, actual) else describe.not_equal(actual, expected)
    return None  # eachKey/eachValue/arrayContains look at collections only


def check_size(rule: MatchingRule, actual: Any, show: Callable[[Any], str]) -> str | None:
    """Minimum and maximum sizes of a type rule; `show` renders `actual` only for a message."""
    low, high = rule.min, rule.max
    if low is not None and len(actual) < low:
        return describe.too_small(show(actual), len(actual), low)
    if high is not None and len(actual) > high:
        return describe.too_large(show(actual), len(actual), high)
    return None


def check_list(
    rule: MatchingRule, expected: list[Any], actual: list[Any], cascaded: bool
) -> str | None:
    """Rules that look at a whole JSON array (sizes, equality, emptiness)."""
    return _check_collection(rule, expected, actual, cascaded, describe.list_display)


def check_map(
    rule: MatchingRule, expected: dict[str, Any], actual: dict[str, Any], cascaded: bool
) -> str | None:
    """Rules that look at a whole JSON object."""
    return _check_collection(rule, expected, actual, cascaded, describe.map_display)


def _check_collection(
    rule: MatchingRule,
    expected: Any,
    actual: Any,
    cascaded: bool,
    display: Callable[[Any], str],
) -> str | None:
    kind = rule.kind
    if kind is RuleKind.TYPE:
        # Size bounds apply where the rule is written, not to the children it cascades to.
        return None if cascaded else check_size(rule, actual, display)
    if kind is RuleKind.EQUALITY:
        if json_equal(expected, actual):
            return None
        return describe.not_equal(actual, expected, show_types=False)
    if kind is RuleKind.NOT_EMPTY:
        return None if actual else describe.empty_value(actual)
    if kind in _COLLECTION_ONLY or kind is RuleKind.REGEX:
        return None
    return describe.cannot_apply(describe.compact_json(actual), kind.value)


def check_text(
    rule: MatchingRule, expected: str, actual: str, cascaded: bool = False
) -> str | None:
    """Apply one rule to a string value: a header, query parameter, path, XML text or text body."""
    kind = rule.kind
    if kind in (RuleKind.EQUALITY, RuleKind.VALUES):
        return None if expected == actual else describe.text_not_equal(actual, expected)
    if kind is RuleKind.REGEX:
        return check_regex(rule.regex, actual)
    if kind is RuleKind.TYPE:
        return None
    if kind is RuleKind.INCLUDE:
        substring = str(rule.value)
        return None if substring in actual else describe.not_included(actual, substring)
    if kind is RuleKind.NUMBER:
        return None if _NUMBER_TEXT.fullmatch(actual) else describe.text_not_number(actual)
    if kind is RuleKind.DECIMAL:
        return None if _NUMBER_TEXT.fullmatch(actual) else describe.text_not_decimal(actual)
    if kind is RuleKind.INTEGER:
        return None if _INTEGER_TEXT.fullmatch(actual) else describe.text_not_integer(actual)
    if kind in (RuleKind.DATE, RuleKind.TIME, RuleKind.TIMESTAMP):
        return check_date(rule, actual)
    if kind is RuleKind.BOOLEAN:
        return None if actual in ("true", "false") else describe.text_not_boolean(actual)
    if kind is RuleKind.STATUS_CODE:
        if actual.isdigit():
            return check_status(rule, int(actual))
        return describe.cannot_apply(f"'{actual}'", kind.value)
    if kind is RuleKind.NOT_EMPTY:
        return None if actual else describe.empty_text(f"'{actual}'")
    if kind is RuleKind.SEMVER:
        return None if _SEMVER.fullmatch(actual) else describe.not_semver(actual)
    if kind is RuleKind.CONTENT_TYPE:
        return check_content_type(str(rule.value), actual.encode("utf-8"))
    if kind is RuleKind.NULL:
        return describe.text_not_null(actual)
    if cascaded:
        return None
    return describe.cannot_apply(f"'{actual}'", kind.value)


def check_bytes(rule: MatchingRule, expected: bytes, actual: bytes) -> str | None:
    """Apply one rule to a binary body."""
    kind = rule.kind
    if kind is RuleKind.CONTENT_TYPE:
        return check_content_type(str(rule.value), actual)
    if kind is RuleKind.NOT_EMPTY:
        return None if actual else describe.empty_bytes()
    if kind is RuleKind.TYPE:
        return None
    if kind is RuleKind.EQUALITY:
        if expected == actual:
            return None
        return describe.binary_body("", expected, "", actual)
    try:
        text = actual.decode("utf-8")
    except UnicodeDecodeError:
        return describe.cannot_apply(f"{len(actual)} bytes", kind.value)
    return check_text(rule, expected.decode("utf-8", errors="replace"), text)
