"""Shared test helpers: where the conformance data lives, and free loopback ports."""

from __future__ import annotations

import socket
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Third-party conformance data is read from the workspace's shared folder, never copied here.
SHARED = REPO.parent / "shared"
PACT_SPEC = SHARED / "pact-spec"
TESTCASES = PACT_SPEC / "testcases"
COMPAT = PACT_SPEC / "compatibility-suite"
FEATURES = COMPAT / "features"
FIXTURES = COMPAT / "fixtures"
BROKER_CLIENT_PACTS = SHARED / "broker-client-pacts"


def free_port() -> int:
    """An unused TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
