"""Formatting a moment with compiled pattern items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from accord.model.datetimes._patterns import (
    _QUARTER_NAMES,
    DEFAULT_DATE_PATTERN,
    DEFAULT_GENERATED_DATETIME_PATTERN,
    DEFAULT_TIME_PATTERN,
    MONTHS,
    WEEKDAYS,
    _Field,
    _Item,
    _Literal,
    _Optional,
)

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
