"""Helpers shared by the broker command tests: pact files and
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

from accord.mock import MockServer
from accord.model import HttpInteraction, load_pact
from tests.support import BROKER_CLIENT_PACTS, free_port

OFFICIAL_PACT = BROKER_CLIENT_PACTS / "Pact_Broker_Client_V2-Pact_Broker.json"
# Absolute example hosts in the pact's responses; links are followed, so they must point at the mock.
_EXAMPLE_HOSTS = ("http://127.0.0.1:9999", "http://example.org")


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
