"""Step definitions for the compatibility suite's generator features (V3 and V4).

A scenario configures a request or response with a body and a `generators` fragment, prepares it
with `accord.generation` in the chosen mode and context, and checks what came out: the type of a
generated body value, an exact value, or the path/header/query/status.
"""

from __future__ import annotations

import json
import random
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from accord.errors import Issue
from accord.generation import GeneratorMode, generate_request, generate_response
from accord.model.bodies import Body
from accord.model.datetimes import matches_pattern
from accord.model.generators import Generators, parse_generators
from accord.model.http import Request, Response
from accord.model.paths import parse_rule_path
from tests.compatibility.bodies import fixture_json, read_body_cell


@dataclass
class GenerationWorld:
    """What one scenario has built so far."""

    request: Request | None = None
    response: Response | None = None
    mode: GeneratorMode = GeneratorMode.PROVIDER
    generated_request: Request | None = None
    generated_response: Response | None = None
    context: dict[str, Any] = field(default_factory=dict)

    def original_body(self) -> Body:
        part = self.request if self.request is not None else self.response
        assert part is not None, "no request or response was configured"
        return part.body

    def generated_body(self) -> Body:
        part = self.generated_request or self.generated_response
        assert part is not None, "the request/response was not prepared"
        return part.body


@pytest.fixture
def generation_world() -> GenerationWorld:
    return GenerationWorld()


# ---- given ---------------------------------------------------------------------------------


def _configured(datatable: list[list[str]]) -> tuple[Body, Generators]:
    header, row = datatable[0], datatable[1]
    cells = dict(zip(header, row, strict=True))
    body = Body.missing()
    if cells.get("body"):
        cell = read_body_cell(cells["body"])
        body = Body.from_bytes(cell.content, cell.content_type)
    return body, _generators(cells["generators"])


def _generators(cell: str) -> Generators:
    # A cell is inline JSON ("JSON: {...}") or a fixture name, with or without "file:".
    cell = cell.strip()
    if cell.startswith("JSON:"):
        data = json.loads(cell.removeprefix("JSON:").strip())
    else:
        data = fixture_json(cell.removeprefix("file:").strip())
    issues: list[Issue] = []
    generators = parse_generators(data, "generators", issues)
    assert not issues, f"the scenario's generators did not parse: {issues}"
    return generators


@given("a request configured with the following generators:")
def request_with_generators(generation_world: GenerationWorld, datatable: list[list[str]]) -> None:
    body, generators = _configured(datatable)
    generation_world.request = Request(method="GET", path="/", body=body, generators=generators)


@given("a response configured with the following generators:")
def response_with_generators(generation_world: GenerationWorld, datatable: list[list[str]]) -> None:
    body, generators = _configured(datatable)
    generation_world.response = Response(status=200, body=body, generators=generators)


@given(parsers.parse('the generator test mode is set as "{mode}"'))
def generator_mode(generation_world: GenerationWorld, mode: str) -> None:
    generation_world.mode = GeneratorMode(mode.lower())


# ---- when ----------------------------------------------------------------------------------


def _prepare(world: GenerationWorld) -> None:
    rng = random.Random(20230719)  # fixed seed: a failing scenario fails the same way again
    if world.request is not None:
        world.generated_request = generate_request(
            world.request, mode=world.mode, context=world.context, rng=rng
        )
    if world.response is not None:
        world.generated_response = generate_response(
            world.response, mode=world.mode, context=world.context, rng=rng
        )


@when("the request is prepared for use")
@when("the response is prepared for use")
def prepared(generation_world: GenerationWorld) -> None:
    _prepare(generation_world)


@when(parsers.parse('the request is prepared for use with a "{name}" context:'))
def prepared_with_context(
    generation_world: GenerationWorld, name: str, datatable: list[list[str]]
) -> None:
    generation_world.context = {name: json.loads(datatable[0][0])}
    _prepare(generation_world)


# ---- then ----------------------------------------------------------------------------------


