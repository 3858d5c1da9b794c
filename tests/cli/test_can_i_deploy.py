"""`accord can-i-deploy`: the selector grammar, the official client's pact (the matrix queries
must be the ones the Pact CLI sends), and the whole story against a running broker."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from accord.broker_client.matrix import CanIDeployQuery, VersionSelector
from accord.cli._selectors import parse_selectors
from tests.cli.broker_support import official_pact, write_pact
from tests.cli.conftest import Accord, RunningBroker

# ---- selectors: order decides which pacticipant a version belongs to ---------------------------


@pytest.mark.parametrize(
    ("args", "selectors", "ignored"),
    [
        (
            ["-aFoo", "-e1", "--pacticipant", "Bar", "--version=2"],
            [VersionSelector(pacticipant="Foo", version="1"), VersionSelector(pacticipant="Bar", version="2")],
            [],
        ),
        (
            ["-a", "Foo", "--latest", "-a", "Bar", "--latest", "prod", "--to-environment", "x"],
            [VersionSelector(pacticipant="Foo", latest=True), VersionSelector(pacticipant="Bar", latest=True, tag="prod")],
            [],
        ),
        (
            ["-a", "Foo", "--branch", "main", "-a", "Bar", "--main-branch", "-a", "Baz", "--all", "prod"],
            [
                VersionSelector(pacticipant="Foo", branch="main"),
                VersionSelector(pacticipant="Bar", main_branch=True),
                VersionSelector(pacticipant="Baz", tag="prod"),
            ],
            [],
        ),
        (
            ["-a", "Bar", "-e", "4", "--ignore", "Foo", "--version", "3", "--ignore", "Baz"],
            [VersionSelector(pacticipant="Bar", version="4")],
            [VersionSelector(pacticipant="Foo", version="3"), VersionSelector(pacticipant="Baz")],
        ),
    ],
    ids=["versions", "latest-and-tag", "branches-and-all", "ignore"],
)  # fmt: skip
def test_selectors_follow_argument_order(
    args: list[str], selectors: list[VersionSelector], ignored: list[VersionSelector]
) -> None:
    assert parse_selectors(args) == (selectors, ignored)


def test_one_selector_without_environment_asks_about_the_latest_of_everything_else() -> None:
    query = CanIDeployQuery(selectors=[VersionSelector(pacticipant="Foo", version="1.2.3")])
    assert query.params() == [
        ("q[][pacticipant]", "Foo"),
        ("q[][version]", "1.2.3"),
        ("latestby", "cvp"),
        ("latest", "true"),
    ]


def test_a_pacticipant_without_a_version_is_a_usage_error(accord: Accord) -> None:
    result = accord("can-i-deploy", "--pacticipant", "Foo", "--to-environment", "production")
    assert result.exit_code == 1
    assert "no version given for pacticipant Foo" in result.stderr


def test_version_before_any_pacticipant_is_a_usage_error(accord: Accord) -> None:
    result = accord("can-i-deploy", "-e", "1", "-a", "Foo")
    assert result.exit_code == 2
    assert "must follow the --pacticipant" in result.output


# ---- the official client's pact --------------------------------------------------------------

_MATRIX = "a request for the compatibility matrix "
_FOR = _MATRIX + "for "


@pytest.mark.parametrize(
    ("args", "interaction", "state", "exit_code", "shown"),
    [
        (
            ["-a", "Foo", "-e", "1.2.3", "-a", "Bar", "-e", "4.5.6"],
            _FOR + "Foo version 1.2.3 and Bar version 4.5.6",
            "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6",
            0,
            "Computer says yes",
        ),
        (
            ["-a", "Foo Thing", "-e", "1.2.3", "-a", "Bar", "-e", "4.5.6"],
            _FOR + "Foo version 1.2.3 and Bar version 4.5.6",
            "the pact for Foo Thing version 1.2.3 has been verified by Bar version 4.5.6",
            0,
            "1. http://result (success)",
        ),
        (
            ["-a", "Foo", "-e", "1.2.3", "-a", "Bar", "--latest", "prod"],
            _FOR + "Foo version 1.2.3 and the latest prod version of Bar",
            "the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 with tag prod, and 1.2.4 unsuccessfully by 9.9.9",
            0,
            "some text",
        ),
        (
            ["-a", "Foo", "-e", "1.2.4", "-a", "Bar", "--latest"],
            _FOR + "Foo version 1.2.3 and the latest version of Bar",
            "the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6, and 1.2.4 unsuccessfully by 9.9.9",
            0,
            "Computer says yes",
        ),
        (
            ["-a", "Foo", "-e", "1.2.3", "--to", "prod"],
            _FOR + "Foo version 1.2.3 and the latest prod versions of all other pacticipants",
            "the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 (tagged prod) and version 5.6.7",
            1,  # this answer has no summary: no decision is a no
            "Computer says no",
        ),
        (
            ["-a", "Foo", "-e", "1.2.3"],
            _MATRIX + "where only the version of Foo is specified",
            "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6 and version 5.6.7",
            0,
            "Computer says yes",
        ),
        (
            ["-a", "Foo", "-e", "1.2.3", "-a", "Bar", "-e", "9.9.9"],
            _MATRIX + "where one or more versions does not exist",
            "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6",
            1,
            "an error message",
        ),
        (
            ["-a", "Bar", "-e", "4.5.6", "-a", "Foo", "--all", "prod", "--ignore", "Foo", "--version", "3.4.5"],
            "a request to determine if Bar can be deployed with all Foo tagged prod, ignoring the verification for Foo version 3.4.5",
            "provider Bar version 4.5.6 has a successful verification for Foo version 1.2.3 tagged prod and a failed verification for version 3.4.5 tagged prod",
            0,
            "false [ignored]",
        ),
    ],
    ids=["versions", "name-with-space", "latest-tag", "latest", "to-tag", "one-selector", "missing-version", "ignore"],
)  # fmt: skip
def test_can_i_deploy_sends_the_official_matrix_queries(
    args: list[str], interaction: str, state: str, exit_code: int, shown: str
) -> None:
    with official_pact((interaction, state)) as url:
        result = Accord(url)("can-i-deploy", *args)
    assert result.exit_code == exit_code, result.output
    assert shown in result.output


def test_broker_validation_errors_are_shown_with_their_message() -> None:
    wanted = (_FOR + "a pacticipant that does not exist", None)
    with official_pact(wanted) as url:
        result = Accord(url)(
            "can-i-deploy", "-a", "Wiffle", "-e", "1.2.3", "-a", "Meep", "-e", "9.9.9"
        )
    assert result.exit_code == 1
    assert "HTTP 400: an error message" in result.stderr


def test_retry_while_unknown_asks_again_then_answers() -> None:
    wanted = (
        _FOR + "Foo version 1.2.3 and Bar version 4.5.6",
        "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6",
    )
    with official_pact(wanted) as url:
        result = Accord(url)(
            "can-i-deploy", "-a", "Foo", "-e", "1.2.3", "-a", "Bar", "-e", "4.5.6",
            "--retry-while-unknown", "2", "--retry-interval", "0",
        )  # fmt: skip
    # the recorded answer always has one unknown result: asked three times, then answered
    assert "Waiting for 1 verification result to be published" in result.stderr
    assert result.exit_code == 0


def test_dry_run_always_exits_0_and_marks_every_line() -> None:
    wanted = (
        _MATRIX + "where one or more versions does not exist",
        "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6",
    )
    with official_pact(wanted) as url:
        result = Accord(url)(
            "can-i-deploy", "-a", "Foo", "-e", "1.2.3", "-a", "Bar", "-e", "9.9.9", "--dry-run"
        )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "[dry-run] Computer says no ¯\\_(ツ)_/¯"
    assert all(line.startswith("[dry-run]") for line in lines)
    assert lines[-1] == "[dry-run] Dry run enabled - ignoring any failures"


def test_json_output_is_the_brokers_answer() -> None:
    wanted = (
        _MATRIX + "where only the version of Foo is specified",
        "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6 and version 5.6.7",
    )
    with official_pact(wanted) as url:
        result = Accord(url)("can-i-deploy", "-a", "Foo", "-e", "1.2.3", "-o", "json")
    assert json.loads(result.stdout)["summary"]["deployable"] is True


# ---- against Accord's broker --------------------------------------------------------------


def _verify(
    broker: RunningBroker,
    consumer: str,
    provider: str,
    version: str,
    success: bool,
    provider_version: str,
) -> None:
    pact = broker.json(f"/pacts/provider/{provider}/consumer/{consumer}/version/{version}")
    href = pact["_links"]["pb:publish-verification-results"]["href"]
    broker.post(href, {"success": success, "providerApplicationVersion": provider_version})


def test_can_i_deploy_to_an_environment_yes_then_no(
    accord: Accord, running_broker: RunningBroker, names: Any, tmp_path: Path
) -> None:
    consumer, provider, environment = names("Orders"), names("Users"), names("prod")
    write_pact(tmp_path / "v1", consumer, provider, description="v1")
    write_pact(tmp_path / "v2", consumer, provider, description="v2")
    assert accord("publish", str(tmp_path / "v1"), "-a", "1").exit_code == 0
    assert accord("publish", str(tmp_path / "v2"), "-a", "2").exit_code == 0
    _verify(running_broker, consumer, provider, "1", True, "10")
    _verify(running_broker, consumer, provider, "2", False, "10")
    assert accord("create-environment", "--name", environment).exit_code == 0
    deployed = accord("record-deployment", "-a", provider, "-e", "10", "--environment", environment)
    assert deployed.exit_code == 0, deployed.output

    yes = accord("can-i-deploy", "-a", consumer, "-e", "1", "--to-environment", environment)
    no = accord("can-i-deploy", "-a", consumer, "-e", "2", "--to-environment", environment)
    dry = accord(
        "can-i-deploy", "-a", consumer, "-e", "2", "--to-environment", environment, "--dry-run"
    )

    assert yes.exit_code == 0, yes.output
    assert "Computer says yes" in yes.stdout
    assert no.exit_code == 1, no.output
    assert "Computer says no" in no.stdout
    assert "The verification for the pact between" in no.stdout
    assert dry.exit_code == 0
    assert all(line.startswith("[dry-run]") for line in dry.stdout.splitlines())


def test_a_broker_without_a_matrix_is_an_error_not_a_no() -> None:
    """An old or partial broker that 404s the matrix: say so and exit 1 (0 with --dry-run)."""
    with _broker_without_a_matrix() as url:
        accord = Accord(url)
        result = accord("can-i-deploy", "-a", "Foo", "-e", "1", "--to-environment", "production")
        dry = accord(
            "can-i-deploy", "-a", "Foo", "-e", "1", "--to-environment", "production", "--dry-run"
        )
    assert result.exit_code == 1
    assert "has no matrix" in result.stderr
    assert dry.exit_code == 0


@contextmanager
def _broker_without_a_matrix() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b'{"_links": {}}' if self.path == "/" else b'{"error": "not found"}'
            self.send_response(200 if self.path == "/" else 404)
            self.send_header("Content-Type", "application/hal+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
