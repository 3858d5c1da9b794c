"""Temporary stand-in for `accord.model.datetimes.matches_pattern` until that module lands.

Validates text against a Java DateTimeFormatter pattern by translating the pattern to a regular
expression with one named group per field, then checking field ranges (month 1-12, day valid for the
month, hour 0-23 and so on). Delete this module once `accord.model.datetimes` exists.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

_MONTHS = [calendar.month_name[i] for i in range(1, 13)]
_MONTHS_SHORT = [calendar.month_abbr[i] for i in range(1, 13)]
_DAYS = list(calendar.day_name)
_DAYS_SHORT = list(calendar.day_abbr)


def matches_pattern(pattern: str, text: str) -> bool:
    """True when `text` is a valid date/time in the Java DateTimeFormatter `pattern`."""
    regex = _compile(pattern)
    match = regex.fullmatch(text)
    if match is None:
        return False
    return _valid_fields(match.groupdict())


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(_translate(pattern), re.IGNORECASE)


def _letter_regex(letter: str, count: int, seen: set[str]) -> str:
    def group(name: str, body: str) -> str:
        if name in seen:
            return f"(?:{body})"
        seen.add(name)
        return f"(?P<{name}>{body})"

    if letter in "yu":
        return group("year", r"\d{2}" if count == 2 else rf"[+-]?\d{{{max(count, 1)},9}}")
    if letter in "ML":
        if count >= 4:
            return group("month_name", "|".join(_MONTHS))
        if count == 3:
            return group("month_abbr", "|".join(_MONTHS_SHORT))
        return group("month", r"\d{2}" if count == 2 else r"\d{1,2}")
    if letter == "d":
        return group("day", r"\d{2}" if count == 2 else r"\d{1,2}")
    if letter == "D":
        return group("day_of_year", rf"\d{{{count},3}}")
    if letter in "HkKh":
        name = {"H": "hour", "k": "hour_k", "K": "hour_K", "h": "hour_h"}[letter]
        return group(name, r"\d{2}" if count == 2 else r"\d{1,2}")
    if letter == "m":
        return group("minute", r"\d{2}" if count == 2 else r"\d{1,2}")
    if letter == "s":
        return group("second", r"\d{2}" if count == 2 else r"\d{1,2}")
    if letter == "S":
        return rf"\d{{{count}}}"
    if letter in "nN":
        return r"\d+"
    if letter == "A":
        return r"\d+"
    if letter == "a":
        return "(?:AM|PM)"
    if letter in "Eec":
        if letter in "ec" and count <= 2:
            return r"\d"
        return "(?:" + "|".join(_DAYS if count >= 4 else _DAYS_SHORT) + ")"
    if letter == "G":
        return "(?:AD|BC|Anno Domini|Before Christ|A|B)"
    if letter in "Qq":
        return r"\d{1,2}" if count <= 2 else r"(?:Q[1-4]|[1-4](?:st|nd|rd|th) quarter)"
    if letter in "wW":
        return r"\d{1,2}"
    if letter == "F":
        return r"\d"
    if letter == "X":
        offsets = {1: r"[+-]\d{2}(?:\d{2})?", 2: r"[+-]\d{4}", 3: r"[+-]\d{2}:\d{2}"}
        return "(?:Z|" + offsets.get(count, r"[+-]\d{2}:?\d{2}(?::?\d{2})?") + ")"
    if letter == "x":
        offsets = {1: r"[+-]\d{2}(?:\d{2})?", 2: r"[+-]\d{4}", 3: r"[+-]\d{2}:\d{2}"}
        return offsets.get(count, r"[+-]\d{2}:?\d{2}(?::?\d{2})?")
    if letter == "Z":
        if count <= 3:
            return r"[+-]\d{4}"
        if count == 4:
            return r"(?:GMT|GMT[+-]\d{1,2}(?::\d{2})?|Z|[+-]\d{2}:\d{2})"
        return r"(?:Z|[+-]\d{2}:\d{2})"
    if letter == "O":
        return r"GMT(?:[+-]\d{1,2}(?::\d{2})?)?"
    if letter in "zv":
        return r"[A-Za-z][A-Za-z0-9_/+\-]*(?: [A-Za-z]+)*"
    if letter == "V":
        return r"[A-Za-z][A-Za-z0-9_/+\-]*"
    raise ValueError(f"unknown pattern letter {letter!r}")


def _translate(pattern: str) -> str:
    out: list[str] = []
    seen: set[str] = set()
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "'":
            end = i + 1
            literal = []
            while end < n:
                if pattern[end] == "'":
                    if end + 1 < n and pattern[end + 1] == "'":
                        literal.append("'")
                        end += 2
                        continue
                    break
                literal.append(pattern[end])
                end += 1
            out.append(re.escape("".join(literal)) if end > i + 1 else "'")
            i = end + 1
            continue
        if char == "[":
            out.append("(?:")
            i += 1
            continue
        if char == "]":
            out.append(")?")
            i += 1
            continue
        if char.isalpha():
            j = i
            while j < n and pattern[j] == char:
                j += 1
            out.append(_letter_regex(char, j - i, seen))
            i = j
            continue
        out.append(re.escape(char))
        i += 1
    return "".join(out)


def _valid_fields(fields: dict[str, str | None]) -> bool:
    def number(name: str) -> int | None:
        value = fields.get(name)
        return int(value) if value else None

    month = number("month")
    if fields.get("month_name"):
        month = [m.lower() for m in _MONTHS].index(str(fields["month_name"]).lower()) + 1
    if fields.get("month_abbr"):
        month = [m.lower() for m in _MONTHS_SHORT].index(str(fields["month_abbr"]).lower()) + 1
    if month is not None and not 1 <= month <= 12:
        return False
    day = number("day")
    if day is not None:
        year = number("year") if fields.get("year") else 2000
        days = calendar.monthrange(year or 2000, month)[1] if month else 31
        if not 1 <= day <= days:
            return False
    checks = {
        "day_of_year": (1, 366),
        "hour": (0, 23),
        "hour_k": (1, 24),
        "hour_K": (0, 11),
        "hour_h": (1, 12),
        "minute": (0, 59),
        "second": (0, 59),
    }
    for name, (low, high) in checks.items():
        value = number(name)
        if value is not None and not low <= value <= high:
            return False
    return True
