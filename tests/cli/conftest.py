"""Fixtures for the broker client commands: one real `accord broker serve` per test session (a
subprocess on a loopback port with a temporary SQLite file), a CLI runner pointed at it, and a
reader of what the broker then stores.

Tests share the broker, so each one names its pacticipants and environments uniquely (`names`).
"""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result

from accord.cli import main
from tests.support import free_port

_START_TIMEOUT = 30.0


@dataclass
class RunningBroker:
    url: str

    def get(self, path: str, **params: Any) -> httpx.Response:
        return httpx.get(self.url + path, params=params, headers={"Accept": "application/hal+json"})

    def json(self, path: str, **params: Any) -> dict[str, Any]:
        response = self.get(path, **params)
        assert response.status_code == 200, f"GET {path}: {response.status_code} {response.text}"
        data: dict[str, Any] = response.json()
        return data

    def post(self, href: str, body: Any) -> dict[str, Any]:
        response = httpx.post(href if href.startswith("http") else self.url + href, json=body)
        assert response.status_code < 300, f"POST {href}: {response.status_code} {response.text}"
        data: dict[str, Any] = response.json() if response.content else {}
        return data


@pytest.fixture(scope="session")
def running_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBroker]:
    database = tmp_path_factory.mktemp("broker") / "broker.sqlite3"
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "accord",
        "broker",
        "serve",
        "--port",
        str(port),
        "--database-url",
        f"sqlite:///{database}",
        "--log-level",
        "warning",
    ]
    log = database.with_suffix(".log")
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    broker = RunningBroker(url=f"http://127.0.0.1:{port}")
    try:
        _wait_until_up(broker, process, log)
        yield broker
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(broker: RunningBroker, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"accord broker serve exited early:\n{log.read_text()}")
        try:
            if broker.get("/diagnostic/status/heartbeat").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)  # polling for start-up, not waiting on behaviour
    raise RuntimeError(f"accord broker serve did not answer within {_START_TIMEOUT}s")


@pytest.fixture
def names() -> Iterator[Any]:
    """Unique names for this test's pacticipants and environments on the shared broker."""
    suffix = uuid.uuid4().hex[:8]

    def name(base: str) -> str:
        return f"{base}-{suffix}"

    yield name


class Accord:
    """Runs `accord ...` in-process against a broker (PACT_BROKER_BASE_URL set)."""

    def __init__(self, broker_url: str) -> None:
        self.broker_url = broker_url

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> Result:
        runner = CliRunner()
        environment = {
            "PACT_BROKER_BASE_URL": self.broker_url,
            "PACT_BROKER_USERNAME": None,
            "PACT_BROKER_PASSWORD": None,
            "PACT_BROKER_TOKEN": None,
            "PACT_BROKER_CAN_I_DEPLOY_DRY_RUN": None,
            "PACT_BROKER_CAN_I_DEPLOY_IGNORE": None,
            **(env or {}),
        }
        result = runner.invoke(main, list(args), env=environment, catch_exceptions=False)
        # Whatever happens, a broker command answers with words, never a traceback.
        assert "Traceback" not in result.output
        return result


@pytest.fixture
def accord(running_broker: RunningBroker) -> Accord:
    return Accord(running_broker.url)
