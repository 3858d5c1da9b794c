"""Generators for the DSL: values the mock server (or the verifier) produces fresh each time.

A generator stands in a body, header, query or path like a matcher does. The pact records a
fixed example (so pact files do not change from run to run) plus the generator, and the value
is generated when the mock server answers or the verifier sends a request.

>>> from accord import generate
>>> generate.random_int(1, 100)
random_int(1, 100)
>>> generate.from_provider_state("/users/${id}", example="/users/1")
from_provider_state('/users/${id}', example='/users/1')
"""

from __future__ import annotations

from typing import Any

from accord.consumer import _arguments as arg
from accord.consumer._formats import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    TIME_FORMAT,
    UUID_EXAMPLES,
    UUID_PATTERNS,
)
from accord.consumer.matchers import Matcher, RuleMatcher, format_call
from accord.model import Generator, GeneratorKind, MatchingRule, RuleKind

__all__ = [
    "date",
    "datetime",
    "from_provider_state",
    "mock_server_url",
    "random_boolean",
    "random_decimal",
    "random_hexadecimal",
    "random_int",
    "random_string",
    "regex",
    "time",
    "uuid",
]


def _generated(
    call: str, example: Any, kind: GeneratorKind, rule: MatchingRule, **attrs: Any
) -> Matcher[Any]:
    # Each generator also carries a matcher for what it generates: without one, the verifier
    # would compare the provider's value with the example by equality.
    generator = Generator(kind=kind, attrs={k: v for k, v in attrs.items() if v is not None})
    return RuleMatcher(call, example, [rule], generator)


def _rule(kind: RuleKind, **attrs: Any) -> MatchingRule:
    return MatchingRule(kind=kind, attrs=attrs)


def random_int(min: int = 0, max: int = 10) -> Matcher[int]:
    """A random integer in min..max: `random_int(1, 100)`."""
    arg.check_type("random_int", "min", min, int, "pass a whole number")
    arg.check_type("random_int", "max", max, int, "pass a whole number")
    arg.check_bounds("random_int", min, max)
    return _generated(
        format_call("random_int", min, max),
        min,
        GeneratorKind.RANDOM_INT,
        _rule(RuleKind.INTEGER),
        min=min,
        max=max,
    )


def random_decimal(digits: int = 6) -> Matcher[float]:
    """A random decimal with `digits` significant digits."""
    arg.check_size("random_decimal", "digits", digits)
    return _generated(
        format_call("random_decimal", digits),
        1.5,
        GeneratorKind.RANDOM_DECIMAL,
        _rule(RuleKind.DECIMAL),
        digits=digits,
    )


