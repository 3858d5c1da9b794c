"""The pure handler: lookup by method and path, responses, 500s and the report (no sockets)."""

from __future__ import annotations

import json

from accord import Pact, match
from accord.mock import (
    InteractionIndex,
    Matched,
    Mismatched,
    Missing,
    MockReport,
    Unexpected,
    handle,
)
from accord.mock.results import RequestLog
from accord.model import Body, Request


def _users_pact() -> Pact:
    pact = Pact("web", "users")
    (
        pact.upon_receiving("a request to update a user")
        .with_request("PUT", "/users/1")
        .with_body(
            {"user": {"email": match.regex("mary@example.com", pattern=r"[^@]+@[^@]+\.\w+")}}
        )
        .will_respond_with(200)
        .with_body({"id": match.integer(1)})
    )
    (
        pact.upon_receiving("a request for an order")
        .with_request("GET", match.regex("/orders/7", pattern=r"/orders/\d+"))
        .will_respond_with(200)
    )
    return pact


def _index() -> InteractionIndex:
    return InteractionIndex(_users_pact().interactions())


def _put(email: str) -> Request:
    return Request(
        method="PUT",
        path="/users/1",
        query={},
        headers={"Content-Type": ["application/json"]},
        body=Body.from_json({"user": {"email": email}}),
    )


def test_a_matching_request_gets_the_example_response():
    handled = handle(_index(), _put("ann@example.org"), base_url="http://mock")
    assert handled.response.status == 200
    assert json.loads(handled.response.body) == {"id": 1}
    assert ("Content-Type", "application/json") in handled.response.headers
    assert isinstance(handled.outcome, Matched)


def test_path_rules_are_found_without_an_exact_path():
    handled = handle(_index(), Request(method="GET", path="/orders/99", query={}), base_url="")
    assert handled.response.status == 200


def test_a_mismatched_request_gets_a_500_naming_the_field():
    handled = handle(_index(), _put("not an email"), base_url="http://mock")
    assert handled.response.status == 500
    assert isinstance(handled.outcome, Mismatched)
    body = json.loads(handled.response.body)
    assert body["mismatches"][0]["field"] == "$.body.user.email"


def test_an_unknown_route_is_unexpected():
    handled = handle(_index(), Request(method="DELETE", path="/users/1", query={}), base_url="")
    assert handled.response.status == 500
    assert isinstance(handled.outcome, Unexpected)


def test_report_names_interaction_field_path_expected_and_actual():
    index = _index()
    log = RequestLog()
    for request in (_put("mary"), Request(method="GET", path="/nothing", query={})):
        outcome = handle(index, request, base_url="").outcome
        assert outcome is not None
        log.record(outcome)
    report = log.report(index.interactions, "Pact between web and users")
    assert not report.ok
    text = report.render()
    assert "Mismatched request for 'a request to update a user' (PUT /users/1)" in text
    assert "$.body.user.email: expected 'mary@example.com', got 'mary'" in text
    assert "Unexpected GET request received: /nothing" in text
    assert "Expected but not received: 'a request for an order'" in text
    assert [p["type"] for p in report.to_json()] == [
        "request-mismatch",
        "request-not-found",
        "missing-request",
    ]


def test_raise_for_mismatches_is_an_assertion_error():
    report = MockReport(results=(Missing(interaction=_index().interactions[0]),))
    try:
        report.raise_for_mismatches()
    except AssertionError as error:
        assert "Expected but not received" in str(error)
    else:  # pragma: no cover
        raise AssertionError("expected a MismatchError")


def test_cors_preflight_is_answered_and_not_reported():
    preflight = Request(
        method="OPTIONS",
        path="/users/1",
        query={},
        headers={"Origin": ["http://app"], "Access-Control-Request-Method": ["PUT"]},
    )
    handled = handle(_index(), preflight, base_url="", cors=True)
    assert handled.response.status == 204
    assert ("Access-Control-Allow-Origin", "http://app") in handled.response.headers
    assert handled.outcome is None


def test_lookup_cost_does_not_grow_with_interactions():
    pact = Pact("web", "users")
    for number in range(2000):
        pact.upon_receiving(f"user {number}").with_request(
            "GET", f"/users/{number}"
        ).will_respond_with(200)
    index = InteractionIndex(pact.interactions())
    assert index.candidates("GET", "/users/1999") == [index.interactions[1999]]
    assert index.candidates("get", "/users/5") == [index.interactions[5]]


def test_query_parameters_the_pact_does_not_mention_are_mismatches():
    pact = Pact("web", "users")
    pact.upon_receiving("all users").with_request("GET", "/users").will_respond_with(200)
    index = InteractionIndex(pact.interactions())
    plain = handle(index, Request(method="GET", path="/users", query={}), base_url="")
    assert plain.response.status == 200
    extra = handle(index, Request(method="GET", path="/users", query={"debug": ["1"]}), base_url="")
    assert extra.response.status == 500
    assert isinstance(extra.outcome, Mismatched)
    assert [m.message for m in extra.outcome.mismatches] == [
        "Unexpected query parameter 'debug' received"
    ]


def test_the_same_request_under_two_states_is_answered_by_each_in_turn():
    pact = Pact("web", "users")
    for state, status in (("user exists", 200), ("user is gone", 404)):
        pact.upon_receiving("a request for user 1").given(state).with_request(
            "GET", "/users/1"
        ).will_respond_with(status)
    index = InteractionIndex(pact.interactions())
    log = RequestLog()
    statuses = []
    for _ in range(2):
        handled = handle(
            index,
            Request(method="GET", path="/users/1", query={}),
            base_url="",
            matched=log.matched_identities(),
        )
        assert handled.outcome is not None
        log.record(handled.outcome)
        statuses.append(handled.response.status)
    assert statuses == [200, 404]
    assert log.report(index.interactions, "t").ok


def test_report_names_the_keys_a_request_body_lacks():
    pact = Pact("web", "users")
    (
        pact.upon_receiving("create a user")
        .with_request("POST", "/users")
        .with_body({"name": match.string("Bob"), "age": match.integer(3), "tags": []})
        .will_respond_with(201)
    )
    index = InteractionIndex(pact.interactions())
    log = RequestLog()
    request = Request(
        method="POST",
        path="/users",
        query={},
        headers={"Content-Type": ["application/json"]},
        body=Body.from_json({"name": "Ann"}),
    )
    outcome = handle(index, request, base_url="").outcome
    assert outcome is not None
    log.record(outcome)
    text = log.report(index.interactions, "Pact between web and users").render()
    assert "$.body: missing 'age', 'tags'; expected {" in text
