"""Helpers shared by the broker command tests: which broker routes exist yet, pact files and
verification results to set up scenarios, and the official client's pact served by Accord's mock.

`official_pact(...)` serves chosen interactions of the official CLI's pact with the broker
(`../shared/broker-client-pacts/`): the requests our commands send must be the ones that pact
describes, and every chosen interaction must be requested. Provider states are only labels here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from accord.mock import MockServer
from accord.model import HttpInteraction, load_pact
from tests.support import BROKER_CLIENT_PACTS, free_port

OFFICIAL_PACT = BROKER_CLIENT_PACTS / "Pact_Broker_Client_V2-Pact_Broker.json"
# Absolute example hosts in the pact's responses; links are followed, so they must point at the mock.
_EXAMPLE_HOSTS = ("http://127.0.0.1:9999", "http://example.org")
PART_2 = "broker part 2 (issue 6) not landed"


def broker_has_route(method: str, path: str) -> bool:
    """Whether Accord's broker (as checked out) answers `method path` with a real route."""
    from accord.broker.app import ROUTERS

    for router in ROUTERS:
        for route in router.routes:
            regex = getattr(route, "path_regex", None)
            if regex is not None and regex.match(path) and method in getattr(route, "methods", ()):
                return True
    return False


def needs_routes(*routes: tuple[str, str]) -> pytest.MarkDecorator:
    """xfail (strict) while any of these broker routes is missing; a real test once they land."""
    missing = [f"{method} {path}" for method, path in routes if not broker_has_route(method, path)]
    return pytest.mark.xfail(
        bool(missing), reason=f"{PART_2}: no {', '.join(missing)}", strict=True
    )


ENVIRONMENT_ROUTES = needs_routes(("POST", "/environments"), ("GET", "/environments"))
DEPLOYMENT_ROUTES = needs_routes(
    ("POST", "/environments"),
    ("POST", "/pacticipants/P/versions/1/deployed-versions/environment/e"),
    ("POST", "/pacticipants/P/versions/1/released-versions/environment/e"),
    ("GET", "/environments/e/deployed-versions/currently-deployed"),
    ("PATCH", "/deployed-versions/d"),
    ("GET", "/environments/e/released-versions/currently-supported"),
    ("PATCH", "/released-versions/r"),
)
MATRIX_ROUTES = needs_routes(("GET", "/matrix"), ("POST", "/environments"))


def pact_json(
    consumer: str, provider: str, description: str = "a request for a user"
) -> dict[str, Any]:
    return {
        "consumer": {"name": consumer},
        "provider": {"name": provider},
        "interactions": [
            {
                "description": description,
                "request": {"method": "GET", "path": "/users/1"},
                "response": {"status": 200, "body": {"name": "Mary"}},
            }
        ],
        "metadata": {"pactSpecification": {"version": "2.0.0"}},
    }


def write_pact(directory: Path, consumer: str, provider: str, **kwargs: Any) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{consumer}-{provider}.json"
    path.write_text(json.dumps(pact_json(consumer, provider, **kwargs), indent=2))
    return path


def official_interactions(base_url: str, *wanted: tuple[str, str | None]) -> list[HttpInteraction]:
    """The interactions with these (description, provider state) pairs, links rebased on `base_url`."""
    text = OFFICIAL_PACT.read_text()
    for host in _EXAMPLE_HOSTS:
        text = text.replace(host, base_url)
    raw = json.loads(text)
    chosen = []
    for description, state in wanted:
        found = [
            item
            for item in raw["interactions"]
            if item["description"] == description and item.get("providerState") == state
        ]
        assert len(found) == 1, f"the official pact has no interaction {description!r} / {state!r}"
        chosen.extend(found)
    pact = load_pact({**raw, "interactions": chosen})
    return [item for item in pact.interactions if isinstance(item, HttpInteraction)]


@contextmanager
def official_pact(*wanted: tuple[str, str | None]) -> Iterator[str]:
    """A mock broker serving those interactions; fails unless each was requested, and nothing else."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    server = MockServer(official_interactions(base_url, *wanted), port=port, spec="V2")
    with server:
        yield base_url
    report = server.report()
    assert report.ok, report.render()
