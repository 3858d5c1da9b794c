"""Step definitions for the compatibility suite's consumer features (HTTP V1–V4, messages V3–V4).

HTTP scenarios run the real mock server on a loopback port and send requests with http.client
(so repeated raw headers reach the server as sent). Interaction-definition scenarios use the
modern DSL and read back the written pact file. Each test module supplies `spec_version`.
"""

from __future__ import annotations

import base64
import http.client
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from accord import Pact
from accord.consumer.message_interaction import reify
from accord.consumer.pact_files import write_pact_file
from accord.errors import Issue
from accord.mock import Mismatched, Missing, MockReport, MockServer, Unexpected
from accord.model import Body, HttpInteraction, Request, Response, SpecVersion, parse_query_string
from accord.model import Pact as PactModel
from accord.model.codec import read_request
from tests.compatibility.bodies import CellBody, fixture_json, read_body_cell

ORDINALS = {"first": 0, "second": 1, "third": 2}
MISMATCH_KINDS = {"body-content-type": "body_type"}


@dataclass
class ConsumerWorld:
    """What one consumer scenario has built so far."""

    tmp_path: Path
    spec: SpecVersion
    interactions: dict[int, HttpInteraction] = field(default_factory=dict)
    raw_queries: dict[int, str] = field(default_factory=dict)
    server: MockServer | None = None
    status: int | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: bytes = b""
    report: MockReport | None = None
    pact: Pact | None = None
    builder: Any = None
    received: list[tuple[Any, dict[str, Any]]] = field(default_factory=list)
    received_request: tuple[Any, dict[str, Any]] | None = None
    error: Exception | None = None

    @property
    def pact_file(self) -> Path:
        return self.tmp_path / "c-p.json"

    def pact_json(self) -> dict[str, Any]:
        return json.loads(self.pact_file.read_text())  # type: ignore[no-any-return]


@pytest.fixture
def consumer_world(tmp_path: Path, spec_version: SpecVersion) -> Iterator[ConsumerWorld]:
    world = ConsumerWorld(tmp_path=tmp_path, spec=spec_version)
    yield world
    if world.server is not None:
        world.server.stop()


# ---- cells ---------------------------------------------------------------------------------


def _table(datatable: list[list[str]]) -> list[dict[str, str]]:
    header, *rows = datatable
    return [dict(zip(header, row, strict=True)) for row in rows]


def _header_pairs(cell: str) -> list[tuple[str, str]]:
    # `'X-TEST: Compatibility'` items, quoted and separated by commas.
    pairs = []
    for item in re.findall(r"'([^']*)'", cell):
        name, _, value = item.partition(":")
        pairs.append((name.strip(), value.strip()))
    return pairs


def _body(cell: str) -> CellBody:
    return read_body_cell(cell.replace('\\"', '"'))


def _document(name: str) -> CellBody:
    """`basic` (a JSON fixture) or `file: xml-body.xml` / `file: basic.json`."""
    if name.startswith("file:"):
        return read_body_cell(name)
    if "." in name:
        return read_body_cell(f"file: {name}")
    return read_body_cell(f"file: {name}.json")


def _metadata_value(text: str) -> Any:
    text = text.strip().replace('\\"', '"')
    return json.loads(text.removeprefix("JSON:").strip()) if text.startswith("JSON:") else text


def _json_cell(cell: str) -> Any:
    cell = cell.strip()
    if cell.startswith("JSON:"):
        return json.loads(cell.removeprefix("JSON:"))
    if cell.endswith(".json"):
        return fixture_json(cell)
    return json.loads(cell)


def _pact_body(part: dict[str, Any]) -> tuple[Any, str | None]:
    """A body from pact JSON (V3 plain or V4 object) as (value, content type)."""
    raw = part.get("contents", part.get("body"))
    if isinstance(raw, dict) and "content" in raw and "contentType" in raw:
        content = raw["content"]
        if raw.get("encoded") == "base64":
            content = base64.b64decode(content)
        return content, raw["contentType"]
    metadata = part.get("metadata") or {}
    return raw, metadata.get("contentType")


