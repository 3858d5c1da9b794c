"""The demo's example services, checked end to end without the broker: the consumer tests write a
pact, the real user service verifies in-process, and the renamed field fails naming consumer and field.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from examples.user_service.app import UserStore, create_app

from accord.verifier import Verifier
from tests.support import REPO


@pytest.fixture(scope="module")
def pact_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("pacts")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "examples/order_service",
        ],
        cwd=REPO,
        env={"ACCORD_PACT_DIR": str(directory), "PATH": ""},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return directory


def _verifier(pact_dir: Path, *, renamed: bool) -> Verifier:
    store = UserStore()
    verifier = Verifier("UserService", app=create_app(rename_user_id=renamed, store=store))
    verifier.add_source(pact_dir)

    @verifier.state("a user with id 42 exists")
    def user_exists(params: dict[str, int]) -> None:
        store.reset()
        store.add(params["id"], "Ada Lovelace", "ada@example.com")

    @verifier.state("no users exist")
    def no_users(params: dict[str, object]) -> None:
        store.reset()

    return verifier


def test_the_consumer_tests_write_one_pact(pact_dir: Path) -> None:
    assert [path.name for path in pact_dir.glob("*.json")] == ["OrderService-UserService.json"]


def test_the_user_service_honours_the_pact(pact_dir: Path) -> None:
    report = _verifier(pact_dir, renamed=False).verify()
    assert report.success
    assert len(report.interactions) == 2


def test_renaming_a_field_breaks_the_order_service(pact_dir: Path) -> None:
    report = _verifier(pact_dir, renamed=True).verify()
    assert not report.success
    [failure] = report.failures
    assert (failure.consumer, failure.description) == ("OrderService", "a request for user 42")
    text = "\n".join(f.headline("OrderService") for f in failure.failures)
    assert "OrderService expects $.body.userId (missing)" in text
