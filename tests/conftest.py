"""Global test configuration: the conformance data must be present, never silently skipped."""

from __future__ import annotations

import pytest

from tests.support import SHARED


def pytest_sessionstart(session: pytest.Session) -> None:
    if not (SHARED / "pact-spec").is_dir():
        raise pytest.UsageError(
            f"conformance data not found at {SHARED}; the shared folder must sit beside the repository"
        )
