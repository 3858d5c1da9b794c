"""The public facade of accord.matching: what it exports and the input forms it accepts."""

from __future__ import annotations

import dataclasses

import pytest

import accord.matching
from accord.matching import Mismatch, MismatchKind, match_message, match_request, match_response
from accord.model import SpecVersion
from accord.model.codec import read_message_contents, read_request, read_response


def test_exports_are_sorted_and_complete() -> None:
    assert accord.matching.__all__ == sorted(accord.matching.__all__)
    assert set(accord.matching.__all__) == {
        "Mismatch",
        "MismatchKind",
        "match_message",
        "match_request",
        "match_response",
    }


def test_mismatch_is_a_frozen_keyword_only_value() -> None:
    mismatch = Mismatch(kind=MismatchKind.BODY, path="$.a", expected=1, actual=2, message="m")
    with pytest.raises(dataclasses.FrozenInstanceError):
        mismatch.path = "$.b"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Mismatch(MismatchKind.BODY)  # type: ignore[misc]


def test_dicts_and_model_objects_give_the_same_answer() -> None:
    expected = {"method": "POST", "path": "/a", "query": {"q": ["1"]}, "body": {"a": 1}}
    actual = {"method": "POST", "path": "/a", "query": {"q": ["2"]}, "body": {"a": 2}}
    from_dicts = match_request(expected, actual, spec="v3")
    from_models = match_request(
        read_request(expected, SpecVersion.V3, "$", []),
        read_request(actual, SpecVersion.V3, "$", []),
        spec=SpecVersion.V3,
    )
    assert from_dicts == from_models
    assert [m.kind for m in from_dicts] == [MismatchKind.QUERY, MismatchKind.BODY]

    response = {"status": 200, "body": {"a": 1}}
    assert match_response(response, {"status": 200, "body": {"a": 1, "b": 2}}) == []
    assert (
        match_response(
            read_response(response, SpecVersion.V4, "$", []),
            read_response({"status": 500}, SpecVersion.V4, "$", []),
        )
        != []
    )

    message = {"contents": {"a": 1}, "metaData": {"k": "v"}}
    assert match_message(message, {"contents": {"a": 1}, "metaData": {"k": "v"}}, "v3") == []
    expected_message = read_message_contents(message, SpecVersion.V3, "$", [])
    actual_message = read_message_contents({"contents": {"a": 1}}, SpecVersion.V3, "$", [])
    assert [m.message for m in match_message(expected_message, actual_message)] == [
        "Expected message metadata 'k' but was missing"
    ]


def test_parts_missing_from_an_expected_dict_are_not_checked() -> None:
    assert match_request({"path": "/a"}, {"method": "DELETE", "path": "/a", "body": "x"}) == []
    assert match_response({}, {"status": 500, "headers": {"X": "y"}}) == []
