"""Status badges are SVG and never a 500."""

from __future__ import annotations

from tests.broker.conftest import Broker


def _text(broker: Broker, path: str) -> str:
    response = broker.client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    return response.text


def test_pact_badges(sqlite_broker: Broker) -> None:
    td = sqlite_broker.td
    td.create_pact_with_hierarchy("Foo", "1", "Bar")
    assert "Foo/Bar pact: unknown" in _text(
        sqlite_broker, "/pacts/provider/Bar/consumer/Foo/latest/badge"
    )
    td.create_verification(provider_version="2")
    assert "Foo/Bar pact: verified" in _text(
        sqlite_broker, "/pacts/provider/Bar/consumer/Foo/latest/badge"
    )
    td.create_consumer_version("2").create_pact()
    assert "Foo/Bar pact: changed" in _text(
        sqlite_broker, "/pacts/provider/Bar/consumer/Foo/latest/badge"
    )
    assert "Nobody/Bar pact: unknown" in _text(
        sqlite_broker, "/pacts/provider/Bar/consumer/Nobody/latest/badge"
    )
    assert "pact: unknown" in _text(
        sqlite_broker, "/pacts/provider/Bar/consumer/Foo/latest/prod/badge?label=pact"
    )


def test_can_i_deploy_badges(sqlite_broker: Broker) -> None:
    (sqlite_broker.td.create_consumer("Foo").create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("1", tag_names=["dev"]).create_pact()
       .create_verification(provider_version="2", tag_names=["prod"]))  # fmt: skip
    assert "can-i-deploy: dev to prod" in _text(
        sqlite_broker, "/pacticipants/Foo/latest-version/dev/can-i-deploy/to/prod/badge"
    )
    assert "#4c1" in _text(
        sqlite_broker, "/pacticipants/Foo/latest-version/dev/can-i-deploy/to/prod/badge"
    )
    assert "not found" in _text(
        sqlite_broker, "/pacticipants/Nobody/latest-version/dev/can-i-deploy/to/prod/badge"
    )
    assert "can-i-merge: " in _text(
        sqlite_broker, "/pacticipants/Foo/main-branch/can-i-merge/badge"
    )
