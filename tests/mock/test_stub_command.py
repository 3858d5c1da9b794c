"""`accord stub`: serves pact files on a real port (one subprocess smoke test)."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner, Result

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


def _run_stub(*args: str) -> Result:
    from accord.cli import main

    return CliRunner().invoke(main, ["stub", *args])


def test_a_port_in_use_is_named_without_a_traceback(tmp_path):
    examples.modern_http(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _run_stub(str(tmp_path), "--port", str(port))
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in result.output
    assert "Traceback" not in result.output


def test_a_folder_without_pact_files_is_an_error_not_an_empty_stub(tmp_path):
    result = _run_stub(str(tmp_path), "--port", "0")
    assert result.exit_code == 1
    assert f"no pact files (*.json) found in {tmp_path}" in result.output


def test_an_invalid_provider_state_regex_is_a_usage_error(tmp_path):
    examples.modern_http(tmp_path)
    result = _run_stub(str(tmp_path), "--port", "0", "--provider-state", "(")
    assert result.exit_code == 2
    assert "'--provider-state': '(' is not a valid regex" in result.output


def test_a_filter_that_leaves_nothing_is_an_error(tmp_path):
    from accord import Pact

    pact = Pact("web", "users", pact_dir=tmp_path)
    pact.upon_receiving("a").given("user exists").with_request("GET", "/u").will_respond_with(200)
    pact.write_file()
    result = _run_stub(str(tmp_path), "--port", "0", "--provider-state", "^nothing like it$")
    assert result.exit_code == 1
    assert "no HTTP interactions to serve" in result.output
