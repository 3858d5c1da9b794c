"""One helper per Pact matcher: `from accord import match`, then `match.integer(42)`.

Every helper checks its arguments where it is called and raises `InvalidMatcher` naming the bad
argument. A matcher's repr is the call that built it. Names never shadow builtins (`integer`,
`string`, `like`), so `from accord.consumer.match import *` is safe.

>>> from accord import match
>>> match.each_like({"id": match.integer(1)}, min=2)
each_like({'id': integer(1)}, min=2)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from accord.consumer import _arguments as arg
from accord.consumer._datetimes import format_temporal
from accord.consumer._formats import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    SEMVER_PATTERN,
    STATUS_EXAMPLES,
    TIME_FORMAT,
    UUID_EXAMPLES,
    UUID_PATTERNS,
)
from accord.consumer.matchers import (
    ArrayContainingMatcher,
    EachLikeMatcher,
    Matcher,
    RuleMatcher,
    ValuesMatcher,
    format_call,
)
from accord.model import Generator, GeneratorKind, MatchingRule, RuleKind
from accord.model.datetimes import InvalidDatePattern, check_pattern, matches_pattern

__all__ = [
    "array_containing",
    "boolean",
    "content_type",
    "date",
    "datetime",
    "decimal",
    "each_key",
    "each_like",
    "each_value",
    "equal",
    "includes",
    "integer",
    "like",
    "not_empty",
    "null",
    "number",
    "regex",
    "semver",
    "status_code",
    "string",
    "time",
    "uuid",
    "values",
]


def _rule(kind: RuleKind, **attrs: Any) -> MatchingRule:
    return MatchingRule(kind=kind, attrs={k: v for k, v in attrs.items() if v is not None})


def like(value: Any, *, min: int | None = None, max: int | None = None) -> Matcher[Any]:
    """Any value of the same type as `value` (objects: same keys, each value of the same type).

    >>> like({"name": "Mary"})
    like({'name': 'Mary'})
    """
    arg.check_size("like", "min", min)
    arg.check_size("like", "max", max)
    arg.check_bounds("like", min, max)
    call = format_call("like", value, min=min, max=max)
    return RuleMatcher(call, value, [_rule(RuleKind.TYPE, min=min, max=max)])


def each_like(
    template: Any, *, min: int = 1, max: int | None = None, examples: int | None = None
) -> Matcher[list[Any]]:
    """An array of at least `min` (and at most `max`) elements, each like `template`.

    >>> each_like({"id": integer(1)}, min=1, max=10)
    each_like({'id': integer(1)}, max=10)
    """
    arg.check_size("each_like", "min", min)
    arg.check_size("each_like", "max", max)
    arg.check_size("each_like", "examples", examples)
    if max == 0:
        raise arg.fail("each_like", "max=0 allows only empty arrays", "use equal([]) for that")
    arg.check_bounds("each_like", min, max)
    count = examples if examples is not None else (min or 1)
    if count < min or (max is not None and count > max):
        raise arg.fail(
            "each_like",
            f"examples={count} is outside min={min}..max={max}",
            "pick an example count the bounds allow",
        )
    call = format_call(
        "each_like", template, min=None if min == 1 else min, max=max, examples=examples
    )
    return EachLikeMatcher(call, template, min=min, max=max, examples=count)


def integer(
    value: int | None = None, *, min: int | None = None, max: int | None = None
) -> Matcher[int]:
    """Any integer; without `value`, the provider-side example is generated in min..max.

    >>> integer(42)
    integer(42)
    """
    if value is not None:
        arg.check_type("integer", "value", value, int, "pass a whole number such as integer(42)")
    for name, bound in (("min", min), ("max", max)):
        if bound is not None:
            arg.check_type("integer", name, bound, int, f"pass a whole number such as {name}=0")
    arg.check_bounds("integer", min, max)
    generator = None
    call = format_call("integer", value, min=min, max=max)
    if value is None:
        generator = Generator(
            kind=GeneratorKind.RANDOM_INT, attrs={"min": min or 0, "max": max or 2**31 - 1}
        )
        value = min if min is not None else 13
    return RuleMatcher(
        call,
        value,
        [_rule(RuleKind.INTEGER)],
        generator,
    )


def decimal(value: float | Decimal | None = None, *, digits: int | None = None) -> Matcher[float]:
    """Any number with a fractional part, e.g. `decimal(9.99)`."""
    if value is not None:
        arg.check_type(
            "decimal", "value", value, (float, Decimal), "pass a float such as decimal(9.99)"
        )
    arg.check_size("decimal", "digits", digits)
    generator = None
    call = format_call("decimal", value, digits=digits)
    if value is None:
        generator = Generator(kind=GeneratorKind.RANDOM_DECIMAL, attrs={"digits": digits or 6})
        value = 12.34
    return RuleMatcher(call, value, [_rule(RuleKind.DECIMAL)], generator)


def number(value: int | float | Decimal = 1) -> Matcher[float]:
    """Any number, whole or fractional: `number(3)`."""
    arg.check_number("number", "value", value)
    return RuleMatcher(format_call("number", value), value, [_rule(RuleKind.NUMBER)])


def string(value: str = "string", *, size: int | None = None) -> Matcher[str]:
    """Any string: `string("Mary")`. `size` sets the length of generated strings."""
    arg.check_type("string", "value", value, str, "pass text such as string('Mary')")
    arg.check_size("string", "size", size)
    generator = Generator(kind=GeneratorKind.RANDOM_STRING, attrs={"size": size}) if size else None
    return RuleMatcher(
        format_call("string", value, size=size), value, [_rule(RuleKind.TYPE)], generator
    )


def boolean(value: bool = True) -> Matcher[bool]:
    """Any boolean: `boolean(False)`."""
    arg.check_type("boolean", "value", value, bool, "pass True or False")
    return RuleMatcher(format_call("boolean", value), value, [_rule(RuleKind.BOOLEAN)])


def null() -> Matcher[None]:
    """Exactly JSON null: `null()`."""
    return RuleMatcher("null()", None, [_rule(RuleKind.NULL)])


def regex(example: str, *, pattern: str) -> Matcher[str]:
    """A string matching `pattern` completely: `regex("2024-01", pattern=r"\\d{4}-\\d{2}")`.

    The example is checked against the pattern here, because the mock server sends it as is.
    """
    compiled = arg.compile_regex("regex", pattern)
    arg.check_regex_example("regex", compiled, example)
    return RuleMatcher(
        format_call("regex", example, pattern=pattern),
        example,
        [_rule(RuleKind.REGEX, regex=pattern)],
    )


def _temporal(
    function: str,
    kind: RuleKind,
    generator_kind: GeneratorKind,
    value: Any,
    format: str,
    default_format: str,
    python_type: type,
) -> Matcher[str]:
    arg.check_type(
        function, "format", format, str, f"pass a pattern such as format={default_format!r}"
    )
    generator = None
    call = format_call(function, value, format=None if format == default_format else format)
    if value is None:
        generator = Generator(kind=generator_kind, attrs={"format": format})
        value = format_temporal(function, _SAMPLE_MOMENT, format)
    elif isinstance(value, python_type):
        value = format_temporal(function, value, format)  # type: ignore[arg-type]
    else:
        arg.check_type(
            function, "value", value, str, f"pass a string or a {python_type.__name__} object"
        )
        # As for regex(): the mock server sends the example as is, so it must fit its own rule.
        try:
            check_pattern(format)
        except InvalidDatePattern as error:
            raise arg.fail(
                function,
                f"format={format!r} is not a valid pattern: {error}",
                "use Java pattern letters such as 'yyyy-MM-dd'",
            ) from None
        if not matches_pattern(format, value):
            raise arg.fail(
                function,
                f"example={value!r} does not match format={format!r}",
                "pass an example in that format (or the format the example is in)",
            )
    return RuleMatcher(call, value, [_rule(kind, format=format)], generator)


# A fixed example moment keeps pact files identical between runs (no churn in the broker).
_SAMPLE_MOMENT = dt.datetime(2024, 1, 31, 13, 45, 30, tzinfo=dt.UTC)


def date(value: str | dt.date | None = None, *, format: str = DATE_FORMAT) -> Matcher[str]:
    """A date in a Java-style `format`: `date("2024-01-31")` or `date(dt.date(2024, 1, 31))`."""
    return _temporal("date", RuleKind.DATE, GeneratorKind.DATE, value, format, DATE_FORMAT, dt.date)


def time(value: str | dt.time | None = None, *, format: str = TIME_FORMAT) -> Matcher[str]:
    """A time of day: `time("13:45:30")`."""
    return _temporal("time", RuleKind.TIME, GeneratorKind.TIME, value, format, TIME_FORMAT, dt.time)


def datetime(
    value: str | dt.datetime | None = None, *, format: str = DATETIME_FORMAT
) -> Matcher[str]:
    """A timestamp: `datetime("2024-01-31T13:45:30")`."""
    return _temporal(
        "datetime",
        RuleKind.TIMESTAMP,
        GeneratorKind.DATE_TIME,
        value,
        format,
        DATETIME_FORMAT,
        dt.datetime,
    )


def uuid(value: str | None = None, *, format: str = "lower-case-hyphenated") -> Matcher[str]:
    """A UUID string: `uuid("e2490de5-5bd3-43d5-b7c4-526e33f71304")`."""
    if format not in UUID_PATTERNS:
        raise arg.fail(
            "uuid",
            f"format={format!r} is not a UUID format",
            f"use one of {', '.join(UUID_PATTERNS)}",
        )
    pattern = UUID_PATTERNS[format]
    generator = None
    call = format_call("uuid", value, format=None if format == "lower-case-hyphenated" else format)
    if value is None:
        generator = Generator(kind=GeneratorKind.UUID, attrs={"format": format})
        value = UUID_EXAMPLES[format]
    arg.check_regex_example("uuid", arg.compile_regex("uuid", pattern), value)
    return RuleMatcher(call, value, [_rule(RuleKind.REGEX, regex=pattern)], generator)


def includes(value: str) -> Matcher[str]:
    """A string containing `value`: `includes("world")`."""
    arg.check_type("includes", "value", value, str, "pass the text that must appear")
    return RuleMatcher(
        format_call("includes", value), value, [_rule(RuleKind.INCLUDE, value=value)]
    )


def equal(value: Any) -> Matcher[Any]:
    """Exactly `value`, even inside a `like()` that would otherwise accept any value of its type."""
    return RuleMatcher(format_call("equal", value), value, [_rule(RuleKind.EQUALITY)])


def values(value: Mapping[str, Any]) -> Matcher[dict[str, Any]]:
    """An object with any keys, each value of the same type as the example values (nested
    matchers refine that): `values({"en": "Hello"})` accepts `{"fr": "Salut", "de": "Hallo"}`."""
    arg.check_type("values", "value", value, Mapping, "pass a dict of example entries")
    return ValuesMatcher(format_call("values", value), value)


def array_containing(variants: Sequence[Any]) -> Matcher[list[Any]]:
    """An array containing, in any order, an element like each of `variants`.

    >>> array_containing([{"type": "admin"}])
    array_containing([{'type': 'admin'}])
    """
    arg.check_type(
        "array_containing", "variants", variants, (list, tuple), "pass a list of example elements"
    )
    if not variants:
        raise arg.fail("array_containing", "variants=[] is empty", "pass at least one element")
    return ArrayContainingMatcher(format_call("array_containing", list(variants)), variants)


def _nested_rules(function: str, matchers: Sequence[Any]) -> tuple[MatchingRule, ...]:
    if not matchers:
        raise arg.fail(
            function, "no matcher given", f"pass one such as {function}(value, regex(pattern=...))"
        )
    rules: list[MatchingRule] = []
    for item in matchers:
        if not isinstance(item, RuleMatcher):
            raise arg.fail(
                function,
                f"{item!r} is not a single-value matcher",
                "pass matchers such as regex(...), integer() or like(...)",
            )
        rules.extend(item.rules)
    return tuple(rules)


def each_key(value: Mapping[str, Any], *matchers: Matcher[Any]) -> Matcher[dict[str, Any]]:
    """An object whose every key satisfies `matchers`: `each_key({"en": "Hi"}, regex("en", pattern="[a-z]{2}"))`."""
    arg.check_type("each_key", "value", value, Mapping, "pass a dict example")
    rule = MatchingRule(kind=RuleKind.EACH_KEY, children=_nested_rules("each_key", matchers))
    return RuleMatcher(format_call("each_key", value, *matchers), value, [rule])


def each_value(value: Mapping[str, Any], *matchers: Matcher[Any]) -> Matcher[dict[str, Any]]:
    """An object whose every value satisfies `matchers`: `each_value({"a": 1}, integer(1))`."""
    arg.check_type("each_value", "value", value, Mapping, "pass a dict example")
    rule = MatchingRule(kind=RuleKind.EACH_VALUE, children=_nested_rules("each_value", matchers))
    return RuleMatcher(format_call("each_value", value, *matchers), value, [rule])


def not_empty(value: Any) -> Matcher[Any]:
    """A value of the same type as `value` that is not empty (string, array or object)."""
    if value is None or value in ("", [], {}):
        raise arg.fail("not_empty", f"value={value!r} is empty", "pass a non-empty example")
    return RuleMatcher(format_call("not_empty", value), value, [_rule(RuleKind.NOT_EMPTY)])


def semver(value: str = "1.0.0") -> Matcher[str]:
    """A semantic version string: `semver("1.2.3")`."""
    arg.check_regex_example("semver", arg.compile_regex("semver", SEMVER_PATTERN), value)
    return RuleMatcher(format_call("semver", value), value, [_rule(RuleKind.SEMVER)])


def status_code(status: str | Sequence[int], example: int | None = None) -> Matcher[int]:
    """A response status in a class (`"success"`, `"clientError"`, ...) or a list of codes."""
    if isinstance(status, str):
        if status not in STATUS_EXAMPLES:
            raise arg.fail(
                "status_code",
                f"status={status!r} is not a status class",
                f"use one of {', '.join(STATUS_EXAMPLES)} or a list of codes",
            )
        default = STATUS_EXAMPLES[status]
    else:
        arg.check_type(
            "status_code", "status", status, (list, tuple), "pass a class name or a list of codes"
        )
        if not status:
            raise arg.fail("status_code", "status=[] is empty", "list at least one status code")
        for code in status:
            arg.check_type(
                "status_code", "status", code, int, "list whole numbers such as [200, 201]"
            )
        status = list(status)
        default = status[0]
    if example is not None:
        arg.check_type("status_code", "example", example, int, "pass a status such as 200")
    value = example if example is not None else default
    rule = _rule(RuleKind.STATUS_CODE, status=status)
    return RuleMatcher(format_call("status_code", status, example=example), value, [rule])


def content_type(value: str, example: bytes | str) -> Matcher[bytes]:
    """A body of the given content type, whatever its bytes: `content_type("image/jpeg", data)`."""
    arg.check_type("content_type", "value", value, str, "pass a media type such as 'image/png'")
    if "/" not in value:
        raise arg.fail(
            "content_type", f"value={value!r} is not a media type", "use the form 'type/subtype'"
        )
    arg.check_type(
        "content_type", "example", example, (bytes, str), "pass the example body as bytes"
    )
    return RuleMatcher(
        format_call("content_type", value, example),
        example,
        [_rule(RuleKind.CONTENT_TYPE, value=value)],
    )
