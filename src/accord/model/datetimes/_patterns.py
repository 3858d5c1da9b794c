"""Java date/time patterns compiled into literal, field and optional-section items."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# Defaults when a matcher or generator has no `format` (the same as pact-reference's).
DEFAULT_DATE_PATTERN = "yyyy-MM-dd"
DEFAULT_TIME_PATTERN = "HH:mm:ss"
DEFAULT_DATETIME_PATTERN = "yyyy-MM-dd'T'HH:mm:ssXXX"
# pact-reference's DateTime generator writes milliseconds and a numeric offset when no format is set.
DEFAULT_GENERATED_DATETIME_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"

# English names, spelled out here because `calendar`'s names follow the process locale.
MONTHS = tuple(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_QUARTER_NAMES = ("1st quarter", "2nd quarter", "3rd quarter", "4th quarter")

_PATTERN_LETTERS = frozenset("GuyYDMLdQqwWEecFaHhKkmsSnNAVzOXxZ")


class InvalidDatePattern(ValueError):
    """A date/time pattern that does not follow the Java `DateTimeFormatter` syntax."""


@dataclass(frozen=True, slots=True)
class _Literal:
    text: str


@dataclass(frozen=True, slots=True)
class _Field:
    letter: str
    count: int


@dataclass(frozen=True, slots=True)
class _Optional:
    items: tuple[_Item, ...]


_Item = _Literal | _Field | _Optional


# ---- pattern compilation -------------------------------------------------------------------


@lru_cache(maxsize=512)
def _compile(pattern: str) -> tuple[_Item, ...]:
    if not isinstance(pattern, str):
        raise InvalidDatePattern(f"date pattern must be a string, got {pattern!r}")
    items, end = _compile_section(pattern, 0, nested=False)
    if end != len(pattern):
        raise InvalidDatePattern(f"unbalanced ']' at position {end} in date pattern {pattern!r}")
    return items


def _compile_section(pattern: str, start: int, *, nested: bool) -> tuple[tuple[_Item, ...], int]:
    items: list[_Item] = []
    i, n = start, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "'":
            text, i = _quoted(pattern, i)
            items.append(_Literal(text))
        elif char == "[":
            inner, i = _compile_section(pattern, i + 1, nested=True)
            if i >= n or pattern[i] != "]":
                raise InvalidDatePattern(f"unclosed '[' in date pattern {pattern!r}")
            items.append(_Optional(inner))
            i += 1
        elif char == "]":
            return tuple(items), i
        elif char.isascii() and char.isalpha():
            j = i
            while j < n and pattern[j] == char:
                j += 1
            items.append(_field(pattern, char, j - i))
            i = j
        else:
            items.append(_Literal(char))
            i += 1
    if nested:
        raise InvalidDatePattern(f"unclosed '[' in date pattern {pattern!r}")
    return tuple(items), i


def _quoted(pattern: str, start: int) -> tuple[str, int]:
    if pattern.startswith("''", start):
        return "'", start + 2
    out: list[str] = []
    i = start + 1
    while i < len(pattern):
        if pattern[i] == "'":
            if pattern.startswith("''", i):  # an escaped quote inside quoted text
                out.append("'")
                i += 2
                continue
            return "".join(out), i + 1
        out.append(pattern[i])
        i += 1
    raise InvalidDatePattern(f"unclosed quote at position {start} in date pattern {pattern!r}")


# The largest count each letter allows (Java rejects longer runs, e.g. `ddd` or `HHH`).
_MAX_COUNT = (
    dict.fromkeys("WFa", 1)
    | dict.fromkeys("dwHhKkmsV", 2)
    | {"D": 3, "z": 4, "O": 4}
    | dict.fromkeys("GMLQqEecXxZ", 5)
)


def _field(pattern: str, letter: str, count: int) -> _Field:
    if letter not in _PATTERN_LETTERS:
        raise InvalidDatePattern(
            f"unknown pattern letter {letter!r} in date pattern {pattern!r}; "
            "quote literal text, e.g. 'T'"
        )
    limit = _MAX_COUNT.get(letter)
    too_many = limit is not None and count > limit
    if too_many or (letter == "V" and count != 2) or (letter == "O" and count not in (1, 4)):
        raise InvalidDatePattern(f"too many pattern letters {letter * count!r} in {pattern!r}")
    if letter == "c" and count == 2:
        raise InvalidDatePattern(f"invalid pattern 'cc' in date pattern {pattern!r}")
    return _Field(letter, count)
