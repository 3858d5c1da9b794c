"""Live interop: the official Rust `pact broker` CLI and `pact verifier` (PyPI package
pact-python-cli) against a running `accord broker serve` over a real socket. The CLI publishes
pacts and tags, the verifier fetches pacts-for-verification with selectors, pending and WIP, and
publishes results; the test then reads the broker's API and checks what was stored."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from tests.broker.builder import pact_document
from tests.support import REPO, free_port

PACT_CLI = shutil.which("pact") or str(REPO / ".venv" / "bin" / "pact")
pytestmark = [
    pytest.mark.interop,
    pytest.mark.skipif(
        not Path(PACT_CLI).exists() and os.environ.get("CI", "").lower() != "true",
        reason="the `pact` CLI (pip install pact-python-cli) is not installed",
    ),
]


@pytest.fixture
def served_broker(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "accord", "broker", "serve", "--port", str(port),
               "--database-url", f"sqlite:///{tmp_path / 'interop.sqlite3'}", "--log-level", "warning"]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(base, timeout=1)
            break
        except httpx.TransportError:
            assert server.poll() is None and time.monotonic() < deadline, "broker did not start"
            time.sleep(0.1)
    yield base
    server.send_signal(signal.SIGTERM)
    server.communicate(timeout=20)


class _Provider(BaseHTTPRequestHandler):
    """Bar: answers GET /things/{key} with {"key": key}, as the builder's pacts expect."""

    def do_GET(self) -> None:
        body = json.dumps({"key": self.path.rsplit("/", 1)[-1]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # provider-state changes: nothing to do
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def provider() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def pact_cli(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([PACT_CLI, *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, (
        f"pact {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    )
    return result


def write_pact(directory: Path, key: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "Foo-Bar.json"
    path.write_text(json.dumps(pact_document("Foo", "Bar", key)))
    return path


def test_rust_cli_publishes_and_rust_verifier_verifies(
    served_broker: str, provider: int, tmp_path: Path
) -> None:
    broker = served_broker
    main_pact = write_pact(tmp_path / "main", "main-content")
    pact_cli("broker", "publish", str(main_pact), "-b", broker, "--consumer-app-version", "1",
             "--branch", "main", "--tag", "dev")  # fmt: skip
    pact_cli(
        "broker",
        "create-or-update-pacticipant",
        "-b",
        broker,
        "--name",
        "Foo",
        "--main-branch",
        "main",
    )
    feature_pact = write_pact(tmp_path / "feature", "feature-content")
    pact_cli(
        "broker",
        "publish",
        str(feature_pact),
        "-b",
        broker,
        "--consumer-app-version",
        "2",
        "--branch",
        "feat-x",
    )
    pact_cli(
        "broker",
        "create-version-tag",
        "-b",
        broker,
        "--pacticipant",
        "Foo",
        "--version",
        "1",
        "--tag",
        "prod",
    )
    described = json.loads(pact_cli("broker", "describe-version", "-b", broker, "--pacticipant", "Foo",
                                    "--version", "1", "--output", "json").stdout)  # fmt: skip
    assert described["number"] == "1"
    assert sorted(t["name"] for t in described["_embedded"]["tags"]) == ["dev", "prod"]
    listed = pact_cli(
        "broker", "list-latest-pact-versions", "-b", broker, "--output", "json"
    ).stdout
    assert "Foo" in listed and "Bar" in listed

    since = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 86400))
    result = subprocess.run(
        [PACT_CLI, "verifier", "-b", broker, "-n", "Bar", "--hostname", "127.0.0.1", "--port", str(provider),
         "--consumer-version-selectors", json.dumps({"mainBranch": True}), "--enable-pending",
         "--include-wip-pacts-since", since, "--publish", "--provider-version", "7",
         "--provider-branch", "main", "--no-colour"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr

    with httpx.Client(base_url=broker) as client:
        for number in ("1", "2"):  # the main-branch pact and the WIP feature pact
            pact = client.get(f"/pacts/provider/Bar/consumer/Foo/version/{number}").json()
            latest = client.get(pact["_links"]["pb:latest-verification-results"]["href"])
            assert latest.status_code == 200, f"no verification stored for Foo {number}"
            assert latest.json()["success"] is True
            assert latest.json()["providerApplicationVersion"] == "7"
        version = client.get("/pacticipants/Bar/versions/7").json()
        assert [b["name"] for b in version["_embedded"]["branchVersions"]] == ["main"]
        after = client.post("/pacts/provider/Bar/for-verification", json={
            "consumerVersionSelectors": [{"mainBranch": True}], "providerVersionBranch": "main",
            "includePendingStatus": True, "includeWipPactsSince": since}).json()["_embedded"]["pacts"]  # fmt: skip
        by_name = {p["_links"]["self"]["name"]: p["verificationProperties"] for p in after}
        assert by_name["Pact between Foo (1) and Bar"]["pending"] is False
        assert by_name["Pact between Foo (2) and Bar"]["wip"] is True, "a WIP success leaves it WIP"


def test_rust_cli_environments_deployments_and_can_i_deploy(
    served_broker: str, tmp_path: Path
) -> None:
    """create-environment, record-deployment, record-release and can-i-deploy (exit 0 for yes,
    1 for no) against the broker, agreeing with scenarios 1 and 3 of the design note."""
    broker = served_broker
    pact_cli("broker", "publish", str(write_pact(tmp_path / "p", "deploy")), "-b", broker,
             "--consumer-app-version", "1", "--branch", "main")  # fmt: skip
    pact_cli("broker", "create-environment", "-b", broker, "--name", "production", "--production")
    pact = httpx.get(f"{broker}/pacts/provider/Bar/consumer/Foo/version/1").json()
    for number, success in (("10", True), ("11", False)):
        assert httpx.post(pact["_links"]["pb:publish-verification-results"]["href"],
                          json={"success": success, "providerApplicationVersion": number}).status_code == 201  # fmt: skip

    def can_i_deploy(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([PACT_CLI, "broker", "can-i-deploy", "-b", broker, *args],
                              capture_output=True, text=True, timeout=120)  # fmt: skip

    no = can_i_deploy("--pacticipant", "Foo", "--version", "1", "--to-environment", "production")
    assert no.returncode == 1, no.stdout + no.stderr  # Bar is not in production yet: unknown
    pact_cli("broker", "record-deployment", "-b", broker, "--pacticipant", "Bar", "--version", "11",
             "--environment", "production")  # fmt: skip
    failed = can_i_deploy(
        "--pacticipant", "Foo", "--version", "1", "--to-environment", "production"
    )
    assert failed.returncode == 1, "the deployed Bar v11 failed the verification"
    pact_cli("broker", "record-deployment", "-b", broker, "--pacticipant", "Bar", "--version", "10",
             "--environment", "production")  # fmt: skip
    yes = can_i_deploy("--pacticipant", "Foo", "--version", "1", "--to-environment", "production")
    assert yes.returncode == 0, yes.stdout + yes.stderr
    assert "Computer says yes" in yes.stdout
    pact_cli("broker", "record-release", "-b", broker, "--pacticipant", "Foo", "--version", "1",
             "--environment", "production")  # fmt: skip
    environments = httpx.get(f"{broker}/environments").json()["_embedded"]["environments"]
    uuid = next(e["uuid"] for e in environments if e["name"] == "production")
    deployed = httpx.get(
        f"{broker}/environments/{uuid}/deployed-versions/currently-deployed?pacticipant=Bar"
    ).json()
    assert [
        d["_embedded"]["version"]["number"] for d in deployed["_embedded"]["deployedVersions"]
    ] == ["10"]
    released = httpx.get(
        f"{broker}/environments/{uuid}/released-versions/currently-supported?pacticipant=Foo"
    ).json()
    assert [
        r["_embedded"]["version"]["number"] for r in released["_embedded"]["releasedVersions"]
    ] == ["1"]
