"""Step definitions for the compatibility suite's matching features (V3 and V4).

A scenario builds an expected request or response from a step table (body cell, content type,
query, headers, a matching-rules fragment), receives one or more actual ones, compares them with
`accord.matching`, and checks the outcome and the mismatch wording. As in the reference steps, an
expected error is found when a mismatch at the same path *contains* it, or else matches it as a
regular expression; `\\"` in a step argument stands for a quote.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from accord.errors import Issue
from accord.matching import Mismatch, MismatchKind, match_request, match_response
from accord.model import Body, MatchingRules, Request, Response, SpecVersion, parse_query_string
from accord.model.codec import read_request
from tests.compatibility.bodies import fixture_json, read_body_cell


@dataclass
class MatchingWorld:
    """What one scenario has built so far."""

    expected_request: Request = field(default_factory=Request)
    received_requests: list[Request] = field(default_factory=list)
    expected_response: Response = field(default_factory=Response)
    received_responses: list[Response] = field(default_factory=list)
    results: list[list[Mismatch]] = field(default_factory=list)


@pytest.fixture
def matching_world() -> MatchingWorld:
    return MatchingWorld()


# ---- building parts from table cells -------------------------------------------------------


def _table(datatable: list[list[str]]) -> list[dict[str, str]]:
    header, *rows = datatable
    return [dict(zip(header, row, strict=True)) for row in rows]


def _rules(cell: str) -> MatchingRules:
    cell = cell.strip()
    data = (
        json.loads(cell.removeprefix("JSON:").strip())
        if cell.startswith("JSON:")
        else fixture_json(cell.removeprefix("file:").strip())
    )
    issues: list[Issue] = []
    rules = read_request({"matchingRules": data}, SpecVersion.V4, "$", issues).matching_rules
    assert not [i for i in issues if i.severity == "error"], issues
    return rules


def _headers(cell: str) -> dict[str, list[str]]:
    # `'X-A: 1234', 'X-B: 5'`: quoted name/value pairs separated by commas.
    headers: dict[str, list[str]] = {}
    for item in cell.split(","):
        name, _, value = item.strip().strip("'").partition(":")
        headers[name.strip()] = [value.strip()]
    return headers


def _body(cells: dict[str, str]) -> tuple[Body, str | None]:
    cell = cells.get("body", "")
    if not cell:
        return Body.missing(), None
    content_type = cells.get("content type") or None
    if cell.strip() == "EMPTY":
        return Body.from_bytes(b"", content_type), content_type
    read = read_body_cell(cell)
    content_type = content_type or read.content_type
    return Body.from_bytes(read.content, content_type), content_type


def _request(cells: dict[str, str], rules: MatchingRules | None = None) -> Request:
    body, content_type = _body(cells)
    headers: dict[str, list[str]] = {}
    if content_type:
        headers["Content-Type"] = [content_type]
    if cells.get("headers"):
        headers.update(_headers(cells["headers"]))
    query = parse_query_string(cells["query"]) if "query" in cells else None
    return Request(
        headers=headers or None,
        query=query,
        body=body,
        matching_rules=rules or MatchingRules(),
    )


def _argument(text: str) -> str:
    """A quoted step argument as cucumber's {string} reads it: `\\"` is a quote."""
    return text.replace('\\"', '"')


# ---- given ---------------------------------------------------------------------------------


@given(parsers.parse("an expected request configured with the following:"))
def expected_request_configured(matching_world: MatchingWorld, datatable: list[list[str]]) -> None:
    cells = _table(datatable)[0]
    rules = _rules(cells["matching rules"]) if cells.get("matching rules") else None
    matching_world.expected_request = _request(cells, rules)


@given(parsers.parse("a request is received with the following:"))
def request_received(matching_world: MatchingWorld, datatable: list[list[str]]) -> None:
    matching_world.received_requests.append(_request(_table(datatable)[0]))


@given(parsers.parse("the following requests are received:"))
def requests_received(matching_world: MatchingWorld, datatable: list[list[str]]) -> None:
    for cells in _table(datatable):
        # Rows describe bodies and parameters only; the content type comes from the body cell.
        cells = {key: value for key, value in cells.items() if key != "content type"}
        matching_world.received_requests.append(_request(cells))


