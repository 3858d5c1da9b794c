"""JSON bodies: strict requests versus lenient responses, arrays, and collection rules."""

from __future__ import annotations

from tests.matching.helpers import compare_bodies, messages


def test_requests_reject_unexpected_keys_responses_allow_them() -> None:
    expected, actual = {"a": 1}, {"a": 1, "b": None}
    assert messages(compare_bodies(expected, actual, request=True)) == [
        "Expected a Map with keys [a] but received one with keys [a, b]"
    ]
    assert compare_bodies(expected, actual) == []


def test_missing_keys_fail_in_responses() -> None:
    found = compare_bodies({"a": 1, "b": 2}, {"a": 1})
    assert messages(found) == ["Actual map is missing the following keys: b"]
    assert found[0].path == "$"


def test_extra_array_items_fail_without_a_rule() -> None:
    found = compare_bodies({"a": [1]}, {"a": [1, 2]})
    assert messages(found) == ["Expected a List with 1 elements but received 2 elements"]


def test_each_like_compares_every_item_with_the_first_example() -> None:
    rules = {"$.a": [{"match": "type", "min": 1}]}
    assert compare_bodies({"a": [{"n": 1}]}, {"a": [{"n": 2}, {"n": 3}]}, rules) == []
    found = compare_bodies({"a": [{"n": 1}]}, {"a": [{"n": 2}, {"n": "x"}]}, rules)
    assert messages(found) == ["Expected 'x' (String) to be the same type as 1 (Integer)"]
    assert found[0].path == "$.a[1].n"


def test_a_more_specific_rule_wins_over_a_cascading_one() -> None:
    rules = {"$.one": [{"match": "type"}], "$.one.status": [{"match": "equality"}]}
    expected = {"one": {"status": "OK", "name": "x"}}
    found = compare_bodies(expected, {"one": {"status": "Lovely", "name": "y"}}, rules)
    assert messages(found) == ["Expected 'Lovely' (String) to be equal to 'OK' (String)"]


def test_structure_type_mismatch_wording() -> None:
    found = compare_bodies({"a": ["b"]}, {"a": "b"})
    assert messages(found) == [
        "Type mismatch: Expected 'b' (String) to be the same type as [\"b\"] (Array)"
    ]


def test_values_matcher_ignores_keys_and_checks_types() -> None:
    rules = {"$": [{"match": "values"}], "$.*": [{"match": "type"}]}
    assert compare_bodies({"one": "a"}, {"x": "b", "y": "c"}, rules, request=True) == []
    found = compare_bodies({"one": "a"}, {"x": 1}, rules, request=True)
    assert messages(found) == ["Expected 1 (Integer) to be the same type as 'a' (String)"]


def test_each_key_and_each_value() -> None:
    each_key = {"$": [{"match": "eachKey", "rules": [{"match": "regex", "regex": "[a-z]+"}]}]}
    found = compare_bodies({"one": "a"}, {"one": "a", "100": "b"}, each_key, request=True)
    assert [(m.path, m.message) for m in found] == [("$[100]", "Expected '100' to match '[a-z]+'")]
    each_value = {"$": [{"match": "eachValue", "rules": [{"match": "regex", "regex": "[a-z]+"}]}]}
    found = compare_bodies({"one": "a"}, {"x": "b", "y": "100"}, each_value, request=True)
    assert [(m.path, m.message) for m in found] == [("$.y", "Expected '100' to match '[a-z]+'")]


def test_array_contains_finds_each_variant_anywhere() -> None:
    rules = {
        "$.a": [
            {
                "match": "arrayContains",
                "variants": [
                    {"index": 0, "rules": {"$.id": {"matchers": [{"match": "type"}]}}},
                    {"index": 1, "rules": {}},
                ],
            }
        ]
    }
    expected = {"a": [{"id": 1}, {"kind": "x"}]}
    assert compare_bodies(expected, {"a": [{"kind": "x"}, {"id": 99}, {"other": 1}]}, rules) == []
    found = compare_bodies(expected, {"a": [{"id": 5}]}, rules)
    assert messages(found) == ['Variant at index 1 ({"kind":"x"}) was not found in the actual list']
