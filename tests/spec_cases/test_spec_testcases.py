"""The official Pact specification test cases (V1–V4): every case's `match` must agree with ours.

The cases are read from the shared conformance folder, never copied into the repository. The folder
decides the comparison: request cases use strict request matching, response and message cases the
lenient rules. Ids are `version/kind/part/name`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from accord.matching import match_message, match_request, match_response
from tests.support import TESTCASES

MATCHERS = {"request": match_request, "response": match_response, "message": match_message}
EXPECTED_CASE_COUNT = 803


def _case_files() -> list[Path]:
    return sorted(TESTCASES.glob("*/*/*/*.json"))


def _case_id(path: Path) -> str:
    version, kind, part = path.parts[-4:-1]
    return f"{version}/{kind}/{part}/{path.stem}"


def load_case(path: Path) -> dict[str, Any]:
    # Two V1 files start with a byte-order mark.
    return json.loads(path.read_text(encoding="utf-8-sig"))


def run_case(path: Path) -> tuple[bool, list[Any]]:
    """(agrees with the case's `match`, our mismatches) for one case file."""
    version, kind = path.parts[-4], path.parts[-3]
    case = load_case(path)
    mismatches = MATCHERS[kind](case["expected"], case["actual"], spec=version)
    return (not mismatches) == case["match"], mismatches


CASES = _case_files()


def test_every_case_file_is_collected() -> None:
    assert len(CASES) == EXPECTED_CASE_COUNT


@pytest.mark.parametrize("path", CASES, ids=[_case_id(path) for path in CASES])
def test_spec_case(path: Path) -> None:
    agrees, mismatches = run_case(path)
    case = load_case(path)
    rendered = "\n".join(f"  {m.kind}: {m.path} -> {m.message}" for m in mismatches) or "  (none)"
    assert agrees, (
        f"{_case_id(path)}: expected match={case['match']} ({case.get('comment', '')}); "
        f"mismatches:\n{rendered}"
    )


def test_pass_count_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """Print how many cases agree (visible with `pytest -s` or in the captured output)."""
    passed = sum(run_case(path)[0] for path in CASES)
    with capsys.disabled():
        print(f"\nPact specification test cases: {passed}/{len(CASES)} agree")
    assert passed == len(CASES)
