"""Multi-request flows of the broker commands, followed link by link through an in-process HAL
double: undeployment and end of support (through the environment), environment update (read,
merge, write back) and delete. Link shapes follow design/broker-api.md §3.9-3.11."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from accord.broker_client.deployments import record_support_ended, record_undeployment
from accord.broker_client.environments import (
    EnvironmentFields,
    delete_environment,
    update_environment,
)
from accord.broker_client.hal import HalClient
from accord.errors import BrokerClientError

BASE = "http://broker"
ENV = f"{BASE}/environments/e-1"


@dataclass
class HalDouble:
    """Answers GETs from `documents` and records every request."""

    documents: dict[str, Any]
    requests: list[tuple[str, str, Any]] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        self.requests.append((request.method, str(request.url), body))
        if request.method == "GET":
            found = self.documents.get(str(request.url))
            return httpx.Response(200, json=found) if found is not None else httpx.Response(404)
        if request.method == "PATCH":
            return httpx.Response(200, json={"_embedded": {"version": {"number": "7"}}, **body})
        return httpx.Response(200 if request.method == "PUT" else 204, json=body)

    def client(self) -> HalClient:
        return HalClient(BASE, client=httpx.Client(transport=httpx.MockTransport(self)), retries=0)

    def writes(self) -> list[tuple[str, str, Any]]:
        return [r for r in self.requests if r[0] != "GET"]


def _broker(
    deployed: list[dict[str, Any]], released: list[dict[str, Any]] | None = None
) -> HalDouble:
    return HalDouble(
        {
            f"{BASE}/": {
                "_links": {
                    "pb:environments": {"href": f"{BASE}/environments"},
                    "pb:environment": {"href": f"{BASE}/environments/{{uuid}}", "templated": True},
                }
            },
            f"{BASE}/environments": {
                "_links": {"pb:environments": [{"href": ENV, "name": "prod"}]},
                "_embedded": {"environments": [{"uuid": "e-1", "name": "prod"}]},
            },
            ENV: {
                "uuid": "e-1",
                "name": "prod",
                "displayName": "Production",
                "production": True,
                "createdAt": "2026-01-01T00:00:00+00:00",
                "_links": {
                    "self": {"href": ENV},
                    "pb:currently-deployed-deployed-versions": {"href": f"{ENV}/deployed"},
                    "pb:currently-supported-released-versions": {"href": f"{ENV}/supported"},
                },
            },
            f"{ENV}/deployed?pacticipant=Foo": {"_embedded": {"deployedVersions": deployed}},
            f"{ENV}/supported?pacticipant=Foo&version=7": {
                "_embedded": {"releasedVersions": released or []}
            },
        }
    )


def _deployed(uuid: str, instance: str | None) -> dict[str, Any]:
    return {
        "applicationInstance": instance,
        "_links": {"self": {"href": f"{BASE}/deployed-versions/{uuid}"}},
    }


def test_undeployment_patches_the_deployment_of_that_instance_only() -> None:
    broker = _broker([_deployed("d-1", None), _deployed("d-2", "blue")])
    [record] = record_undeployment(broker.client(), "Foo", "prod", application_instance="blue")
    assert broker.writes() == [
        ("PATCH", f"{BASE}/deployed-versions/d-2", {"currentlyDeployed": False})
    ]
    assert record.version == "7"


@pytest.mark.parametrize(
    ("deployed", "instance", "message"),
    [
        ([], None, "Foo is not currently deployed to the prod environment"),
        ([_deployed("d-1", "blue")], None, "give one of --application-instance blue"),
        ([_deployed("d-1", None)], "green", "application instance 'green' in the prod environment; omit --application-instance"),
    ],
)  # fmt: skip
def test_undeployment_that_matches_nothing_says_what_is_deployed(
    deployed: list[dict[str, Any]], instance: str | None, message: str
) -> None:
    broker = _broker(deployed)
    with pytest.raises(BrokerClientError, match=message.replace("(", r"\(")):
        record_undeployment(broker.client(), "Foo", "prod", application_instance=instance)
    assert broker.writes() == []


def test_unknown_environment_lists_the_known_ones() -> None:
    with pytest.raises(BrokerClientError, match=r"no environment named 'qa'.*environments: prod"):
        record_undeployment(_broker([]).client(), "Foo", "qa")


def test_support_ended_patches_each_supported_release() -> None:
    released = [{"_links": {"self": {"href": f"{BASE}/released-versions/r-1"}}}]
    broker = _broker([], released)
    record_support_ended(broker.client(), "Foo", "7", "prod")
    assert broker.writes() == [
        ("PATCH", f"{BASE}/released-versions/r-1", {"currentlySupported": False})
    ]
    with pytest.raises(BrokerClientError, match="Foo version 7 is not currently released"):
        record_support_ended(_broker([]).client(), "Foo", "7", "prod")


def test_update_environment_keeps_unchanged_fields_and_drops_read_only_ones() -> None:
    broker = _broker([])
    update_environment(broker.client(), "e-1", EnvironmentFields(display_name="Prod (EU)"))
    assert broker.writes() == [
        ("PUT", ENV, {"name": "prod", "displayName": "Prod (EU)", "production": True})
    ]


def test_delete_environment_returns_what_was_deleted() -> None:
    broker = _broker([])
    deleted = delete_environment(broker.client(), "e-1")
    assert deleted.data["name"] == "prod"
    assert broker.writes() == [("DELETE", ENV, None)]
