"""Webhooks fire on publication and verification, run from the outbox with their template
parameters, retry on failure, and can be test-executed."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from accord.broker.services.webhook_runner import run_due
from tests.broker.conftest import Broker, make_broker
from tests.broker.helpers import for_verification, publish_contract, verify_entry


class Receiver:
    """A local endpoint that records what webhooks send and answers with `status`."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.status = 200
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                receiver.requests.append({"path": self.path, "headers": dict(self.headers),
                                          "body": self.rfile.read(length).decode()})  # fmt: skip
                self.send_response(receiver.status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    made = Receiver()
    yield made
    made.server.shutdown()
    made.server.server_close()


@pytest.fixture
def hooked(tmp_path: Path, sqlite_template: Path) -> Iterator[Broker]:
    shutil.copy(sqlite_template, tmp_path / "hooks.sqlite3")
    broker = make_broker(f"sqlite:///{tmp_path / 'hooks.sqlite3'}", webhook_schemes=("http", "https"),
                         webhook_poll_seconds=0)  # fmt: skip
    yield broker
    broker.client.close()
    broker.app.state.engine.dispose()


def run(broker: Broker) -> int:
    return run_due(broker.app.state.session_factory, broker.settings, broker.clock)


def _hook(broker: Broker, receiver: Receiver, events: list[str], **extra: Any) -> str:
    response = broker.client.post("/webhooks", json={
        "description": "notify CI", "events": [{"name": e} for e in events],
        "request": {"method": "POST", "url": receiver.url + "/hook?consumer=${pactbroker.consumerName}",
                    "headers": {"Content-Type": "application/json"},
                    "body": {"pact": "${pactbroker.pactUrl}", "version": "${pactbroker.consumerVersionNumber}",
                             "status": "${pactbroker.githubVerificationStatus}", "event": "${pactbroker.eventName}"}},
        **extra,
    })  # fmt: skip
    assert response.status_code == 201, response.text
    return response.json()["uuid"]


def test_publication_triggers_and_the_runner_sends(hooked: Broker, receiver: Receiver) -> None:
    hooked.client.post("/pacticipants", json={"name": "Foo"})
    _hook(
        hooked,
        receiver,
        ["contract_published", "contract_content_changed"],
        consumer={"name": "Foo"},
    )
    body = publish_contract(hooked.client, "Foo", "1", "Bar", "a")
    texts = [n["text"] for n in body["notices"]]
    assert any(
        t.startswith('  Webhook "notify CI" triggered for event contract_published.') for t in texts
    )
    assert run(hooked) == 2
    sent = sorted(receiver.requests, key=lambda r: r["body"])
    assert [r["path"] for r in sent] == ["/hook?consumer=Foo"] * 2
    payloads = [json.loads(r["body"]) for r in sent]
    assert {p["event"] for p in payloads} == {"contract_published", "contract_content_changed"}
    assert (
        payloads[0]["version"] == "1"
        and "/pacts/provider/Bar/consumer/Foo/pact-version/" in payloads[0]["pact"]
    )
    # the same content again from a new version: published, but not changed
    publish_contract(hooked.client, "Foo", "2", "Bar", "a")
    run(hooked)
    assert [json.loads(r["body"])["event"] for r in receiver.requests[2:]] == ["contract_published"]
    logs_url = next(t for t in texts if "View logs at" in t).split("View logs at ")[1]
    logs = hooked.client.get(logs_url)
    assert logs.status_code == 200 and logs.text.startswith("Status: success after 1 attempt(s)")


def test_failures_are_retried_on_schedule(hooked: Broker, receiver: Receiver) -> None:
    _hook(hooked, receiver, ["contract_published"])
    receiver.status = 500
    publish_contract(hooked.client, "Foo", "1", "Bar", "a")
    assert run(hooked) == 1
    assert run(hooked) == 0, "the next attempt is not due yet"
    hooked.clock.advance(seconds=11)
    receiver.status = 200
    assert run(hooked) == 1
    assert len(receiver.requests) == 2


def test_verification_events_carry_the_status(hooked: Broker, receiver: Receiver) -> None:
    _hook(hooked, receiver, ["provider_verification_failed"])
    publish_contract(hooked.client, "Foo", "1", "Bar", "a")
    [entry] = for_verification(hooked.client, "Bar")
    verify_entry(hooked.client, entry, "9", success=False)
    run(hooked)
    [sent] = receiver.requests
    assert json.loads(sent["body"])["status"] == "failure"


def test_execute_a_saved_webhook(hooked: Broker, receiver: Receiver) -> None:
    uuid = _hook(hooked, receiver, ["contract_published"])
    result = hooked.client.post(f"/webhooks/{uuid}/execute")
    assert result.status_code == 200
    assert result.json()["success"] is True
    assert (
        json.loads(receiver.requests[0]["body"])["version"] == "consumerVersionNumber-placeholder"
    )


def test_disabled_schemes_are_refused(sqlite_broker: Broker) -> None:
    response = sqlite_broker.client.post("/webhooks", json={
        "events": [{"name": "contract_published"}], "request": {"method": "POST", "url": "http://ci/hook"}})  # fmt: skip
    assert response.status_code == 400
    assert (
        "scheme of 'http://ci/hook' is not allowed" in response.json()["errors"]["request.url"][0]
    )


def test_contract_requiring_verification_published(hooked: Broker, receiver: Receiver) -> None:
    response = hooked.client.post("/webhooks", json={
        "events": [{"name": "contract_requiring_verification_published"}],
        "request": {"method": "POST", "url": receiver.url + "/verify",
                    "body": "${pactbroker.providerVersionNumber}: ${pactbroker.providerVersionDescriptions}"}})  # fmt: skip
    assert response.status_code == 201
    (hooked.td.create_environment("prod").create_provider("Bar", main_branch="main")
       .create_provider_version("7", branch="main").create_provider_version("6")
       .create_deployed_version_for_provider_version(environment="prod"))  # fmt: skip
    publish_contract(hooked.client, "Foo", "1", "Bar", "a")
    run(hooked)
    assert sorted(r["body"] for r in receiver.requests) == [
        "6: deployed in prod",
        "7: latest from main branch",
    ]
    # once Bar 7 has verified this content, republishing it from a new version asks only Bar 6
    [entry] = for_verification(hooked.client, "Bar", consumerVersionSelectors=[{"latest": True}])
    verify_entry(hooked.client, entry, "7", success=True)
    publish_contract(hooked.client, "Foo", "2", "Bar", "a")
    run(hooked)
    assert [r["body"] for r in receiver.requests[2:]] == ["6: deployed in prod"]
