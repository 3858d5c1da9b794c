"""The pacts of the documentation-style examples pass the official Rust verifier (`pact verifier`)
against a small real provider. Runs in CI under `-m interop`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.consumer import examples
from tests.consumer.example_apps import Provider

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
