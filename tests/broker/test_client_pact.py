"""The official broker client's pact with the broker, verified against our broker with Accord's
own verifier and provider states built on the test-data builder.

Interactions that may fail would be listed in PART_2 with the reason (part 2 of the broker, issue
6, once needed it); today it is empty and every one of the 67 interactions must pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from rich.console import Console

from accord.model import Request
from tests.broker.conftest import Broker, make_broker
from tests.broker.provider_states import generic, handlers
from tests.support import BROKER_CLIENT_PACTS

PACT = BROKER_CLIENT_PACTS / "Pact_Broker_Client_V2-Pact_Broker.json"

# Interactions allowed to fail, with the reason. Empty: since the environments, deployments and
# matrix/can-i-deploy resources exist, all 67 interactions verify.
PART_2: dict[str, str] = {}


def rack_order(request: Request) -> Request | None:
    """The Pact mock server sorted the matrix query by key (`q[][pacticipant]=Foo&
    q[][pacticipant]=Bar&q[][version]=1&...`); Rack-style parsing needs each pacticipant followed
    by its own keys. Versions belong to the first pacticipants, latest/tag to the rest (what the
    Ruby broker's hal_relation_proxy_app does for the same pact)."""
    query = request.query or {}
    names = query.get("q[][pacticipant]", [])
    if request.path != "/matrix" or len(names) < 2:
        return None
    versions = query.get("q[][version]", [])
    parts: list[tuple[str, str]] = []
    for index, name in enumerate(names):
        parts.append(("q[][pacticipant]", name))
        if index < len(versions):
            parts.append(("q[][version]", versions[index]))
        else:
            parts += [(key, query[key][0]) for key in ("q[][latest]", "q[][tag]") if key in query]
    parts += [
        (key, value)
        for key, values in query.items()
        if not key.startswith("q[]")
        for value in values
    ]
    return replace(request, path="/matrix?" + urlencode(parts), query=None)


@pytest.fixture
def example_org_broker(sqlite_url: str) -> Iterator[Broker]:
    # the pact's expected bodies carry absolute links on http://example.org
    made = make_broker(sqlite_url, base_url="http://example.org")
    yield made
    made.client.close()
    made.app.state.engine.dispose()


def test_every_part_2_exclusion_names_an_interaction_of_the_pact() -> None:
    import json

    descriptions = {i["description"] for i in json.loads(PACT.read_text())["interactions"]}
    assert set(PART_2) <= descriptions


def test_the_official_client_pact_verifies(example_org_broker: Broker, tmp_path: Path) -> None:
    from accord.verifier import Verifier

    td = example_org_broker.td
    with (tmp_path / "verification.txt").open("w") as output:
        verifier = Verifier(
            "Pact Broker",
            app=example_org_broker.app,
            console=Console(file=output, width=200),
            request_filter=rack_order,
        )
        verifier.add_source(PACT)
        verifier.state_handlers(handlers(td), generic=generic(td))
        report = verifier.verify()

    results = report.interactions
    assert len(results) == 67
    failed: dict[str, Any] = {
        r.description: [f.message or f.category for f in r.failures] for r in results if r.failures
    }
    unexpected = {d: f for d, f in failed.items() if d not in PART_2}
    assert unexpected == {}, "interactions of part 1 failed:\n" + "\n".join(
        f"{d}: {f}" for d, f in unexpected.items()
    )
    assert report.errors == []
    passed = [r for r in results if not r.failures]
    assert len(passed) >= 67 - len([r for r in results if r.description in PART_2])
