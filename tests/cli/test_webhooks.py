"""`accord create-or-update-webhook` and `accord test-webhook`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.broker_support import official_pact
from tests.cli.conftest import Accord, RunningBroker

_UUID = "696c5f93-1b7f-44bc-8d03-59440fcaa9a0"
_INDEX = ("a request for the index resource with the webhook relation", None)
_BOTH_EXIST = "the 'Pricing Service' and 'Condor' already exist in the pact-broker"
_DEFINITION = [
    "https://webhook", "--uuid", _UUID, "-X", "POST", "-H", "Foo: bar", "-H", "Bar: foo",
    "-d", '{"some": "body"}', "--user", "username:password", "--description", "a webhook",
    "--contract-content-changed",
]  # fmt: skip


def test_create_then_update_a_webhook(
    accord: Accord, running_broker: RunningBroker, names: Any, tmp_path: Path
) -> None:
    provider = names("Users")
    assert accord("create-or-update-pacticipant", "--name", provider).exit_code == 0
    uuid = "wh" + names("0123456789abcdef").replace("-", "")
    body = tmp_path / "body.json"
    body.write_text('{"event": "${pactbroker.eventName}"}')
    arguments = [
        "https://ci.example/hooks", "--uuid", uuid, "-X", "post", "-d", f"@{body}",
        "--provider", provider, "--provider-verification-published",
    ]  # fmt: skip

    created = accord("create-or-update-webhook", *arguments, "--description", "first")
    updated = accord("create-or-update-webhook", *arguments, "--description", "second")

    assert created.exit_code == 0, created.output
    assert "Webhook 'first' created" in created.stdout
    assert "Webhook 'second' updated" in updated.stdout
    stored = running_broker.json(f"/webhooks/{uuid}")
    assert stored["description"] == "second"
    assert stored["request"]["method"] == "POST"
    assert stored["request"]["body"] == {"event": "${pactbroker.eventName}"}
    assert [event["name"] for event in stored["events"]] == ["provider_verification_published"]


def test_test_webhook_prints_the_execution_logs(accord: Accord, names: Any) -> None:
    uuid = "wh" + names("0123456789abcdef").replace("-", "")
    created = accord(
        "create-or-update-webhook", "https://127.0.0.1:9/hook", "--uuid", uuid, "-X", "POST",
        "--contract-published",
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    result = accord("test-webhook", "--uuid", uuid)
    assert result.exit_code == 0, result.output
    assert "127.0.0.1:9" in result.stdout


def test_a_webhook_needs_an_event(accord: Accord) -> None:
    result = accord("create-or-update-webhook", "https://x", "--uuid", _UUID, "-X", "POST")
    assert result.exit_code == 1
    assert "a webhook needs at least one event" in result.stderr


def test_testing_an_unknown_webhook_names_it(accord: Accord) -> None:
    result = accord("test-webhook", "--uuid", "no-such-webhook-uuid")
    assert result.exit_code == 1
    assert "no webhook with uuid 'no-such-webhook-uuid'" in result.stderr


# ---- the official client's pact --------------------------------------------------------------


@pytest.mark.parametrize(
    ("interaction", "state", "action"),
    [
        ("a request to create a webhook with a JSON body and a uuid", _BOTH_EXIST, "created"),
        ("a request to update a webhook", f"a webhook with the uuid {_UUID} exists", "updated"),
    ],
    ids=["create", "update"],
)
def test_create_or_update_webhook_sends_what_the_official_client_sends(
    interaction: str, state: str, action: str
) -> None:
    with official_pact(_INDEX, (interaction, state)) as url:
        result = Accord(url)(
            "create-or-update-webhook", *_DEFINITION, "--consumer", "Condor",
            "--provider", "Pricing Service",
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"Webhook 'a webhook' {action}" in result.stdout
