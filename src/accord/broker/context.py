"""The per-unit-of-work context every service receives: the session, the settings and a clock.

Passing it explicitly (rather than module globals) lets tests run many brokers side by side and
lets the test-data builder move time ("30 days later") without patching anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from accord.broker.db.base import utc_now
from accord.broker.settings import Settings


@dataclass
class Context:
    session: Session
    settings: Settings
    clock: Callable[[], datetime] = field(default=utc_now)
    # the public base URL of this request, for URLs that services put into data (webhooks)
    base_url: str = ""

    def now(self) -> datetime:
        return self.clock()
