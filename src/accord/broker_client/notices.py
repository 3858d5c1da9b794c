"""Messages a broker returns for people to read: `notices` ({type, text}), or the older `logs`
({level, message}) that brokers before notices sent, and that the official client still reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, kw_only=True)
class BrokerNotice:
    """One message: `type` is success, info, warning, prompt, error, danger or debug."""

    type: str
    text: str


def notices_of(body: dict[str, Any]) -> tuple[BrokerNotice, ...]:
    """The notices of a response body, falling back to its logs; () when it has neither."""
    notices = body.get("notices")
    if isinstance(notices, list):
        return tuple(
            BrokerNotice(type=str(item.get("type", "info")), text=str(item.get("text", "")))
            for item in notices
            if isinstance(item, dict)
        )
    logs = body.get("logs")
    if isinstance(logs, list):
        return tuple(
            BrokerNotice(type=str(item.get("level", "info")), text=str(item.get("message", "")))
            for item in logs
            if isinstance(item, dict)
        )
    return ()
