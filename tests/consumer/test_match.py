"""The match and generate namespaces: bad arguments fail at the call, reprs are the calls."""

from __future__ import annotations

import datetime as dt

import pytest

from accord import generate, match
from accord.consumer.extract import extract_part
from accord.errors import InvalidMatcher

# (call, words the message must contain): each row is one validation path.
INVALID = [
    (lambda: match.like(1, min=-1), "min=-1 is negative"),
    (lambda: match.like(1, min=3, max=2), "min=3 is greater than max=2"),
    (lambda: match.each_like(1, min=-2), "min=-2 is negative"),
    (lambda: match.each_like(1, min=2, max=1), "min=2 is greater than max=1"),
    (lambda: match.each_like(1, max=0), "max=0 allows only empty arrays"),
    (lambda: match.each_like(1, min=1, max=3, examples=5), "examples=5 is outside"),
    (lambda: match.each_like(1, min="2"), "min='2' is str"),
    (lambda: match.integer(1.5), "value=1.5 is float, not int"),
    (lambda: match.integer(True), "value=True is a bool"),
    (lambda: match.integer(min=5, max=1), "min=5 is greater than max=1"),
    (lambda: match.decimal("1.5"), "value='1.5' is str"),
    (lambda: match.number("1"), "value='1' is str"),
    (lambda: match.string(5), "value=5 is int, not str"),
    (lambda: match.string("a", size=-1), "size=-1 is negative"),
    (lambda: match.boolean(1), "value=1 is int, not bool"),
    (lambda: match.regex("abc", pattern=r"\d+"), "example='abc' does not match pattern"),
    (lambda: match.regex("1", pattern="("), "is not a valid regular expression"),
    (lambda: match.regex("1", pattern=5), "pattern=5 is int"),
    (lambda: match.date(20240101), "value=20240101 is int"),
    (lambda: match.date("2024-01-01", format=5), "format=5 is int"),
    (lambda: match.date(dt.date(2024, 1, 1), format="yyyy-Q"), "uses the letter 'Q'"),
    (lambda: match.date("2024-13-45"), "example='2024-13-45' does not match format='yyyy-MM-dd'"),
    (lambda: match.date("31/01/2024"), "example='31/01/2024' does not match format"),
    (lambda: match.time("25:00:00"), "example='25:00:00' does not match format"),
    (lambda: match.datetime("2024-01-31", format="yyyy-MM-dd'T"), "is not a valid pattern"),
    (lambda: match.uuid("nope"), "example='nope' does not match"),
    (lambda: match.uuid(format="mixed"), "format='mixed' is not a UUID format"),
    (lambda: match.includes(3), "value=3 is int"),
    (lambda: match.values([1]), "value=[1] is list"),
    (lambda: match.array_containing([]), "variants=[] is empty"),
    (lambda: match.array_containing("ab"), "variants='ab' is str"),
    (lambda: match.each_key({"a": 1}), "no matcher given"),
    (lambda: match.each_key({"a": 1}, "x"), "'x' is not a single-value matcher"),
    (lambda: match.each_value([1], match.integer(1)), "value=[1] is list"),
    (lambda: match.not_empty(""), "value='' is empty"),
    (lambda: match.semver("1.0"), "example='1.0' does not match"),
    (lambda: match.status_code("fine"), "status='fine' is not a status class"),
    (lambda: match.status_code([]), "status=[] is empty"),
    (lambda: match.status_code(["200"]), "status='200' is str"),
    (lambda: match.content_type("jpeg", b""), "value='jpeg' is not a media type"),
    (lambda: match.content_type("image/jpeg", 5), "example=5 is int"),
    (lambda: generate.random_int(5, 1), "min=5 is greater than max=1"),
    (lambda: generate.random_string(-1), "size=-1 is negative"),
    (lambda: generate.regex(r"\d", "x"), "example='x' does not match"),
    (lambda: generate.uuid("odd"), "format='odd' is unknown"),
    (lambda: generate.from_provider_state("id", 1), "has no ${...} placeholder"),
    (lambda: generate.mock_server_url(r"\d+", "http://x"), "does not match"),
]


def _row_id(row: tuple[object, str]) -> str:
    return row[1]


@pytest.mark.parametrize(("call", "words"), INVALID, ids=[_row_id(r) for r in INVALID])
def test_bad_arguments_fail_at_the_call_naming_the_argument(call, words):
    with pytest.raises(InvalidMatcher) as caught:
        call()
    assert words in str(caught.value)
    assert "; " in str(caught.value), "every message suggests a fix after a semicolon"
    assert isinstance(caught.value, TypeError)


