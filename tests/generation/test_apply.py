"""Generators applied to requests, responses and messages."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from accord.generation import (
    GeneratorMode,
    generate_message,
    generate_request,
    generate_response,
)
from accord.model.bodies import Body
from accord.model.generators import Generator, GeneratorKind, Generators
from accord.model.http import Request, Response
from accord.model.interactions import MessageContents

CONSUMER, PROVIDER = GeneratorMode.CONSUMER, GeneratorMode.PROVIDER


def gen(kind: str, **attrs: Any) -> Generator:
    return Generator(kind=GeneratorKind(kind), attrs=attrs)


def generators(**categories: dict[str, Generator]) -> Generators:
    return Generators(categories)


def rng() -> random.Random:
    return random.Random(42)


def test_request_without_generators_is_returned_as_is() -> None:
    request = Request(path="/x")
    assert generate_request(request, mode=PROVIDER) is request


def test_request_path_from_provider_state() -> None:
    request = Request(
        path="/users/1",
        generators=generators(path={"": gen("ProviderState", expression="/users/${id}")}),
    )
    generated = generate_request(request, mode=PROVIDER, context={"id": 99}, rng=rng())
    assert generated.path == "/users/99"
    assert request.path == "/users/1"  # the original is untouched


def test_headers_are_matched_case_insensitively_and_added_when_missing() -> None:
    request = Request(
        headers={"X-Count": ["1", "2"], "Accept": ["application/json"]},
        generators=generators(
            header={"x-count": gen("RandomInt", min=5, max=9), "X-New": gen("RandomBoolean")}
        ),
    )
    generated = generate_request(request, mode=PROVIDER, rng=rng())
    assert generated.headers is not None
    assert all(re.fullmatch("[5-9]", v) for v in generated.headers["X-Count"])
    assert len(generated.headers["X-Count"]) == 2
    assert generated.headers["X-New"][0] in ("true", "false")
    assert generated.headers["Accept"] == ["application/json"]
    assert "x-count" not in generated.headers


def test_every_query_value_is_generated() -> None:
    request = Request(
        query={"id": ["a", "b"], "q": ["keep"]},
        generators=generators(query={"id": gen("Regex", regex=r"\d{3}")}),
    )
    generated = generate_request(request, mode=PROVIDER, rng=rng())
    assert generated.query is not None
    assert [bool(re.fullmatch(r"\d{3}", v)) for v in generated.query["id"]] == [True, True]
    assert generated.query["q"] == ["keep"]


def test_response_status_and_body() -> None:
    response = Response(
        status=200,
        body=Body.from_json({"id": 1, "name": "x"}, "application/vnd.api+json; charset=utf-8"),
        generators=generators(
            status={"": gen("RandomInt", min=400, max=404)},
            body={"$.id": gen("RandomInt", min=100, max=200)},
        ),
    )
    generated = generate_response(response, mode=CONSUMER, rng=rng())
    assert 400 <= generated.status <= 404
    assert 100 <= generated.body.json()["id"] <= 200
    assert generated.body.json()["name"] == "x"
    assert generated.body.content_type == "application/vnd.api+json; charset=utf-8"


BODY = {
    "items": [{"id": 1, "tags": ["a", "b"]}, {"id": 2, "tags": []}],
    "meta": {"one": "x", "two": "y"},
    "odd key": 5,
}


@pytest.mark.parametrize(
    ("path", "check"),
    [
        ("$.items[*].id", lambda b: all(isinstance(i["id"], str) for i in b["items"])),
        (
            "$.items[1].id",
            lambda b: isinstance(b["items"][1]["id"], str) and b["items"][0]["id"] == 1,
        ),
        ("$.items.*.tags[*]", lambda b: len(b["items"][0]["tags"][0]) == 10),
        ("$.meta.*", lambda b: b["meta"]["one"] != "x" and b["meta"]["two"] != "y"),
        ("$['odd key']", lambda b: isinstance(b["odd key"], str)),
        ("$", lambda b: isinstance(b, str)),
    ],
)
def test_body_paths(path: str, check: Any) -> None:
    request = Request(
        method="POST",
        body=Body.from_json(BODY),
        generators=generators(body={path: gen("RandomString")}),
    )
    assert check(generate_request(request, mode=PROVIDER, rng=rng()).body.json())


@pytest.mark.parametrize("path", ["$.missing", "$.items[7].id", "$.meta.one.deeper", "$.items.id"])
def test_paths_that_point_at_nothing_leave_the_body_alone(path: str) -> None:
    request = Request(
        body=Body.from_json(BODY), generators=generators(body={path: gen("RandomString")})
    )
    assert generate_request(request, mode=PROVIDER, rng=rng()).body.json() == BODY


def test_failed_generator_keeps_the_example(caplog: pytest.LogCaptureFixture) -> None:
    request = Request(
        body=Body.from_json({"id": 1}),
        generators=generators(body={"$.id": gen("ProviderState", expression="${nope}")}),
    )
    assert generate_request(request, mode=PROVIDER, context={}).body.json() == {"id": 1}
    assert "no value named 'nope'" in caplog.text


def test_provider_state_keeps_the_json_type_in_bodies() -> None:
    request = Request(
        body=Body.from_json({"id": "placeholder", "ids": [0]}),
        generators=generators(
            body={
                "$.id": gen("ProviderState", expression="${id}"),
                "$.ids": gen("ProviderState", expression="${ids}"),
            }
        ),
    )
    context = {"id": 1000, "ids": [1, 2]}
    assert generate_request(request, mode=PROVIDER, context=context).body.json() == {
        "id": 1000,
        "ids": [1, 2],
    }


def test_form_bodies_are_generated_as_parameters() -> None:
    request = Request(
        method="POST",
        body=Body.from_text("a=1&b=x", "application/x-www-form-urlencoded"),
        generators=generators(body={"$.a": gen("RandomInt", min=5, max=5)}),
    )
    assert generate_request(request, mode=PROVIDER, rng=rng()).body.text() == "a=5&b=x"


def test_other_bodies_are_left_alone() -> None:
    body = Body.from_text("plain", "text/plain")
    request = Request(body=body, generators=generators(body={"$": gen("RandomString")}))
    assert generate_request(request, mode=PROVIDER, rng=rng()).body == body


def test_message_contents_and_metadata() -> None:
    contents = MessageContents(
        contents=Body.from_json({"url": "http://x/orders/1", "n": 1}),
        metadata={"contentType": "application/json", "seq": 1},
        generators=generators(
            content={
                "$.url": gen("MockServerURL", regex=r".*(/orders/\d+)", example="http://x/orders/1")
            },
            metadata={"seq": gen("RandomInt", min=10, max=20), "id": gen("Uuid")},
        ),
    )
    context = {"mockServer": {"url": "http://127.0.0.1:1234"}}
    generated = generate_message(contents, mode=CONSUMER, context=context, rng=rng())
    assert generated.contents.json() == {"url": "http://127.0.0.1:1234/orders/1", "n": 1}
    assert 10 <= generated.metadata["seq"] <= 20
    assert len(generated.metadata["id"]) == 36
    assert generated.metadata["contentType"] == "application/json"


def test_generation_is_reproducible_with_a_seed() -> None:
    request = Request(
        body=Body.from_json({"a": 1, "b": "x"}),
        generators=generators(body={"$.a": gen("RandomInt"), "$.b": gen("Uuid")}),
    )
    first = generate_request(request, mode=PROVIDER, rng=random.Random(3))
    again = generate_request(request, mode=PROVIDER, rng=random.Random(3))
    assert first.body.json() == again.body.json()


XML = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<ns:order xmlns:ns="urn:x" id="1"><!-- keep me -->'
    b'<ns:item sku="a">one</ns:item><ns:item sku="b">two</ns:item><empty/></ns:order>'
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("$['ns:order']['@id']", b'id="5"'),
        ("$['ns:order']['ns:item'][1]['@sku']", b'<ns:item sku="5">two</ns:item>'),
        ("$['ns:order']['ns:item']['#text']", b'<ns:item sku="a">5</ns:item><ns:item sku="b">5<'),
        ("$.*.empty['#text']", b"<empty>5</empty>"),
    ],
)
def test_xml_attributes_and_text(path: str, expected: bytes) -> None:
    request = Request(
        body=Body.from_bytes(XML, "application/xml"),
        generators=generators(body={path: gen("RandomInt", min=5, max=5)}),
    )
    content = generate_request(request, mode=PROVIDER, rng=rng()).body.content
    assert expected in content
    assert content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<ns:order')
    assert b"<!-- keep me -->" in content


def test_xml_paths_that_point_at_nothing_change_nothing_but_layout() -> None:
    request = Request(
        body=Body.from_bytes(XML, "application/xml"),
        generators=generators(body={"$.order['@id']": gen("RandomInt")}),
    )
    assert b'id="1"' in generate_request(request, mode=PROVIDER, rng=rng()).body.content


def test_array_contains_variants_carry_their_own_generators() -> None:
    from accord.model.rule_parsing import parse_categorised_rules

    issues: list[Any] = []
    rules = parse_categorised_rules(
        {
            "body": {
                "$.actions": {
                    "matchers": [
                        {
                            "match": "arrayContains",
                            "variants": [
                                {
                                    "index": 1,
                                    "rules": {"$.href": {"matchers": [{"match": "type"}]}},
                                    "generators": {
                                        "$.href": {
                                            "type": "MockServerURL",
                                            "regex": r".*(/orders/\d+)$",
                                            "example": "http://x/orders/1",
                                        }
                                    },
                                }
                            ],
                        }
                    ]
                }
            }
        },
        "matchingRules",
        issues,
    )
    assert not issues
    response = Response(
        body=Body.from_json({"actions": [{"href": "keep"}, {"href": "http://x/orders/1"}]}),
        matching_rules=rules,
    )
    context = {"mockServer": {"url": "http://mock"}}
    generated = generate_response(response, mode=CONSUMER, context=context, rng=rng())
    assert generated.body.json() == {
        "actions": [{"href": "keep"}, {"href": "http://mock/orders/1"}]
    }
