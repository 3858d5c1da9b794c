"""Running a user callable with a time limit, in the calling thread where possible.

State handlers usually touch thread-bound resources (a Django or SQLAlchemy connection, a test
transaction) that the in-process provider also uses, so they run in the caller's thread. On the
main thread of a POSIX process a SIGALRM timer interrupts a handler that overruns; elsewhere
(other threads, Windows) the handler runs in a worker thread that is abandoned on timeout, since
Python cannot stop a thread.
"""

from __future__ import annotations

import concurrent.futures
import signal
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class DeadlineExceeded(Exception):
    """The callable did not finish within its time limit."""


class _Alarm(BaseException):
    # A BaseException, so a handler's own `except Exception` cannot swallow the interruption.
    pass


def call_with_deadline(work: Callable[[], T], seconds: float | None) -> T:
    """`work()`, or DeadlineExceeded after `seconds` (None: no limit)."""
    if seconds is None:
        return work()
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        return _with_alarm(work, seconds)
    return _with_worker(work, seconds)


def _with_alarm(work: Callable[[], T], seconds: float) -> T:
    def on_alarm(signum: int, frame: Any) -> None:
        raise _Alarm

    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    # Keep any timer already running (pytest-timeout uses one) and give back what is left of it.
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        return work()
    except _Alarm:
        raise DeadlineExceeded(f"did not finish within {seconds:g} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            remaining = max(previous_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, remaining, previous_interval)


def _with_worker(work: Callable[[], T], seconds: float) -> T:
    pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="accord-deadline")
    future = pool.submit(work)
    try:
        return future.result(timeout=seconds)
    except concurrent.futures.TimeoutError:
        raise DeadlineExceeded(f"did not finish within {seconds:g} s") from None
    finally:
        pool.shutdown(wait=False)
