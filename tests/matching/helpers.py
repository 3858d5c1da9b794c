"""Small builders for matching unit tests: V3-shaped dicts for responses and requests."""

from __future__ import annotations

from typing import Any

from accord.matching import Mismatch, match_request, match_response


def body_rules(rules: dict[str, Any]) -> dict[str, Any]:
    """V3 `matchingRules` for the body: `{"$.a": [matcher, ...]}` → categorised JSON."""
    return {"body": {path: {"matchers": matchers} for path, matchers in rules.items()}}


def compare_bodies(
    expected: Any, actual: Any, rules: dict[str, Any] | None = None, *, request: bool = False
) -> list[Mismatch]:
    """Compare two JSON bodies as a response (lenient) or a request (strict)."""
    expected_part: dict[str, Any] = {"body": expected}
    if rules:
        expected_part["matchingRules"] = body_rules(rules)
    if request:
        return match_request(
            {"method": "POST", "path": "/", **expected_part},
            {"method": "POST", "path": "/", "body": actual},
            spec="v3",
        )
    return match_response(expected_part, {"status": 200, "body": actual}, spec="v3")


def messages(mismatches: list[Mismatch]) -> list[str]:
    return [mismatch.message for mismatch in mismatches]
