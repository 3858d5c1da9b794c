"""Message pacts: producers registered by description, or an HTTP endpoint of the provider."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from flask import Flask, Response, request

from accord.model import Body, MessageContents
from accord.verifier import Verifier
from accord.verifier.messages import to_message_contents
from tests.verifier.pacts import write_pact


def message_pact(tmp_path: Path, *, sync: bool = False) -> Path:
    interactions: list[dict[str, Any]] = [
        {
            "type": "Asynchronous/Messages",
            "description": "an order was placed",
            "providerStates": [{"name": "an order exists", "params": {"id": 5}}],
            "contents": {"contentType": "application/json", "content": {"orderId": 5}},
            "metadata": {"topic": "orders"},
        }
    ]
    if sync:
        interactions.append(
            {
                "type": "Synchronous/Messages",
                "description": "price lookup",
                "request": {
                    "contents": {"contentType": "application/json", "content": {"sku": "A"}}
                },
                "response": [
                    {"contents": {"contentType": "application/json", "content": {"price": 3}}}
                ],
            }
        )
    document = {
        "consumer": {"name": "Shipping"},
        "provider": {"name": "Orders"},
        "interactions": interactions,
        "metadata": {"pactSpecification": {"version": "4.0"}},
    }
    return write_pact(tmp_path, document)


def test_producers_by_description_pass_and_fail(tmp_path: Path) -> None:
    verifier = Verifier("Orders").add_source(message_pact(tmp_path, sync=True))
    received: dict[str, Any] = {}

    @verifier.message("an order was placed")
    def order_placed(params: dict[str, Any]) -> Any:
        received["params"] = params
        return {"contents": {"orderId": params["id"]}, "metadata": {"topic": "orders"}}

    @verifier.message("price lookup")
    def price(request: MessageContents) -> Any:
        assert request.contents.json() == {"sku": "A"}
        return {"price": 3}

    report = verifier.verify()
    assert report.success, [r.failures for r in report.interactions]
    assert received["params"] == {"id": 5}
    assert [r.kind for r in report.interactions] == ["message", "sync-message"]

    failing = Verifier("Orders").add_source(message_pact(tmp_path))
    failing.message_producers(
        {"an order was placed": lambda: ({"order_id": 5}, {"topic": "returns"})}
    )
    report = failing.verify()
    assert report.exit_code == 1
    lines = [f.headline("Shipping") for f in report.interactions[0].failures]
    assert "Shipping expects $.body.orderId (missing)" in lines
    assert report.interactions[0].categories() == [
        "Body had differences",
        "Metadata had differences",
    ]


def test_missing_producer_names_the_description(tmp_path: Path) -> None:
    report = Verifier("Orders").add_source(message_pact(tmp_path)).verify()
    message = report.interactions[0].failures[0].message
    assert "no message producer for 'an order was placed' (consumer Shipping)" in message


def test_http_message_endpoint(tmp_path: Path) -> None:
    app = Flask("orders")
    asked: list[Any] = []

    @app.post("/_pact/messages")
    def messages() -> Response:
        asked.append(request.get_json())
        metadata = base64.b64encode(json.dumps({"topic": "orders"}).encode()).decode()
        return Response(
            json.dumps({"orderId": 5}),
            content_type="application/json",
            headers={"Pact-Message-Metadata": metadata},
        )

    verifier = Verifier("Orders", app=app).add_source(message_pact(tmp_path))
    report = verifier.message_url("/_pact/messages").verify()
    assert report.success, [r.failures for r in report.interactions]
    assert asked == [
        {
            "description": "an order was placed",
            "providerStates": [{"name": "an order exists", "params": {"id": 5}}],
        }
    ]


def test_what_producers_may_return() -> None:
    assert (
        to_message_contents(
            b"\x89PNG", MessageContents(contents=Body.from_bytes(b"x", "image/png"))
        ).contents.content_type
        == "image/png"
    )
    assert to_message_contents("hello").contents.text() == "hello"
    assert to_message_contents([1, 2]).contents.json() == [1, 2]
    envelope = to_message_contents(
        {"contents": "<a/>", "contentType": "application/xml", "metadata": {"k": 1}}
    )
    assert envelope.contents.content_type == "application/xml"
    assert envelope.metadata == {"k": 1}
    # a dict with other keys is the JSON body itself
    assert to_message_contents({"contents": 1, "other": 2}).contents.json() == {
        "contents": 1,
        "other": 2,
    }