def _same_document(actual: Any, expected: CellBody) -> bool:
    if expected.content_type and "json" in expected.content_type:
        if isinstance(actual, bytes | str):
            actual = json.loads(actual)
        return bool(actual == expected.json())
    if isinstance(actual, str):
        actual = actual.encode()
    return bool(actual.strip() == expected.content.strip())


# ---- HTTP: defining and serving -----------------------------------------------------------


@given("the following HTTP interactions have been defined:")
def http_interactions(consumer_world: ConsumerWorld, datatable: list[list[str]]) -> None:
    for row in _table(datatable):
        number = int(row["No"])
        headers: dict[str, list[str]] = {}
        for name, value in _header_pairs(row.get("headers", "")):
            headers.setdefault(name, []).append(value)
        body = Body.missing()
        if row.get("body"):
            cell = _body(row["body"])
            body = Body.from_bytes(cell.content, cell.content_type)
            if cell.content_type and not any(k.lower() == "content-type" for k in headers):
                headers["Content-Type"] = [cell.content_type]
        rules_request = Request()
        if row.get("matching rules"):
            issues: list[Issue] = []
            rules_request = read_request(
                {
                    "method": "GET",
                    "path": "/",
                    "matchingRules": fixture_json(row["matching rules"]),
                },
                consumer_world.spec,
                "$",
                issues,
            )
            assert not issues, issues
        response_body = Body.missing()
        response_headers = None
        if row.get("response body"):
            cell = _body(row["response body"])
            content_type = row.get("response content") or cell.content_type
            response_body = Body.from_bytes(cell.content, content_type)
            if content_type:
                response_headers = {"Content-Type": [content_type]}
        consumer_world.raw_queries[number] = row.get("query", "")
        consumer_world.interactions[number] = HttpInteraction(
            description=f"interaction {number}",
            request=Request(
                method=row["method"],
                path=row["path"],
                query=parse_query_string(row["query"]) if row.get("query") else None,
                headers=headers or None,
                body=body,
                matching_rules=rules_request.matching_rules,
            ),
            response=Response(
                status=int(row.get("response") or 200), headers=response_headers, body=response_body
            ),
        )


def _start(world: ConsumerWorld, numbers: list[int]) -> None:
    world.server = MockServer(
        [world.interactions[n] for n in numbers], spec=world.spec, title="c/p"
    ).start()


@when(parsers.re(r"the mock server is started with interactions? \"?(?P<numbers>[\d, ]+)\"?$"))
def start_with(consumer_world: ConsumerWorld, numbers: str) -> None:
    _start(consumer_world, [int(n) for n in numbers.split(",")])


@when(
    parsers.parse(
        "the mock server is started with interaction {number:d} but with the following changes:"
    )
)
def start_with_changes(
    consumer_world: ConsumerWorld, number: int, datatable: list[list[str]]
) -> None:
    (changes,) = _table(datatable)
    interaction = consumer_world.interactions[number]
    if "body" in changes:
        cell = _body(changes["body"])
        body = Body.from_bytes(
            cell.content, cell.content_type or interaction.request.content_type()
        )
        interaction = replace(interaction, request=replace(interaction.request, body=body))
    consumer_world.interactions[number] = interaction
    _start(consumer_world, [number])


@when(parsers.re(r"request (?P<number>\d+) is made to the mock server$"))
def make_request(consumer_world: ConsumerWorld, number: str) -> None:
    _send(consumer_world, int(number), {})


@when(parsers.parse("request {number:d} is made to the mock server with the following changes:"))
def make_changed_request(
    consumer_world: ConsumerWorld, number: int, datatable: list[list[str]]
) -> None:
    (changes,) = _table(datatable)
    _send(consumer_world, number, changes)


