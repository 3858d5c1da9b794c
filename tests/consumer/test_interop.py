"""The pacts of the documentation-style examples pass the official Rust verifier (`pact verifier`)
against a small real provider. Runs in CI under `-m interop`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from accord import Pact, generate, match
from tests.consumer import examples
from tests.consumer.example_apps import JsonProvider, Provider

pytestmark = pytest.mark.interop


def _pact_binary() -> str:
    beside_python = Path(sys.executable).with_name("pact")
    found = str(beside_python) if beside_python.exists() else shutil.which("pact")
    if found is None:
        pytest.fail("the `pact` binary is missing: pip install 'accord[interop]' (pact-python-cli)")
    return found


@pytest.mark.parametrize("api", ["classic", "modern"])
def test_official_verifier_accepts_the_example_pacts(tmp_path, api):
    getattr(examples, f"{api}_http")(tmp_path)
    getattr(examples, f"{api}_message")(tmp_path)
    pact_files = sorted(tmp_path.glob("*.json"))
    assert [p.name for p in pact_files] == [
        "frontend-app-user-service.json",
        "orders-worker-order-service.json",
    ]
    with Provider() as provider:
        for pact_file, name in zip(pact_files, ["user-service", "order-service"]):
            result = subprocess.run(
                [
                    _pact_binary(),
                    "verifier",
                    "--file",
                    str(pact_file),
                    "--hostname",
                    "127.0.0.1",
                    "--port",
                    str(provider.port),
                    "--provider-name",
                    name,
                    "--state-change-url",
                    f"http://127.0.0.1:{provider.port}/_pact/state",
                    "--no-colour",
                ],
                capture_output=True,
                text=True,
                timeout=60,
                env={**os.environ, "PACT_DO_NOT_TRACK": "true"},
            )
            assert result.returncode == 0, result.stdout + result.stderr
            assert "There were" not in result.stdout


EVERY_MATCHER = {
    "like": (match.like({"a": 1}), {"a": 2}),
    "each": (match.each_like({"id": match.integer(1)}, min=1, max=5), [{"id": 5}, {"id": 6}]),
    "int": (match.integer(3), 9),
    "dec": (match.decimal(1.5), 2.25),
    "num": (match.number(2), 7),
    "str": (match.string("x"), "yy"),
    "bool": (match.boolean(True), False),
    "null": (match.null(), None),
    "re": (match.regex("ab12", pattern=r"[a-z]+\d+"), "zz99"),
    "date": (match.date("2024-01-31"), "2023-02-28"),
    "time": (match.time("13:45:30"), "01:02:03"),
    "datetime": (match.datetime("2024-01-31T13:45:30"), "2023-02-28T01:02:03"),
    "uuid": (match.uuid(), "0b2ad7c4-3a4e-4f2b-9a61-0d3f1b9c2e77"),
    "includes": (match.includes("world"), "hello world"),
    "equal": (match.equal("exact"), "exact"),
    "values": (match.values({"k": 1}), {"z": 5, "y": 6}),
    "contains": (
        match.array_containing([{"type": "admin"}]),
        [{"type": "user"}, {"type": "admin"}],
    ),
    "keys": (match.each_key({"en": "hi"}, match.regex("en", pattern="[a-z]{2}")), {"fr": "salut"}),
    "each_value": (match.each_value({"a": 1}, match.integer(1)), {"q": 3, "r": 4}),
    "not_empty": (match.not_empty([1]), [1, 2]),
    "semver": (match.semver("1.2.3"), "2.0.1"),
    "random_int": (generate.random_int(1, 9), 4),
    "hex": (generate.random_hexadecimal(6), "c0ffee"),
    "state": (generate.from_provider_state("${id}", 5), 5),
}


def _verify(pact_file: Path, port: int, provider: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            _pact_binary(),
            "verifier",
            "--file",
            str(pact_file),
            "--hostname",
            "127.0.0.1",
            "--port",
            str(port),
            "--provider-name",
            provider,
            "--no-colour",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PACT_DO_NOT_TRACK": "true"},
    )


@pytest.mark.parametrize("broken", [None, "int", "uuid", "values"])
def test_official_verifier_understands_every_matcher(tmp_path, broken):
    pact = Pact("every", "matcher", pact_dir=tmp_path)
    (
        pact.upon_receiving("a document using every matcher")
        .with_request("GET", "/document")
        .will_respond_with(match.status_code("success", 200))
        .with_body({name: matcher for name, (matcher, _) in EVERY_MATCHER.items()})
    )
    with pact.serve() as url, urllib.request.urlopen(url / "document") as response:
        assert response.status == 200
    served = {name: actual for name, (_, actual) in EVERY_MATCHER.items()}
    if broken:
        served[broken] = {"int": "9", "uuid": "not-a-uuid", "values": {"z": "text"}}[broken]
    with JsonProvider(served, status=201) as port:
        result = _verify(tmp_path / "every-matcher.json", port, "matcher")
    if broken is None:
        assert result.returncode == 0, result.stdout + result.stderr
    else:
        assert result.returncode != 0
        assert f"$.{broken}" in result.stdout
