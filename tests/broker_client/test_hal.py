"""HAL documents: links (single, arrays, templated), embedded resources, and clear errors."""

from __future__ import annotations

import pytest

from accord.broker_client import BrokerClient, HalDocument
from accord.errors import BrokerClientError
from tests.broker_client.fake_broker import BrokerPact, FakeBroker, running
from tests.verifier.pacts import pact_document, user_interaction

DOCUMENT = HalDocument(
    url="http://broker/",
    data={
        "_links": {
            "self": {"href": "http://broker/"},
            "pb:pacts": [
                {"href": "http://broker/a", "name": "A"},
                {"href": "http://broker/b", "title": "B"},
            ],
            "pb:version-tag": {
                "href": "http://broker/p/{pacticipant}/v/{version}/t/{tag}",
                "templated": True,
            },
        },
        "_embedded": {"pacts": [{"n": 1}, "not an object", {"n": 2}]},
    },
)


def test_links_single_and_arrays() -> None:
    assert DOCUMENT.link("self").href == "http://broker/"
    assert [(link.href, link.name, link.title) for link in DOCUMENT.links("pb:pacts")] == [
        ("http://broker/a", "A", None),
        ("http://broker/b", None, "B"),
    ]
    assert DOCUMENT.link("nope") is None
    assert DOCUMENT.embedded("pacts") == [{"n": 1}, {"n": 2}]


def test_template_expansion_leaves_unknown_variables() -> None:
    link = DOCUMENT.require_link("pb:version-tag")
    assert link.expand(pacticipant="User Service", version="1.0/2") == (
        "http://broker/p/User%20Service/v/1.0%2F2/t/{tag}"
    )


def test_missing_relation_names_it_and_what_is_offered() -> None:
    with pytest.raises(BrokerClientError) as caught:
        DOCUMENT.require_link("pb:publish-verification-results")
    assert "has no 'pb:publish-verification-results' link" in str(caught.value)
    assert "links offered: pb:pacts, pb:version-tag, self" in str(caught.value)


def test_unreachable_broker_is_a_clear_error() -> None:
    from tests.support import free_port

    with pytest.raises(
        BrokerClientError, match=r"could not reach the Pact Broker: GET http://127\.0\.0\.1"
    ):
        BrokerClient(f"http://127.0.0.1:{free_port()}").pacts_for_verification("UserService")


def test_brokers_without_pacts_for_verification_fall_back_to_latest_pacts() -> None:
    pact = BrokerPact(consumer="OrderService", document=pact_document([user_interaction()]))
    with running(FakeBroker(provider="UserService", pacts=[pact], legacy=True)) as broker:
        [found] = BrokerClient(broker.base_url).pacts_for_verification("UserService")
    assert found.url.endswith("/pacts/provider/UserService/consumer/OrderService/pact-version/0")
    assert found.short_description == "latest"


def test_busy_broker_is_retried_with_back_off_and_retry_after() -> None:
    import httpx

    from accord.broker_client.hal import HalClient

    answers = [
        httpx.Response(503),
        httpx.Response(429, headers={"Retry-After": "2"}),
        httpx.Response(200, json={"_links": {}}),
    ]
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        return answers.pop(0)

    waits: list[float] = []
    client = httpx.Client(transport=httpx.MockTransport(handler))
    hal = HalClient("http://broker", client=client, backoff=0.25, sleep=waits.append)
    assert hal.index().data == {"_links": {}}
    assert seen == ["GET", "GET", "GET"]
    assert waits == [0.25, 2.0]

    always_busy = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(502)))
    hal = HalClient("http://broker", client=always_busy, retries=2, sleep=waits.append)
    with pytest.raises(BrokerClientError, match="HTTP 502") as caught:
        hal.index()
    assert caught.value.status == 502
