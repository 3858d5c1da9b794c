"""Step definitions for the compatibility suite's provider features (HTTP and message, V1–V4).

The provider is a small WSGI app that answers with the responses of chosen interactions; it is
verified in-process. Pacts "from a Pact broker" are served by a real loopback HTTP server that
replays the suite's `pact-broker_c<N>.json` fixtures (checking the verifier's requests against
them) and records published results. Each test module supplies the `spec_version` fixture.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when
from rich.console import Console

from accord.errors import Issue
from accord.model import (
    AsyncMessage,
    Body,
    HttpInteraction,
    MatchingRules,
    MessageContents,
    Pact,
    ProviderState,
    Request,
    Response,
    SpecVersion,
    parse_query_string,
    save_pact,
)
from accord.model.codec import read_message_contents, read_response
from accord.verifier import VerificationReport, Verifier
from tests.compatibility.bodies import fixture_json, read_body_cell
from tests.compatibility.broker_fixture import FixtureBroker
from tests.verifier.providers import serve_wsgi

PROVIDER = "p"


@dataclass
class ProviderWorld:
    """What one provider scenario has built so far."""

    tmp_path: Path
    spec: SpecVersion
    stack: ExitStack
    interactions: dict[int, HttpInteraction] = field(default_factory=dict)
    served: list[Response | None] = field(default_factory=list)
    served_for: list[HttpInteraction] = field(default_factory=list)
    received: list[dict[str, str]] = field(default_factory=list)
    pact_files: list[Path] = field(default_factory=list)
    brokers: dict[int, FixtureBroker] = field(default_factory=dict)
    publish: bool = False
    callback: str | None = None  # None, "ok" or "failing"
    events: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    filter_headers: dict[str, str] = field(default_factory=dict)
    messages: dict[str, MessageContents] = field(default_factory=dict)
    report: VerificationReport | None = None
    output: str = ""


@pytest.fixture
def provider_world(tmp_path: Path, spec_version: SpecVersion) -> Iterator[ProviderWorld]:
    with ExitStack() as stack:
        yield ProviderWorld(tmp_path=tmp_path, spec=spec_version, stack=stack)


# ---- cells and tables -------------------------------------------------------------------------


def _table(datatable: list[list[str]]) -> list[dict[str, str]]:
    header, *rows = datatable
    return [dict(zip(header, row, strict=True)) for row in rows]


def _unescape(text: str) -> str:
    return text.replace('\\"', '"')


def _headers(cell: str) -> dict[str, list[str]]:
    # `'X-TEST: Compatibility'`: quoted name/value pairs separated by commas.
    headers: dict[str, list[str]] = {}
    for item in cell.split(","):
        if item.strip():
            name, _, value = item.strip().strip("'").partition(":")
            headers.setdefault(name.strip(), []).append(value.strip())
    return headers


def _body(cell: str, content_type: str | None = None) -> Body:
    read = read_body_cell(_unescape(cell))
    return Body.from_bytes(read.content, content_type or read.content_type)


def _with_content_type(headers: dict[str, list[str]], body: Body) -> dict[str, list[str]]:
    if (
        body.is_specified
        and body.content_type
        and not any(k.lower() == "content-type" for k in headers)
    ):
        headers = {**headers, "Content-Type": [body.content_type]}
    return headers


def _response_rules(cell: str) -> MatchingRules:
    fragment = fixture_json(cell.strip())
    # V2 fragments are keyed by path (`$.header.x-test`), later ones by category.
    version = SpecVersion.V2 if all(key.startswith("$") for key in fragment) else SpecVersion.V4
    issues: list[Issue] = []
    return read_response(
        {"status": 200, "matchingRules": fragment}, version, "$", issues
    ).matching_rules


def _metadata_value(text: str) -> Any:
    text = text.strip()
    return json.loads(text.removeprefix("JSON:").strip()) if text.startswith("JSON:") else text


# ---- HTTP interactions and the provider --------------------------------------------------------


@given("the following HTTP interactions have been defined:")
def http_interactions(provider_world: ProviderWorld, datatable: list[list[str]]) -> None:
    for row in _table(datatable):
        request_body = _body(row["body"]) if row.get("body") else Body.missing()
        request = Request(
            method=row["method"],
            path=row["path"],
            query=parse_query_string(row["query"]) if row.get("query") else None,
            headers=_with_content_type(_headers(row.get("headers", "")), request_body) or None,
            body=request_body,
        )
        content_type = row.get("response content") or None
        body = (
            _body(row["response body"], content_type)
            if row.get("response body")
            else Body.missing()
        )
        headers = _with_content_type(_headers(row.get("response headers", "")), body)
        rules = (
            _response_rules(row["response matching rules"])
            if row.get("response matching rules")
            else MatchingRules()
        )
        response = Response(
            status=int(row.get("response") or 200),
            headers=headers or None,
            body=body,
            matching_rules=rules,
        )
        number = int(row["No"])
        provider_world.interactions[number] = HttpInteraction(
            description=f"Interaction {number}", request=request, response=response
        )


@given(parsers.parse("a provider is started that returns the response from interaction {number:d}"))
def provider_for_one(provider_world: ProviderWorld, number: int) -> None:
    _serve(provider_world, [number])


@given(
    parsers.parse('a provider is started that returns the responses from interactions "{numbers}"')
)
def provider_for_many(provider_world: ProviderWorld, numbers: str) -> None:
    _serve(provider_world, [int(n) for n in numbers.split(",")])


@given(
    parsers.parse(
        "a provider is started that returns the response from interaction {number:d}, "
        "with the following changes:"
    )
)
def provider_with_changes(
    provider_world: ProviderWorld, number: int, datatable: list[list[str]]
) -> None:
    [changes] = _table(datatable)
    response = provider_world.interactions[number].response
    if "response" in changes:
        response = replace(response, status=int(changes["response"]))
    if "response headers" in changes:
        headers = dict(response.headers or {})
        for name, values in _headers(changes["response headers"]).items():
            headers = {k: v for k, v in headers.items() if k.lower() != name.lower()}
            headers[name] = values
        response = replace(response, headers=headers)
    if "response body" in changes:
        read = read_body_cell(_unescape(changes["response body"]))
        content_type = read.content_type or response.body.content_type
        body = Body.from_bytes(read.content, content_type)
        headers = {k: v for k, v in (response.headers or {}).items() if k.lower() != "content-type"}
        response = replace(response, body=body, headers=_with_content_type(headers, body))
    _serve(provider_world, [number], {number: response})


def _serve(
    world: ProviderWorld, numbers: list[int], overrides: dict[int, Response] | None = None
) -> None:
    for number in numbers:
        world.served_for.append(world.interactions[number])
        world.served.append((overrides or {}).get(number, world.interactions[number].response))


def _provider_app(world: ProviderWorld) -> Any:
    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        headers = {
            key[5:].replace("_", "-").title(): value
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        world.received.append(headers)
        world.events.append(("request", environ["PATH_INFO"], {}))
        for interaction, response in zip(world.served_for, world.served):
            if (
                interaction.request.method == environ["REQUEST_METHOD"]
                and interaction.request.path == environ["PATH_INFO"]
            ):
                assert response is not None
                pairs = [
                    (name, value)
                    for name, values in (response.headers or {}).items()
                    for value in values
                ]
                start_response(f"{response.status} Status", pairs)
                return [response.body.content if response.body.is_specified else b""]
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"no such interaction"]

    return app


# ---- pact files ----------------------------------------------------------------------------------


def _write(world: ProviderWorld, interaction: Any, consumer: str = "c") -> Path:
    spec = _spec_for(world.spec, interaction)
    pact = Pact(consumer=consumer, provider=PROVIDER, interactions=(interaction,), spec=spec)
    path = world.tmp_path / f"pact-{len(world.pact_files) + len(world.brokers)}-{consumer}.json"
    save_pact(pact, path, spec)
    return path


def _spec_for(spec: SpecVersion, interaction: Any) -> SpecVersion:
    # The V1-V3 codec writes a binary body as base64 text but reads it back as text (a model
    # limitation, noted for its owner), so binary bodies are written in the V4 form that says so.
    if isinstance(interaction, HttpInteraction):
        body = interaction.response.body
    else:
        body = interaction.message.contents
    if spec < SpecVersion.V4 and body.is_present and body.is_binary():
        return SpecVersion.V4
    return spec


def _add_file(world: ProviderWorld, interaction: Any) -> None:
    world.pact_files.append(_write(world, interaction))


@given(parsers.parse("a Pact file for interaction {number:d} is to be verified"))
def pact_for(provider_world: ProviderWorld, number: int) -> None:
    _add_file(provider_world, provider_world.interactions[number])


@given(
    parsers.parse("a Pact file for interaction {number:d} is to be verified, but is marked pending")
)
def pending_pact_for(provider_world: ProviderWorld, number: int) -> None:
    _add_file(provider_world, replace(provider_world.interactions[number], pending=True))


@given(
    parsers.parse(
        'a Pact file for interaction {number:d} is to be verified with a provider state "{state}" defined'
    )
)
def pact_with_state(provider_world: ProviderWorld, number: int, state: str) -> None:
    interaction = replace(
        provider_world.interactions[number], provider_states=(ProviderState(name=state),)
    )
    _add_file(provider_world, interaction)


@given(
    parsers.parse(
        "a Pact file for interaction {number:d} is to be verified with the following provider states defined:"
    )
)
def pact_with_states(
    provider_world: ProviderWorld, number: int, datatable: list[list[str]]
) -> None:
    states = tuple(
        ProviderState(
            name=row["State Name"],
            params=json.loads(row["Parameters"]) if row.get("Parameters") else {},
        )
        for row in _table(datatable)
    )
    _add_file(provider_world, replace(provider_world.interactions[number], provider_states=states))


@given(
    parsers.parse(
        "a Pact file for interaction {number:d} is to be verified with the following comments:"
    )
)
def pact_with_comments(
    provider_world: ProviderWorld, number: int, datatable: list[list[str]]
) -> None:
    _add_file(
        provider_world, replace(provider_world.interactions[number], comments=_comments(datatable))
    )


def _comments(datatable: list[list[str]]) -> dict[str, Any]:
    comments: dict[str, Any] = {}
    for row in _table(datatable):
        if row["type"] == "text":
            comments.setdefault("text", []).append(row["comment"])
        else:
            comments[row["type"]] = row["comment"]
    return comments


@given(parsers.parse("a Pact file for interaction {number:d} is to be verified from a Pact broker"))
def pact_from_broker(provider_world: ProviderWorld, number: int) -> None:
    consumer = f"c_{number}"
    pact = Pact(
        consumer=consumer,
        provider=PROVIDER,
        interactions=(replace(provider_world.interactions[number], id=f"ID{number}"),),
        spec=provider_world.spec,
    )
    broker = FixtureBroker(fixture=f"pact-broker_c{number}.json", consumer=consumer, pact=pact)
    broker.base_url = provider_world.stack.enter_context(serve_wsgi(broker))
    provider_world.brokers[number] = broker


@given("publishing of verification results is enabled")
def publishing_enabled(provider_world: ProviderWorld) -> None:
    provider_world.publish = True


# ---- state callbacks and request filters -------------------------------------------------------


@given("a provider state callback is configured")
def state_callback(provider_world: ProviderWorld) -> None:
    provider_world.callback = "ok"


@given("a provider state callback is configured, but will return a failure")
def failing_state_callback(provider_world: ProviderWorld) -> None:
    provider_world.callback = "failing"


@given("a request filter is configured to make the following changes:")
def request_filter(provider_world: ProviderWorld, datatable: list[list[str]]) -> None:
    [changes] = _table(datatable)
    for name, values in _headers(changes["headers"]).items():
        provider_world.filter_headers[name] = values[0]


# ---- messages ---------------------------------------------------------------------------------------


def _message(
    body_cell: str, metadata: dict[str, Any] | None = None, rules: MatchingRules | None = None
) -> MessageContents:
    body = _body(body_cell)
    return MessageContents(
        contents=body, metadata=metadata or {}, matching_rules=rules or MatchingRules()
    )


def _metadata_table(datatable: list[list[str]]) -> dict[str, Any]:
    return {row["key"]: _metadata_value(row["value"]) for row in _table(datatable)}


@given(parsers.parse('a provider is started that can generate the "{name}" message with "{body}"'))
def message_producer(provider_world: ProviderWorld, name: str, body: str) -> None:
    provider_world.messages[name] = _message(body)


@given(
    parsers.parse(
        'a provider is started that can generate the "{name}" message with "{body}" and the following metadata:'
    )
)
def message_producer_with_metadata(
    provider_world: ProviderWorld, name: str, body: str, datatable: list[list[str]]
) -> None:
    provider_world.messages[name] = _message(body, _metadata_table(datatable))


def _add_message(
    world: ProviderWorld, name: str, contents: MessageContents, **changes: Any
) -> None:
    _add_file(world, AsyncMessage(description=name, message=contents, **changes))


@given(parsers.parse('a Pact file for "{name}":"{body}" is to be verified'))
def message_pact(provider_world: ProviderWorld, name: str, body: str) -> None:
    _add_message(provider_world, name, _message(body))


@given(parsers.parse('a Pact file for "{name}":"{body}" is to be verified, but is marked pending'))
def pending_message_pact(provider_world: ProviderWorld, name: str, body: str) -> None:
    _add_message(provider_world, name, _message(body), pending=True)


@given(
    parsers.parse(
        'a Pact file for "{name}":"{body}" is to be verified with provider state "{state}"'
    )
)
def message_pact_with_state(
    provider_world: ProviderWorld, name: str, body: str, state: str
) -> None:
    _add_message(provider_world, name, _message(body), provider_states=(ProviderState(name=state),))


@given(
    parsers.parse(
        'a Pact file for "{name}":"{body}" is to be verified with the following metadata:'
    )
)
def message_pact_with_metadata(
    provider_world: ProviderWorld, name: str, body: str, datatable: list[list[str]]
) -> None:
    _add_message(provider_world, name, _message(body, _metadata_table(datatable)))


@given(
    parsers.parse(
        'a Pact file for "{name}":"{body}" is to be verified with the following comments:'
    )
)
def message_pact_with_comments(
    provider_world: ProviderWorld, name: str, body: str, datatable: list[list[str]]
) -> None:
    _add_message(provider_world, name, _message(body), comments=_comments(datatable))


@given(parsers.parse('a Pact file for "{name}" is to be verified with the following:'))
def message_pact_with_table(
    provider_world: ProviderWorld, name: str, datatable: list[list[str]]
) -> None:
    settings = {row[0]: row[1] for row in datatable}
    metadata = {}
    for pair in settings.get("metadata", "").split(";"):
        if pair.strip():
            key, _, value = pair.strip().partition("=")
            metadata[key.strip()] = _metadata_value(value)
    rules = MatchingRules()
    if "matching rules" in settings:
        issues: list[Issue] = []
        data = {"contents": {}, "matchingRules": fixture_json(settings["matching rules"].strip())}
        rules = read_message_contents(data, SpecVersion.V4, "$", issues).matching_rules
    _add_message(provider_world, name, _message(settings["body"], metadata, rules))


# ---- running ----------------------------------------------------------------------------------------


@when("the verification is run")
def run_verification(provider_world: ProviderWorld) -> None:
    world = provider_world
    console = Console(record=True, width=200, color_system=None)

    def add_filter_headers(request: Request) -> Request:
        headers = dict(request.headers or {})
        headers.update({name: [value] for name, value in world.filter_headers.items()})
        return replace(request, headers=headers)

    verifier = Verifier(
        PROVIDER,
        app=_provider_app(world) if world.served else None,
        console=console,
        request_filter=add_filter_headers if world.filter_headers else None,
    )
    for path in world.pact_files:
        verifier.add_source(path)
    for broker in world.brokers.values():
        verifier.add_broker(broker.base_url, use_env=False)
    if world.publish:
        verifier.publish("0.0.0")
    if world.callback:
        failing = world.callback == "failing"

        def callback(state: str, action: str, params: dict[str, Any]) -> None:
            world.events.append((action, state, params))
            if failing:
                raise RuntimeError("the state callback failed on purpose")

        verifier.state_handlers(generic=callback)
    for name, contents in world.messages.items():
        verifier.message_producers({name: lambda contents=contents: contents})
    world.report = verifier.verify()
    world.output = console.export_text()


# ---- outcomes ----------------------------------------------------------------------------------------


def _report(world: ProviderWorld) -> VerificationReport:
    assert world.report is not None
    return world.report


@then("the verification will be successful")
def successful(provider_world: ProviderWorld) -> None:
    report = _report(provider_world)
    assert report.success, provider_world.output


@then("the verification will NOT be successful")
def not_successful(provider_world: ProviderWorld) -> None:
    assert not _report(provider_world).success, provider_world.output


@then(parsers.parse('the verification results will contain a "{error}" error'))
def contains_error(provider_world: ProviderWorld, error: str) -> None:
    categories = [c for r in _report(provider_world).interactions for c in r.categories()]
    assert error in categories, provider_world.output


@then(parsers.parse('there will be a pending "{error}" error'))
def pending_error(provider_world: ProviderWorld, error: str) -> None:
    pending = _report(provider_world).pending_failures
    assert any(error in r.categories() for r in pending), provider_world.output


@then("a verification result will NOT be published back")
def nothing_published(provider_world: ProviderWorld) -> None:
    assert all(not broker.published for broker in provider_world.brokers.values())


@then(
    parsers.parse(
        "a successful verification result will be published back for interaction {{{number:d}}}"
    )
)
def published_success(provider_world: ProviderWorld, number: int) -> None:
    [body] = provider_world.brokers[number].published
    assert body["success"] is True
    assert body["providerApplicationVersion"] == "0.0.0"
    assert body["testResults"] == [{"interactionId": f"ID{number}", "success": True}]


@then(
    parsers.parse(
        "a failed verification result will be published back for the interaction {{{number:d}}}"
    )
)
def published_failure(provider_world: ProviderWorld, number: int) -> None:
    [body] = provider_world.brokers[number].published
    assert body["success"] is False
    [result] = body["testResults"]
    assert result["success"] is False and result["interactionId"] == f"ID{number}"
    assert result["mismatches"][0]["attribute"] == "status"


def _calls(world: ProviderWorld, action: str) -> list[tuple[str, dict[str, Any]]]:
    return [(state, params) for kind, state, params in world.events if kind == action]


def _first(world: ProviderWorld, kind: str) -> int:
    return next(i for i, event in enumerate(world.events) if event[0] == kind)


@then("the provider state callback will be called before the verification is run")
def called_before(provider_world: ProviderWorld) -> None:
    setup = _first(provider_world, "setup")
    requests = [i for i, event in enumerate(provider_world.events) if event[0] == "request"]
    assert not requests or setup < requests[0]


@then("the provider state callback will be called after the verification is run")
def called_after(provider_world: ProviderWorld) -> None:
    teardown = _first(provider_world, "teardown")
    requests = [i for i, event in enumerate(provider_world.events) if event[0] == "request"]
    assert not requests or teardown > requests[-1]


@then(
    parsers.re(
        r'the provider state callback will receive a setup call with "(?P<state>[^"]*)" as the provider state parameter'
    )
)
def setup_call(provider_world: ProviderWorld, state: str) -> None:
    assert state in [name for name, _ in _calls(provider_world, "setup")]


@then(
    parsers.re(
        r'the provider state callback will receive a teardown call "(?P<state>[^"]*)" as the provider state parameter'
    )
)
def teardown_call(provider_world: ProviderWorld, state: str) -> None:
    assert state in [name for name, _ in _calls(provider_world, "teardown")]


def _params(datatable: list[list[str]]) -> dict[str, Any]:
    [row] = _table(datatable)
    return {key: json.loads(value) for key, value in row.items()}


@then(
    parsers.parse(
        'the provider state callback will receive a setup call with "{state}" and the following parameters:'
    )
)
def setup_call_with_params(
    provider_world: ProviderWorld, state: str, datatable: list[list[str]]
) -> None:
    assert (state, _params(datatable)) in _calls(provider_world, "setup")


@then(
    parsers.parse(
        'the provider state callback will receive a teardown call "{state}" and the following parameters:'
    )
)
def teardown_call_with_params(
    provider_world: ProviderWorld, state: str, datatable: list[list[str]]
) -> None:
    assert (state, _params(datatable)) in _calls(provider_world, "teardown")


@then("the provider state callback will NOT receive a teardown call")
def no_teardown(provider_world: ProviderWorld) -> None:
    assert _calls(provider_world, "teardown") == []


@then(
    parsers.parse(
        'a warning will be displayed that there was no provider state callback configured for provider state "{state}"'
    )
)
def warning_displayed(provider_world: ProviderWorld, state: str) -> None:
    expected = f"no provider state callback configured for provider state {state!r}"
    assert expected in provider_world.output.replace("\n", " ") or any(
        w.startswith(expected) for w in _report(provider_world).warnings
    )


@then(parsers.parse('the request to the provider will contain the header "{header}"'))
def request_had_header(provider_world: ProviderWorld, header: str) -> None:
    name, _, value = header.partition(":")
    assert provider_world.received[-1].get(name.strip().title()) == value.strip()


@then(parsers.parse('the comment "{comment}" will have been printed to the console'))
def comment_printed(provider_world: ProviderWorld, comment: str) -> None:
    assert re.search(rf"^\s+{re.escape(comment)}$", provider_world.output, re.MULTILINE), (
        provider_world.output
    )


@then(parsers.parse('the "{name}" will displayed as the original test name'))
def original_test_name_shown(provider_world: ProviderWorld, name: str) -> None:
    assert f"Test Name: {name}" in provider_world.output
