"""Small HTTP helpers shared by the broker tests."""

from __future__ import annotations

import base64
import json
from typing import Any

from tests.broker.asgi_client import ASGIClient as TestClient
from tests.broker.builder import pact_document


def for_verification(client: TestClient, provider: str, **body: Any) -> list[dict[str, Any]]:
    response = client.post(f"/pacts/provider/{provider}/for-verification", json=body)
    assert response.status_code == 200, response.text
    return response.json()["_embedded"]["pacts"]


def summary(entries: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(pact name, short description) of each entry: what a reader of the test cares about."""
    return [(e["_links"]["self"]["name"], e["shortDescription"]) for e in entries]


def publish_contract(client: TestClient, consumer: str, number: str, provider: str, key: str,
                     *, branch: str | None = None, tags: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    content = base64.b64encode(json.dumps(pact_document(consumer, provider, key)).encode()).decode()
    body: dict[str, Any] = {
        "pacticipantName": consumer,
        "pacticipantVersionNumber": number,
        "contracts": [{"consumerName": consumer, "providerName": provider, "specification": "pact",
                       "contentType": "application/json", "content": content}],
    }  # fmt: skip
    if branch:
        body["branch"] = branch
    if tags:
        body["tags"] = tags
    response = client.post("/contracts/publish", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def verify_entry(client: TestClient, entry: dict[str, Any], provider_version: str, success: bool,
                 *, branch: str | None = None, tags: list[str] | None = None) -> None:  # fmt: skip
    """What a verifier does with one pacts-for-verification entry: fetch the pact, record the
    provider version's branch and tags, publish the result to the pact's link."""
    pact = client.get(entry["_links"]["self"]["href"]).json()
    provider = pact["_links"]["pb:provider"]["href"]
    if branch:
        assert client.put(
            f"{provider}/branches/{branch.replace('/', '%2F')}/versions/{provider_version}", json={}
        ).status_code in (200, 201)
    for tag in tags or []:
        assert client.put(
            f"{provider}/versions/{provider_version}/tags/{tag}", json={}
        ).status_code in (200, 201)
    result = client.post(pact["_links"]["pb:publish-verification-results"]["href"],
                         json={"success": success, "providerApplicationVersion": provider_version})  # fmt: skip
    assert result.status_code == 201, result.text
