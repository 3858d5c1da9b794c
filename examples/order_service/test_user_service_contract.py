"""The order service's contract with the user service, written with Accord's modern DSL.

Run by `make demo` (and by tests/examples): each test drives the real `UserClient` against Accord's
mock server; when everything matched, the pact is written to $ACCORD_PACT_DIR (default
examples/pacts).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from accord import Pact, match
from examples.order_service.users import UserClient, UserNotFound

PACT_DIR = Path(os.environ.get("ACCORD_PACT_DIR", Path(__file__).resolve().parent.parent / "pacts"))


@pytest.fixture
def pact() -> Pact:
    return Pact("OrderService", "UserService", pact_dir=PACT_DIR)


def test_reads_a_user(pact: Pact) -> None:
    (
        pact.upon_receiving("a request for user 42")
        .given("a user with id 42 exists", id=42)
        .with_request("GET", "/users/42")
        .with_header("Accept", "application/json")
        .will_respond_with(200)
        .with_header("Content-Type", match.regex("application/json", pattern=r"application/json.*"))
        .with_body(
            {
                "userId": match.integer(42),
                "name": match.string("Ada Lovelace"),
                "email": match.regex("ada@example.com", pattern=r"[^@\s]+@[^@\s]+"),
            }
        )
    )
    with pact.serve() as url:
        user = UserClient(url).get_user(42)
    assert (user.id, user.name) == (42, "Ada Lovelace")


def test_a_missing_user_is_reported_as_not_found(pact: Pact) -> None:
    (
        pact.upon_receiving("a request for a user that does not exist")
        .given("no users exist")
        .with_request("GET", "/users/7")
        .will_respond_with(404)
    )
    with pact.serve() as url, pytest.raises(UserNotFound):
        UserClient(url).get_user(7)