def _send(world: ConsumerWorld, number: int, changes: dict[str, str]) -> None:
    assert world.server is not None
    request = world.interactions[number].request
    method = changes.get("method", request.method)
    path = changes.get("path", request.path)
    query = changes.get("query", world.raw_queries.get(number, ""))
    headers = [(n, v) for n, values in (request.headers or {}).items() for v in values]
    body = request.body.content if request.body.is_specified else b""
    if "body" in changes:
        cell = _body(changes["body"])
        body = cell.content
        headers = [(n, v) for n, v in headers if n.lower() != "content-type"]
        content_type = cell.content_type or request.content_type()
        if content_type:
            headers.append(("Content-Type", content_type))
    if "headers" in changes:
        headers = [h for h in headers if h[0].lower() == "content-type"]
        headers += _header_pairs(changes["headers"])
    if "raw headers" in changes:
        headers = [h for h in headers if h[0].lower() == "content-type"]
        headers += _header_pairs(changes["raw headers"])
    connection = http.client.HTTPConnection("127.0.0.1", world.server.port)
    connection.putrequest(method, path + (f"?{query}" if query else ""), skip_accept_encoding=True)
    for name, value in headers:
        connection.putheader(name, value)
    connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    response = connection.getresponse()
    world.status = response.status
    world.response_headers = {k.lower(): v for k, v in response.getheaders()}
    world.response_body = response.read()
    connection.close()


@then(parsers.re(r"a (?P<status>\d+) (success|error) response is returned"))
def response_status(consumer_world: ConsumerWorld, status: str) -> None:
    assert consumer_world.status == int(status), consumer_world.response_body


@then(parsers.parse('the payload will contain the "{name}" JSON document'))
def payload_document(consumer_world: ConsumerWorld, name: str) -> None:
    assert json.loads(consumer_world.response_body) == fixture_json(f"{name}.json")


@then(parsers.parse('the content type will be set as "{content_type}"'))
def response_content_type(consumer_world: ConsumerWorld, content_type: str) -> None:
    assert consumer_world.response_headers["content-type"] == content_type


@when("the pact test is done")
def pact_test_done(consumer_world: ConsumerWorld) -> None:
    server = consumer_world.server
    assert server is not None
    server.stop()
    consumer_world.report = server.report()
    if consumer_world.report.ok:
        pact = PactModel(consumer="c", provider="p", interactions=tuple(server.index.interactions))
        write_pact_file(pact, consumer_world.tmp_path, spec=consumer_world.spec)


def _report(world: ConsumerWorld) -> MockReport:
    assert world.report is not None, "the pact test is not done yet"
    return world.report


@then(parsers.re(r"the mock server status will (?P<negated>NOT )?be OK"))
def server_status(consumer_world: ConsumerWorld, negated: str | None) -> None:
    assert _report(consumer_world).ok is (not negated), _report(consumer_world).render()


@then(
    parsers.re(
        r"the mock server will (?P<negated>NOT )?write out a Pact file for the interactions? when done"
    )
)
def pact_written(consumer_world: ConsumerWorld, negated: str | None) -> None:
    assert consumer_world.pact_file.exists() is (not negated)


@then(
    parsers.parse(
        "the mock server status will be an expected but not received error for interaction {{{number:d}}}"
    )
)
def expected_not_received(consumer_world: ConsumerWorld, number: int) -> None:
    wanted = consumer_world.interactions[number].description
    assert any(
        isinstance(p, Missing) and p.interaction.description == wanted
        for p in _report(consumer_world).problems
    )


@then(
    parsers.parse(
        'the mock server status will be an unexpected "{method}" request received error for interaction {{{number:d}}}'
    )
)
def unexpected_for_interaction(consumer_world: ConsumerWorld, method: str, number: int) -> None:
    _assert_unexpected(consumer_world, method, consumer_world.interactions[number].request.path)


@then(
    parsers.parse(
        'the mock server status will be an unexpected "{method}" request received error for path "{path}"'
    )
)
def unexpected_for_path(consumer_world: ConsumerWorld, method: str, path: str) -> None:
    _assert_unexpected(consumer_world, method, path)


def _assert_unexpected(world: ConsumerWorld, method: str, path: str) -> None:
    assert any(
        isinstance(p, Unexpected) and p.request.method == method and p.request.path == path
        for p in _report(world).problems
    ), _report(world).render()


@then("the mock server status will be mismatches")
def status_mismatches(consumer_world: ConsumerWorld) -> None:
    assert any(isinstance(p, Mismatched) for p in _report(consumer_world).problems)


