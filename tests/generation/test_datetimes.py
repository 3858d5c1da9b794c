"""Java date/time patterns: which texts parse, and how values are formatted."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.model.datetimes import (
    InvalidDatePattern,
    check_pattern,
    format_datetime,
    matches_pattern,
)

ACCEPTED = [
    ("yyyy-MM-dd", "2023-07-19"),
    ("yyyy-MM-dd", "2024-02-29"),
    ("yyyy-M-d", "2023-7-9"),
    ("yyyy-M-d", "2023-07-19"),
    ("yy/MM/dd", "23/07/19"),
    ("yyyyMMdd", "20230719"),
    ("HH:mm:ss", "00:00:00"),
    ("HH:mm:ss", "23:59:59"),
    ("hh:mm a", "12:30 PM"),
    ("h:mm a", "9:05 am"),
    ("K:mm", "0:15"),
    ("k:mm", "24:00"),
    ("HH:mm:ss.SSS", "10:11:12.123"),
    ("yyyy-MM-dd'T'HH:mm:ss", "2023-07-19T10:11:12"),
    ("yyyy-MM-dd'T'HH:mm:ssXXX", "2023-07-19T10:11:12+10:00"),
    ("yyyy-MM-dd'T'HH:mm:ssXXX", "2023-07-19T10:11:12Z"),
    ("yyyy-MM-dd'T'HH:mm:ss.SSSX", "2023-07-19T10:11:12.000-05"),
    ("yyyy-MM-dd HH:mm:ssZ", "2013-12-01 14:00:00+1000"),
    ("yyyy-MM-dd HH:mm:ssZZZZZ", "2013-12-01 14:00:00+10:00"),
    ("yyyy-MM-dd HH:mm:ssZZZZ", "2013-12-01 14:00:00GMT+10:00"),
    ("yyyy-MM-dd HH:mm:ss xx", "2013-12-01 14:00:00 +0000"),
    ("yyyy-MM-dd HH:mm O", "2013-12-01 14:00 GMT+8"),
    ("yyyy-MM-dd HH:mm VV", "2013-12-01 14:00 Europe/London"),
    ("yyyy-MM-dd HH:mm z", "2013-12-01 14:00 AEST"),
    ("yyyy-MM-dd HH:mm zzzz", "2013-12-01 14:00 Pacific Standard Time"),
    ("EEE, dd MMM yyyy HH:mm:ss z", "Wed, 19 Jul 2023 10:11:12 GMT"),
    ("EEEE, MMMM d, yyyy", "Wednesday, July 19, 2023"),
    ("MMMMM", "J"),
    ("D", "366"),
    ("yyyy-DDD", "2023-200"),
    ("yyyy-'W'ww-e", "2023-W29-3"),
    ("QQQ yyyy", "Q3 2023"),
    ("QQQQ", "3rd quarter"),
    ("G yyyy", "AD 2023"),
    ("yyyy-MM-dd['T'HH:mm]", "2023-07-19"),
    ("yyyy-MM-dd['T'HH:mm]", "2023-07-19T10:11"),
    ("''yy''", "'23'"),
    ("'o''clock' H", "o'clock 5"),
    ("yyyy#MM#dd#HH#mm#ss", "2013#12#01#14#00#00"),
    ("HH:mm:ss.n", "10:11:12.123456789"),
    ("A", "86399999"),
    ("u-MM-dd", "-44-03-15"),
    ("yyyy-MM-dd", "+12345-01-01"),
]

REJECTED = [
    ("yyyy-MM-dd", "23/07/19"),
    ("yyyy-MM-dd", "2023-13-01"),
    ("yyyy-MM-dd", "2023-00-10"),
    ("yyyy-MM-dd", "2023-07-32"),
    ("yyyy-MM-dd", "2023-02-29"),
    ("yyyy-MM-dd", "2023-04-31"),
    ("yyyy-MM-dd", "2023-7-19"),
    ("yyyy-MM-dd", "12345-01-01"),
    ("yyyy-MM-dd", "2023-07-19 "),
    ("yyyy-MM-dd", ""),
    ("HH:mm:ss", "24:00:00"),
    ("HH:mm:ss", "10:60:00"),
    ("HH:mm:ss", "10:00:60"),
    ("HH:mm:ss", "1:00:00"),
    ("hh:mm a", "13:00 PM"),
    ("hh:mm a", "00:00 AM"),
    ("K:mm", "12:00"),
    ("k:mm", "0:00"),
    ("HH:mm:ss.SSS", "10:11:12.12"),
    ("HH:mm:ss.SSS", "10:11:12.1234"),
    ("yyyy-MM-dd'T'HH:mm:ss", "2015-06-10T22:98:78"),
    ("yyyy-MM-dd'T'HH:mm:ssXXX", "2023-07-19T10:11:12+1000"),
    ("yyyy-MM-dd HH:mm:ssZ", "2013-12-01 14:00:00+10:00"),
    ("yyyy-MM-dd HH:mm:ss xx", "2013-12-01 14:00:00 Z"),
    ("yyyy-MM-dd HH:mm:ssX", "2013-12-01 14:00:00+19"),
    ("EEE", "Mun"),
    ("MMM", "Jux"),
    ("D", "367"),
    ("QQQ", "Q5"),
    ("yyyy-MM-dd['T'HH:mm]", "2023-07-19T"),
    ("yyyy-MM-dd", "I'm a date!"),
    ("bbbb", "anything"),  # unknown letter: an invalid pattern matches nothing
    ("yyyy-MM-dd'T", "2023-07-19T"),  # unclosed quote
    ("ddd", "019"),
]


@pytest.mark.parametrize(("pattern", "text"), ACCEPTED, ids=[f"{p}|{t}" for p, t in ACCEPTED])
def test_accepts(pattern: str, text: str) -> None:
    assert matches_pattern(pattern, text)


@pytest.mark.parametrize(("pattern", "text"), REJECTED, ids=[f"{p}|{t}" for p, t in REJECTED])
def test_rejects(pattern: str, text: str) -> None:
    assert not matches_pattern(pattern, text)


@pytest.mark.parametrize("pattern", ["bb", "yyyy-MM-dd'T", "[yyyy", "yyyy]", "HHH", "VVV", "ddd"])
def test_invalid_patterns_raise(pattern: str) -> None:
    with pytest.raises(InvalidDatePattern):
        check_pattern(pattern)


UTC = dt.UTC
PLUS_TEN = dt.timezone(dt.timedelta(hours=10))
MOMENT = dt.datetime(2023, 7, 19, 14, 5, 9, 123456, tzinfo=PLUS_TEN)

FORMATTED = [
    ("yyyy-MM-dd", "2023-07-19"),
    ("yy-M-d", "23-7-19"),
    ("HH:mm:ss", "14:05:09"),
    ("h:mm a", "2:05 PM"),
    ("hh 'o''clock' a", "02 o'clock PM"),
    ("HH:mm:ss.SSS", "14:05:09.123"),
    ("HH:mm:ss.SSSSSSSSS", "14:05:09.123456000"),
    ("yyyy-MM-dd'T'HH:mm:ssXXX", "2023-07-19T14:05:09+10:00"),
    ("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "2023-07-19T14:05:09.123+1000"),
    ("X", "+10"),
    ("xx", "+1000"),
    ("ZZZZ", "GMT+10:00"),
    ("O", "GMT+10"),
    ("EEE, d MMM yyyy", "Wed, 19 Jul 2023"),
    ("EEEE MMMM", "Wednesday July"),
    ("D", "200"),
    ("QQQ", "Q3"),
    ("G", "AD"),
    ("yyyy-MM-dd[ HH:mm]", "2023-07-19 14:05"),
]


@pytest.mark.parametrize(("pattern", "expected"), FORMATTED, ids=[p for p, _ in FORMATTED])
def test_format(pattern: str, expected: str) -> None:
    assert format_datetime(pattern, MOMENT) == expected


def test_zero_offset_is_z_for_x_letters() -> None:
    moment = MOMENT.replace(tzinfo=UTC)
    assert format_datetime("yyyy-MM-dd'T'HH:mm:ssXXX", moment) == "2023-07-19T14:05:09Z"
    assert format_datetime("xxx", moment) == "+00:00"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2023, 7, 19), "2023-07-19"),
        (dt.time(8, 30, 1), "08:30:01"),
        (MOMENT, "2023-07-19T14:05:09.123+1000"),
    ],
)
def test_iso_defaults(value: dt.date | dt.time, expected: str) -> None:
    assert format_datetime(None, value) == expected


@pytest.mark.parametrize(("pattern", "_"), FORMATTED, ids=[p for p, _ in FORMATTED])
def test_formatted_text_parses_back(pattern: str, _: str) -> None:
    assert matches_pattern(pattern, format_datetime(pattern, MOMENT))


@pytest.mark.parametrize("pattern", ["z", "zzzz", "VV", "O", "OOOO", "ZZZZ", "ZZZZZ", "x", "XXXXX"])
@pytest.mark.parametrize("tz", [UTC, PLUS_TEN, dt.timezone(dt.timedelta(hours=-5, minutes=-30))])
def test_zones_format_and_parse_back(pattern: str, tz: dt.tzinfo) -> None:
    text = format_datetime(pattern, MOMENT.replace(tzinfo=tz))
    assert matches_pattern(pattern, text), text
