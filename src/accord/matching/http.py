"""Matching HTTP requests (strict) and responses (lenient), part by part.

Requests are strict about what a consumer sends: no unexpected body keys, no extra query parameters.
Responses are lenient about what a provider returns: extra body keys are fine. In both, expected
headers must be present, extra headers are fine, and extra array items are not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from accord.errors import Issue
from accord.matching import describe
from accord.matching.bodies import compare_bodies
from accord.matching.context import RuleContext
from accord.matching.headers import compare_headers
from accord.matching.mismatches import Mismatch, MismatchKind
from accord.matching.query import compare_query
from accord.matching.values import apply_rules, check_status, check_text
from accord.model import (
    MatchingRule,
    MatchingRules,
    Request,
    Response,
    RuleKind,
    RuleList,
    SpecVersion,
)
from accord.model.codec import read_request, read_response


def match_request(
    expected: Request | Mapping[str, Any],
    actual: Request | Mapping[str, Any],
    spec: str | SpecVersion = "v4",
) -> list[Mismatch]:
    """Every difference between the request a pact expects and the one received (strict rules).

    `expected`/`actual` are model Requests or dicts in the pact-file shape of `spec`; parts missing
    from an expected dict are not checked.
    """
    version = SpecVersion.parse(spec)
    wanted, specified = _request(expected, version)
    got, _ = _request(actual, version)
    rules = wanted.matching_rules
    found: list[Mismatch] = []
    if "method" in specified and wanted.method.upper() != got.method.upper():
        found.append(
            Mismatch(
                kind=MismatchKind.METHOD,
                expected=wanted.method,
                actual=got.method,
                message=describe.method(wanted.method.upper(), got.method.upper()),
            )
        )
    if "path" in specified:
        found.extend(_compare_path(wanted.path, got.path, rules.single("path")))
    if wanted.query is not None:
        found.extend(
            compare_query(
                wanted.query,
                got.query or {},
                lambda name: rules.by_name("query", name),
                ordered=version <= SpecVersion.V1,
            )
        )
    found.extend(compare_headers(wanted.headers, got.headers, _header_rules(rules)))
    context = RuleContext(rules.paths("body"), allow_unexpected_keys=False)
    found.extend(
        compare_bodies(
            wanted.body,
            got.body,
            context,
            expected_type=wanted.content_type(),
            actual_type=got.content_type(),
        )
    )
    return found


def match_response(
    expected: Response | Mapping[str, Any],
    actual: Response | Mapping[str, Any],
    spec: str | SpecVersion = "v4",
) -> list[Mismatch]:
    """Every difference between the response a pact expects and the one received (lenient rules)."""
    version = SpecVersion.parse(spec)
    wanted, specified = _response(expected, version)
    got, _ = _response(actual, version)
    rules = wanted.matching_rules
    found: list[Mismatch] = []
    if "status" in specified:
        found.extend(_compare_status(wanted.status, got.status, rules.single("status")))
    found.extend(compare_headers(wanted.headers, got.headers, _header_rules(rules)))
    context = RuleContext(rules.paths("body"), allow_unexpected_keys=True)
    found.extend(
        compare_bodies(
            wanted.body,
            got.body,
            context,
            expected_type=wanted.content_type(),
            actual_type=got.content_type(),
        )
    )
    return found


def _header_rules(rules: MatchingRules) -> Callable[[str], RuleList | None]:
    def rules_for(name: str) -> RuleList | None:
        return rules.by_name("header", name, case_insensitive=True)

    return rules_for


def _compare_path(expected: str, actual: str, rules: RuleList | None) -> list[Mismatch]:
    if rules is None:
        if expected == actual:
            return []
        messages = [describe.path(expected, actual)]
    else:
        messages = apply_rules(rules, check_text, expected, actual)
    return [
        Mismatch(kind=MismatchKind.PATH, expected=expected, actual=actual, message=message)
        for message in messages
    ]


def _compare_status(expected: int, actual: int, rules: RuleList | None) -> list[Mismatch]:
    if rules is None:
        messages = [] if expected == actual else [describe.status(expected, actual)]
    else:

        def check(rule: MatchingRule) -> str | None:
            if rule.kind is RuleKind.STATUS_CODE:
                return check_status(rule, actual)
            return check_text(rule, str(expected), str(actual))

        messages = apply_rules(rules, check)
    return [
        Mismatch(kind=MismatchKind.STATUS, expected=expected, actual=actual, message=message)
        for message in messages
    ]


def _request(value: Request | Mapping[str, Any], spec: SpecVersion) -> tuple[Request, set[str]]:
    if isinstance(value, Request):
        return value, {"method", "path"}
    issues: list[Issue] = []
    return read_request(value, spec, "$", issues), set(value)


def _response(value: Response | Mapping[str, Any], spec: SpecVersion) -> tuple[Response, set[str]]:
    if isinstance(value, Response):
        return value, {"status"}
    issues: list[Issue] = []
    return read_response(value, spec, "$", issues), set(value)
