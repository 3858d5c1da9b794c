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

import datetime as dt

from accord.model.datetimes._formatting import (
    _as_aware_datetime,
    _default_pattern,
    _format_items,
    _kind_of,
)
from accord.model.datetimes._parsing import _consistent, _parse_items
from accord.model.datetimes._patterns import (
    DEFAULT_DATE_PATTERN,
    DEFAULT_DATETIME_PATTERN,
    DEFAULT_GENERATED_DATETIME_PATTERN,
    DEFAULT_TIME_PATTERN,
    InvalidDatePattern,
    _compile,
)

__all__ = [
    "DEFAULT_DATETIME_PATTERN",
    "DEFAULT_DATE_PATTERN",
    "DEFAULT_GENERATED_DATETIME_PATTERN",
    "DEFAULT_TIME_PATTERN",
    "InvalidDatePattern",
    "check_pattern",
    "format_datetime",
    "matches_pattern",
]


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
