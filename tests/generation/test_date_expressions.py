"""Relative date/time expressions, checked against a fixed base of 2000-01-01T10:00Z."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.errors import InvalidMatcher
from accord.generation.date_expressions import evaluate_date, evaluate_datetime, evaluate_time

BASE = dt.datetime(2000, 1, 1, 10, 0, tzinfo=dt.UTC)

DATETIMES = [
    ("", "2000-01-01 10:00:00.000"),
    ("now", "2000-01-01 10:00:00.000"),
    ("today", "2000-01-01 10:00:00.000"),
    ("yesterday", "1999-12-31 10:00:00.000"),
    ("tomorrow", "2000-01-02 10:00:00.000"),
    ("+ 1 day", "2000-01-02 10:00:00.000"),
    ("+ 1 week", "2000-01-08 10:00:00.000"),
    ("- 2 weeks", "1999-12-18 10:00:00.000"),
    ("+ 4 years", "2004-01-01 10:00:00.000"),
    ("tomorrow+ 4 years", "2004-01-02 10:00:00.000"),
    ("next week", "2000-01-08 10:00:00.000"),
    ("last month", "1999-12-01 10:00:00.000"),
    ("next month", "2000-02-01 10:00:00.000"),
    ("last year", "1999-01-01 10:00:00.000"),
    ("next fortnight", "2000-01-15 10:00:00.000"),
    ("next monday", "2000-01-03 10:00:00.000"),
    ("last wednesday", "1999-12-29 10:00:00.000"),
    ("next mon", "2000-01-03 10:00:00.000"),
    ("last december", "1999-12-01 10:00:00.000"),
    ("next jan", "2001-01-01 10:00:00.000"),
    ("next june + 2 weeks", "2000-06-15 10:00:00.000"),
    ("last mon + 2 weeks", "2000-01-10 10:00:00.000"),
    ("+ 1 day - 2 weeks", "1999-12-19 10:00:00.000"),
    ("last december + 2 weeks + 4 days", "1999-12-19 10:00:00.000"),
    ("@ now", "2000-01-01 10:00:00.000"),
    ("@ midnight", "2000-01-01 00:00:00.000"),
    ("@ noon", "2000-01-01 12:00:00.000"),
    ("@ 2 o'clock", "2000-01-01 14:00:00.000"),
    ("@ 12 o'clock am", "2000-01-01 12:00:00.000"),
    ("@ 1 o'clock pm", "2000-01-01 13:00:00.000"),
    ("@ + 1 hour", "2000-01-01 11:00:00.000"),
    ("@ - 2 minutes", "2000-01-01 09:58:00.000"),
    ("@ + 4 seconds", "2000-01-01 10:00:04.000"),
    ("@ + 4 milliseconds", "2000-01-01 10:00:00.004"),
    ("@ midnight+ 4 minutes", "2000-01-01 00:04:00.000"),
    ("@ next hour", "2000-01-01 11:00:00.000"),
    ("@ last minute", "2000-01-01 09:59:00.000"),
    ("@ now + 2 hours - 4 minutes", "2000-01-01 11:56:00.000"),
    ("@  + 2 hours - 4 minutes", "2000-01-01 11:56:00.000"),
    ("today @ 1 o'clock", "2000-01-01 13:00:00.000"),
    ("yesterday @ midnight", "1999-12-31 00:00:00.000"),
    ("yesterday @ midnight - 1 hour", "1999-12-30 23:00:00.000"),
    ("tomorrow @ now", "2000-01-02 10:00:00.000"),
    ("+ 1 day @ noon", "2000-01-02 12:00:00.000"),
    ("+ 1 day @ 10 o'clock", "2000-01-02 22:00:00.000"),
    ("+ 1 week @ +1 hour", "2000-01-08 11:00:00.000"),
    ("- 2 weeks @ now + 1 hour", "1999-12-18 11:00:00.000"),
    ("+ 4 years @ midnight", "2004-01-01 00:00:00.000"),
    ("tomorrow+ 4 years @ 3 o'clock + 40 milliseconds", "2004-01-02 15:00:00.040"),
    ("next week @ next hour", "2000-01-08 11:00:00.000"),
    ("last month @ last hour", "1999-12-01 09:00:00.000"),
    ("TOMORROW", "2000-01-02 10:00:00.000"),
]


def _show(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


@pytest.mark.parametrize(("expression", "expected"), DATETIMES, ids=[e for e, _ in DATETIMES])
def test_datetime_expressions(expression: str, expected: str) -> None:
    assert _show(evaluate_datetime(BASE, expression)) == expected


def test_month_arithmetic_keeps_the_day_where_it_can() -> None:
    end_of_january = BASE.replace(day=31)
    assert evaluate_date(end_of_january, "+ 1 month").date() == dt.date(2000, 2, 29)
    assert evaluate_date(end_of_january, "- 2 months").date() == dt.date(1999, 11, 30)


def test_time_expressions_on_their_own() -> None:
    assert evaluate_time(BASE, "noon + 30 minutes").strftime("%H:%M") == "12:30"
    assert evaluate_time(BASE.replace(hour=15), "3 o'clock").strftime("%H:%M") == "03:00"


@pytest.mark.parametrize(
    "expression",
    ["someday", "+ 1", "+ one day", "+ 1 fortnights", "next", "next blue", "tomorrow today"],
)
def test_invalid_date_expressions(expression: str) -> None:
    with pytest.raises(InvalidMatcher, match="invalid date/time expression"):
        evaluate_datetime(BASE, expression)


@pytest.mark.parametrize(
    "expression", ["@ 13 o'clock", "@ 2", "@ soon", "@ + 1 day", "@ next day", "@ noon + 1"]
)
def test_invalid_time_expressions(expression: str) -> None:
    with pytest.raises(InvalidMatcher, match="invalid date/time expression"):
        evaluate_datetime(BASE, expression)
