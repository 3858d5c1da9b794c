"""Java `DateTimeFormatter` patterns (as Pact uses them): check a text against one, or format a value.

Pact writers describe dates with Java pattern letters (`yyyy-MM-dd'T'HH:mm:ss.SSSXXX`). Python's
`strftime` dialect differs, so this module reads the Java dialect itself: letters, repeated letters
(the count picks the width or text style), `'quoted'` literals, `''` for one quote, and `[ ]`
optional sections. Parsing follows the strict widths of `DateTimeFormatter` (`MM` needs two digits,
`SSS` exactly three) and validates ranges and the day of the month, as pact-reference does.
Text fields (month and day names, AM/PM, eras) are English and compared case-insensitively.

Standard library only.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
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


# ---- public API ----------------------------------------------------------------------------


def check_pattern(pattern: str) -> None:
    """Raise InvalidDatePattern (naming the problem) when `pattern` is not a valid Java pattern."""
    _compile(pattern)


def matches_pattern(pattern: str, text: str) -> bool:
    """True when the whole of `text` parses with the Java date/time `pattern`.

    Field ranges are checked (month 1-12, hour 0-23, ...), and so is the day against the month
    and year when they are present (2023-02-29 fails). An invalid pattern matches nothing.
    """
    try:
        items = _compile(pattern)
    except InvalidDatePattern:
        return False
    for end, values in _parse_items(items, text, 0, {}):
        if end == len(text) and _consistent(values):
            return True
    return False


def format_datetime(
    pattern: str | None, value: dt.datetime | dt.date | dt.time, *, kind: str | None = None
) -> str:
    """Format `value` with a Java date/time `pattern`.

    With no pattern the ISO default for the value's type is used: `yyyy-MM-dd` for a date,
    `HH:mm:ss` for a time and `yyyy-MM-dd'T'HH:mm:ss.SSSZ` for a date-time (pact-reference's
    generator defaults); `kind` ("date", "time", "datetime") overrides the type for that choice.
    Zone letters on a value without a time zone use the local zone.
    """
    if pattern is None or pattern == "":
        pattern = _default_pattern(kind or _kind_of(value))
    moment = _as_aware_datetime(value)
    return "".join(_format_items(_compile(pattern), moment))


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


# ---- parsing -------------------------------------------------------------------------------

_Values = dict[str, int]


def _parse_items(
    items: tuple[_Item, ...], text: str, pos: int, values: _Values
) -> Iterator[tuple[int, _Values]]:
    """Every (end position, parsed values) reachable by matching `items` from `pos` (backtracking)."""
    if not items:
        yield pos, values
        return
    first, rest = items[0], items[1:]
    if isinstance(first, _Literal):
        if text.startswith(first.text, pos):
            yield from _parse_items(rest, text, pos + len(first.text), values)
        return
    if isinstance(first, _Optional):
        for end, inner in _parse_items(first.items, text, pos, values):
            yield from _parse_items(rest, text, end, inner)
        yield from _parse_items(rest, text, pos, values)
        return
    for end, value in _parse_field(first, text, pos):
        updated = values
        if value is not None:
            updated = {**values, first.letter: value}
        yield from _parse_items(rest, text, end, updated)


def _parse_field(field: _Field, text: str, pos: int) -> Iterator[tuple[int, int | None]]:
    """Candidate (end, value) pairs for one field at `pos`; value None when not worth keeping."""
    letter, count = field.letter, field.count
    if letter in "yuY":
        if count == 2:
            yield from _digits(text, pos, 2, 2, 0, 99)
        else:
            yield from _signed_year(text, pos, count)
    elif letter in "ML":
        if count <= 2:
            yield from _digits(text, pos, count, 2, 1, 12)
        else:
            yield from _names(text, pos, MONTHS, count)
    elif letter == "d":
        yield from _digits(text, pos, count, 2, 1, 31)
    elif letter == "D":
        yield from _digits(text, pos, count, 3, 1, 366)
    elif letter in "Qq":
        yield from _quarter(text, pos, count)
    elif letter == "w":
        yield from _digits(text, pos, count, 2, 1, 53)
    elif letter == "W":
        yield from _digits(text, pos, 1, 1, 0, 6)
    elif letter == "F":
        yield from _digits(text, pos, 1, 1, 1, 5)
    elif letter == "E" or (letter in "ec" and count >= 3):
        yield from _names(text, pos, WEEKDAYS, max(count, 3))
    elif letter in "ec":
        yield from _digits(text, pos, count, count, 1, 7)
    elif letter == "G":
        eras = (("AD", "BC"), ("Anno Domini", "Before Christ"), ("A", "B"))
        choices = eras[0] if count <= 3 else eras[count - 3]
        yield from _choices(text, pos, choices)
    elif letter == "a":
        yield from _choices(text, pos, ("AM", "PM"))
    elif letter in "HhKkms":
        low, high = {"H": (0, 23), "h": (1, 12), "K": (0, 11), "k": (1, 24)}.get(letter, (0, 59))
        yield from _digits(text, pos, count, 2, low, high)
    elif letter == "S":
        yield from _digits(text, pos, count, count, 0, 10**count - 1, keep=False)
    elif letter == "n":
        yield from _digits(text, pos, count, 9, 0, 999_999_999, keep=False)
    elif letter == "N":
        yield from _digits(text, pos, count, 14, 0, 86_399_999_999_999, keep=False)
    elif letter == "A":
        yield from _digits(text, pos, count, 8, 0, 86_399_999, keep=False)
    else:
        yield from _zone(letter, count, text, pos)


def _digits(
    text: str, pos: int, least: int, most: int, low: int, high: int, *, keep: bool = True
) -> Iterator[tuple[int, int | None]]:
    run = 0
    while run < most and pos + run < len(text) and text[pos + run] in "0123456789":
        run += 1
    # Longest first: adjacent numeric fields ("yyyyMMdd") still split because we backtrack.
    for width in range(run, least - 1, -1):
        if width == 0:
            continue
        value = int(text[pos : pos + width])
        if low <= value <= high:
            yield pos + width, value if keep else None


def _signed_year(text: str, pos: int, count: int) -> Iterator[tuple[int, int | None]]:
    # `y`/`yyy` take any number of digits; `yyyy` and wider take exactly that many, and a wider
    # year needs a sign ("+12345"), as DateTimeFormatter's EXCEEDS_PAD sign style says.
    negative = text.startswith("-", pos)
    signed = negative or text.startswith("+", pos)
    start = pos + 1 if signed else pos
    if count in (1, 3):
        if text.startswith("+", pos):
            return
        candidates = _digits(text, start, count, 10, 0, 9_999_999_999)
    elif signed:
        candidates = _digits(text, start, count + 1, 10, 0, 9_999_999_999)
    else:
        candidates = _digits(text, start, count, count, 0, 9_999_999_999)
    for end, value in candidates:
        yield end, (-value if negative and value is not None else value)


def _names(
    text: str, pos: int, names: tuple[str, ...], count: int
) -> Iterator[tuple[int, int | None]]:
    for index, name in enumerate(names, start=1):
        shown = name[:3] if count == 3 else (name if count == 4 else name[0])
        if text[pos : pos + len(shown)].lower() == shown.lower():
            yield pos + len(shown), index if count != 5 else None


def _choices(text: str, pos: int, choices: tuple[str, ...]) -> Iterator[tuple[int, int | None]]:
    for choice in choices:
        if text[pos : pos + len(choice)].lower() == choice.lower():
            yield pos + len(choice), None


def _quarter(text: str, pos: int, count: int) -> Iterator[tuple[int, int | None]]:
    if count <= 2:
        yield from _digits(text, pos, count, count, 1, 4)
    elif count == 3:
        if text[pos : pos + 1] == "Q":
            yield from _digits(text, pos + 1, 1, 1, 1, 4)
    elif count == 4:
        yield from _choices(text, pos, _QUARTER_NAMES)
    else:
        yield from _digits(text, pos, 1, 1, 1, 4)


# Offsets, by style: "HH" (+01), "HHmm" (+0130), "HH:mm" (+01:30), optional parts in brackets.
_OFFSET_STYLES = {
    1: r"[+-](?:0\d|1[0-8])(?:[0-5]\d)?",
    2: r"[+-](?:0\d|1[0-8])[0-5]\d",
    3: r"[+-](?:0\d|1[0-8]):[0-5]\d",
    4: r"[+-](?:0\d|1[0-8])[0-5]\d(?:[0-5]\d)?",
    5: r"[+-](?:0\d|1[0-8]):[0-5]\d(?::[0-5]\d)?",
}
_GMT_OFFSET_SHORT = r"GMT(?:[+-](?:1[0-8]|0?\d)(?::[0-5]\d(?::[0-5]\d)?)?)?"
_GMT_OFFSET_LONG = r"GMT(?:[+-](?:0\d|1[0-8]):[0-5]\d(?::[0-5]\d)?)?"
_ZONE_ID = r"Z|UTC|GMT|UT|[+-](?:0\d|1[0-8]):?[0-5]\d|(?:UTC|GMT|UT)[+-]\d{1,2}(?::?\d\d)?|[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)+|[A-Z]{3,5}"
_ZONE_SHORT_NAME = r"[A-Z][A-Za-z]{1,5}(?:[+-]\d{1,2}(?::\d\d)?)?"
_ZONE_LONG_NAME = r"[A-Z][a-z]+(?: [A-Z][a-z]+)+"


def _zone(letter: str, count: int, text: str, pos: int) -> Iterator[tuple[int, int | None]]:
    if letter == "X":
        regex = "Z|" + _OFFSET_STYLES[count]
    elif letter == "x":
        regex = _OFFSET_STYLES[count]
    elif letter == "Z":
        regex = {4: _GMT_OFFSET_LONG, 5: "Z|" + _OFFSET_STYLES[5]}.get(count, _OFFSET_STYLES[2])
    elif letter == "O":
        regex = _GMT_OFFSET_SHORT if count == 1 else _GMT_OFFSET_LONG
    elif letter == "V":
        regex = _ZONE_ID
    else:  # z
        regex = f"{_ZONE_LONG_NAME}|{_GMT_OFFSET_LONG}" if count == 4 else _ZONE_SHORT_NAME
    for end in _regex_ends(regex, text, pos):
        yield end, None


@lru_cache(maxsize=64)
def _alternatives(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


def _regex_ends(regex: str, text: str, pos: int) -> Iterator[int]:
    # Try every prefix length the regex accepts, longest first, so following literals still fit.
    compiled = _alternatives(regex)
    for end in range(len(text), pos, -1):
        if compiled.fullmatch(text, pos, end):
            yield end


def _consistent(values: _Values) -> bool:
    """Cross-field check: the day must exist in the month (and year, for 29 February)."""
    day, month = values.get("d"), values.get("M", values.get("L"))
    if day is None or month is None:
        return True
    year = values.get("y", values.get("u"))
    if year is None or not 1 <= year <= 9999:
        year = 2000  # a leap year, so 29 February passes when the year is unknown or unusual
    return day <= calendar.monthrange(year, month)[1]


# ---- formatting ----------------------------------------------------------------------------


def _default_pattern(kind: str) -> str:
    return {
        "date": DEFAULT_DATE_PATTERN,
        "time": DEFAULT_TIME_PATTERN,
    }.get(kind, DEFAULT_GENERATED_DATETIME_PATTERN)


def _kind_of(value: dt.datetime | dt.date | dt.time) -> str:
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    return "time"


def _as_aware_datetime(value: dt.datetime | dt.date | dt.time) -> dt.datetime:
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime(value.year, value.month, value.day)
    else:
        today = dt.date.today()
        moment = dt.datetime.combine(today, value)
    return moment if moment.tzinfo is not None else moment.astimezone()


def _format_items(items: tuple[_Item, ...], moment: dt.datetime) -> Iterator[str]:
    for item in items:
        if isinstance(item, _Literal):
            yield item.text
        elif isinstance(item, _Optional):
            yield from _format_items(item.items, moment)
        else:
            yield _format_field(item, moment)


def _format_field(field: _Field, moment: dt.datetime) -> str:
    letter, count = field.letter, field.count
    if letter in "yuY":
        year = moment.isocalendar().year if letter == "Y" else moment.year
        if letter == "y" and year <= 0:
            year = 1 - year  # year of era
        return f"{year % 100:02d}" if count == 2 else _padded(year, count)
    if letter in "ML":
        return _number_or_name(moment.month, count, MONTHS)
    if letter == "E":
        return _name(WEEKDAYS[moment.weekday()], max(count, 3))
    if letter in "ec":
        return _number_or_name(moment.isoweekday(), count, WEEKDAYS)
    if letter in "Qq":
        quarter = (moment.month - 1) // 3 + 1
        if count == 3:
            return f"Q{quarter}"
        return _QUARTER_NAMES[quarter - 1] if count == 4 else _padded(quarter, min(count, 2))
    if letter == "G":
        era = ("AD", "Anno Domini", "A")
        return era[0] if count <= 3 else era[count - 3]
    if letter == "a":
        return "AM" if moment.hour < 12 else "PM"
    if letter == "S":
        nanos = f"{moment.microsecond:06d}000"
        return (nanos + "0" * count)[:count]
    if letter in _NUMBERS:
        return _padded(_NUMBERS[letter](moment), count)
    return _format_zone(letter, count, moment)


_NUMBERS: dict[str, Callable[[dt.datetime], int]] = {
    "d": lambda m: m.day,
    "D": lambda m: m.timetuple().tm_yday,
    "w": lambda m: m.isocalendar().week,
    "W": lambda m: (m.day - 1 + m.replace(day=1).weekday()) // 7 + 1,
    "F": lambda m: (m.day - 1) // 7 + 1,
    "H": lambda m: m.hour,
    "k": lambda m: m.hour or 24,
    "K": lambda m: m.hour % 12,
    "h": lambda m: m.hour % 12 or 12,
    "m": lambda m: m.minute,
    "s": lambda m: m.second,
    "n": lambda m: m.microsecond * 1000,
    "N": lambda m: ((m.hour * 60 + m.minute) * 60 + m.second) * 10**9 + m.microsecond * 1000,
    "A": lambda m: ((m.hour * 60 + m.minute) * 60 + m.second) * 1000 + m.microsecond // 1000,
}


def _padded(number: int, width: int) -> str:
    sign = "-" if number < 0 else ""
    return sign + str(abs(number)).zfill(width)


def _name(name: str, count: int) -> str:
    return name[:3] if count == 3 else (name if count == 4 else name[0])


def _number_or_name(number: int, count: int, names: tuple[str, ...]) -> str:
    return _padded(number, count) if count <= 2 else _name(names[number - 1], count)


def _format_zone(letter: str, count: int, moment: dt.datetime) -> str:
    offset = moment.utcoffset() or dt.timedelta(0)
    seconds = int(offset.total_seconds())
    if letter == "V":
        key = getattr(moment.tzinfo, "key", None)
        return key or ("Z" if seconds == 0 else _offset(seconds, colon=True, minutes=True))
    if letter == "z":
        name = moment.tzname() or ""
        if count == 4:  # a full name ("Pacific Standard Time") when the zone has one
            return name if " " in name else _gmt(seconds, long=True)
        return name or _gmt(seconds, long=False)
    if letter == "O":
        return _gmt(seconds, long=count == 4)
    if letter == "Z":
        if count <= 3:
            return _offset(seconds, colon=False, minutes=True)
        if count == 4:
            return _gmt(seconds, long=True)
        return "Z" if seconds == 0 else _offset(seconds, colon=True, minutes=True, secs=True)
    if letter == "X" and seconds == 0:
        return "Z"
    colon = count in (3, 5)
    minutes = count != 1 or seconds % 3600 != 0
    return _offset(seconds, colon=colon, minutes=minutes, secs=count >= 4)


def _offset(seconds: int, *, colon: bool, minutes: bool, secs: bool = False) -> str:
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    mins, secs_part = divmod(rest, 60)
    sep = ":" if colon else ""
    out = f"{sign}{hours:02d}"
    if minutes:
        out += f"{sep}{mins:02d}"
    if secs and secs_part:
        out += f"{sep}{secs_part:02d}"
    return out


def _gmt(seconds: int, *, long: bool) -> str:
    if seconds == 0:
        return "GMT"
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    mins = rest // 60
    if long:
        return f"GMT{sign}{hours:02d}:{mins:02d}"
    return f"GMT{sign}{hours}" + (f":{mins:02d}" if mins else "")
