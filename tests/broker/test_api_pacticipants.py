"""Pacticipants, versions, branches and tags over HTTP (SQLite; the engine is not the subject)."""

from __future__ import annotations

from tests.broker.conftest import Broker

MERGE_PATCH = {"Content-Type": "application/merge-patch+json"}


def test_index_has_every_relation_the_clients_use(sqlite_broker: Broker) -> None:
    links = sqlite_broker.client.get("/").json()["_links"]
    for relation in ("pb:publish-pact", "pb:publish-contracts", "pb:latest-pact-versions", "pb:pacticipants",
                     "pb:pacticipant", "pb:pacticipant-version", "pb:pacticipant-version-tag",
                     "pb:pacticipant-branch", "pb:pacticipant-branch-version", "pb:latest-version",
                     "pb:latest-tagged-version", "pb:provider-pacts-for-verification", "pb:latest-provider-pacts",
                     "pb:latest-provider-pacts-with-tag", "pb:environments", "pb:environment", "pb:webhooks",
                     "pb:webhook", "pb:integrations", "beta:provider-pacts-for-verification"):  # fmt: skip
        assert relation in links, relation
    assert links["pb:pacticipant"] == {"href": "http://broker/pacticipants/{pacticipant}",
                                       "title": "Fetch pacticipant by name", "templated": True}  # fmt: skip


