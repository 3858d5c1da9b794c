"""`accord create-version-tag` and `accord describe-version`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.broker_support import official_pact, write_pact
from tests.cli.conftest import Accord, RunningBroker


def test_tag_an_existing_version_and_refuse_an_unknown_one(
    accord: Accord, running_broker: RunningBroker, names: Any, tmp_path: Path
) -> None:
    consumer = names("Orders")
    write_pact(tmp_path, consumer, names("Users"))
    assert accord("publish", str(tmp_path), "-a", "1.0").exit_code == 0

    tagged = accord("create-version-tag", "-a", consumer, "-e", "1.0", "-t", "prod", "-t", "eu")
    unknown = accord("create-version-tag", "-a", consumer, "-e", "1.1", "-t", "prod")

    assert tagged.exit_code == 0, tagged.output
    assert f"Tagged {consumer} version 1.0 as prod" in tagged.stdout
    version = running_broker.json(f"/pacticipants/{consumer}/versions/1.0")
    assert sorted(t["name"] for t in version["_embedded"]["tags"]) == ["eu", "prod"]
    assert unknown.exit_code == 1
    assert f"cannot tag {consumer} version 1.1: that version does not exist" in unknown.stderr
    assert running_broker.get(f"/pacticipants/{consumer}/versions/1.1").status_code == 404


def test_auto_create_version_creates_it(
    accord: Accord, running_broker: RunningBroker, names: Any
) -> None:
    app = names("Users")
    result = accord(
        "create-version-tag", "-a", app, "-e", "7", "-t", "dev", "--auto-create-version"
    )
    assert result.exit_code == 0, result.output
    version = running_broker.json(f"/pacticipants/{app}/versions/7")
    assert [t["name"] for t in version["_embedded"]["tags"]] == ["dev"]


def test_describe_version_by_number_latest_and_latest_with_tag(
    accord: Accord, names: Any, tmp_path: Path
) -> None:
    consumer = names("Orders")
    write_pact(tmp_path, consumer, names("Users"))
    assert (
        accord("publish", str(tmp_path), "-a", "1", "--branch", "main", "-t", "prod").exit_code == 0
    )
    assert accord("publish", str(tmp_path), "-a", "2", "-t", "dev").exit_code == 0

    by_number = accord("describe-version", "-a", consumer, "-e", "1")
    latest = accord("describe-version", "-a", consumer, "-o", "id")
    latest_prod = accord("describe-version", "-a", consumer, "--latest", "prod", "-o", "json")

    assert by_number.exit_code == 0, by_number.output
    assert by_number.stdout.splitlines()[-1].split() == ["1", "main", "prod"]
    assert latest.stdout.strip() == "2"
    assert json.loads(latest_prod.stdout)["number"] == "1"


def test_describing_a_missing_version_names_it(accord: Accord, names: Any) -> None:
    app = names("Orders")
    result = accord("describe-version", "-a", app, "-e", "404")
    assert result.exit_code == 1
    assert f"{app} version 404 not found in the Pact Broker" in result.stderr


# ---- the official client's pact --------------------------------------------------------------


@pytest.mark.parametrize(
    "state",
    [
        "'Condor' exists in the pact-broker",
        "'Condor' exists in the pact-broker with version 1.3.0, tagged with 'prod'",
    ],
)
def test_create_version_tag_sends_what_the_official_client_sends(state: str) -> None:
    wanted = ("a request to tag the production version of Condor", state)
    with official_pact(wanted) as url:
        result = Accord(url)(
            "create-version-tag", "-a", "Condor", "-e", "1.3.0", "-t", "prod",
            "--auto-create-version",
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Tagged Condor version 1.3.0 as prod" in result.stdout


def test_describe_latest_version_sends_what_the_official_client_sends() -> None:
    wanted = (
        ("a request for the index resource", "the pb:latest-version relation exists in the index resource"),
        ("a request to retrieve the latest version of Condor", "'Condor' exists in the pact-broker with the latest version 1.2.3"),
    )  # fmt: skip
    with official_pact(*wanted) as url:
        result = Accord(url)("describe-version", "-a", "Condor", "-o", "id")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1.2.3"


def test_describe_latest_tagged_version_sends_what_the_official_client_sends() -> None:
    wanted = (
        ("a request for the index resource", "the pb:latest-tagged-version relation exists in the index resource"),
        ("a request to retrieve the latest 'production' version of Condor", "'Condor' exists in the pact-broker with the latest tagged 'production' version 1.2.3"),
    )  # fmt: skip
    with official_pact(*wanted) as url:
        result = Accord(url)("describe-version", "-a", "Condor", "--latest", "production")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].split() == ["1.2.3"]