def _value_at(body: Body, path: str) -> Any:
    node = body.json()
    for token in parse_rule_path(path).tokens:
        node = node[token]
    return node


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _replaced_value(world: GenerationWorld, path: str) -> Any:
    original = _value_at(world.original_body(), path)
    generated = _value_at(world.generated_body(), path)
    assert generated != original, f"expected {path} ({original!r}) to have been replaced"
    return generated


_UUID_SHAPES = {
    "UUID": r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    "simple UUID": r"[0-9a-f]{32}",
    "lower-case-hyphenated UUID": r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    "upper-case-hyphenated UUID": r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}",
    "URN UUID": r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
}
_TEXT_SHAPES = {
    "integer": r"-?\d+",
    "decimal number": r"-?\d+\.\d+",
    "hexadecimal number": r"[0-9a-fA-F]+",
    "boolean": r"true|false",
    "date-time": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?",
}


def _assert_kind(kind: str, value: Any) -> None:
    text = _as_text(value)
    if kind in _UUID_SHAPES:
        assert re.fullmatch(_UUID_SHAPES[kind], text), f"expected a {kind}, got {text!r}"
        uuid.UUID(text)
    elif kind in _TEXT_SHAPES:
        assert re.fullmatch(_TEXT_SHAPES[kind], text), f"expected a {kind}, got {text!r}"
    elif kind == "random string":
        assert isinstance(value, str), f"expected a string, got {value!r}"
    elif kind == "string from the regex":
        assert isinstance(value, str) and re.fullmatch(r"\d{1,8}", value), value
    elif kind == "date":
        assert matches_pattern("yyyy-MM-dd", text), f"expected a date, got {text!r}"
    elif kind == "time":
        assert matches_pattern("HH:mm:ss", text), f"expected a time, got {text!r}"
    else:
        raise AssertionError(f"the steps do not know how to check for {kind!r}")


@then(
    parsers.re(
        r'the body value for "(?P<path>[^"]*)" will have been replaced with an? "(?P<kind>[^"]*)"'
    )
)
def body_value_replaced_with_kind(generation_world: GenerationWorld, path: str, kind: str) -> None:
    _assert_kind(kind, _replaced_value(generation_world, path))


@then(
    parsers.re(
        r'the body value for "(?P<path>[^"]*)" will have been replaced with "(?P<value>[^"]*)"'
    )
)
def body_value_replaced_with_value(
    generation_world: GenerationWorld, path: str, value: str
) -> None:
    assert _as_text(_replaced_value(generation_world, path)) == value


def _part_value(world: GenerationWorld, which: str, part: str) -> str:
    message = world.generated_request if which == "request" else world.generated_response
    assert message is not None, f"the {which} was not prepared"
    if part == "path":
        assert isinstance(message, Request)
        return message.path
    if part == "status":
        assert isinstance(message, Response)
        return str(message.status)
    found = re.fullmatch(r"(header|queryParameter)\[(.+)\]", part)
    assert found, f"unknown {which} part {part!r}"
    if found.group(1) == "header":
        values = message.header(found.group(2))
    else:
        assert isinstance(message, Request)
        values = (message.query or {}).get(found.group(2))
    assert values, f"the {which} has no {part}"
    return values[0]


@then(parsers.parse('the {which} "{part}" will be set as "{value}"'))
def part_set_as(generation_world: GenerationWorld, which: str, part: str, value: str) -> None:
    assert _part_value(generation_world, which, part) == value


@then(parsers.parse('the {which} "{part}" will match "{regex}"'))
def part_matches(generation_world: GenerationWorld, which: str, part: str, regex: str) -> None:
    actual = _part_value(generation_world, which, part)
    assert re.fullmatch(regex, actual), f"{which} {part} {actual!r} does not match {regex!r}"


@then(parsers.parse('the {which} "{part}" will not be "{value}"'))
def part_is_not(generation_world: GenerationWorld, which: str, part: str, value: str) -> None:
    assert _part_value(generation_world, which, part) != value