def test_pacticipant_lifecycle(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    created = client.post(
        "/pacticipants", json={"name": "Foo Service", "repositoryUrl": "http://git/foo"}
    )
    assert created.status_code == 201
    assert created.headers["location"] == "http://broker/pacticipants/Foo%20Service"
    assert created.json()["repositoryUrl"] == "http://git/foo"
    assert (
        client.post("/pacticipants", json={"name": "Foo Service"}).status_code == 200
    )  # insert-ignore

    patched = client.patch(
        "/pacticipants/Foo%20Service", json={"mainBranch": "main"}, headers=MERGE_PATCH
    )
    assert patched.status_code == 200
    assert (
        patched.json()["mainBranch"] == "main"
        and patched.json()["repositoryUrl"] == "http://git/foo"
    )

    replaced = client.put("/pacticipants/Foo%20Service", json={"displayName": "Foo"})
    assert replaced.json()["repositoryUrl"] is None, "PUT replaces every property"

    assert (
        client.patch("/pacticipants/Bar", json={"repository_url": "http://git/bar"}).status_code
        == 201
    )
    listing = client.get("/pacticipants").json()
    assert [p["name"] for p in listing["_embedded"]["pacticipants"]] == ["Bar", "Foo Service"]
    assert [link["name"] for link in listing["_links"]["pb:pacticipants"]] == ["Bar", "Foo Service"]

    assert client.delete("/pacticipants/Foo%20Service").status_code == 204
    assert client.get("/pacticipants/Foo%20Service").status_code == 404


def test_versions_put_patch_and_latest(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    first = client.put(
        "/pacticipants/Foo/versions/1", content=b"", headers={"Content-Type": "application/json"}
    )
    assert first.status_code == 201, "an empty PUT body is an empty document"
    assert (
        client.put("/pacticipants/Foo/versions/1", json={"buildUrl": "http://ci/1"}).status_code
        == 200
    )
    patched = client.patch(
        "/pacticipants/Foo/versions/1", json={"tags": [{"name": "prod"}]}, headers=MERGE_PATCH
    )
    assert patched.status_code == 200
    body = patched.json()
    assert body["buildUrl"] == "http://ci/1", "PATCH keeps what it does not mention"
    assert [t["name"] for t in body["_embedded"]["tags"]] == ["prod"]
    client.put("/pacticipants/Foo/versions/2", json={})
    assert client.get("/pacticipants/Foo/latest-version").json()["number"] == "2"
    assert client.get("/pacticipants/Foo/latest-version/prod").json()["number"] == "1"
    assert client.get("/pacticipants/Foo/latest-version/nope").status_code == 404
    versions = client.get("/pacticipants/Foo/versions").json()["_embedded"]["versions"]
    assert [v["number"] for v in versions] == ["2", "1"]
    assert client.delete("/pacticipants/Foo/versions/2").status_code == 204
    assert client.get("/pacticipants/Foo/latest-version").json()["number"] == "1"


def test_tags_are_created_once(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    first = client.put("/pacticipants/Condor/versions/1.3.0/tags/prod", json={})
    assert first.status_code == 201
    assert (
        first.json()["_links"]["self"]["href"]
        == "http://broker/pacticipants/Condor/versions/1.3.0/tags/prod"
    )
    assert (
        client.put("/pacticipants/Condor/versions/1.3.0/tags/prod", content=b"").status_code == 200
    )
    assert client.get("/pacticipants/Condor/versions/1.3.0/tags/prod").status_code == 200
    assert client.delete("/pacticipants/Condor/versions/1.3.0/tags/prod").status_code == 204
    assert client.get("/pacticipants/Condor/versions/1.3.0/tags/prod").status_code == 404


def test_first_tag_becomes_a_branch_and_main_branch_is_detected(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    client.put("/pacticipants/Foo/versions/1/tags/main", json={})
    version = client.get("/pacticipants/Foo/versions/1").json()
    assert [b["name"] for b in version["_embedded"]["branchVersions"]] == ["main"]
    assert client.get("/pacticipants/Foo").json()["mainBranch"] == "main"


def test_branch_heads_follow_the_last_version_added(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    for number in ("2", "1"):  # version 1 is added last, so it is the head
        client.put("/pacticipants/Foo/versions/" + number, json={})
        assert (
            client.put(f"/pacticipants/Foo/branches/feat%2Fx/versions/{number}").status_code == 201
        )
    assert client.put("/pacticipants/Foo/branches/feat%2Fx/versions/1", json={}).status_code == 200
    assert client.get("/pacticipants/Foo/branches/feat%2Fx/latest-version").json()["number"] == "1"
    branch = client.get("/pacticipants/Foo/branches/feat%2Fx").json()
    assert branch["name"] == "feat/x"
    versions = client.get("/pacticipants/Foo/branches/feat%2Fx/versions").json()["_embedded"][
        "versions"
    ]
    assert [v["number"] for v in versions] == ["1", "2"]
    assert client.delete("/pacticipants/Foo/branches/feat%2Fx/versions/1").status_code == 204
    assert client.get("/pacticipants/Foo/branches/feat%2Fx/latest-version").json()["number"] == "2"
    assert client.delete("/pacticipants/Foo/branches/feat%2Fx").status_code == 204
    assert client.get("/pacticipants/Foo/versions/2").status_code == 200, (
        "versions outlive branches"
    )
    assert [
        b["name"] for b in client.get("/pacticipants/Foo/branches").json()["_embedded"]["branches"]
    ] == []


def test_labels(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    client.post("/pacticipants", json={"name": "Foo"})
    assert client.put("/pacticipants/Foo/labels/team-a", json={}).status_code == 201
    assert client.put("/pacticipants/Foo/labels/team-a").status_code == 200
    assert [
        item["name"] for item in client.get("/pacticipants/Foo").json()["_embedded"]["labels"]
    ] == ["team-a"]
    labelled = client.get("/pacticipants/label/team-a").json()["_embedded"]["pacticipants"]
    assert [p["name"] for p in labelled] == ["Foo"]
    assert client.get("/labels").json()["_embedded"]["labels"] == [{"name": "team-a"}]
    assert client.delete("/pacticipants/Foo/labels/team-a").status_code == 204
    assert client.get("/pacticipants/Foo/labels/team-a").status_code == 404
    assert client.put("/pacticipants/Nobody/labels/x", json={}).status_code == 404