@given(parsers.re(r'an expected request with an? "(?P<name>[^"]*)" header of "(?P<value>[^"]*)"'))
def expected_request_header(matching_world: MatchingWorld, name: str, value: str) -> None:
    expected = matching_world.expected_request
    headers = dict(expected.headers or {})
    headers[name] = [value]
    matching_world.expected_request = Request(
        method=expected.method,
        path=expected.path,
        query=expected.query,
        headers=headers,
        body=expected.body,
        matching_rules=expected.matching_rules,
    )


@given(parsers.re(r'a request is received with an? "(?P<name>[^"]*)" header of "(?P<value>[^"]*)"'))
def request_received_with_header(matching_world: MatchingWorld, name: str, value: str) -> None:
    matching_world.received_requests.append(Request(headers={name: [value]}))


@given(parsers.parse("an expected response configured with the following:"))
def expected_response_configured(matching_world: MatchingWorld, datatable: list[list[str]]) -> None:
    cells = _table(datatable)[0]
    body, content_type = _body(cells)
    matching_world.expected_response = Response(
        status=int(cells.get("status") or 200),
        headers={"Content-Type": [content_type]} if content_type else None,
        body=body,
        matching_rules=_rules(cells["matching rules"])
        if cells.get("matching rules")
        else MatchingRules(),
    )


@given(parsers.parse("a status {status:d} response is received"))
def status_response_received(matching_world: MatchingWorld, status: int) -> None:
    matching_world.received_responses.append(Response(status=status))


# ---- when ----------------------------------------------------------------------------------


@when("the request is compared to the expected one")
def compare_request(matching_world: MatchingWorld) -> None:
    actual = matching_world.received_requests[0]
    matching_world.results.append(match_request(matching_world.expected_request, actual))


@when("the requests are compared to the expected one")
def compare_requests(matching_world: MatchingWorld) -> None:
    for actual in matching_world.received_requests:
        matching_world.results.append(match_request(matching_world.expected_request, actual))


@when("the response is compared to the expected one")
def compare_response(matching_world: MatchingWorld) -> None:
    actual = matching_world.received_responses[0]
    matching_world.results.append(match_response(matching_world.expected_response, actual))


# ---- then ----------------------------------------------------------------------------------


def _all(matching_world: MatchingWorld) -> list[Mismatch]:
    return [mismatch for result in matching_world.results for mismatch in result]


@then("the comparison should be OK")
@then("the response comparison should be OK")
def comparison_ok(matching_world: MatchingWorld) -> None:
    assert matching_world.results, "nothing was compared"
    assert _all(matching_world) == []


@then("the comparison should NOT be OK")
@then("the response comparison should NOT be OK")
def comparison_not_ok(matching_world: MatchingWorld) -> None:
    assert any(matching_world.results), "every comparison matched"


def _describes(mismatch: Mismatch, error: str) -> bool:
    texts = (mismatch.message, str(mismatch))
    if any(error in text for text in texts):
        return True
    try:
        pattern = re.compile(error)
    except re.error:
        return False
    return any(pattern.search(text) for text in texts)


@then(
    parsers.re(
        r'the mismatches will contain a mismatch with error "(?P<path>.*?)" -> "(?P<error>.*)"$'
    )
)
def mismatch_with_error(matching_world: MatchingWorld, path: str, error: str) -> None:
    path, error = _argument(path), _argument(error)
    found = _all(matching_world)
    at_path = [m for m in found if m.path == path and m.kind is not MismatchKind.BODY_TYPE]
    assert any(_describes(m, error) for m in at_path), _report(path, error, found)


@then(
    parsers.re(
        r'the response mismatches will contain a "(?P<kind>[^"]*)" mismatch with error "(?P<error>.*)"$'
    )
)
def response_mismatch_with_error(matching_world: MatchingWorld, kind: str, error: str) -> None:
    error = _argument(error)
    found = _all(matching_world)
    wanted_kind = MismatchKind.BODY_TYPE if kind == "body-content-type" else MismatchKind(kind)
    assert any(m.kind is wanted_kind and m.message == error for m in found), _report(
        kind, error, found
    )


def _report(where: str, error: str, found: list[Any]) -> str:
    lines = "\n".join(f"  [{m.kind}] {m.path!r}: {m.message}" for m in found) or "  (none)"
    return f"no mismatch at {where!r} with error {error!r}; got:\n{lines}"