@then(
    parsers.re(
        r'the mismatches will contain a "(?P<kind>[\w-]+)" mismatch( with path "(?P<path>[^"]+)")? with error "(?P<error>.*)"$'
    )
)
def mismatch_with_error(
    consumer_world: ConsumerWorld, kind: str, path: str | None, error: str
) -> None:
    server = consumer_world.server
    assert server is not None
    outcomes = server.log.outcomes()
    wanted_kind = MISMATCH_KINDS.get(kind, kind)
    found = [
        mismatch
        for outcome in outcomes
        if isinstance(outcome, Mismatched)
        for mismatch in outcome.mismatches
        if str(mismatch.kind) == wanted_kind and (path is None or mismatch.path == path)
    ]
    # The reference step accepts the text itself or, failing that, the text as a regex.
    assert any(error in m.message or re.search(error, m.message) for m in found), [
        m.message for m in found
    ]


# ---- the written pact file (HTTP) ----------------------------------------------------------


def _interaction_json(world: ConsumerWorld, ordinal: str) -> dict[str, Any]:
    return world.pact_json()["interactions"][ORDINALS[ordinal]]  # type: ignore[no-any-return]


@then(parsers.re(r"the pact file will contain \{?(?P<count>\d+)\}? (message )?interactions?"))
def pact_interaction_count(consumer_world: ConsumerWorld, count: str) -> None:
    data = consumer_world.pact_json()
    assert len(data.get("interactions", data.get("messages", []))) == int(count)


@then(parsers.parse('the {{{ordinal}}} interaction request will be for a "{method}"'))
def interaction_method(consumer_world: ConsumerWorld, ordinal: str, method: str) -> None:
    assert _interaction_json(consumer_world, ordinal)["request"]["method"] == method


@then(parsers.parse('the {{{ordinal}}} interaction response will contain the "{name}" document'))
def interaction_response_document(consumer_world: ConsumerWorld, ordinal: str, name: str) -> None:
    body, _ = _pact_body(_interaction_json(consumer_world, ordinal)["response"])
    assert body == fixture_json(name)


@then(parsers.parse('the {{{ordinal}}} interaction request will contain the "{name}" document'))
def interaction_request_document(consumer_world: ConsumerWorld, ordinal: str, name: str) -> None:
    body, _ = _pact_body(_interaction_json(consumer_world, ordinal)["request"])
    assert body == fixture_json(name)


@then(parsers.parse('the {{{ordinal}}} interaction request query parameters will be "{query}"'))
def interaction_query(consumer_world: ConsumerWorld, ordinal: str, query: str) -> None:
    written = _interaction_json(consumer_world, ordinal)["request"]["query"]
    if isinstance(written, dict):
        written = "&".join(f"{k}={v}" for k, values in written.items() for v in values)
    assert written == query


@then(
    parsers.parse(
        'the {{{ordinal}}} interaction request will contain the header "{name}" with value "{value}"'
    )
)
def interaction_header(consumer_world: ConsumerWorld, ordinal: str, name: str, value: str) -> None:
    headers = _interaction_json(consumer_world, ordinal)["request"]["headers"]
    assert headers[name] in (value, [value])


@then(parsers.parse('the {{{ordinal}}} interaction request content type will be "{content_type}"'))
def interaction_content_type(
    consumer_world: ConsumerWorld, ordinal: str, content_type: str
) -> None:
    headers = _interaction_json(consumer_world, ordinal)["request"]["headers"]
    assert headers["Content-Type"] in (content_type, [content_type])


# ---- defining interactions with the DSL (V3/V4 HTTP, messages) ----------------------------


def _define(world: ConsumerWorld, interaction: str) -> None:
    # One consumer test may define several interactions (of any kinds) in the same pact.
    if world.pact is None:
        world.pact = Pact("c", "p", spec=world.spec)
    world.builder = world.pact.upon_receiving(f"a {interaction} interaction", interaction)
    if interaction == "HTTP":
        world.builder.with_request("GET", "/")


@given("an integration is being defined for a consumer test")
@given("an HTTP interaction is being defined for a consumer test")
def http_integration(consumer_world: ConsumerWorld) -> None:
    _define(consumer_world, "HTTP")


@given("a message integration is being defined for a consumer test")
@given("a message interaction is being defined for a consumer test")
def message_integration(consumer_world: ConsumerWorld) -> None:
    _define(consumer_world, "Async")


@given("a synchronous message interaction is being defined for a consumer test")
def sync_integration(consumer_world: ConsumerWorld) -> None:
    _define(consumer_world, "Sync")


