"""Every pact fixture in the shared corpora loads, and saves back in V2, V3 and V4."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from accord.model import HttpInteraction, SpecVersion, dump_pact, load_pact
from tests.support import BROKER_CLIENT_PACTS, FIXTURES


def _pact_files() -> list[Path]:
    candidates = sorted(FIXTURES.glob("*.json")) + sorted(BROKER_CLIENT_PACTS.glob("*.json"))
    pacts = []
    for path in candidates:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        if isinstance(data, dict) and ("interactions" in data or "messages" in data):
            pacts.append(path)
    return pacts


PACT_FILES = _pact_files()


def test_the_corpora_hold_pacts() -> None:
    assert len(PACT_FILES) == 4


@pytest.mark.parametrize("path", PACT_FILES, ids=lambda p: p.name)
def test_same_version_round_trip_gives_an_equal_model(path: Path) -> None:
    pact = load_pact(path)
    again = load_pact(json.loads(json.dumps(dump_pact(pact))))
    assert again == pact


@pytest.mark.parametrize("version", ["v2", "v3", "v4"])
@pytest.mark.parametrize("path", PACT_FILES, ids=lambda p: p.name)
def test_saves_in_every_version_and_reloads_to_a_fixed_point(path: Path, version: str) -> None:
    pact = load_pact(path)
    written = json.loads(json.dumps(dump_pact(pact, version)))
    reloaded = load_pact(written)
    assert reloaded.spec is SpecVersion.parse(version)
    assert dump_pact(reloaded, version) == written
    assert (
        written["metadata"]["pactSpecification"]["version"]
        == SpecVersion.parse(version).metadata_version
    )
    # What every version can carry survives the conversion unchanged.
    assert len(reloaded.interactions) == len(pact.interactions)
    for before, after in zip(pact.interactions, reloaded.interactions):
        assert isinstance(after, HttpInteraction) and isinstance(before, HttpInteraction)
        assert after.description == before.description
        assert after.request.method == before.request.method
        assert after.request.path == before.request.path
        assert after.request.query == before.request.query
        assert after.request.body == before.request.body
        assert after.response.status == before.response.status
        assert after.response.body == before.response.body
        assert after.state_names()[:1] == before.state_names()[:1]


def test_v2_writes_flat_rule_paths_and_a_single_provider_state() -> None:
    pact = load_pact(BROKER_CLIENT_PACTS / "Pact_Broker_Client_V2-Pact_Broker.json")
    written = dump_pact(pact, "v2")
    with_rules = [i for i in written["interactions"] if "matchingRules" in i["response"]]
    assert with_rules, "the broker client pact has response rules"
    for interaction in with_rules:
        assert all(
            key.startswith(("$.body", "$.headers", "$.path", "$.query"))
            for key in interaction["response"]["matchingRules"]
        )
    assert all("providerStates" not in i for i in written["interactions"])
    assert any("providerState" in i for i in written["interactions"])


def test_v3_writes_categories_and_state_lists() -> None:
    pact = load_pact(BROKER_CLIENT_PACTS / "Pact_Broker_Client_V2-Pact_Broker.json")
    written = dump_pact(pact, "v3")
    rules = [
        i["response"]["matchingRules"]
        for i in written["interactions"]
        if "matchingRules" in i["response"]
    ]
    assert rules and all(set(r) <= {"body", "header", "status"} for r in rules)
    assert all(isinstance(i.get("providerStates", []), list) for i in written["interactions"])


def test_v4_writes_typed_interactions_with_body_objects_and_header_lists() -> None:
    pact = load_pact(FIXTURES / "pact-broker_c2.json")
    written = dump_pact(pact, "v4")
    for interaction in written["interactions"]:
        assert interaction["type"] == "Synchronous/HTTP"
        body = interaction["response"].get("body")
        if body is not None:
            assert set(body) <= {"content", "contentType", "encoded", "contentTypeHint"}
        for values in interaction["response"].get("headers", {}).values():
            assert isinstance(values, list)


def test_unknown_v4_fields_are_preserved() -> None:
    document = {
        "consumer": {"name": "C", "team": "payments"},
        "provider": {"name": "P"},
        "interactions": [
            {
                "type": "Synchronous/HTTP",
                "description": "d",
                "request": {"method": "GET", "path": "/"},
                "response": {"status": 200},
                "x-vendor-annotation": {"owner": "team-a"},
                "pluginConfiguration": {"protobuf": {"descriptorKey": "abc"}},
            }
        ],
        "metadata": {"pactSpecification": {"version": "4.0"}, "pactRust": {"models": "1.2.3"}},
        "x-top-level": [1, 2, 3],
    }
    written = dump_pact(load_pact(document), "v4")
    assert written["consumer"] == {"name": "C", "team": "payments"}
    assert written["interactions"][0]["x-vendor-annotation"] == {"owner": "team-a"}
    assert written["interactions"][0]["pluginConfiguration"] == {
        "protobuf": {"descriptorKey": "abc"}
    }
    assert written["metadata"]["pactRust"] == {"models": "1.2.3"}
    assert written["x-top-level"] == [1, 2, 3]


def test_message_pacts_round_trip_in_v3_and_v4() -> None:
    document = {
        "consumer": {"name": "C"},
        "provider": {"name": "P"},
        "messages": [
            {
                "description": "an order created event",
                "providerStates": [{"name": "an order exists", "params": {"id": 7}}],
                "contents": {"id": 7, "items": [{"sku": "A"}]},
                "metaData": {"contentType": "application/json", "topic": "orders"},
                "matchingRules": {"body": {"$.items": {"matchers": [{"match": "type", "min": 1}]}}},
            }
        ],
        "metadata": {"pactSpecification": {"version": "3.0.0"}},
    }
    pact = load_pact(document)
    for version in ("v3", "v4"):
        again = load_pact(dump_pact(pact, version))
        assert again.interactions == pact.interactions
    v4 = dump_pact(pact, "v4")["interactions"][0]
    assert v4["type"] == "Asynchronous/Messages"
    assert "content" in v4["matchingRules"]
    with pytest.raises(Exception, match="needs spec v3 or later"):
        dump_pact(pact, "v2")


@pytest.mark.parametrize("version", ["v2", "v3", "v4"])
def test_binary_bodies_survive_every_version(version: str) -> None:
    jpeg = (FIXTURES / "rat.jpg").read_bytes()
    document = {
        "consumer": {"name": "C"},
        "provider": {"name": "P"},
        "interactions": [
            {
                "type": "Synchronous/HTTP",
                "description": "a picture",
                "request": {"method": "GET", "path": "/rat"},
                "response": {
                    "status": 200,
                    "headers": {"Content-Type": ["image/jpeg"]},
                    "body": {
                        "content": base64.b64encode(jpeg).decode(),
                        "encoded": "base64",
                        "contentType": "image/jpeg",
                    },
                },
            }
        ],
        "metadata": {"pactSpecification": {"version": "4.0"}},
    }
    reloaded = load_pact(json.loads(json.dumps(dump_pact(load_pact(document), version))))
    interaction = reloaded.interactions[0]
    assert isinstance(interaction, HttpInteraction)
    assert interaction.response.body.content == jpeg
