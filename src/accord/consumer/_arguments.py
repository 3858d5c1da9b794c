"""Argument checks shared by the DSL functions; every failure is an InvalidMatcher that names the
argument, shows its value and says how to fix it (`what went wrong: name=value (why); fix`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from accord.errors import InvalidMatcher


def fail(function: str, message: str, fix: str) -> InvalidMatcher:
    return InvalidMatcher(f"{function}(): {message}; {fix}")


def check_type(
    function: str, name: str, value: Any, expected: type | tuple[type, ...], fix: str
) -> None:
    # bool is an int subclass, but integer(True) is almost certainly a mistake.
    if isinstance(value, bool) and bool not in _as_tuple(expected):
        raise fail(function, f"{name}={value!r} is a bool, not {_names(expected)}", fix)
    if not isinstance(value, expected):
        raise fail(
            function, f"{name}={value!r} is {type(value).__name__}, not {_names(expected)}", fix
        )


def check_size(function: str, name: str, value: Any) -> None:
    if value is None:
        return
    check_type(function, name, value, int, f"pass a whole number such as {name}=1")
    if value < 0:
        raise fail(function, f"{name}={value} is negative", f"use {name}=0 or more")


def check_bounds(
    function: str, low: Any, high: Any, *, low_name: str = "min", high_name: str = "max"
) -> None:
    if low is not None and high is not None and low > high:
        raise fail(
            function,
            f"{low_name}={low} is greater than {high_name}={high}",
            f"swap them or raise {high_name}",
        )


def check_number(function: str, name: str, value: Any) -> None:
    if value is None:
        return
    check_type(function, name, value, (int, float, Decimal), f"pass a number such as {name}=1")


def compile_regex(function: str, pattern: Any) -> re.Pattern[str]:
    check_type(function, "pattern", pattern, str, "pass the regular expression as a string")
    try:
        return re.compile(pattern)
    except re.error as error:
        raise fail(
            function,
            f"pattern={pattern!r} is not a valid regular expression ({error})",
            "fix the expression or escape special characters with re.escape()",
        ) from None


def check_regex_example(function: str, compiled: re.Pattern[str], example: Any) -> None:
    check_type(function, "example", example, str, "pass a string example that matches the pattern")
    if compiled.fullmatch(example) is None:
        raise fail(
            function,
            f"example={example!r} does not match pattern={compiled.pattern!r}",
            "pass an example the pattern accepts, because the mock server sends it as is",
        )


def _as_tuple(expected: type | tuple[type, ...]) -> tuple[type, ...]:
    return expected if isinstance(expected, tuple) else (expected,)


def _names(expected: type | tuple[type, ...]) -> str:
    return " or ".join(kind.__name__ for kind in _as_tuple(expected))
