"""Headers: case-insensitive names, comma-split values, parameterised Content-Type and Accept."""

from __future__ import annotations

import pytest

from accord.matching import MismatchKind, match_request


def compare(expected: dict[str, str], actual: dict[str, str], spec: str = "v3") -> list[str]:
    found = match_request(
        {"method": "GET", "path": "/", "headers": expected},
        {"method": "GET", "path": "/", "headers": actual},
        spec=spec,
    )
    assert all(m.kind is MismatchKind.HEADER for m in found)
    return [m.message for m in found]


def test_names_are_case_insensitive_and_extra_headers_are_fine() -> None:
    assert compare({"X-Test": "a"}, {"x-test": "a", "X-Other": "b"}) == []


def test_a_missing_header_is_named() -> None:
    assert compare({"X-TEST": "a"}, {}) == ["Expected a header 'X-TEST' but was missing"]


def test_values_are_case_sensitive() -> None:
    assert compare({"X": "alligators"}, {"X": "Alligators"}) == [
        "Mismatch with header 'X': Expected 'Alligators' to be equal to 'alligators'"
    ]


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ("application/json", "application/json;charset=UTF-8"),
        ("application/json;charset=UTF-8", "application/json; charset=utf-8"),
        ("text/x-okie; charset=iso-8859-1; a=b", "text/x-okie; a=b; charset=iso-8859-1"),
    ],
)
def test_content_type_parameters_that_match(expected: str, actual: str) -> None:
    assert compare({"Content-Type": expected}, {"Content-Type": actual}) == []


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ("application/json;charset=UTF-8", "application/json"),
        ("application/json;charset=UTF-16", "application/json;charset=UTF-8"),
        ("application/json", "application/xml"),
    ],
)
def test_content_type_parameters_that_do_not_match(expected: str, actual: str) -> None:
    assert compare({"content-type": expected}, {"content-type": actual}) == [
        "Mismatch with header 'content-type': "
        f"Expected header 'content-type' to have value '{expected}' but was '{actual}'"
    ]


def test_accept_items_may_add_parameters_but_not_go_missing() -> None:
    expected = "text/html, application/xml, */*"
    assert (
        compare({"Accept": expected}, {"Accept": "text/html, application/xml;q=0.9, */*;q=0.8"})
        == []
    )
    assert compare({"Accept": expected}, {"Accept": "text/html, */*;q=0.8"}) != []


def test_comma_separated_values_keep_their_order_but_not_their_spacing() -> None:
    assert compare({"Accept": "alligators,hippos"}, {"Accept": "alligators, hippos"}) == []
    assert compare({"Accept": "alligators, hippos"}, {"Accept": "hippos, alligators"}) != []


def test_a_date_header_is_not_split_on_its_comma() -> None:
    value = "Mon, 01 Dec 2008 01:15:39 GMT"
    assert compare({"Date": value}, {"Date": value}) == []


def test_regex_rule_on_a_header_v2_flat_form() -> None:
    found = match_request(
        {
            "method": "GET",
            "path": "/",
            "headers": {"X-Test": "1"},
            "matchingRules": {"$.header.x-test": {"match": "regex", "regex": "\\d{1,4}"}},
        },
        {"method": "GET", "path": "/", "headers": {"X-Test": "9999ABC"}},
        spec="v2",
    )
    assert [m.message for m in found] == [
        "Mismatch with header 'X-Test': Expected '9999ABC' to match '\\d{1,4}'"
    ]