REPRS = [
    (match.like({"name": "Mary"}), "like({'name': 'Mary'})"),
    (match.like(1, min=1), "like(1, min=1)"),
    (match.each_like(match.integer(1), min=2), "each_like(integer(1), min=2)"),
    (match.each_like("a"), "each_like('a')"),
    (match.integer(), "integer()"),
    (match.decimal(9.99), "decimal(9.99)"),
    (match.number(3), "number(3)"),
    (match.string("Mary"), "string('Mary')"),
    (match.boolean(False), "boolean(False)"),
    (match.null(), "null()"),
    (match.regex("12", pattern=r"\d+"), "regex('12', pattern='\\\\d+')"),
    (match.date("2024-01-31"), "date('2024-01-31')"),
    (match.time("13:45", format="HH:mm"), "time('13:45', format='HH:mm')"),
    (match.datetime("2024-01-31T13:45:30"), "datetime('2024-01-31T13:45:30')"),
    (match.uuid(), "uuid()"),
    (match.includes("world"), "includes('world')"),
    (match.equal(5), "equal(5)"),
    (match.values({"a": 1}), "values({'a': 1})"),
    (match.array_containing([{"a": 1}]), "array_containing([{'a': 1}])"),
    (
        match.each_key({"en": 1}, match.regex("en", pattern="[a-z]+")),
        "each_key({'en': 1}, regex('en', pattern='[a-z]+'))",
    ),
    (match.each_value({"a": 1}, match.integer(1)), "each_value({'a': 1}, integer(1))"),
    (match.not_empty([1]), "not_empty([1])"),
    (match.semver("1.2.3"), "semver('1.2.3')"),
    (match.status_code("success"), "status_code('success')"),
    (match.content_type("image/png", b"x"), "content_type('image/png', b'x')"),
    (generate.random_int(1, 100), "random_int(1, 100)"),
    (generate.uuid(), "uuid()"),
    (
        generate.from_provider_state("/u/${id}", example="/u/1"),
        "from_provider_state('/u/${id}', example='/u/1')",
    ),
]


@pytest.mark.parametrize(("matcher", "text"), REPRS, ids=[text for _, text in REPRS])
def test_repr_is_the_call_that_built_the_matcher(matcher, text):
    assert repr(matcher) == text


def test_nested_matchers_file_rules_under_their_paths():
    body = {
        "users": match.each_like(
            {"id": match.integer(1), "email": match.regex("a@b.co", pattern=r".+@.+")}, min=2
        ),
        "odd key": match.boolean(True),
    }
    example, rules, generators = extract_part(body, "body")
    assert example == {
        "users": [{"id": 1, "email": "a@b.co"}, {"id": 1, "email": "a@b.co"}],
        "odd key": True,
    }
    assert rules.to_json()["body"] == {
        "$.users": {"combine": "AND", "matchers": [{"match": "type", "min": 2}]},
        "$.users[*].id": {"combine": "AND", "matchers": [{"match": "integer"}]},
        "$.users[*].email": {"combine": "AND", "matchers": [{"match": "regex", "regex": ".+@.+"}]},
        "$['odd key']": {"combine": "AND", "matchers": [{"match": "boolean"}]},
    }
    assert generators.is_empty()


def test_matchers_without_values_attach_generators():
    _, rules, generators = extract_part(
        {"id": match.integer(min=1, max=9), "at": match.date()}, "body"
    )
    assert generators.to_json()["body"] == {
        "$.id": {"type": "RandomInt", "min": 1, "max": 9},
        "$.at": {"type": "Date", "format": "yyyy-MM-dd"},
    }
    assert rules.to_json()["body"]["$.at"]["matchers"] == [
        {"match": "date", "format": "yyyy-MM-dd"}
    ]


def test_python_dates_are_rendered_in_the_pact_format():
    assert match.date(dt.date(2024, 2, 3)).example() == "2024-02-03"
    assert match.datetime(dt.datetime(2024, 2, 3, 4, 5, 6)).example() == "2024-02-03T04:05:06"
    assert match.time(dt.time(4, 5), format="HH:mm").example() == "04:05"


def test_array_containing_records_variants_relative_to_the_element():
    _, rules, _ = extract_part(match.array_containing([{"id": match.integer(1)}, "x"]), "body")
    assert rules.to_json()["body"]["$"]["matchers"] == [
        {
            "match": "arrayContains",
            "variants": [
                {
                    "index": 0,
                    "rules": {"$.id": {"combine": "AND", "matchers": [{"match": "integer"}]}},
                },
                {"index": 1, "rules": {}},
            ],
        }
    ]


def test_each_key_and_each_value_carry_their_nested_rules():
    _, rules, _ = extract_part(
        {"m": match.each_key({"en": "hi"}, match.regex("en", pattern="[a-z]{2}"))}, "body"
    )
    assert rules.to_json()["body"]["$.m"]["matchers"] == [
        {"match": "eachKey", "rules": [{"match": "regex", "regex": "[a-z]{2}"}]}
    ]


def test_headers_and_query_rules_are_keyed_by_name():
    _, rules, _ = extract_part({"X-Id": [match.regex("12", pattern=r"\d+")]}, "header")
    assert rules.to_json() == {
        "header": {"X-Id": {"combine": "AND", "matchers": [{"match": "regex", "regex": "\\d+"}]}}
    }


def test_values_puts_the_value_rules_under_every_key():
    _, rules, _ = extract_part({"m": match.values({"en": match.string("Hi")})}, "body")
    assert rules.to_json()["body"] == {
        "$.m": {"combine": "AND", "matchers": [{"match": "values"}]},
        "$.m.*": {"combine": "AND", "matchers": [{"match": "type"}]},
    }
    _, rules, _ = extract_part({"m": match.values({"en": "Hi"})}, "body")
    assert rules.to_json()["body"]["$.m.*"] == {"combine": "AND", "matchers": [{"match": "type"}]}


def test_generators_also_match_what_they_generate():
    _, rules, generators = extract_part(
        {"n": generate.random_int(1, 9), "h": generate.random_hexadecimal(4)}, "body"
    )
    assert rules.to_json()["body"]["$.n"]["matchers"] == [{"match": "integer"}]
    assert rules.to_json()["body"]["$.h"]["matchers"] == [
        {"match": "regex", "regex": "[0-9a-fA-F]+"}
    ]
    assert generators.to_json()["body"]["$.n"] == {"type": "RandomInt", "min": 1, "max": 9}