def random_hexadecimal(digits: int = 8) -> Matcher[str]:
    """A random hexadecimal string of `digits` characters."""
    arg.check_size("random_hexadecimal", "digits", digits)
    example = ("0123456789abcdef" * (digits // 16 + 1))[:digits]
    return _generated(
        format_call("random_hexadecimal", digits),
        example,
        GeneratorKind.RANDOM_HEXADECIMAL,
        _rule(RuleKind.REGEX, regex="[0-9a-fA-F]+"),
        digits=digits,
    )


def random_string(size: int = 10) -> Matcher[str]:
    """A random alphanumeric string of `size` characters."""
    arg.check_size("random_string", "size", size)
    return _generated(
        format_call("random_string", size),
        "x" * size,
        GeneratorKind.RANDOM_STRING,
        _rule(RuleKind.TYPE),
        size=size,
    )


def random_boolean() -> Matcher[bool]:
    """A random boolean."""
    return _generated(
        "random_boolean()", True, GeneratorKind.RANDOM_BOOLEAN, _rule(RuleKind.BOOLEAN)
    )


def regex(pattern: str, example: str) -> Matcher[str]:
    """A random string matching `pattern`: `regex(r"\\d{3}", "123")`."""
    compiled = arg.compile_regex("regex", pattern)
    arg.check_regex_example("regex", compiled, example)
    return _generated(
        format_call("regex", pattern, example),
        example,
        GeneratorKind.REGEX,
        _rule(RuleKind.REGEX, regex=pattern),
        regex=pattern,
    )


def uuid(format: str = "lower-case-hyphenated") -> Matcher[str]:
    """A random UUID in one of the Pact formats (`simple`, `lower-case-hyphenated`, ...)."""
    if format not in UUID_EXAMPLES:
        raise arg.fail(
            "uuid", f"format={format!r} is unknown", f"use one of {', '.join(UUID_EXAMPLES)}"
        )
    call = format_call("uuid", None if format == "lower-case-hyphenated" else format)
    return _generated(
        call,
        UUID_EXAMPLES[format],
        GeneratorKind.UUID,
        _rule(RuleKind.REGEX, regex=UUID_PATTERNS[format]),
        format=format,
    )


def date(format: str = DATE_FORMAT, example: str = "2024-01-31") -> Matcher[str]:
    """Today's date (or an `expression` offset in the pact) in a Java-style format."""
    arg.check_type("date", "format", format, str, "pass a pattern such as 'yyyy-MM-dd'")
    return _generated(
        format_call("date", format, example),
        example,
        GeneratorKind.DATE,
        _rule(RuleKind.DATE, format=format),
        format=format,
    )


def time(format: str = TIME_FORMAT, example: str = "13:45:30") -> Matcher[str]:
    """The current time in a Java-style format."""
    arg.check_type("time", "format", format, str, "pass a pattern such as 'HH:mm:ss'")
    return _generated(
        format_call("time", format, example),
        example,
        GeneratorKind.TIME,
        _rule(RuleKind.TIME, format=format),
        format=format,
    )


def datetime(format: str = DATETIME_FORMAT, example: str = "2024-01-31T13:45:30") -> Matcher[str]:
    """The current timestamp in a Java-style format."""
    arg.check_type(
        "datetime", "format", format, str, "pass a pattern such as \"yyyy-MM-dd'T'HH:mm:ss\""
    )
    return _generated(
        format_call("datetime", format, example),
        example,
        GeneratorKind.DATE_TIME,
        _rule(RuleKind.TIMESTAMP, format=format),
        format=format,
    )


def from_provider_state(expression: str, example: Any) -> Matcher[Any]:
    """A value the provider fills in from its state parameters: `from_provider_state("${id}", 42)`.

    The provider-state setup returns `{"id": ...}` and the verifier substitutes it.
    """
    arg.check_type(
        "from_provider_state", "expression", expression, str, "pass an expression such as '${id}'"
    )
    if "${" not in expression:
        raise arg.fail(
            "from_provider_state",
            f"expression={expression!r} has no ${{...}} placeholder",
            "reference a state parameter, e.g. '/users/${id}'",
        )
    data_type = {bool: "BOOLEAN", int: "INTEGER", float: "DECIMAL", str: "STRING"}.get(
        type(example), "RAW"
    )
    call = format_call("from_provider_state", expression, example=example)
    generator = Generator(
        kind=GeneratorKind.PROVIDER_STATE, attrs={"expression": expression, "dataType": data_type}
    )
    return RuleMatcher(call, example, [MatchingRule(kind=RuleKind.TYPE)], generator)


def mock_server_url(pattern: str, example: str) -> Matcher[str]:
    """A URL pointing at wherever the mock server (or provider) runs.

    >>> mock_server_url(r".*(/orders/\\d+)$", "http://localhost:8080/orders/1")
    mock_server_url('.*(/orders/\\\\d+)$', 'http://localhost:8080/orders/1')
    """
    compiled = arg.compile_regex("mock_server_url", pattern)
    arg.check_regex_example("mock_server_url", compiled, example)
    generator = Generator(
        kind=GeneratorKind.MOCK_SERVER_URL, attrs={"regex": pattern, "example": example}
    )
    rule = MatchingRule(kind=RuleKind.REGEX, attrs={"regex": pattern})
    return RuleMatcher(format_call("mock_server_url", pattern, example), example, [rule], generator)
