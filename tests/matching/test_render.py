"""Mismatch data and its renderings."""

from __future__ import annotations

from accord.matching import Mismatch, MismatchKind, match_response
from accord.matching.render import render_ansi, render_json, render_text


def sample() -> list[Mismatch]:
    return match_response(
        {"status": 200, "headers": {"X": "a"}, "body": {"two": "b"}},
        {"status": 404, "headers": {"X": "b"}, "body": {"two": "c"}},
        spec="v3",
    )


def test_summaries_are_the_verifier_category_lines() -> None:
    assert [m.summary for m in sample()] == [
        "Response status did not match",
        "Headers had differences",
        "Body had differences",
    ]
    metadata = Mismatch(kind=MismatchKind.METADATA, path="k", message="m")
    assert metadata.summary == "Metadata had differences"


def test_str_and_json() -> None:
    body = sample()[2]
    assert str(body) == "$.two -> Expected 'c' (String) to be equal to 'b' (String)"
    assert body.to_json() == {
        "type": "body",
        "path": "$.two",
        "expected": "b",
        "actual": "c",
        "mismatch": "Expected 'c' (String) to be equal to 'b' (String)",
    }


def test_render_text_groups_by_category() -> None:
    assert render_text(sample()) == (
        "1) Response status did not match\n"
        "    Expected status 200 but was 404\n"
        "2) Headers had differences\n"
        "    Mismatch with header 'X': Expected 'b' to be equal to 'a'\n"
        "3) Body had differences\n"
        "    $.two -> Expected 'c' (String) to be equal to 'b' (String)"
    )


def test_render_ansi_and_json() -> None:
    text = render_ansi(sample())
    assert "\x1b[31mBody had differences\x1b[0m" in text
    assert "\x1b[1m$.two\x1b[0m -> " in text
    assert [item["type"] for item in render_json(sample())] == ["status", "header", "body"]
