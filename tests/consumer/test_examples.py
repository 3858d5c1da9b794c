"""The documentation-style examples in both APIs produce the expected pact files."""

from __future__ import annotations

import json

import pytest

from accord.model import load_pact
from tests.consumer import examples


def test_classic_http_examples_write_a_v2_pact(tmp_path):
    examples.classic_http(tmp_path)
    data = json.loads((tmp_path / "frontend-app-user-service.json").read_text())
    assert data["metadata"]["pactSpecification"]["version"] == "2.0.0"
    by_description = {i["description"]: i for i in data["interactions"]}
    assert set(by_description) == {
        "a request for UserA",
        "a request for UserB",
        "a request to create UserC",
    }
    user_a = by_description["a request for UserA"]
    assert user_a["providerState"] == "UserA exists and is not an administrator"
    rules = user_a["response"]["matchingRules"]
    assert rules["$.body"] == {"match": "type"}
    assert rules["$.body.groups"] == {"match": "type", "min": 1}
    assert rules["$.body.id"]["match"] == "regex"
    assert by_description["a request for UserB"]["response"] == {"status": 404}
    create = by_description["a request to create UserC"]
    assert create["request"]["body"] == {"name": "UserC", "email": "userc@example.com"}
    assert create["response"]["matchingRules"]["$.headers.Location"]["regex"] == r"/users/\d+"


def test_classic_message_example_writes_a_v3_message_pact(tmp_path):
    examples.classic_message(tmp_path)
    data = json.loads((tmp_path / "orders-worker-order-service.json").read_text())
    assert data["metadata"]["pactSpecification"]["version"] == "3.0.0"
    (message,) = data["messages"]
    assert message["providerStates"] == [{"name": "an order with items exists"}]
    assert message["metadata"] == {"contentType": "application/json", "topic": "orders"}
    assert message["matchingRules"]["body"]["$.items"]["matchers"] == [{"match": "type", "min": 1}]


def test_modern_http_examples_write_a_v4_pact(tmp_path):
    examples.modern_http(tmp_path)
    pact = load_pact(tmp_path / "frontend-app-user-service.json")
    assert [i.description for i in pact.interactions] == [
        "a request for UserA",
        "a request for UserB",
        "a request to create UserC",
    ]
    assert all(i.key for i in pact.interactions)
    user_b = pact.interaction("a request for UserB")
    assert user_b.state_names() == ["UserB does not exist"]
    assert user_b.response.status == 404


def test_modern_message_example_writes_a_v4_message_pact(tmp_path):
    examples.modern_message(tmp_path)
    pact = load_pact(tmp_path / "orders-worker-order-service.json")
    (message,) = pact.interactions
    assert message.type.value == "Asynchronous/Messages"
    assert message.message.metadata == {"topic": "orders", "contentType": "application/json"}


def test_a_failing_message_handler_fails_the_test_and_writes_nothing(tmp_path):
    from accord import Pact

    pact = Pact("orders-worker", "order-service", pact_dir=tmp_path)
    pact.upon_receiving("an empty event", interaction="Async").with_body({"items": []})
    with pytest.raises(ValueError, match="not an order event") as caught:
        pact.verify(examples.handle_order_event)
    assert "while the consumer handled message 'an empty event'" in caught.value.__notes__
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "example", ["classic_http", "classic_message", "modern_http", "modern_message"]
)
def test_written_pacts_pass_strict_validation(tmp_path, example):
    getattr(examples, example)(tmp_path)
    (path,) = tmp_path.glob("*.json")
    load_pact(path, strict=True)
