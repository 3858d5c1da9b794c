"""The opaque metadata segment of pact URLs handed out for verification.

It is base64url (no padding) of a Rack-style query string with abbreviated keys, as the Ruby
broker builds it: `s[][t]=prod&s[][l]=true&s[][cv]=10&p=true` (selectors with tag, latest,
branch `b`, environment `e`, consumer version id `cv`; `p` pending; `w` wip). Clients treat the
URL as opaque; we decode it when verification results are published to it.
"""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import parse_qsl, urlencode

_SELECTOR_KEYS = {
    "tag": "t",
    "latest": "l",
    "branch": "b",
    "environment": "e",
    "consumer_version_id": "cv",
}
_LONG = {short: long for long, short in _SELECTOR_KEYS.items()}


def encode(selectors: list[dict[str, Any]], *, pending: bool | None, wip: bool) -> str:
    pairs: list[tuple[str, str]] = []
    for selector in selectors:
        for long, short in _SELECTOR_KEYS.items():
            value = selector.get(long)
            if value is not None and value is not False:
                pairs.append((f"s[][{short}]", str(value).lower() if value is True else str(value)))
    if wip:
        pairs.append(("w", "true"))
    elif pending is not None:
        pairs.append(("p", str(pending).lower()))
    text = urlencode(pairs, safe="[]")
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def decode(segment: str) -> dict[str, Any]:
    """{"selectors": [...], "pending": bool | None, "wip": bool}; garbage decodes to defaults."""
    result: dict[str, Any] = {"selectors": [], "pending": None, "wip": False}
    try:
        text = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return result
    selectors: list[dict[str, Any]] = result["selectors"]
    for key, value in parse_qsl(text, keep_blank_values=True):
        if key.startswith("s[][") and key.endswith("]"):
            long = _LONG.get(key[4:-1])
            if long is None:
                continue
            if not selectors or long in selectors[-1]:
                selectors.append({})
            selectors[-1][long] = value == "true" if long == "latest" else value
        elif key == "p":
            result["pending"] = value == "true"
        elif key == "w":
            result["wip"] = value == "true"
    return result
