"""Pact date/time formats (Java `SimpleDateFormat` letters, e.g. `yyyy-MM-dd'T'HH:mm:ss`) applied
to Python `date`/`time`/`datetime` objects, so `match.date(date(2024, 1, 31))` records the text
the pact needs without the user converting it by hand.
"""

from __future__ import annotations

import datetime as dt
import re

from accord.consumer._arguments import fail

# Longest letters first so `yyyy` wins over `yy`.
_TOKENS = {
    "yyyy": "%Y",
    "yy": "%y",
    "MMMM": "%B",
    "MMM": "%b",
    "MM": "%m",
    "dd": "%d",
    "HH": "%H",
    "hh": "%I",
    "mm": "%M",
    "ss": "%S",
    "a": "%p",
    "EEEE": "%A",
    "EEE": "%a",
    "XXX": "XXX",
    "Z": "%z",
    "SSS": "SSS",
}
_SCANNER = re.compile(
    r"'[^']*'|" + "|".join(sorted(_TOKENS, key=len, reverse=True)) + r"|[A-Za-z]|."
)


def format_temporal(function: str, value: dt.date | dt.time, pattern: str) -> str:
    """Render `value` with a Java-style pattern; unknown letters raise InvalidMatcher."""
    out: list[str] = []
    for token in _SCANNER.findall(pattern):
        if token.startswith("'"):
            out.append(token[1:-1] or "'")
        elif token == "SSS":
            out.append(f"{getattr(value, 'microsecond', 0) // 1000:03d}")
        elif token == "XXX":
            out.append(_iso_offset(value))
        elif token in _TOKENS:
            out.append(value.strftime(_TOKENS[token]))
        elif token.isalpha():
            raise fail(
                function,
                f"format={pattern!r} uses the letter {token!r}, which Accord cannot render",
                "pass the example as a string instead of a date/time object",
            )
        else:
            out.append(token)
    return "".join(out)


def _iso_offset(value: dt.date | dt.time) -> str:
    offset = value.utcoffset() if isinstance(value, dt.datetime | dt.time) else None
    if offset is None:
        return "Z"
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "Z"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"
