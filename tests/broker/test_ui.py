"""The HTML pages: only for browser-like Accept headers; API clients keep getting HAL."""

from __future__ import annotations

from tests.broker.conftest import Broker
from tests.broker.helpers import publish_contract

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def test_index_and_pact_pages(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    assert "No pacts have been published yet." in client.get("/", headers=BROWSER).text
    publish_contract(client, "Foo", "1", "Bar", "shown")
    page = client.get("/", headers=BROWSER)
    assert page.headers["content-type"].startswith("text/html")
    assert "<td>Foo</td><td>Bar</td>" in page.text and "unverified" in page.text
    pact = client.get("/pacts/provider/Bar/consumer/Foo/latest", headers=BROWSER)
    assert "Pact between Foo (1) and Bar" in pact.text and "a request for shown" in pact.text


def test_api_clients_are_not_sent_to_the_ui(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    for accept in ("application/hal+json", "application/hal+json, application/json", "*/*", ""):
        response = client.get("/", headers={"Accept": accept} if accept else {})
        assert response.headers["content-type"].startswith("application/hal+json"), accept
