"""Environments, record-deployment/undeployment and record-release/support-ended over HTTP."""

from __future__ import annotations

from tests.broker.conftest import Broker

MERGE_PATCH = {"Content-Type": "application/merge-patch+json"}


def _environment(broker: Broker, name: str = "test") -> str:
    response = broker.client.post(
        "/environments", json={"name": name, "displayName": name.title(), "production": False}
    )
    assert response.status_code == 201, response.text
    return response.json()["uuid"]


def test_environment_lifecycle(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    uuid = _environment(sqlite_broker)
    assert (
        client.post("/environments", json={"name": "test", "production": True}).status_code == 400
    )
    assert client.post("/environments", json={"name": "no prod"}).json()["errors"].keys() == {
        "name",
        "production",
    }
    listed = client.get("/environments").json()
    assert [e["name"] for e in listed["_links"]["pb:environments"]] == ["test"]
    assert client.get("/environments?name=nope").json()["_embedded"]["environments"] == []
    replaced = client.put(
        f"/environments/{uuid}", json={"name": "test", "displayName": "Testing", "production": True}
    )
    assert replaced.json()["production"] is True and replaced.json()["displayName"] == "Testing"
    assert (
        client.put("/environments/missing", json={"name": "x", "production": False}).status_code
        == 404
    )
    assert client.delete(f"/environments/{uuid}").status_code == 204


def test_deployments_replace_per_instance_and_undeploy(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    uuid = _environment(sqlite_broker)
    for number in ("1", "2", "3"):
        client.put(f"/pacticipants/Foo/versions/{number}", json={})
    version = client.get("/pacticipants/Foo/versions/1").json()
    [record] = version["_links"]["pb:record-deployment"]
    assert record["name"] == "test"
    blue = client.post(record["href"], json={"applicationInstance": "blue"})
    assert blue.status_code == 201 and blue.json()["applicationInstance"] == "blue"
    assert client.post(record["href"], json={"applicationInstance": "blue"}).status_code == 200, (
        "already deployed"
    )
    client.post(
        f"/pacticipants/Foo/versions/2/deployed-versions/environment/{uuid}",
        json={"target": "green"},
    )
    client.post(
        f"/pacticipants/Foo/versions/3/deployed-versions/environment/{uuid}",
        json={"applicationInstance": "blue"},
    )
    current = client.get(
        f"/environments/{uuid}/deployed-versions/currently-deployed?pacticipant=Foo"
    ).json()
    assert sorted((d["applicationInstance"], d["_embedded"]["version"]["number"])
                  for d in current["_embedded"]["deployedVersions"]) == [("blue", "3"), ("green", "2")]  # fmt: skip
    green = client.get(
        f"/environments/{uuid}/deployed-versions/currently-deployed?pacticipant=Foo&applicationInstance=green"
    ).json()
    [entry] = green["_embedded"]["deployedVersions"]
    undeployed = client.patch(
        entry["_links"]["self"]["href"], json={"currentlyDeployed": False}, headers=MERGE_PATCH
    )
    assert undeployed.status_code == 200 and undeployed.json()["currentlyDeployed"] is False
    again = client.patch(
        entry["_links"]["self"]["href"], json={"currentlyDeployed": True}, headers=MERGE_PATCH
    )
    assert again.status_code == 422
    assert "cannot be set back to true" in again.json()["error"]
    assert client.delete(f"/environments/{uuid}").status_code == 409, (
        "history is kept unless forced"
    )
    assert client.delete(f"/environments/{uuid}?force=true").status_code == 204


def test_releases_accumulate_and_end(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    uuid = _environment(sqlite_broker, "prod")
    for number in ("1", "2"):
        client.put(f"/pacticipants/Foo/versions/{number}", json={})
        assert (
            client.post(
                f"/pacticipants/Foo/versions/{number}/released-versions/environment/{uuid}", json={}
            ).status_code
            == 201
        )
    assert (
        client.post(
            f"/pacticipants/Foo/versions/1/released-versions/environment/{uuid}", json={}
        ).status_code
        == 200
    )
    supported = client.get(
        f"/environments/{uuid}/released-versions/currently-supported?pacticipant=Foo"
    ).json()
    assert len(supported["_embedded"]["releasedVersions"]) == 2
    one = client.get(
        f"/environments/{uuid}/released-versions/currently-supported?pacticipant=Foo&version=1"
    ).json()
    [entry] = one["_embedded"]["releasedVersions"]
    ended = client.patch(
        entry["_links"]["self"]["href"], json={"currentlySupported": False}, headers=MERGE_PATCH
    )
    assert ended.json()["currentlySupported"] is False and ended.json()["supportEndedAt"]
    left = client.get(f"/environments/{uuid}/released-versions/currently-supported").json()
    assert [r["_embedded"]["version"]["number"] for r in left["_embedded"]["releasedVersions"]] == [
        "2"
    ]


def test_version_lists_its_deployments_and_releases(sqlite_broker: Broker) -> None:
    client = sqlite_broker.client
    uuid = _environment(sqlite_broker, "prod")
    client.put("/pacticipants/Foo/versions/1", json={})
    client.post(
        f"/pacticipants/Foo/versions/1/deployed-versions/environment/{uuid}",
        json={"applicationInstance": "a"},
    )
    client.post(f"/pacticipants/Foo/versions/1/released-versions/environment/{uuid}", json={})
    links = client.get("/pacticipants/Foo/versions/1").json()["_links"]
    [deployed] = links["pb:deployed-environments"]
    assert (deployed["name"], deployed["currently_deployed"], deployed["application_instance"]) == (
        "Prod",
        True,
        "a",
    )
    [released] = links["pb:released-environments"]
    assert released["currently_supported"] is True
