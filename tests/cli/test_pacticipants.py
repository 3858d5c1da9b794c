"""`accord create-or-update-pacticipant` and `accord describe-pacticipant`."""

from __future__ import annotations

import json
from typing import Any

from tests.cli.broker_support import official_pact
from tests.cli.conftest import Accord, RunningBroker

_INDEX = ("a request for the index resource", "the pacticipant relations are present")


def test_create_then_update_only_the_given_fields(
    accord: Accord, running_broker: RunningBroker, names: Any
) -> None:
    name = names("Orders")
    created = accord(
        "create-or-update-pacticipant", "--name", name, "--display-name", "Order service",
        "--repository-url", "https://git/orders",
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    assert f'Pacticipant "{name}" created' in created.stdout

    updated = accord("create-or-update-pacticipant", "--name", name, "--main-branch", "trunk")
    assert updated.exit_code == 0, updated.output
    assert f'Pacticipant "{name}" updated' in updated.stdout

    stored = running_broker.json(f"/pacticipants/{name}")
    assert (stored["displayName"], stored["repositoryUrl"], stored["mainBranch"]) == (
        "Order service",
        "https://git/orders",
        "trunk",
    )


def test_describe_pacticipant_as_text_and_json(accord: Accord, names: Any) -> None:
    name = names("Users")
    assert (
        accord("create-or-update-pacticipant", "--name", name, "--main-branch", "main").exit_code
        == 0
    )

    text = accord("describe-pacticipant", "--name", name)
    as_json = accord("describe-pacticipant", "--name", name, "-o", "json")

    assert text.exit_code == 0, text.output
    assert f"Name: {name}" in text.stdout
    assert "Main branch: main" in text.stdout
    assert json.loads(as_json.stdout)["name"] == name


def test_describing_an_unknown_pacticipant_names_it(accord: Accord, names: Any) -> None:
    name = names("Nobody")
    result = accord("describe-pacticipant", "--name", name)
    assert result.exit_code == 1
    assert f"no pacticipant named {name!r}" in result.stderr

    as_json = accord("describe-pacticipant", "--name", name, "--output", "json")
    assert as_json.exit_code == 1
    assert name in json.loads(as_json.stdout)["error"]["message"]


def test_credentials_are_sent_and_both_kinds_at_once_are_refused(accord: Accord) -> None:
    both = accord("describe-pacticipant", "--name", "X", "-u", "user", "-k", "token")
    assert both.exit_code == 2
    assert "not both" in both.output


# ---- the official client's pact --------------------------------------------------------------


def test_create_pacticipant_sends_what_the_official_client_sends() -> None:
    wanted = (
        _INDEX,
        ("a request to retrieve a pacticipant", None),
        ("a request to create a pacticipant", None),
    )
    with official_pact(*wanted) as url:
        result = Accord(url)(
            "create-or-update-pacticipant", "--name", "Foo", "--repository-url", "http://foo"
        )
    assert result.exit_code == 0, result.output
    assert 'Pacticipant "Foo" created' in result.stdout


def test_update_pacticipant_sends_what_the_official_client_sends() -> None:
    wanted = (
        _INDEX,
        ("a request to retrieve a pacticipant", "a pacticipant with name Foo exists"),
        ("a request to update a pacticipant", "a pacticipant with name Foo exists"),
    )
    with official_pact(*wanted) as url:
        result = Accord(url)(
            "create-or-update-pacticipant", "--name", "Foo", "--repository-url", "http://foo"
        )
    assert result.exit_code == 0, result.output
    assert 'Pacticipant "Foo" updated' in result.stdout


def test_describe_pacticipant_sends_what_the_official_client_sends() -> None:
    wanted = (_INDEX, ("a request to retrieve a pacticipant", "a pacticipant with name Foo exists"))
    with official_pact(*wanted) as url:
        result = Accord(url)("describe-pacticipant", "--name", "Foo", "-o", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["_links"]["self"]["href"] == "/pacticipants/Foo"


def test_a_broker_url_that_is_not_http_is_a_usage_error() -> None:
    result = Accord("localhost:9292")("describe-pacticipant", "--name", "X")
    assert result.exit_code == 2
    assert "'localhost:9292' is not an http(s) URL" in result.output