def _state_params(datatable: list[list[str]]) -> dict[str, Any]:
    (row,) = _table(datatable)
    return {key: json.loads(value) for key, value in row.items()}


@given(
    parsers.re(
        r'a provider state "(?P<state>[^"]+)" (for the (synchronous )?message )?is specified$'
    )
)
def provider_state(consumer_world: ConsumerWorld, state: str) -> None:
    consumer_world.builder.given(state)


@given(
    parsers.re(
        r'a provider state "(?P<state>[^"]+)" (for the (synchronous )?message )?is specified with the following data:'
    )
)
def provider_state_with_data(
    consumer_world: ConsumerWorld, state: str, datatable: list[list[str]]
) -> None:
    consumer_world.builder.given(state, _state_params(datatable))


@given(
    parsers.re(
        r'a key of "(?P<key>[^"]+)" is specified for the (HTTP|message|synchronous message) interaction'
    )
)
def interaction_key(consumer_world: ConsumerWorld, key: str) -> None:
    consumer_world.builder.set_key(key)


@given(parsers.re(r"the (HTTP|message|synchronous message) interaction is marked as pending"))
def interaction_pending(consumer_world: ConsumerWorld) -> None:
    consumer_world.builder.set_pending(True)


@given(
    parsers.re(
        r'a comment "(?P<text>[^"]+)" is added to the (HTTP|message|synchronous message) interaction'
    )
)
def interaction_comment(consumer_world: ConsumerWorld, text: str) -> None:
    consumer_world.builder.add_text_comment(text)


def _write(world: ConsumerWorld) -> None:
    assert world.pact is not None
    world.pact.write_file(world.tmp_path)


@when("the Pact file for the test is generated")
def generate_pact_file(consumer_world: ConsumerWorld) -> None:
    _write(consumer_world)


@then(
    parsers.re(
        r"the (first )?interaction in the Pact file will contain (?P<count>\d+) provider states?"
    )
)
def interaction_state_count(consumer_world: ConsumerWorld, count: str) -> None:
    assert len(consumer_world.pact_json()["interactions"][0]["providerStates"]) == int(count)


@then(
    parsers.re(
        r'the (first )?(interaction|message) in the [Pp]act file will contain provider state "(?P<state>[^"]+)"'
    )
)
def interaction_has_state(consumer_world: ConsumerWorld, state: str) -> None:
    first = _first_message_or_interaction(consumer_world)
    assert state in [s["name"] for s in first["providerStates"]]


@then(
    parsers.re(
        r'the provider state "(?P<state>[^"]+)" (in the Pact file|for the message) will contain the following parameters:'
    )
)
def state_parameters(consumer_world: ConsumerWorld, state: str, datatable: list[list[str]]) -> None:
    (row,) = _table(datatable)
    first = _first_message_or_interaction(consumer_world)
    (found,) = [s for s in first["providerStates"] if s["name"] == state]
    assert found["params"] == json.loads(row["parameters"])


@then(parsers.parse('there will be an interaction in the Pact file with a type of "{kind}"'))
def some_interaction_type(consumer_world: ConsumerWorld, kind: str) -> None:
    assert kind in [i["type"] for i in consumer_world.pact_json()["interactions"]]


@then(parsers.parse('the first interaction in the Pact file will have a type of "{kind}"'))
def interaction_type(consumer_world: ConsumerWorld, kind: str) -> None:
    assert consumer_world.pact_json()["interactions"][0]["type"] == kind


@then(
    parsers.re(
        r'the first interaction in the Pact file will have "(?P<name>\w+)" = \'(?P<value>.*)\''
    )
)
def interaction_attribute(consumer_world: ConsumerWorld, name: str, value: str) -> None:
    assert consumer_world.pact_json()["interactions"][0][name] == json.loads(value)


# ---- messages -------------------------------------------------------------------------------


def _first_message_or_interaction(world: ConsumerWorld) -> dict[str, Any]:
    data = world.pact_json()
    return (data.get("messages") or data["interactions"])[0]  # type: ignore[no-any-return]


def _set_body(builder: Any, cell: CellBody) -> None:
    if cell.content_type and "json" in cell.content_type:
        builder.with_body(cell.json(), cell.content_type)
    elif cell.content_type and ("xml" in cell.content_type or "text" in cell.content_type):
        builder.with_body(cell.content.decode(), cell.content_type)
    else:
        builder.with_body(cell.content, cell.content_type)


