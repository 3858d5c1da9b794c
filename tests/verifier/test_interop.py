"""Interop: a pact written by pact-python 4.x (the Rust core) verifies with `accord verify`,
and a provider that renames a field fails naming the consumer, the interaction and the field."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.verifier.providers import UserStore, flask_app, serve_wsgi

pytestmark = pytest.mark.interop
pact = pytest.importorskip("pact", reason="pact-python 4.x is in the `interop` extra")

ACCORD = [sys.executable, "-m", "accord"]


@pytest.fixture(scope="module")
def pact_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Consumer side, written with pact-python: the OrderService's expectations of UserService."""
    from pact import Pact, match

    directory = tmp_path_factory.mktemp("pacts")
    consumer = Pact("OrderService", "UserService").with_specification("V4")
    (
        consumer.upon_receiving("a request for an existing user")
        .given("a user exists", id=1, name="Ann")
        .with_request("GET", "/users/1")
        .with_header("Accept", "application/json")
        .will_respond_with(200)
        .with_body(
            {"userId": match.int(1), "name": match.str("Ann")}, content_type="application/json"
        )
    )
    (
        consumer.upon_receiving("a request for a missing user")
        .with_request("GET", "/users/999")
        .will_respond_with(404)
        .with_body({"error": match.str("not found")}, content_type="application/json")
    )
    with consumer.serve() as server, httpx.Client(base_url=str(server.url)) as client:
        assert client.get("/users/1", headers={"Accept": "application/json"}).json()["userId"] == 1
        assert client.get("/users/999").status_code == 404
    consumer.write_file(directory)
    [written] = directory.glob("*.json")
    assert written.name == "OrderService-UserService.json"
    return directory


def accord_verify(
    pact_dir: Path, store: UserStore, *extra: str
) -> subprocess.CompletedProcess[str]:
    with serve_wsgi(flask_app(store)) as url:
        return subprocess.run(
            [
                *ACCORD,
                "verify",
                str(pact_dir),
                "--provider",
                "UserService",
                "--provider-base-url",
                url,
                "--state-change-url",
                f"{url}/_pact/provider-states",
                *extra,
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
        )


def test_pact_python_pact_verifies_with_accord_verify(pact_dir: Path) -> None:
    store = UserStore()
    result = accord_verify(pact_dir, store)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "✓ a request for an existing user given a user exists" in result.stdout
    assert "✓ a request for a missing user" in result.stdout
    assert store.state_calls[0] == {
        "state": "a user exists",
        "params": {"id": 1, "name": "Ann"},
        "action": "setup",
    }


def test_renamed_field_exits_1_naming_consumer_interaction_and_field(
    pact_dir: Path, tmp_path: Path
) -> None:
    result = accord_verify(
        pact_dir, UserStore(rename_user_id=True), "--junit", str(tmp_path / "j.xml")
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "✗ a request for an existing user given a user exists" in result.stdout
    assert "OrderService expects $.body.userId (missing)" in result.stdout
    assert "1) OrderService → UserService: a request for an existing user" in result.stdout
    assert "OrderService expects $.body.userId (missing)" in (tmp_path / "j.xml").read_text()
