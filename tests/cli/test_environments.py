"""`accord create-environment`, `update-environment`, `list-environments`,
`describe-environment`, `delete-environment`."""

from __future__ import annotations

import json
from typing import Any

from tests.cli.broker_support import official_pact
from tests.cli.conftest import Accord, RunningBroker

_ENVIRONMENTS_INDEX = (
    "a request for the index resource",
    "the pb:environments relation exists in the index resource",
)


def test_environment_lifecycle(accord: Accord, running_broker: RunningBroker, names: Any) -> None:
    name = names("uat")
    created = accord(
        "create-environment", "--name", name, "--display-name", "UAT", "--no-production",
        "--contact-name", "QA team", "--contact-email-address", "qa@example.com", "-o", "json",
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    uuid = json.loads(created.stdout)["uuid"]
    stored = running_broker.json(f"/environments/{uuid}")
    assert (stored["name"], stored["displayName"], stored["production"]) == (name, "UAT", False)
    assert stored["contacts"] == [
        {"name": "QA team", "details": {"emailAddress": "qa@example.com"}}
    ]

    updated = accord("update-environment", "--uuid", uuid, "--production")
    assert updated.exit_code == 0, updated.output
    assert f"Updated {name} environment" in updated.stdout
    stored = running_broker.json(f"/environments/{uuid}")
    assert (stored["displayName"], stored["production"]) == ("UAT", True)

    listed = accord("list-environments")
    assert any(line.split()[:2] == [uuid, name] for line in listed.stdout.splitlines())
    described = accord("describe-environment", "--uuid", uuid)
    assert f"Name: {name}" in described.stdout
    assert "Production: true" in described.stdout

    deleted = accord("delete-environment", "--uuid", uuid)
    assert deleted.exit_code == 0, deleted.output
    assert f"Deleted environment {name}" in deleted.stdout
    assert running_broker.get(f"/environments/{uuid}").status_code == 404


def test_describing_an_unknown_environment_names_the_uuid(accord: Accord) -> None:
    result = accord("describe-environment", "--uuid", "0000-missing")
    assert result.exit_code == 1
    assert "no environment with uuid '0000-missing'" in result.stderr


def test_create_environment_sends_what_the_official_client_sends() -> None:
    with official_pact(_ENVIRONMENTS_INDEX, ("a request to create an environment", None)) as url:
        result = Accord(url)(
            "create-environment", "--name", "test", "--display-name", "Test", "--no-production",
            "--contact-name", "Foo team", "--contact-email-address", "foo@bar.com",
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Created test environment" in result.stdout
    assert "ffe683ef-dcd7-4e4f-877d-f6eb3db8e86e" in result.stdout


def test_list_environments_sends_what_the_official_client_sends() -> None:
    listing = ("a request to list the environments", "an environment exists")
    with official_pact(_ENVIRONMENTS_INDEX, listing) as url:
        result = Accord(url)("list-environments")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].split() == [
        "78e85fb2-9df1-48da-817e-c9bea6294e01", "test", "Test", "false",
    ]  # fmt: skip


def test_a_broker_without_environments_says_so() -> None:
    index_without = ("a request for the index resource", "the pacticipant relations are present")
    with official_pact(index_without) as url:
        result = Accord(url)("list-environments")
    assert result.exit_code == 1
    assert "does not support environments" in result.stderr
