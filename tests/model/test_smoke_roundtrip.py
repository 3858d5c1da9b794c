"""Temporary smoke test; the full round-trip suite replaces it."""

from accord.model import load_pact
from tests.support import BROKER_CLIENT_PACTS


def test_broker_client_pact_loads() -> None:
    pact = load_pact(BROKER_CLIENT_PACTS / "Pact_Broker_Client_V2-Pact_Broker.json")
    assert pact.provider == "Pact Broker"
    assert len(pact.interactions) == 67
