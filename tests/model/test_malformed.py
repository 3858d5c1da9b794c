"""Malformed pacts: each is rejected with one InvalidPact naming the JSON path, never a bare error."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from accord.errors import AccordError, InvalidPact
from accord.model import load_pact


def _pact(**interaction_overrides: Any) -> dict[str, Any]:
    interaction: dict[str, Any] = {
        "description": "a request for an order",
        "request": {"method": "GET", "path": "/orders/1"},
        "response": {"status": 200, "body": {"id": 1}},
    }
    interaction.update(interaction_overrides)
    return {
        "consumer": {"name": "OrderWeb"},
        "provider": {"name": "OrderService"},
        "interactions": [interaction],
        "metadata": {"pactSpecification": {"version": "3.0.0"}},
    }


def _with(path: list[Any], value: Any, base: dict[str, Any] | None = None) -> dict[str, Any]:
    document = copy.deepcopy(base or _pact())
    target: Any = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return document


def _response_rules(rules: Any) -> dict[str, Any]:
    return _with(["interactions", 0, "response", "matchingRules"], rules)


def _v4(interaction: dict[str, Any]) -> dict[str, Any]:
    return {
        "consumer": {"name": "C"},
        "provider": {"name": "P"},
        "interactions": [interaction],
        "metadata": {"pactSpecification": {"version": "4.0"}},
    }


CASES: list[tuple[str, Any, str, str]] = [
    # (id, document or text, path expected in the message, words expected in the message)
    ("not json", "{not json", "$", "not valid JSON"),
    ("truncated json", '{"consumer": {"name": "C"}', "$", "not valid JSON"),
    ("top level is a list", "[1, 2]", "$", "must be a JSON object"),
    ("top level is a string", '"pact"', "$", "must be a JSON object"),
    (
        "missing consumer",
        {"provider": {"name": "P"}, "interactions": []},
        "$.consumer.name",
        "must name its consumer",
    ),
    (
        "consumer name not a string",
        _with(["consumer"], {"name": 42}),
        "$.consumer.name",
        "must name its consumer",
    ),
    (
        "empty provider name",
        _with(["provider"], {"name": " "}),
        "$.provider.name",
        "must not be empty",
    ),
    (
        "no interactions key",
        {"consumer": {"name": "C"}, "provider": {"name": "P"}},
        "$",
        "'interactions'",
    ),
    (
        "interactions not a list",
        _with(["interactions"], {"a": 1}),
        "$.interactions",
        "must be an array",
    ),
    (
        "interaction not an object",
        _with(["interactions"], ["oops"]),
        "$.interactions[0]",
        "must be an object",
    ),
    (
        "missing description",
        _with(["interactions", 0, "description"], None),
        "$.interactions[0].description",
        "description",
    ),
    (
        "missing request",
        _with(["interactions", 0], {"description": "d", "response": {"status": 200}}),
        "$.interactions[0].request",
        "needs a 'request'",
    ),
    (
        "request not an object",
        _with(["interactions", 0, "request"], "GET /"),
        "$.interactions[0].request",
        "must be an object",
    ),
    (
        "method not a string",
        _with(["interactions", 0, "request", "method"], 7),
        "$.interactions[0].request.method",
        "HTTP method",
    ),
    (
        "missing method",
        _with(["interactions", 0, "request"], {"path": "/"}),
        "$.interactions[0].request.method",
        "HTTP method",
    ),
    (
        "path not a string",
        _with(["interactions", 0, "request", "path"], ["/a"]),
        "$.interactions[0].request.path",
        "must be a string",
    ),
    (
        "status out of range",
        _with(["interactions", 0, "response", "status"], 99),
        "$.interactions[0].response.status",
        "between 100 and 599",
    ),
    (
        "status not a number",
        _with(["interactions", 0, "response", "status"], "OK"),
        "$.interactions[0].response.status",
        "status code",
    ),
    (
        "headers not an object",
        _with(["interactions", 0, "request", "headers"], ["Accept"]),
        "$.interactions[0].request.headers",
        "header names",
    ),
    (
        "header value an object",
        _with(["interactions", 0, "request", "headers"], {"Accept": {"a": 1}}),
        "$.interactions[0].request.headers['Accept']",
        "header value",
    ),
    (
        "query a number",
        _with(["interactions", 0, "request", "query"], 5),
        "$.interactions[0].request.query",
        "query string",
    ),
    (
        "query value an object",
        _with(["interactions", 0, "request", "query"], {"a": {"b": 1}}),
        "$.interactions[0].request.query['a']",
        "query value",
    ),
    (
        "provider states not a list",
        _with(["interactions", 0, "providerStates"], "s"),
        "$.interactions[0].providerStates",
        "must be an array",
    ),
    (
        "provider state without name",
        _with(["interactions", 0, "providerStates"], [{"params": {}}]),
        "$.interactions[0].providerStates[0]",
        "'name'",
    ),
    (
        "provider state params a list",
        _with(["interactions", 0, "providerStates"], [{"name": "x", "params": [1]}]),
        "$.interactions[0].providerStates[0].params",
        "must be an object",
    ),
    (
        "unknown matcher",
        _response_rules({"body": {"$.id": {"matchers": [{"match": "wibble"}]}}}),
        "$.interactions[0].response.matchingRules.body['$.id'].matchers[0].match",
        "unknown matcher 'wibble'",
    ),
    (
        "matcher without type",
        _response_rules({"body": {"$.id": {"matchers": [{"foo": 1}]}}}),
        "$.interactions[0].response.matchingRules.body['$.id'].matchers[0]",
        "cannot be inferred",
    ),
    (
        "regex matcher without regex",
        _response_rules({"body": {"$.id": {"matchers": [{"match": "regex"}]}}}),
        "matchers[0].regex",
        "needs a 'regex' string",
    ),
    (
        "bad regex",
        _response_rules({"body": {"$.id": {"matchers": [{"match": "regex", "regex": "([a-z"}]}}}),
        "matchers[0].regex",
        "invalid regular expression",
    ),
    (
        "negative min",
        _response_rules({"body": {"$.items": {"matchers": [{"match": "type", "min": -1}]}}}),
        "matchers[0].min",
        "non-negative integer",
    ),
    (
        "min above max",
        _response_rules(
            {"body": {"$.items": {"matchers": [{"match": "type", "min": 3, "max": 1}]}}}
        ),
        "matchers[0]",
        "min=3 is greater than max=1",
    ),
    (
        "matchers not a list",
        _response_rules({"body": {"$.id": {"matchers": {"match": "type"}}}}),
        "$.interactions[0].response.matchingRules.body['$.id'].matchers",
        "must be a list",
    ),
    (
        "bad combine",
        _response_rules({"body": {"$.id": {"combine": "XOR", "matchers": [{"match": "type"}]}}}),
        "combine",
        "'AND' or 'OR'",
    ),
    (
        "rule path without root",
        _response_rules({"body": {"id": {"matchers": [{"match": "type"}]}}}),
        "$.interactions[0].response.matchingRules.body['id']",
        "must start with '$'",
    ),
    (
        "rule path unclosed bracket",
        _response_rules({"body": {"$.a[0": {"matchers": [{"match": "type"}]}}}),
        "body['$.a[0']",
        "unclosed '['",
    ),
    (
        "include without value",
        _response_rules({"body": {"$.id": {"matchers": [{"match": "include"}]}}}),
        "matchers[0].value",
        "include matcher",
    ),
    (
        "statusCode with bad status",
        _response_rules(
            {"status": {"matchers": [{"match": "statusCode", "status": "greatSuccess"}]}}
        ),
        "status.matchers[0].status",
        "clientError",
    ),
    (
        "matchingRules a list",
        _response_rules([1]),
        "$.interactions[0].response.matchingRules",
        "must be an object",
    ),
    (
        "unknown generator",
        _with(
            ["interactions", 0, "response", "generators"],
            {"body": {"$.id": {"type": "RandomPony"}}},
        ),
        "generators.body['$.id'].type",
        "unknown generator type 'RandomPony'",
    ),
    (
        "generator min above max",
        _with(
            ["interactions", 0, "response", "generators"],
            {"body": {"$.id": {"type": "RandomInt", "min": 9, "max": 1}}},
        ),
        "generators.body['$.id']",
        "greater than max",
    ),
    (
        "provider state generator without expression",
        _with(["interactions", 0, "request", "generators"], {"path": {"type": "ProviderState"}}),
        "generators.path.expression",
        "'${id}'",
    ),
    (
        "unknown v4 interaction type",
        _v4({"type": "Synchronous/Carrier-Pigeon", "description": "d"}),
        "$.interactions[0].type",
        "unknown interaction type",
    ),
    (
        "v4 base64 body not base64",
        _v4(
            {
                "type": "Synchronous/HTTP",
                "description": "d",
                "request": {
                    "method": "GET",
                    "path": "/",
                    "body": {"content": 5, "encoded": "base64"},
                },
                "response": {"status": 200},
            }
        ),
        "$.interactions[0].request.body.content",
        "must be a string",
    ),
    (
        "v4 encoded JSON that does not parse",
        _v4(
            {
                "type": "Synchronous/HTTP",
                "description": "d",
                "request": {
                    "method": "GET",
                    "path": "/",
                    "body": {"content": "{oops", "encoded": "JSON"},
                },
                "response": {"status": 200},
            }
        ),
        "$.interactions[0].request.body.content",
        "does not parse",
    ),
    (
        "v4 pending not a boolean",
        _v4(
            {
                "type": "Synchronous/HTTP",
                "description": "d",
                "pending": "yes",
                "request": {"method": "GET", "path": "/"},
                "response": {"status": 200},
            }
        ),
        "$.interactions[0].pending",
        "true or false",
    ),
    (
        "v4 sync message response not a list",
        _v4(
            {
                "type": "Synchronous/Messages",
                "description": "d",
                "request": {"contents": {"content": "x"}},
                "response": "nope",
            }
        ),
        "$.interactions[0].response",
        "array of messages",
    ),
    (
        "message metadata a list",
        {
            "consumer": {"name": "C"},
            "provider": {"name": "P"},
            "messages": [{"description": "m", "contents": {}, "metaData": [1]}],
        },
        "$.messages[0].metadata",
        "must be an object",
    ),
    ("metadata a string", _with(["metadata"], "v3"), "$.metadata", "must be an object"),
]


@pytest.mark.parametrize(
    ("document", "path", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_malformed_input_is_one_clear_error_naming_the_path(
    document: Any, path: str, words: str
) -> None:
    with pytest.raises(InvalidPact) as caught:
        load_pact(document, strict=True)
    error = caught.value
    assert isinstance(error, AccordError)
    text = str(error)
    assert path in text, text
    assert words in text, text
    assert any(path in issue.path for issue in error.issues), error.issues


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 30


def test_every_problem_is_listed_not_just_the_first() -> None:
    document = _with(["interactions", 0, "response", "status"], "OK")
    document["interactions"][0]["request"]["method"] = 7
    document["consumer"] = {}
    with pytest.raises(InvalidPact) as caught:
        load_pact(document)
    paths = [issue.path for issue in caught.value.issues]
    assert "$.consumer.name" in paths
    assert "$.interactions[0].request.method" in paths
    assert "$.interactions[0].response.status" in paths
    assert "3 problems" in str(caught.value)


def test_a_bad_regex_is_only_a_warning_when_loading_leniently() -> None:
    document = _response_rules(
        {"body": {"$.id": {"matchers": [{"match": "regex", "regex": "([a-z"}]}}}
    )
    pact = load_pact(document)
    assert pact.interactions[0].description == "a request for an order"


def test_a_missing_file_names_the_file(tmp_path: Any) -> None:
    missing = tmp_path / "nope.json"
    with pytest.raises(InvalidPact, match="cannot read pact file") as caught:
        load_pact(missing)
    assert str(missing) in str(caught.value)
