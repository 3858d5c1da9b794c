"""XML bodies: namespaces by URI, attributes, children and text."""

from __future__ import annotations

from accord.matching import match_request, match_response


def response(body: str, rules: dict[str, object] | None = None) -> dict[str, object]:
    part: dict[str, object] = {"headers": {"Content-Type": "application/xml"}, "body": body}
    if rules:
        part["matchingRules"] = {"body": {k: {"matchers": v} for k, v in rules.items()}}
    return part


def compare(expected: str, actual: str, rules: dict[str, object] | None = None) -> list[str]:
    return [m.message for m in match_response(response(expected, rules), response(actual), "v3")]


def test_namespace_prefixes_do_not_matter_uris_do() -> None:
    expected = '<a:alligator xmlns:a="urn:alligators"/>'
    assert compare(expected, '<b:alligator xmlns:b="urn:alligators"/>') == []
    assert compare(expected, '<a:alligator xmlns:a="urn:crocodiles"/>') == [
        "Expected 'urn:alligators:alligator' to be equal to 'urn:crocodiles:alligator'"
    ]


def test_an_unexpected_default_namespace_fails() -> None:
    assert compare("<alligator/>", '<alligator xmlns="urn:alligators"/>') != []


def test_attribute_order_does_not_matter_values_do() -> None:
    assert compare('<a x="1" y="2"/>', '<a y="2" x="1"/>') == []
    found = match_response(response('<a x="1"/>'), response('<a x="2"/>'), "v3")
    assert [(m.path, m.message) for m in found] == [("$.a.@x", "Expected '2' to be equal to '1'")]


def test_missing_child_wording_and_lenient_extra_children() -> None:
    expected = "<values><one>A</one><two>B</two></values>"
    assert compare(expected, "<values><one>A</one></values>") == [
        "Expected child <two/> but was missing"
    ]
    assert compare(expected, "<values><one>A</one><two>B</two><three/></values>") == []


def test_requests_reject_unexpected_children() -> None:
    def request(body: str) -> dict[str, object]:
        return {"method": "POST", "path": "/", **response(body)}

    found = match_request(request("<a><b/></a>"), request("<a><b/><c/></a>"), "v3")
    assert [m.message for m in found] == ["Unexpected child <c/>"]


def test_text_and_regex_rules() -> None:
    rules = {"$.animal.name['#text']": [{"match": "regex", "regex": "[A-Z][a-z]+"}]}
    expected = "<animal><name>Mary</name></animal>"
    assert compare(expected, "<animal><name>Harry</name></animal>", rules) == []
    assert compare(expected, "<animal><name>harry</name></animal>", rules) == [
        "Expected 'harry' to match '[A-Z][a-z]+'"
    ]


def test_unparseable_xml_is_a_mismatch_not_an_exception() -> None:
    found = compare("<a/>", "<a>")
    assert len(found) == 1
    assert found[0].startswith("Failed to parse the actual body: ")
