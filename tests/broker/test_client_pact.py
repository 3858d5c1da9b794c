"""The official broker client's pact with the broker, verified against our broker with Accord's
own verifier and provider states built on the test-data builder.

Interactions that belong to part 2 (issue 6: environments, deployments, releases, the matrix and
can-i-deploy) are listed in PART_2 with the reason; the test verifies everything, then requires
that every other interaction passed and that nothing else failed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from tests.broker.conftest import Broker, make_broker
from tests.broker.provider_states import generic, handlers
from tests.support import BROKER_CLIENT_PACTS

PACT = BROKER_CLIENT_PACTS / "Pact_Broker_Client_V2-Pact_Broker.json"

_MATRIX = "the matrix and can-i-deploy are part 2 (issue 6)"
PART_2: dict[str, str] = {
    "a request for the compatibility matrix for Foo version 1.2.3 and Bar version 4.5.6": _MATRIX,
    "a request for the compatibility matrix for Foo version 1.2.3 and the latest prod version of Bar": _MATRIX,
    "a request for the compatibility matrix for Foo version 1.2.3 and the latest prod versions of all other pacticipants": _MATRIX,
    "a request for the compatibility matrix for Foo version 1.2.3 and the latest version of Bar": _MATRIX,
    "a request for the compatibility matrix for a pacticipant that does not exist": _MATRIX,
    "a request for the compatibility matrix for all versions of Foo and Bar": _MATRIX,
    "a request for the compatibility matrix where one or more versions does not exist": _MATRIX,
    "a request for the compatibility matrix where only the version of Foo is specified": _MATRIX,
    "a request for the successful rows of the compatibility matrix for all versions of Foo and Bar": _MATRIX,
    "a request to determine if Bar can be deployed with all Foo tagged prod, ignoring the verification for Foo version 3.4.5": _MATRIX,
}  # fmt: skip


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
            "Pact Broker", app=example_org_broker.app, console=Console(file=output, width=200)
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
