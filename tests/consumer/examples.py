"""The documentation-style consumer examples, once in the classic API and once in the modern one.

Each function runs a small consumer test and writes its pact into `pact_dir`:
- a GET with Like/EachLike/Term (matchers in the response body),
- a 404 with a provider state,
- a POST creating a resource with a JSON body,
- an asynchronous message with EachLike items and metadata.
"""

from __future__ import annotations

from pathlib import Path

from accord import Consumer, EachLike, Like, MessageConsumer, Pact, Provider, Term, match
from accord.consumer import get_generated_values
from tests.consumer.example_apps import (
    TIMESTAMP_PATTERN,
    UUID_PATTERN,
    UserClient,
    handle_order_event,
)
from tests.support import free_port


def classic_http(pact_dir: Path) -> None:
    pact = Consumer("frontend-app").has_pact_with(
        Provider("user-service"), host_name="localhost", port=free_port(), pact_dir=str(pact_dir)
    )
    pact.start_service()
    try:
        expected = {
            "name": "UserA",
            "id": Term(UUID_PATTERN, "fc763eba-0905-41c5-a27f-3934ab26786c"),
            "created_on": Term(TIMESTAMP_PATTERN, "2016-12-15T20:16:01"),
            "groups": EachLike({"id": Like(1), "name": Like("admins")}, minimum=1),
        }
        (
            pact.given("UserA exists and is not an administrator")
            .upon_receiving("a request for UserA")
            .with_request("get", "/users/UserA")
            .will_respond_with(200, body=Like(expected))
        )
        with pact:
            user = UserClient(pact.uri).get_user("UserA")
        assert user is not None and user["name"] == "UserA"

        (
            pact.given("UserB does not exist")
            .upon_receiving("a request for UserB")
            .with_request("get", "/users/UserB")
            .will_respond_with(404)
        )
        with pact:
            assert UserClient(pact.uri).get_user("UserB") is None

        (
            pact.upon_receiving("a request to create UserC")
            .with_request(
                "post",
                "/users",
                headers={"Content-Type": "application/json"},
                body={"name": "UserC", "email": Like("userc@example.com")},
            )
            .will_respond_with(
                201,
                headers={"Location": Term(r"/users/\d+", "/users/3")},
                body={"id": Like(3), "name": "UserC", "email": Like("userc@example.com")},
            )
        )
        with pact:
            created, location = UserClient(pact.uri).create_user("UserC", "userc@example.com")
        assert created["id"] == 3 and location == "/users/3"
    finally:
        pact.stop_service()


def classic_message(pact_dir: Path) -> None:
    pact = MessageConsumer("orders-worker").has_pact_with(
        Provider("order-service"), pact_dir=str(pact_dir)
    )
    content = {
        "orderId": Like(1),
        "items": EachLike({"sku": Like("A1"), "quantity": Like(2)}, minimum=1),
    }
    (
        pact.given("an order with items exists")
        .expects_to_receive("an order created event")
        .with_content(content)
        .with_metadata({"contentType": "application/json", "topic": "orders"})
    )
    with pact:
        assert handle_order_event(get_generated_values(content)) == 2


def modern_http(pact_dir: Path) -> None:
    pact = Pact("frontend-app", "user-service", pact_dir=pact_dir)
    (
        pact.upon_receiving("a request for UserA")
        .given("UserA exists and is not an administrator")
        .with_request("GET", "/users/UserA")
        .will_respond_with(200)
        .with_body(
            {
                "name": "UserA",
                "id": match.uuid("fc763eba-0905-41c5-a27f-3934ab26786c"),
                "created_on": match.datetime("2016-12-15T20:16:01"),
                "groups": match.each_like({"id": match.integer(1), "name": match.string("admins")}),
            }
        )
    )
    (
        pact.upon_receiving("a request for UserB")
        .given("UserB does not exist")
        .with_request("GET", "/users/UserB")
        .will_respond_with(404)
    )
    (
        pact.upon_receiving("a request to create UserC")
        .with_request("POST", "/users")
        .with_body({"name": "UserC", "email": match.regex("userc@example.com", pattern=r".+@.+")})
        .will_respond_with(201)
        .with_header("Location", match.regex("/users/3", pattern=r"/users/\d+"))
        .with_body(
            {"id": match.integer(3), "name": "UserC", "email": match.string("userc@example.com")}
        )
    )
    with pact.serve() as url:
        client = UserClient(url)
        user = client.get_user("UserA")
        assert user is not None and user["groups"][0]["name"] == "admins"
        assert client.get_user("UserB") is None
        created, location = client.create_user("UserC", "userc@example.com")
        assert (created["id"], location) == (3, "/users/3")


def modern_message(pact_dir: Path) -> None:
    pact = Pact("orders-worker", "order-service", pact_dir=pact_dir)
    (
        pact.upon_receiving("an order created event", interaction="Async")
        .given("an order with items exists")
        .with_body(
            {
                "orderId": match.integer(1),
                "items": match.each_like({"sku": match.string("A1"), "quantity": match.integer(2)}),
            }
        )
        .with_metadata(topic="orders")
    )
    pact.verify(handle_order_event)
