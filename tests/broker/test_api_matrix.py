"""The matrix resource: Rack query parsing, validation messages, the limit, success filter."""

from __future__ import annotations

import pytest

from accord.broker.api.rack_query import parse_nested
from tests.broker.conftest import Broker


def test_rack_nested_query_parsing() -> None:
    query = "q[][pacticipant]=Foo&q[][version]=1&q[][pacticipant]=Bar&q[][latest]=true&q[][tag]=prod&ignore[]=Baz&latestby=cvp"
    assert parse_nested(query) == {
        "q": [
            {"pacticipant": "Foo", "version": "1"},
            {"pacticipant": "Bar", "latest": "true", "tag": "prod"},
        ],
        "ignore": ["Baz"],
        "latestby": "cvp",
    }
    # a repeated key starts a new hash, exactly as Rack does
    assert parse_nested("q[][pacticipant]=A&q[][pacticipant]=B&q[][version]=2")["q"] == [
        {"pacticipant": "A"}, {"pacticipant": "B", "version": "2"}]  # fmt: skip


@pytest.mark.parametrize(("path", "message"), [
    ("/matrix?q[][pacticipant]=Wiffle&q[][version]=1", "Pacticipant Wiffle not found"),
    ("/matrix", "Please provide 1 or more version selectors."),
    ("/matrix?q[][version]=1", "Please specify the pacticipant name"),
    ("/matrix?q[][pacticipant]=Foo&q[][version]=1&environment=nowhere", "Environment with name 'nowhere' does not exist"),
    ("/matrix?q[][pacticipant]=Foo&q[][version]=1&limit=0", "The limit must be 1 or greater."),
    ("/matrix?q[][pacticipant]=Foo&q[][version]=1&latestby=cvx", "latestby must be one of cvp, cvpv or cp, got 'cvx'"),
    ("/matrix?q[][pacticipant]=Foo&q[][version]=1&q[][latest]=true", "A version and latest flag cannot both be specified for Foo"),
    ("/matrix?q[][pacticipant]=Foo&q[][tag]=a&q[][environment]=b", "Cannot specify more than one of tag, environment and mainBranch."),
    ("/can-i-deploy?pacticipant=Foo&version=1", "Must specify either an environment or a 'to' tag."),
    ("/can-i-deploy?pacticipant=Foo&version=1&to=prod&environment=prod", "Cannot specify both a 'to' tag and an environment."),
    ("/can-i-deploy?version=1&to=prod", "Please specify the pacticipant"),
])  # fmt: skip
def test_matrix_validation(sqlite_broker: Broker, path: str, message: str) -> None:
    sqlite_broker.td.create_pact_with_hierarchy("Foo", "1", "Bar")
    response = sqlite_broker.client.get(path)
    assert response.status_code == 400, response.text
    assert message in response.json()["errors"]


def test_limit_truncates_rows_but_not_the_decision(sqlite_broker: Broker) -> None:
    td = sqlite_broker.td
    td.create_pact_with_hierarchy("Foo", "1", "Bar")
    for number in ("1", "2", "3"):
        td.create_verification(provider_version=number, success=number != "1")
    body = sqlite_broker.client.get(
        "/matrix?q[][pacticipant]=Foo&q[][pacticipant]=Bar&limit=1"
    ).json()
    assert len(body["matrix"]) == 1
    assert (body["summary"]["success"], body["summary"]["failed"]) == (2, 1)
    assert body["summary"]["deployable"] is False
    successes = sqlite_broker.client.get(
        "/matrix?q[][pacticipant]=Foo&q[][pacticipant]=Bar&success[]=true"
    ).json()
    assert [r["verificationResult"]["success"] for r in successes["matrix"]] == [True, True]


def test_integration_matrix_and_rows_shape(sqlite_broker: Broker) -> None:
    (sqlite_broker.td.create_consumer("Foo").create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("1", branch="main", tag_names=["prod"]).create_pact()
       .create_verification(provider_version="2", branch="main"))  # fmt: skip
    [row] = sqlite_broker.client.get("/matrix/provider/Bar/consumer/Foo").json()["matrix"]
    assert row["consumer"]["version"]["branch"] == "main"
    assert [t["name"] for t in row["consumer"]["version"]["tags"]] == ["prod"]
    assert (
        row["pact"]["_links"]["self"]["href"]
        == "http://broker/pacts/provider/Bar/consumer/Foo/version/1"
    )
    result = sqlite_broker.client.get(row["verificationResult"]["_links"]["self"]["href"])
    assert result.status_code == 200 and result.json()["success"] is True