@given(parsers.parse('the message payload contains the "{name}" JSON document'))
def message_payload(consumer_world: ConsumerWorld, name: str) -> None:
    _set_body(consumer_world.builder, _document(name))


@given(parsers.parse('the message request payload contains the "{name}" JSON document'))
def sync_request_payload(consumer_world: ConsumerWorld, name: str) -> None:
    _set_body(consumer_world.builder, _document(name))


@given(parsers.parse('the message response payload contains the "{name}" document'))
def sync_response_payload(consumer_world: ConsumerWorld, name: str) -> None:
    consumer_world.builder.will_respond_with()
    _set_body(consumer_world.builder, _document(name))


@given(parsers.re(r"the message (request )?contains the following metadata:"))
def message_metadata(consumer_world: ConsumerWorld, datatable: list[list[str]]) -> None:
    for row in _table(datatable):
        consumer_world.builder.with_metadata({row["key"]: _metadata_value(row["value"])})


@given("a message is defined")
def message_defined(consumer_world: ConsumerWorld) -> None:
    consumer_world.builder.with_body({"defined": True})


@given(parsers.re(r"the message (?P<part>request |response )?is configured with the following:"))
def message_configured(
    consumer_world: ConsumerWorld, part: str | None, datatable: list[list[str]]
) -> None:
    builder = consumer_world.builder
    if part == "response ":
        builder.will_respond_with()
    (row,) = _table(datatable)
    if row.get("body"):
        _set_body(builder, _body(row["body"]))
    if row.get("metadata"):
        builder.with_metadata(_json_cell(row["metadata"]))
    if row.get("generators"):
        builder.with_generators(_json_cell(row["generators"]))


@when("the message is successfully processed")
def message_processed(consumer_world: ConsumerWorld) -> None:
    pact = consumer_world.pact
    assert pact is not None
    (interaction,) = pact.interactions()
    if hasattr(interaction, "message"):
        pact.verify(lambda body, metadata: consumer_world.received.append((body, metadata)))
    else:
        consumer_world.received_request = reify(interaction.request)
        pact.verify(
            lambda body, metadata: consumer_world.received.append((body, metadata)), kind="Sync"
        )
    _write(consumer_world)


@when(parsers.parse('the message is NOT successfully processed with a "{message}" exception'))
def message_failed(consumer_world: ConsumerWorld, message: str) -> None:
    def failing(body: Any, metadata: dict[str, Any]) -> None:
        raise RuntimeError(message)

    assert consumer_world.pact is not None
    try:
        consumer_world.pact.verify(failing)
        _write(consumer_world)
    except RuntimeError as error:
        consumer_world.error = error


@then(parsers.re(r"the consumer test will have (?P<outcome>passed|failed)"))
def consumer_outcome(consumer_world: ConsumerWorld, outcome: str) -> None:
    assert (consumer_world.error is None) is (outcome == "passed")


@then(parsers.parse('the consumer test error will be "{message}"'))
def consumer_error(consumer_world: ConsumerWorld, message: str) -> None:
    assert str(consumer_world.error) == message


@then(
    parsers.re(r"a Pact file for the message interaction will (?P<negated>NOT )?have been written")
)
def message_pact_written(consumer_world: ConsumerWorld, negated: str | None) -> None:
    assert consumer_world.pact_file.exists() is (not negated)


@then(parsers.parse('the received message payload will contain the "{name}" document'))
@then(parsers.parse('the received message payload will contain the "{name}" JSON document'))
def received_payload(consumer_world: ConsumerWorld, name: str) -> None:
    body, _ = consumer_world.received[0]
    assert _same_document(body, _document(name))


@then(parsers.parse('the received message content type will be "{content_type}"'))
def received_content_type(consumer_world: ConsumerWorld, content_type: str) -> None:
    _, metadata = consumer_world.received[0]
    assert metadata["contentType"] == content_type


def _received_metadata(world: ConsumerWorld, part: str | None) -> dict[str, Any]:
    if part == "request ":
        assert world.received_request is not None
        return world.received_request[1]
    return world.received[0][1]


