"""`accord stub`: serves pact files on a real port (one subprocess smoke test)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.consumer import examples
from tests.support import free_port


def test_stub_serves_the_responses_of_a_pact_file(tmp_path):
    examples.modern_http(tmp_path)
    port = free_port()
    command = [sys.executable, "-m", "accord", "stub", str(tmp_path), "--port", str(port), "--cors"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        _exercise(process, port)


def _exercise(process: subprocess.Popen[str], port: int) -> None:
    try:
        assert process.stdout is not None
        while "listening on" not in process.stdout.readline():
            assert process.poll() is None, "the stub exited early"
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{base}/users/UserA") as response:
            assert json.load(response)["name"] == "UserA"
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(f"{base}/nothing")
        with caught.value as error:
            assert error.code == 500
            assert b"Unexpected request received: GET /nothing" in error.read()
        preflight = urllib.request.Request(
            f"{base}/users",
            method="OPTIONS",
            headers={"Origin": "http://app", "Access-Control-Request-Method": "POST"},
        )
        with urllib.request.urlopen(preflight) as response:
            assert response.status == 204
    finally:
        process.send_signal(signal.SIGINT)
        began = time.monotonic()
        process.wait(timeout=5)
        assert time.monotonic() - began < 5


def test_provider_state_filter_picks_between_interactions_on_one_route():
    from accord.cli.stub import _wanted
    from accord.model import HttpInteraction, ProviderState

    exists = HttpInteraction(description="a", provider_states=(ProviderState(name="user exists"),))
    missing = HttpInteraction(description="b", provider_states=(ProviderState(name="no user"),))
    stateless = HttpInteraction(description="c")
    assert [i.description for i in (exists, missing, stateless) if _wanted(i, "^no user$")] == [
        "b",
        "c",
    ]
    assert all(_wanted(i, None) for i in (exists, missing, stateless))
