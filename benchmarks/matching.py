"""Micro-benchmark of the matching engine: microseconds per comparison.

Two workloads, both matched as responses with V3 rules:

* a nested JSON body of 200 leaf fields (20 groups of 10) under type, regex and each-like rules;
* an array of 1,000 objects checked against one each-like example.

Run with `.venv/bin/python benchmarks/matching.py`. Each figure is the best of several timed rounds
(`time.perf_counter`), each round running the comparison enough times to take about 0.2 s.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable
from typing import Any

from accord.matching import match_response
from accord.model import Response
from accord.model.codec import read_response
from accord.model.spec import SpecVersion


def nested_body_case() -> tuple[Response, Response]:
    """200 leaves: 20 groups × (5 typed strings, 3 regex-checked ids, 1 number, 1 each-like list)."""
    expected_body: dict[str, Any] = {}
    actual_body: dict[str, Any] = {}
    rules: dict[str, Any] = {}
    for group in range(20):
        name = f"group{group}"
        expected_group: dict[str, Any] = {}
        actual_group: dict[str, Any] = {}
        for field in range(5):
            expected_group[f"text{field}"] = "example"
            actual_group[f"text{field}"] = f"value {group}-{field}"
        for field in range(3):
            expected_group[f"id{field}"] = "AB-0001"
            actual_group[f"id{field}"] = f"XY-{group:02d}{field:02d}"
            rules[f"$.{name}.id{field}"] = {
                "matchers": [{"match": "regex", "regex": "[A-Z]{2}-\\d{4}"}]
            }
        expected_group["count"] = 1
        actual_group["count"] = group * 10
        expected_group["tags"] = [{"label": "a"}]
        actual_group["tags"] = [{"label": f"t{i}"} for i in range(3)]
        rules[f"$.{name}.tags"] = {"matchers": [{"match": "type", "min": 1}]}
        expected_body[name] = expected_group
        actual_body[name] = actual_group
    rules["$.*"] = {"matchers": [{"match": "type"}]}
    return _pair(expected_body, actual_body, rules)


def large_array_case() -> tuple[Response, Response]:
    """1,000 objects compared with the first example through an each-like (min type) rule."""
    expected_body = {"items": [{"id": 1, "name": "first", "email": "a@example.com"}]}
    actual_body = {
        "items": [
            {"id": index, "name": f"item {index}", "email": f"user{index}@example.com"}
            for index in range(1000)
        ]
    }
    rules = {
        "$.items": {"matchers": [{"match": "type", "min": 1}]},
        "$.items[*].email": {"matchers": [{"match": "regex", "regex": "[^@]+@[^@]+"}]},
    }
    return _pair(expected_body, actual_body, rules)


def _pair(
    expected_body: Any, actual_body: Any, body_rules: dict[str, Any]
) -> tuple[Response, Response]:
    headers = {"Content-Type": "application/json"}
    expected = read_response(
        {
            "status": 200,
            "headers": headers,
            "body": expected_body,
            "matchingRules": {"body": body_rules},
        },
        SpecVersion.V3,
        "$",
        [],
    )
    actual = read_response(
        {"status": 200, "headers": headers, "body": actual_body}, SpecVersion.V3, "$", []
    )
    return expected, actual


def microseconds_per_call(run: Callable[[], object], rounds: int = 5, budget: float = 0.2) -> float:
    """Best-of-`rounds` mean time of `run` in microseconds."""
    run()  # warm caches (parsed rule paths, compiled regexes) as a long test run would
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            run()
        if time.perf_counter() - start >= budget / 4:
            break
        calls *= 2
    calls = max(1, int(calls * budget / max(time.perf_counter() - start, 1e-9)))
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            run()
        best = min(best, (time.perf_counter() - start) / calls)
    return best * 1e6


def main() -> None:
    for label, build in (
        ("200-field nested JSON body (type, regex, each-like)", nested_body_case),
        ("1,000-element array (each-like + regex)", large_array_case),
    ):
        expected, actual = build()
        mismatches = match_response(expected, actual)
        assert not mismatches, [str(m) for m in mismatches]
        figure = microseconds_per_call(lambda e=expected, a=actual: match_response(e, a))
        print(f"{label}: {figure:,.0f} µs per comparison")
    print(f"Python {platform.python_version()} on {platform.machine()}")


if __name__ == "__main__":
    main()
