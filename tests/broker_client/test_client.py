"""The broker client against a broker double on a real socket: the GET-then-POST exchange,
selectors, auth, notices, and publishing after recording branch and tags."""

from __future__ import annotations

import pytest

from accord.broker_client import (
    BrokerClient,
    ConsumerVersionSelector,
    Link,
    VerificationQuery,
    VerificationResultsPublication,
    parse_selectors,
)
from accord.errors import BrokerClientError
from tests.broker_client.fake_broker import BrokerPact, FakeBroker, running
from tests.verifier.pacts import pact_document, user_interaction


def broker_with_one_pact(**auth: str) -> FakeBroker:
    pact = BrokerPact(
        consumer="OrderService",
        document=pact_document([user_interaction()]),
        pending=True,
        notices=[{"when": "before_verification", "text": "The pact is being verified because..."}],
    )
    return FakeBroker(provider="UserService", pacts=[pact], **auth)


def test_selectors_json_round_trip_and_validation() -> None:
    selector = ConsumerVersionSelector(main_branch=True, consumer="OrderService")
    assert selector.to_json() == {"mainBranch": True, "consumer": "OrderService"}
    assert ConsumerVersionSelector.from_json(selector.to_json()) == selector
    parsed = parse_selectors(
        [
            '{"deployedOrReleased": true, "environment": "prod"}',
            '[{"tag": "v1", "fallbackTag": "main", "latest": true}]',
        ]
    )
    assert [s.to_json() for s in parsed] == [
        {"deployedOrReleased": True, "environment": "prod"},
        {"tag": "v1", "fallbackTag": "main", "latest": True},
    ]
    with pytest.raises(
        BrokerClientError, match="unknown consumer version selector key 'mainbranch'"
    ):
        parse_selectors(['{"mainbranch": true}'])
    with pytest.raises(BrokerClientError, match="not valid JSON"):
        parse_selectors(["{nope"])


def test_link_expansion_encodes_values() -> None:
    link = Link(href="http://b/pacts/provider/{provider}/for-verification", templated=True)
    assert (
        link.expand(provider="User Service")
        == "http://b/pacts/provider/User%20Service/for-verification"
    )


def test_pacts_for_verification_gets_then_posts_to_the_self_link() -> None:
    with running(broker_with_one_pact(token="s3cret")) as broker:
        client = BrokerClient(broker.base_url, token="s3cret")
        query = VerificationQuery(
            selectors=[
                ConsumerVersionSelector(main_branch=True),
                ConsumerVersionSelector(deployed_or_released=True),
            ],
            provider_branch="feat/x",
            include_pending=True,
            include_wip_since="2026-01-01",
        )
        pacts = client.pacts_for_verification("UserService", query)
    assert [(m, p) for m, p, _ in broker.requests] == [
        ("GET", "/"),
        ("GET", "/pacts/provider/UserService/for-verification"),
        ("POST", "/pacts/provider/UserService/for-verification"),
    ]
    assert broker.requests[2][2] == {
        "consumerVersionSelectors": [{"mainBranch": True}, {"deployedOrReleased": True}],
        "includePendingStatus": True,
        "providerVersionBranch": "feat/x",
        "includeWipPactsSince": "2026-01-01",
    }
    assert len(pacts) == 1
    assert pacts[0].pending is True
    assert pacts[0].short_description == "latest from main branch"
    assert pacts[0].notices_for("before_verification") == ["The pact is being verified because..."]


def test_minimal_query_sends_only_what_was_set() -> None:
    assert VerificationQuery().to_json() == {
        "consumerVersionSelectors": [],
        "includePendingStatus": False,
    }


def test_wrong_credentials_are_reported_with_status_and_url() -> None:
    with running(broker_with_one_pact(username="u", password="p")) as broker:
        with pytest.raises(BrokerClientError) as caught:
            BrokerClient(broker.base_url, username="u", password="wrong").pacts_for_verification(
                "UserService"
            )
        assert caught.value.status == 401
        assert "HTTP 401" in str(caught.value)
        assert BrokerClient(broker.base_url, username="u", password="p").pacts_for_verification(
            "UserService"
        )


def test_publishing_records_branch_and_tags_first() -> None:
    with running(broker_with_one_pact()) as broker:
        client = BrokerClient(broker.base_url)
        [verifiable] = client.pacts_for_verification("UserService")
        document = client.fetch_pact(verifiable.url)
        publication = VerificationResultsPublication(
            provider="UserService",
            provider_version="1.2.3",
            success=True,
            test_results=[{"interactionId": "a", "success": True}],
            build_url="http://ci/1",
            branch="main",
            tags=["prod"],
        )
        client.publish_verification_results(document, publication)
    writes = [(m, p) for m, p, _ in broker.requests if m in ("PUT", "POST")][1:]
    assert writes == [
        ("PUT", "/pacticipants/UserService/branches/main/versions/1.2.3"),
        ("PUT", "/pacticipants/UserService/versions/1.2.3/tags/prod"),
        (
            "POST",
            "/pacts/provider/UserService/consumer/OrderService/pact-version/0/verification-results",
        ),
    ]
    posted = broker.requests[-1][2]
    assert posted["success"] is True
    assert posted["providerApplicationVersion"] == "1.2.3"
    assert posted["buildUrl"] == "http://ci/1"
    assert posted["verifiedBy"]["implementation"] == "Accord"