@then(
    parsers.re(
        r'the received message (?P<part>request |response )?metadata will contain "(?P<key>[^"]+)" == "(?P<value>.*)"$'
    )
)
def received_metadata(
    consumer_world: ConsumerWorld, part: str | None, key: str, value: str
) -> None:
    assert _received_metadata(consumer_world, part)[key] == _metadata_value(value)


@then(
    parsers.re(
        r'the received message (?P<part>request |response )?metadata will contain "(?P<key>[^"]+)" replaced with an? "(?P<kind>\w+)"'
    )
)
def received_metadata_generated(
    consumer_world: ConsumerWorld, part: str | None, key: str, kind: str
) -> None:
    assert _is_kind(_received_metadata(consumer_world, part)[key], kind)


def _is_kind(value: Any, kind: str) -> bool:
    # As in the generation steps: generators keep the example's JSON type (a string example
    # gets the number as text), so the check is on the value's text.
    shapes = {"integer": r"-?\d+"}
    text = value if isinstance(value, str) else json.dumps(value)
    return not isinstance(value, bool) and re.fullmatch(shapes[kind], text) is not None


@then(
    parsers.re(
        r'the message (?P<part>request |response )?contents for "(?P<path>[^"]+)" will have been replaced with an? "(?P<kind>\w+)"'
    )
)
def contents_generated(
    consumer_world: ConsumerWorld, part: str | None, path: str, kind: str
) -> None:
    if part == "request ":
        assert consumer_world.received_request is not None
        body = consumer_world.received_request[0]
    else:
        body = consumer_world.received[0][0]
    value = body
    for step in path.removeprefix("$.").split("."):
        value = value[step]
    assert _is_kind(value, kind)


@then(parsers.parse('the first message in the pact file will contain the "{name}" document'))
def pact_message_document(consumer_world: ConsumerWorld, name: str) -> None:
    body, _ = _pact_body(_first_message_or_interaction(consumer_world))
    assert _same_document(body, _document(name))


@then(parsers.parse('the first message in the pact file content type will be "{content_type}"'))
def pact_message_content_type(consumer_world: ConsumerWorld, content_type: str) -> None:
    _, written = _pact_body(_first_message_or_interaction(consumer_world))
    assert written == content_type


@then(
    parsers.re(
        r'the first message in the pact file will contain the (?P<part>request )?message metadata "(?P<key>[^"]+)" == "(?P<value>.*)"$'
    )
)
def pact_message_metadata(
    consumer_world: ConsumerWorld, part: str | None, key: str, value: str
) -> None:
    message = _first_message_or_interaction(consumer_world)
    if part:
        message = message["request"]
    assert message["metadata"][key] == _metadata_value(value)


@then(parsers.parse("the first message in the pact file will contain {count:d} provider state"))
@then(parsers.parse("the first message in the pact file will contain {count:d} provider states"))
def pact_message_state_count(consumer_world: ConsumerWorld, count: int) -> None:
    assert len(_first_message_or_interaction(consumer_world)["providerStates"]) == count


@then(
    parsers.re(
        r'the first interaction in the pact file will contain the "(?P<name>[^"]+)" document as (?P<which>the request|a response|the first response message|the second response message)'
    )
)
def sync_document(consumer_world: ConsumerWorld, name: str, which: str) -> None:
    interaction = consumer_world.pact_json()["interactions"][0]
    position = {"a response": 0, "the first response message": 0, "the second response message": 1}
    part = (
        interaction["request"]
        if which == "the request"
        else interaction["response"][position[which]]
    )
    body, _ = _pact_body(part)
    assert _same_document(body, _document(name))


@then(
    parsers.re(
        r'the first interaction in the pact file (?P<part>request|response) content type will be "(?P<content_type>[^"]+)"'
    )
)
def sync_content_type(consumer_world: ConsumerWorld, part: str, content_type: str) -> None:
    interaction = consumer_world.pact_json()["interactions"][0]
    chosen = interaction["request"] if part == "request" else interaction["response"][0]
    assert _pact_body(chosen)[1] == content_type


@then(
    parsers.parse("the first interaction in the pact file will contain {count:d} response messages")
)
def sync_response_count(consumer_world: ConsumerWorld, count: int) -> None:
    assert len(consumer_world.pact_json()["interactions"][0]["response"]) == count
