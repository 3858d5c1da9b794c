"""Pagination, the duplicate-name guard, tag-driven deployments, bulk branch deletion, metrics,
consumer-version verification summaries and provider states."""

from __future__ import annotations

from tests.broker.conftest import Broker
from tests.broker.helpers import for_verification, publish_contract, verify_entry


def test_pagination_only_when_asked(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    for name in ("A", "B", "C"):
        client.post("/pacticipants", json={"name": name})
    assert "page" not in client.get("/pacticipants").json()
    first = client.get("/pacticipants?pageSize=2&pageNumber=1").json()
    assert [p["name"] for p in first["_embedded"]["pacticipants"]] == ["A", "B"]
    assert first["page"] == {"number": 1, "size": 2, "totalElements": 3, "totalPages": 2}
    assert first["_links"]["next"]["href"] == "http://broker/pacticipants?size=2&page=2"
    second = client.get(first["_links"]["next"]["href"]).json()
    assert [p["name"] for p in second["_embedded"]["pacticipants"]] == ["C"]
    assert "next" not in second["_links"] and "previous" in second["_links"]
    assert client.get("/pacticipants?pageSize=0").status_code == 400


def test_a_name_that_looks_like_an_existing_pacticipant_is_refused(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    publish_contract(client, "Foo", "1", "BarService", "a")
    response = client.put("/pacts/provider/bar-service/consumer/Foo/version/2",
                          json={"consumer": {"name": "Foo"}, "provider": {"name": "bar-service"}, "interactions": []})  # fmt: skip
    assert response.status_code == 409
    assert "very similar to the existing pacticipant 'BarService'" in response.json()["error"]
    client.post("/pacticipants", json={"name": "bar-service"})  # created explicitly: allowed
    assert client.put("/pacts/provider/bar-service/consumer/Foo/version/2",
                      json={"consumer": {"name": "Foo"}, "provider": {"name": "bar-service"}, "interactions": []}).status_code == 201  # fmt: skip


def test_a_tag_named_like_an_environment_records_a_deployment(sqlite_broker: Broker) -> None:
    sqlite_broker.td.create_environment("production").create_pact_with_hierarchy("Foo", "1", "Bar")
    assert (
        sqlite_broker.client.put(
            "/pacticipants/Foo/versions/1/tags/production", json={}
        ).status_code
        == 201
    )
    entries = for_verification(
        sqlite_broker.client, "Bar", consumerVersionSelectors=[{"deployed": True}]
    )
    assert [e["shortDescription"] for e in entries] == ["deployed to production"]


def test_bulk_branch_deletion_keeps_the_excluded_and_the_main_branch(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    client.post("/pacticipants", json={"name": "Foo", "mainBranch": "main"})
    for branch in ("main", "keep-me", "old-1", "old-2"):
        client.put(f"/pacticipants/Foo/branches/{branch}/versions/1", json={})
    response = client.delete("/pacticipants/Foo/branches?exclude[]=keep-me")
    assert response.status_code == 202
    assert response.json()["notices"][0]["text"] == (
        "Scheduled deletion of 2 branches for pacticipant Foo. Remaining branches are: keep-me, main"
    )
    names = [
        b["name"] for b in client.get("/pacticipants/Foo/branches").json()["_embedded"]["branches"]
    ]
    assert sorted(names) == ["keep-me", "main"]


def test_metrics_and_consumer_version_results(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    publish_contract(client, "Foo", "1", "Bar", "a")
    publish_contract(client, "Foo", "1", "Baz", "b")
    [entry] = for_verification(client, "Bar")
    verify_entry(client, entry, "9", success=True)
    summary = client.get("/verification-results/consumer/Foo/version/1/latest").json()
    assert summary["success"] is False
    assert summary["providerSummary"] == {"successful": 1, "failed": 0, "unknown": 1}
    counts = client.get("/metrics").json()
    assert counts["pacticipants"]["count"] == 3 and counts["verificationResults"]["count"] == 1


def test_provider_states_of_main_branch_pacts(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    client.post("/pacticipants", json={"name": "Foo", "mainBranch": "main"})
    document = {"consumer": {"name": "Foo"}, "provider": {"name": "Bar"}, "interactions": [
        {"description": "d", "providerStates": [{"name": "a thing exists", "params": {"id": 1}}],
         "request": {"method": "GET", "path": "/"}, "response": {"status": 200}}],
        "metadata": {"pactSpecification": {"version": "3.0.0"}}}  # fmt: skip
    client.put("/pacts/provider/Bar/consumer/Foo/version/1", json=document)
    client.put("/pacticipants/Foo/branches/main/versions/1", json={})
    states = client.get("/pacts/provider/Bar/provider-states").json()
    assert states == {
        "providerStates": [{"name": "a thing exists", "params": {"id": 1}, "consumers": ["Foo"]}]
    }
