"""Query parameters: V1 order, missing and unexpected parameters, repeated values, decoding."""

from __future__ import annotations

from typing import Any

from accord.matching import MismatchKind, match_request


def compare(expected: Any, actual: Any, spec: str) -> list[str]:
    found = match_request(
        {"method": "GET", "path": "/", "query": expected},
        {"method": "GET", "path": "/", "query": actual},
        spec=spec,
    )
    assert all(m.kind is MismatchKind.QUERY for m in found)
    return [m.message for m in found]


def test_v1_parameter_order_matters() -> None:
    assert compare("a=1&b=2", "a=1&b=2", "v1") == []
    assert compare("a=1&b=2", "b=2&a=1", "v1") == [
        "Expected query parameters in the order [a, b] but received [b, a]"
    ]


def test_v1_trailing_ampersand_is_a_difference() -> None:
    assert compare("a=1&b=2", "a=1&b=2&", "v1") != []
    assert compare("a=1&b=2", "a=1&b=2&", "v1.1") == []


def test_from_v1_1_parameter_order_does_not_matter() -> None:
    assert compare("a=1&b=2", "b=2&a=1", "v1.1") == []
    assert compare({"a": ["1"], "b": ["2"]}, {"b": ["2"], "a": ["1"]}, "v3") == []


def test_missing_and_unexpected_parameters_are_named() -> None:
    assert compare({"a": ["1"], "b": ["2"]}, {"a": ["1"], "c": ["3"]}, "v3") == [
        "Expected query parameter 'b' but was missing",
        "Unexpected query parameter 'c' received",
    ]


def test_repeated_values_keep_their_order() -> None:
    assert compare("a=1&a=2", "a=1&a=2", "v2") == []
    assert compare("a=1&a=2", "a=2&a=1", "v2") == [
        "Expected query parameter 'a' with value '1' but was '2'",
        "Expected query parameter 'a' with value '2' but was '1'",
    ]


def test_values_are_compared_decoded() -> None:
    assert compare("a=x%3Dy&b=c+d", "a=x=y&b=c%20d", "v2") == []


def test_regex_rule_on_a_parameter() -> None:
    expected = {
        "method": "GET",
        "path": "/",
        "query": {"a": ["1"]},
        "matchingRules": {"query": {"a": {"matchers": [{"match": "regex", "regex": "\\d{1,4}"}]}}},
    }
    ok = {"method": "GET", "path": "/", "query": {"a": ["12", "345"]}}
    bad = {"method": "GET", "path": "/", "query": {"a": ["9999X"]}}
    assert match_request(expected, ok, spec="v3") == []
    assert [m.message for m in match_request(expected, bad, spec="v3")] == [
        "Expected '9999X' to match '\\d{1,4}'"
    ]
