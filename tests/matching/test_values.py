"""Each matcher's verdict and exact wording, one table row per case."""

from __future__ import annotations

from typing import Any

import pytest

from tests.matching.helpers import compare_bodies, messages

# (rule, expected value, actual value, message or None when the actual satisfies the rule)
CASES: list[tuple[dict[str, Any], Any, Any, str | None]] = [
    ({"match": "equality"}, "b", "b", None),
    ({"match": "equality"}, "b", "c", "Expected 'c' (String) to be equal to 'b' (String)"),
    ({"match": "equality"}, 1, 1.0, "Expected 1.0 (Decimal) to be equal to 1 (Integer)"),
    ({"match": "regex", "regex": "\\d+"}, "1", "123", None),
    ({"match": "regex", "regex": "\\d+"}, "1", "12a", "Expected '12a' to match '\\d+'"),
    ({"match": "regex", "regex": "\\d+"}, 1, 100, None),
    ({"match": "type"}, "a", "b", None),
    ({"match": "type"}, "a", 100, "Expected 100 (Integer) to be the same type as 'a' (String)"),
    ({"match": "type"}, 1, 2.5, None),
    ({"match": "type"}, True, None, "Expected null (Null) to be the same type as true (Boolean)"),
    ({"match": "type", "min": 1}, [1], [], "Expected [] (size 0) to have minimum size of 1"),
    (
        {"match": "type", "max": 2},
        [1],
        [1, 2, 3],
        "Expected [1, 2, 3] (size 3) to have maximum size of 2",
    ),
    ({"match": "type", "min": 1, "max": 3}, [1], [4, 5], None),
    ({"match": "include", "value": "a"}, "a", "cat", None),
    ({"match": "include", "value": "a"}, "a", "dog", "Expected 'dog' to include 'a'"),
    ({"match": "integer"}, 1, 100, None),
    ({"match": "integer"}, 1, 100.1, "Expected 100.1 (Decimal) to be an integer"),
    ({"match": "integer"}, 1, "100", "Expected '100' (String) to be an integer"),
    ({"match": "integer"}, 1, [], "Expected [] (Array) to be an integer"),
    ({"match": "decimal"}, 1.5, 100.25, None),
    ({"match": "decimal"}, 1.5, 100, "Expected 100 (Integer) to be a decimal number"),
    ({"match": "decimal"}, 1.5, None, "Expected null (Null) to be a decimal number"),
    ({"match": "number"}, 1, 100.01, None),
    ({"match": "number"}, 1, True, "Expected true (Boolean) to be a number"),
    ({"match": "number"}, 1, "100", "Expected '100' (String) to be a number"),
    ({"match": "null"}, None, None, None),
    ({"match": "null"}, None, "", "Expected '' (String) to be a null value"),
    ({"match": "boolean"}, True, False, None),
    ({"match": "boolean"}, True, "", "Expected '' (String) to match a boolean"),
    ({"match": "date", "format": "yyyy-MM-dd"}, "2000-01-01", "2023-07-19", None),
    (
        {"match": "date", "format": "yyyy-MM-dd"},
        "2000-01-01",
        "23/07/19",
        "Expected '23/07/19' to match a date pattern of 'yyyy-MM-dd'",
    ),
    ({"match": "time"}, "10:00:00", "23:59:59", None),
    (
        {"match": "time"},
        "10:00:00",
        "25:00:00",
        "Expected '25:00:00' to match a time pattern of 'HH:mm:ss'",
    ),
    (
        {"match": "timestamp", "format": "yyyy-MM-dd'T'HH:mm:ss"},
        "2000-01-01T00:00:00",
        "2000-01-01 00:00",
        "Expected '2000-01-01 00:00' to match a timestamp pattern of 'yyyy-MM-dd'T'HH:mm:ss'",
    ),
    ({"match": "notEmpty"}, "a", "b", None),
    ({"match": "notEmpty"}, "a", "", "Expected '' (String) to not be empty"),
    ({"match": "notEmpty"}, ["a"], [], "Expected [] (Array) to not be empty"),
    ({"match": "semver"}, "1.0.0", "2.10.3-beta.1+build.5", None),
    ({"match": "semver"}, "1.0.0", "1.0", "'1.0' is not a valid semantic version"),
    ({"match": "semver"}, "1.0.0", "01.0.0", "'01.0.0' is not a valid semantic version"),
]


@pytest.mark.parametrize(
    ("rule", "expected", "actual", "message"),
    CASES,
    ids=[f"{case[0]['match']}-{i}" for i, case in enumerate(CASES)],
)
def test_matcher_wording(
    rule: dict[str, Any], expected: Any, actual: Any, message: str | None
) -> None:
    found = compare_bodies({"a": expected}, {"a": actual}, {"$.a": [rule]})
    assert messages(found) == ([] if message is None else [message])
    assert all(mismatch.path == "$.a" for mismatch in found)


def test_a_regex_that_does_not_compile_is_a_mismatch_naming_it() -> None:
    found = compare_bodies({"a": "x"}, {"a": "y"}, {"$.a": [{"match": "regex", "regex": "(open"}]})
    assert len(found) == 1
    assert found[0].message.startswith("'(open' is not a valid regular expression - ")


def test_a_bad_regex_on_a_header_is_a_mismatch_too() -> None:
    from accord.matching import match_request

    found = match_request(
        {
            "method": "GET",
            "path": "/",
            "headers": {"X-Id": "1"},
            "matchingRules": {
                "header": {"X-Id": {"matchers": [{"match": "regex", "regex": "[a-"}]}}
            },
        },
        {"method": "GET", "path": "/", "headers": {"X-Id": "1"}},
        spec="v3",
    )
    assert [m.kind for m in found] == ["header"]
    assert "'[a-' is not a valid regular expression" in found[0].message


def test_or_combination_needs_one_rule_to_pass() -> None:
    rules = {
        "body": {
            "$.a": {
                "combine": "OR",
                "matchers": [
                    {"match": "regex", "regex": "\\d+"},
                    {"match": "include", "value": "z"},
                ],
            }
        }
    }
    from accord.matching import match_response

    def compare(actual: str) -> list[str]:
        found = match_response(
            {"body": {"a": "1"}, "matchingRules": rules},
            {"status": 200, "body": {"a": actual}},
            "v3",
        )
        return messages(found)

    assert compare("xyz") == []
    assert compare("42") == []
    assert compare("abc") == ["Expected 'abc' to match '\\d+'", "Expected 'abc' to include 'z'"]


def test_and_combination_reports_every_failing_rule() -> None:
    found = compare_bodies(
        {"a": "1"},
        {"a": "abc"},
        {"$.a": [{"match": "regex", "regex": "\\d+"}, {"match": "include", "value": "z"}]},
    )
    assert messages(found) == ["Expected 'abc' to match '\\d+'", "Expected 'abc' to include 'z'"]


def test_status_code_rule_wording() -> None:
    from accord.matching import match_response

    rules = {"status": {"matchers": [{"match": "statusCode", "status": "clientError"}]}}
    assert match_response({"status": 404, "matchingRules": rules}, {"status": 418}, "v4") == []
    found = match_response({"status": 404, "matchingRules": rules}, {"status": 200}, "v4")
    assert messages(found) == ["Expected status code 200 to be a Client error (400–499)"]
    assert found[0].summary == "Response status did not match"
