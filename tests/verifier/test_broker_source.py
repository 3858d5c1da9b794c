"""Verifying pacts from a broker: pending and WIP status, notices, and publishing only when asked."""

from __future__ import annotations

from rich.console import Console

from accord.verifier import Verifier
from tests.broker_client.fake_broker import BrokerPact, FakeBroker, running
from tests.verifier.pacts import pact_document, user_interaction
from tests.verifier.providers import UserStore, fastapi_app


def two_pacts() -> FakeBroker:
    return FakeBroker(
        provider="UserService",
        pacts=[
            BrokerPact(consumer="OrderService", document=pact_document([user_interaction()])),
            BrokerPact(
                consumer="Billing",
                document=pact_document([user_interaction("user 2", user_id=2)], consumer="Billing"),
                pending=True,
                wip=True,
                short_description="latest from branch feat/y",
                notices=[
                    {"when": "before_verification", "text": "This pact is pending"},
                    {
                        "when": "after_verification:success_false_published_false",
                        "text": "Failed, but pending",
                    },
                    {
                        "when": "after_verification:success_true_published_false",
                        "text": "Not shown",
                    },
                ],
            ),
        ],
    )


def test_broker_pacts_pending_does_not_fail_and_no_publishing_by_default() -> None:
    console = Console(record=True, width=200, color_system=None)
    with running(two_pacts()) as broker:
        verifier = Verifier(
            "UserService", app=fastapi_app(UserStore(users={1: "Ann"})), console=console
        )
        verifier.add_broker(
            broker.base_url, include_pending=True, include_wip_since="2026-01-01", use_env=False
        )
        report = verifier.verify()
    assert report.exit_code == 0
    assert [(p.consumer, p.pending, p.wip, p.ok) for p in report.pacts] == [
        ("OrderService", False, False, True),
        ("Billing", True, True, False),
    ]
    assert not [call for call in broker.requests if call[1].endswith("verification-results")]
    text = console.export_text()
    assert "notice: This pact is pending" in text
    assert "notice: Failed, but pending" in text
    assert "verification results published" not in text
    assert "Not shown" not in text
    assert "(latest from branch feat/y, pending, work in progress)" in text


def test_publishing_when_asked_reports_success_and_failure_per_pact(monkeypatch) -> None:
    monkeypatch.setenv("PACT_BROKER_BASE_URL", "http://unused.invalid")
    with running(two_pacts()) as broker:
        monkeypatch.setenv("PACT_BROKER_BASE_URL", broker.base_url)
        console = Console(record=True, width=200, color_system=None)
        app = fastapi_app(UserStore(users={1: "Ann"}))
        verifier = Verifier("UserService", app=app, console=console)
        verifier.add_broker().publish("2.0.0", branch="main", build_url="http://ci/7")
        report = verifier.verify()
    assert console.export_text().count("verification results published to the broker") == 2
    posts = {
        path: body
        for method, path, body in broker.requests
        if path.endswith("verification-results")
    }
    assert len(posts) == 2
    by_success = sorted((body["success"], len(body["testResults"])) for body in posts.values())
    assert by_success == [(False, 1), (True, 1)]
    failed = next(body for body in posts.values() if not body["success"])
    assert failed["testResults"][0]["mismatches"][0]["attribute"] in ("status", "body")
    assert all(p.published for p in report.pacts)


def one_pact_broker(**auth: str) -> FakeBroker:
    pact = BrokerPact(consumer="OrderService", document=pact_document([user_interaction()]))
    return FakeBroker(provider="UserService", pacts=[pact], **auth)


def pact_url(broker: FakeBroker) -> str:
    return f"{broker.base_url}/pacts/provider/UserService/consumer/OrderService/pact-version/0"


def test_url_source_with_bearer_token_and_basic_auth() -> None:
    app = fastapi_app(UserStore(users={1: "Ann"}))
    with running(one_pact_broker(token="t0k3n")) as broker:
        refused = Verifier("UserService", app=app).add_source(pact_url(broker)).verify()
        accepted = (
            Verifier("UserService", app=app).add_source(pact_url(broker), token="t0k3n").verify()
        )
    assert "HTTP 401" in refused.errors[0]
    assert "check the username/password or token" in refused.errors[0]
    assert accepted.success and len(accepted.interactions) == 1
    with running(one_pact_broker(username="u", password="p")) as broker:
        verifier = Verifier("UserService", app=app)
        assert verifier.add_source(pact_url(broker), username="u", password="p").verify().success


def test_pact_url_from_a_webhook_publishes_with_the_same_credentials() -> None:
    app = fastapi_app(UserStore(users={1: "Ann"}))
    with running(one_pact_broker(token="t0k3n")) as broker:
        verifier = Verifier("UserService", app=app).add_source(pact_url(broker), token="t0k3n")
        report = verifier.publish("3.0.0", tags=["main"]).verify()
    assert report.pacts[0].published
    writes = [(m, p) for m, p, _ in broker.requests if m in ("PUT", "POST")]
    assert writes == [
        ("PUT", "/pacticipants/UserService/versions/3.0.0/tags/main"),
        ("POST", pact_url(broker).removeprefix(broker.base_url) + "/verification-results"),
    ]


def test_local_files_are_not_published(tmp_path) -> None:
    from tests.verifier.pacts import write_pact

    pact = write_pact(tmp_path, pact_document([user_interaction()]))
    verifier = Verifier("UserService", app=fastapi_app(UserStore(users={1: "Ann"})))
    report = verifier.add_source(pact).publish("1.0.0").verify()
    assert report.success
    assert "were not published: it did not come from a Pact Broker" in report.warnings[0]
