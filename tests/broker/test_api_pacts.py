"""Publishing and retrieving pacts, content deduplication, verification results, deletions."""

from __future__ import annotations

from sqlalchemy import func, select

from accord.broker.db.models import PactVersion
from tests.broker.builder import pact_document
from tests.broker.conftest import Broker
from tests.broker.helpers import publish_contract

PACT = "/pacts/provider/Bar/consumer/Foo"


def _pact_versions(broker: Broker) -> int:
    with broker.app.state.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(PactVersion)) or 0)


def test_publish_by_put_is_idempotent_and_refuses_changed_content(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    created = client.put(f"{PACT}/version/1", json=pact_document("Foo", "Bar", "a"))
    assert created.status_code == 201
    body = created.json()
    assert body["interactions"][0]["_id"], "each interaction gets an _id verifiers send back"
    assert body["_links"]["pb:publish-verification-results"]["href"].startswith(
        f"http://broker{PACT}/pact-version/"
    )
    # reformatted and reordered JSON is the same content
    again = client.put(f"{PACT}/version/1", content=_reformatted(pact_document("Foo", "Bar", "a")),
                       headers={"Content-Type": "application/json"})  # fmt: skip
    assert again.status_code == 200
    conflict = client.put(f"{PACT}/version/1", json=pact_document("Foo", "Bar", "b"))
    assert conflict.status_code == 409
    assert (
        "Each pact must be published with a unique consumer version number"
        in conflict.json()["error"]
    )
    merged = client.patch(f"{PACT}/version/1", json=pact_document("Foo", "Bar", "b"))
    assert merged.status_code == 200
    assert len(merged.json()["interactions"]) == 2


def _reformatted(document: dict) -> bytes:  # type: ignore[type-arg]
    import json

    return json.dumps(dict(reversed(list(document.items()))), indent=4).encode()


def test_identical_content_is_stored_once_and_pre_verified(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    publish_contract(client, "Foo", "1", "Bar", "same")
    publish_contract(client, "Foo", "2", "Bar", "same")
    assert _pact_versions(sqlite_broker) == 1
    one = client.get(f"{PACT}/version/1").json()["_links"]["pb:pact-version"]["href"]
    two = client.get(f"{PACT}/version/2").json()["_links"]["pb:pact-version"]["href"]
    assert one == two


def test_retrieval_by_version_latest_tag_branch_and_sha(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    publish_contract(client, "Foo", "1", "Bar", "one", tags=["prod"])
    publish_contract(client, "Foo", "2", "Bar", "two", branch="main")
    publish_contract(client, "Foo", "3", "Bar", "three")

    def number(path: str) -> str:
        response = client.get(path)
        assert response.status_code == 200, (path, response.text)
        return response.headers["x-pact-consumer-version"]

    assert number(f"{PACT}/version/2") == "2"
    assert number(f"{PACT}/latest") == "3"
    assert number(f"{PACT}/latest/prod") == "1"
    assert number(f"{PACT}/branch/main/latest") == "2"
    assert number(f"{PACT}/latest-untagged") == "3"
    sha_href = client.get(f"{PACT}/version/1").json()["_links"]["pb:pact-version"]["href"]
    assert number(sha_href) == "1"
    assert client.get(f"{PACT}/latest/nope").status_code == 404
    missing = client.get("/pacts/provider/Bar/consumer/Nobody/latest")
    assert missing.json() == {"error": "No consumer with name 'Nobody' found"}


def test_provider_pact_lists(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    publish_contract(client, "Foo", "1", "Bar", "one", tags=["prod"])
    publish_contract(client, "Foo", "2", "Bar", "two")
    publish_contract(client, "Baz", "7", "Bar", "baz", tags=["prod"])
    latest = client.get("/pacts/provider/Bar/latest").json()["_links"]
    assert [(p["name"], p["title"]) for p in latest["pb:pacts"]] == [
        ("Baz", "Pact between Baz (7) and Bar"), ("Foo", "Pact between Foo (2) and Bar")]  # fmt: skip
    assert latest["pacts"] == latest["pb:pacts"], "the deprecated relation the Rust verifier reads"
    prod = client.get("/pacts/provider/Bar/latest/prod").json()["_links"]["pb:pacts"]
    assert [p["title"] for p in prod] == [
        "Pact between Baz (7) and Bar",
        "Pact between Foo (1) and Bar",
    ]
    assert len(client.get("/pacts/provider/Bar").json()["_links"]["pb:pacts"]) == 3
    every = client.get("/pacts/latest").json()["pacts"]
    assert [(p["_embedded"]["consumer"]["name"], p["_embedded"]["consumer"]["_embedded"]["version"]["number"])
            for p in every] == [("Foo", "2"), ("Baz", "7")]  # fmt: skip
    versions = client.get(f"{PACT}/versions").json()["_links"]["pb:pact-versions"]
    assert [v["name"] for v in versions] == ["2", "1"]


def test_publish_contracts_notices_and_logs(sqlite_broker: Broker) -> None:
    body = publish_contract(
        sqlite_broker.client, "Foo", "1", "Bar", "a", branch="main", tags=["dev"]
    )
    texts = [n["text"] for n in body["notices"]]
    assert texts[0] == "Created Foo version 1 with branch main and tags dev"
    assert "Pact successfully published for Foo version 1 and provider Bar." in texts
    assert body["logs"][0] == {
        "level": "info",
        "message": texts[0],
        "deprecationWarning": "Replaced by notices",
    }
    assert body["_embedded"]["version"] == {"number": "1", "branch": "main",
                                            "_links": {"self": {"href": "http://broker/pacticipants/Foo/versions/1"}}}  # fmt: skip
    again = publish_contract(sqlite_broker.client, "Foo", "1", "Bar", "a")
    assert "Pact successfully republished for Foo version 1 and provider Bar with no content changes." in [
        n["text"] for n in again["notices"]]  # fmt: skip
    assert again["notices"][0]["text"] == "Updated Foo version 1"


def test_publish_contracts_conflict_has_notices_and_errors(sqlite_broker: Broker) -> None:
    import base64
    import json

    publish_contract(sqlite_broker.client, "Foo", "1", "Bar", "a")
    content = base64.b64encode(json.dumps(pact_document("Foo", "Bar", "b")).encode()).decode()
    response = sqlite_broker.client.post("/contracts/publish", json={
        "pacticipantName": "Foo", "pacticipantVersionNumber": "1",
        "contracts": [{"consumerName": "Foo", "providerName": "Bar", "specification": "pact",
                       "contentType": "application/json", "content": content}]})  # fmt: skip
    assert response.status_code == 409
    body = response.json()
    assert body["notices"][0]["type"] == "error"
    assert body["errors"]["contracts"][0].startswith(
        "Cannot change the content of the pact for Foo version 1"
    )


def test_verification_results(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    publish_contract(client, "Foo", "1", "Bar", "a")
    pact = client.get(f"{PACT}/latest").json()
    interaction_id = pact["interactions"][0]["_id"]
    published = client.post(pact["_links"]["pb:publish-verification-results"]["href"], json={
        "success": False, "providerApplicationVersion": "4.5.6", "buildUrl": "http://ci/7",
        "testResults": [{"interactionId": interaction_id, "success": False}],
        "verifiedBy": {"implementation": "Pact-Rust", "version": "1.0.0"}})  # fmt: skip
    assert published.status_code == 201
    body = published.json()
    assert published.headers["location"] == body["_links"]["self"]["href"]
    assert (body["providerApplicationVersion"], body["success"]) == ("4.5.6", False)
    assert body["verifiedBy"]["implementation"] == "Pact-Rust"
    assert (
        client.get(body["_links"]["self"]["href"]).json()["testResults"][0]["interactionId"]
        == interaction_id
    )
    latest = client.get(pact["_links"]["pb:latest-verification-results"]["href"]).json()
    assert latest["buildUrl"] == "http://ci/7"
    assert client.get("/pacticipants/Bar/versions/4.5.6").status_code == 200, (
        "provider version auto-created"
    )
    assert client.delete(body["_links"]["self"]["href"]).status_code == 204


def test_deleting_pacts_and_integrations(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    publish_contract(client, "Foo", "1", "Bar", "a", tags=["prod"])
    publish_contract(client, "Foo", "2", "Bar", "b")
    deleted = client.delete(f"{PACT}/version/2")
    assert deleted.status_code == 200 and "pb:latest-pact-version" in deleted.json()["_links"]
    assert client.get(f"{PACT}/latest").headers["x-pact-consumer-version"] == "1"
    integrations = client.get("/integrations").json()["_embedded"]["integrations"]
    assert [(i["consumer"]["name"], i["provider"]["name"]) for i in integrations] == [
        ("Foo", "Bar")
    ]
    assert client.delete("/integrations/provider/Bar/consumer/Foo").status_code == 204
    assert client.get(f"{PACT}/latest").status_code == 404
    assert client.get("/integrations").json()["_embedded"]["integrations"] == []
    assert _pact_versions(sqlite_broker) == 0


def test_webhook_definitions(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    client.post("/pacticipants", json={"name": "Foo"})
    hook = {"description": "notify", "consumer": {"name": "Foo"}, "events": [{"name": "contract_published"}],
            "request": {"method": "POST", "url": "https://ci/hook", "password": "secret"}}  # fmt: skip
    created = client.post("/webhooks", json=hook)
    assert created.status_code == 201
    assert created.json()["request"]["password"] == "**********"
    uuid = created.json()["uuid"]
    assert (
        client.put(f"/webhooks/{uuid}", json={**hook, "description": "renamed"}).json()[
            "description"
        ]
        == "renamed"
    )
    assert [w["description"] for w in client.get("/webhooks").json()["_embedded"]["webhooks"]] == [
        "renamed"
    ]
    bad = client.post("/webhooks", json={**hook, "consumer": {"name": "Nobody"}})
    assert bad.status_code == 400 and "consumer.name" in bad.json()["errors"]
    assert client.delete(f"/webhooks/{uuid}").status_code == 204


def test_previous_distinct_and_diffs(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    publish_contract(client, "Foo", "1", "Bar", "one")
    publish_contract(client, "Foo", "2", "Bar", "one")
    publish_contract(client, "Foo", "3", "Bar", "two")
    previous = client.get(f"{PACT}/version/3/previous-distinct")
    assert previous.headers["x-pact-consumer-version"] == "2"
    assert client.get(f"{PACT}/version/2/previous-distinct").status_code == 404
    diff = client.get(f"{PACT}/version/3/diff/previous-distinct").text
    assert '-          "key": "one"' in diff and '+          "key": "two"' in diff
    assert client.get(f"{PACT}/version/2/diff/version/1").text == "No differences\n"


def test_deleting_the_pacts_of_a_branch(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    publish_contract(client, "Foo", "1", "Bar", "one", branch="feat")
    publish_contract(client, "Foo", "2", "Bar", "two", branch="main")
    assert client.delete(f"{PACT}/branch/feat").status_code == 204
    assert client.get(f"{PACT}/version/1").status_code == 404
    assert client.get(f"{PACT}/version/2").status_code == 200
