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
    assert "Not shown" not in text
    assert "(latest from branch feat/y, pending, work in progress)" in text


def test_publishing_when_asked_reports_success_and_failure_per_pact(monkeypatch) -> None:
    monkeypatch.setenv("PACT_BROKER_BASE_URL", "http://unused.invalid")
    with running(two_pacts()) as broker:
        monkeypatch.setenv("PACT_BROKER_BASE_URL", broker.base_url)
        verifier = Verifier("UserService", app=fastapi_app(UserStore(users={1: "Ann"})))
        verifier.add_broker().publish("2.0.0", branch="main", build_url="http://ci/7")
        report = verifier.verify()
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
