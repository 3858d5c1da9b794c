"""Relative date/time expressions of the Date, Time and DateTime generators.

An expression moves a base moment (normally now). The grammar follows pact-reference's:

    datetime := date-part [ "@" time-part ]
    date-part := base [adjustments] | adjustments | ("next" | "last") offset [adjustments]
      base: now, today, yesterday, tomorrow
      offset: day, week, fortnight, month, year, a weekday (mon, monday, ...), a month (jan, ...)
    time-part := base [adjustments] | adjustments | ("next" | "last") unit [adjustments]
      base: now, midnight, noon, N o'clock [am | pm]   (bare "N o'clock" is the next such hour)
    adjustments := ("+" | "-") N unit, repeated; units: day(s), week(s), month(s), year(s) for
      dates, hour(s), minute(s), second(s), millisecond(s) for times.

Examples with base 2000-01-01T10:00: "tomorrow" gives 2000-01-02T10:00, "next monday" 2000-01-03,
"last december" 1999-12-01, "+ 1 day @ noon" 2000-01-02T12:00, "@ 1 o'clock" 13:00.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import TypeVar

from accord.errors import InvalidMatcher

_U = TypeVar("_U")
_Step = tuple[int, int, _U]

_TOKEN = re.compile(r"\s*(o'clock|[a-z]+|\d+|[+\-])", re.IGNORECASE)

_WEEKDAYS = {
    "mon": 0,
    "monday": 0,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "wednesday": 2,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}
_MONTHS = {
    name: number
    for number, full in enumerate(calendar.month_name[1:], start=1)
    for name in {full.lower(), full.lower()[:3]}
}
_DATE_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week"}
_DATE_UNITS |= {"month": "month", "months": "month", "year": "year", "years": "year"}
_TIME_UNITS = {
    f"{unit}{plural}": dt.timedelta(**{f"{unit}s": 1})
    for unit in ("hour", "minute", "second", "millisecond")
    for plural in ("", "s")
}


def evaluate_datetime(base: dt.datetime, expression: str | None) -> dt.datetime:
    """Apply a `date [@ time]` expression to `base`; raises InvalidMatcher when it does not parse."""
    if not expression or not expression.strip():
        return base
    date_part, at, time_part = expression.partition("@")
    moment = evaluate_date(base, date_part) if date_part.strip() else base
    return evaluate_time(moment, time_part) if at else moment


def evaluate_date(base: dt.datetime, expression: str | None) -> dt.datetime:
    """Apply a date expression ("tomorrow", "+ 2 weeks", "last friday") to `base`."""
    tokens = _tokens(expression or "")
    if not tokens:
        return base
    moment, rest = _date_start(base, tokens, expression or "")
    for sign, amount, unit in _adjustments(rest, _DATE_UNITS, expression or ""):
        moment = _shift_date(moment, unit, sign * amount)
    return moment


def evaluate_time(base: dt.datetime, expression: str | None) -> dt.datetime:
    """Apply a time expression ("noon", "2 o'clock pm", "+ 4 hours") to `base`.

    A leading "@" is allowed, so a Time generator accepts the time half of a DateTime expression.
    """
    tokens = _tokens((expression or "").strip().removeprefix("@"))
    if not tokens:
        return base
    moment, rest = _time_start(base, tokens, expression or "")
    for sign, amount, unit in _adjustments(rest, _TIME_UNITS, expression or ""):
        moment = moment + sign * amount * unit
    return moment


# ---- parsing -------------------------------------------------------------------------------


def _tokens(expression: str) -> list[str]:
    tokens: list[str] = []
    pos = 0
    text = expression.rstrip()
    while pos < len(text):
        found = _TOKEN.match(text, pos)
        if not found:
            raise _error(expression, f"unexpected text {text[pos:].strip()!r}")
        tokens.append(found.group(1).lower())
        pos = found.end()
    return tokens


def _date_start(
    base: dt.datetime, tokens: list[str], expression: str
) -> tuple[dt.datetime, list[str]]:
    first = tokens[0]
    bases = {"now": 0, "today": 0, "yesterday": -1, "tomorrow": 1}
    if first in bases:
        return base + dt.timedelta(days=bases[first]), tokens[1:]
    if first in ("next", "last"):
        if len(tokens) < 2:
            raise _error(expression, f"'{first}' needs a unit, weekday or month after it")
        return _date_offset(base, tokens[1], 1 if first == "next" else -1, expression), tokens[2:]
    if first in "+-":
        return base, tokens
    raise _error(expression, "expected now, today, yesterday, tomorrow, +, -, next or last")


def _date_offset(base: dt.datetime, word: str, direction: int, expression: str) -> dt.datetime:
    if word == "fortnight":
        return base + dt.timedelta(weeks=2 * direction)
    if word in ("day", "week", "month", "year"):
        return _shift_date(base, word, direction)
    if word in _WEEKDAYS:
        return _roll(base, direction, lambda d: d.weekday() == _WEEKDAYS[word])
    if word in _MONTHS:
        moment = _roll(base, direction, lambda d: d.month == _MONTHS[word])
        # Going back lands on the month's last day; "last december" means its first day.
        return moment.replace(day=1) if direction < 0 else moment
    raise _error(expression, f"unknown offset {word!r} after next/last")


def _roll(base: dt.datetime, direction: int, wanted: Callable[[dt.datetime], bool]) -> dt.datetime:
    """Step a day at a time past the current run of matching days, then to the next match."""
    step = dt.timedelta(days=direction)
    moment = base
    while wanted(moment):
        moment += step
    while not wanted(moment):
        moment += step
    return moment


def _shift_date(moment: dt.datetime, unit: str, amount: int) -> dt.datetime:
    if unit == "day":
        return moment + dt.timedelta(days=amount)
    if unit == "week":
        return moment + dt.timedelta(weeks=amount)
    months = amount * (12 if unit == "year" else 1)
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    # Keep the day of the month where it exists; otherwise use the month's last day.
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _time_start(
    base: dt.datetime, tokens: list[str], expression: str
) -> tuple[dt.datetime, list[str]]:
    first = tokens[0]
    on_the_hour = base.replace(minute=0, second=0, microsecond=0)
    if first == "now":
        return base, tokens[1:]
    if first == "midnight":
        return on_the_hour.replace(hour=0), tokens[1:]
    if first == "noon":
        return on_the_hour.replace(hour=12), tokens[1:]
    if first.isdigit():
        return _clock_hour(base, on_the_hour, tokens, expression)
    if first in ("next", "last"):
        if len(tokens) < 2 or tokens[1] not in _TIME_UNITS:
            raise _error(expression, f"'{first}' needs hour, minute, second or millisecond")
        direction = 1 if first == "next" else -1
        return base + direction * _TIME_UNITS[tokens[1]], tokens[2:]
    if first in "+-":
        return base, tokens
    raise _error(expression, "expected now, midnight, noon, N o'clock, +, -, next or last")


def _clock_hour(
    base: dt.datetime, on_the_hour: dt.datetime, tokens: list[str], expression: str
) -> tuple[dt.datetime, list[str]]:
    hour = int(tokens[0])
    if len(tokens) < 2 or tokens[1] != "o'clock":
        raise _error(expression, f"expected o'clock after {hour}")
    if not 1 <= hour <= 12:
        raise _error(expression, f'the hour in "{hour} o\'clock" must be 1 to 12')
    rest = tokens[2:]
    if rest and rest[0] in ("am", "pm"):
        # pact-reference keeps "12 o'clock am" at 12:00 and has no 24:00, so neither do we.
        hour = hour if rest[0] == "am" or hour == 12 else hour + 12
        return on_the_hour.replace(hour=hour), rest[1:]
    # A bare "N o'clock" means the next time the clock shows N: afternoon if it is morning now.
    hour = hour + 12 if base.hour < 12 and hour != 12 else hour
    return on_the_hour.replace(hour=hour % 24), rest


def _adjustments(tokens: list[str], units: Mapping[str, _U], expression: str) -> list[_Step[_U]]:
    """Read `(+|-) N unit` triples until the tokens run out."""
    found: list[_Step[_U]] = []
    for i in range(0, len(tokens), 3):
        sign, amount, unit = [*tokens[i : i + 3], "", ""][:3]
        if sign not in ("+", "-"):
            raise _error(expression, f"expected + or - but found {sign!r}")
        if not amount.isdigit():
            raise _error(expression, f"expected a number after {sign!r}")
        if unit not in units:
            raise _error(expression, f"expected one of {', '.join(units)} after {amount}")
        found.append((1 if sign == "+" else -1, int(amount), units[unit]))
    return found


def _error(expression: str, problem: str) -> InvalidMatcher:
    return InvalidMatcher(f"invalid date/time expression {expression!r}: {problem}")
