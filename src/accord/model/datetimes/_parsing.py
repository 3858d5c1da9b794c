"""Parsing text against compiled pattern items: every way a field can consume the text."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from functools import lru_cache

from accord.model.datetimes._patterns import (
    _QUARTER_NAMES,
    MONTHS,
    WEEKDAYS,
    _Field,
    _Item,
    _Literal,
    _Optional,
)

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
