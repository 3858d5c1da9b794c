"""What every interaction builder shares: provider states, V4 key, pending flag and comments, and
turning a body value (dict, list, str, bytes or matcher) into a model Body plus its rules.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self

from accord.consumer import _arguments as arg
from accord.consumer.extract import extract_into
from accord.consumer.matchers import Matcher, RuleMatcher
from accord.errors import InvalidMatcher, Issue
from accord.model import Body, Generators, MatchingRules, ProviderState, RuleKind
from accord.model.generators import parse_generators
from accord.model.rule_parsing import parse_categorised_rules


class InteractionBuilder:
    """Fluent setters common to HTTP, asynchronous-message and synchronous-message interactions."""

    def __init__(self, description: str) -> None:
        if not isinstance(description, str) or not description.strip():
            raise arg.fail(
                "upon_receiving",
                f"description={description!r} is empty",
                "describe the interaction, e.g. 'a request for user 1'",
            )
        self.description = description
        self.states: list[ProviderState] = []
        self.key: str | None = None
        self.pending = False
        self.comments: dict[str, Any] = {}

    def given(self, state: str, parameters: dict[str, Any] | None = None, /, **params: Any) -> Self:
        """Add a provider state, with optional parameters: `.given("user exists", id=1)`."""
        if not isinstance(state, str) or not state:
            raise arg.fail(
                "given", f"state={state!r} is not a state name", "pass a non-empty string"
            )
        merged = {**(parameters or {}), **params}
        try:
            json.dumps(merged)
        except (TypeError, ValueError) as error:
            raise arg.fail(
                "given",
                f"parameters={merged!r} are not JSON ({error})",
                "use JSON-compatible values",
            ) from None
        self.states.append(ProviderState(name=state, params=merged))
        return self

    def set_key(self, key: str) -> Self:
        """Give the interaction an explicit V4 key (otherwise a stable hash is written)."""
        self.key = key
        return self

    def set_pending(self, pending: bool = True) -> Self:
        """Mark the interaction pending: its failures do not fail provider verification (V4)."""
        self.pending = pending
        return self

    def add_text_comment(self, text: str) -> Self:
        """Add a free-text comment (V4 `comments.text`)."""
        self.comments.setdefault("text", []).append(text)
        return self

    def set_comment(self, key: str, value: Any) -> Self:
        """Set a named V4 comment such as `testname`."""
        self.comments[key] = value
        return self

    def test_name(self, name: str) -> Self:
        """Record the test that defines this interaction (V4 `comments.testname`)."""
        return self.set_comment("testname", name)


def make_body(
    value: Any,
    content_type: str | None,
    rules: MatchingRules,
    generators: Generators,
    *,
    default_json: str = "application/json",
) -> Body:
    """A model Body for `value`, adding its matchers' rules under the body category."""
    if isinstance(value, RuleMatcher) and any(r.kind is RuleKind.CONTENT_TYPE for r in value.rules):
        example = extract_into(value, "body", rules, generators)
        data = example.encode("utf-8") if isinstance(example, str) else example
        declared = content_type or str(value.rules[0].attrs.get("value"))
        return Body.from_bytes(data, declared)
    if isinstance(value, bytes | bytearray):
        return Body.from_bytes(bytes(value), content_type or "application/octet-stream")
    if isinstance(value, str) and not isinstance(value, Matcher):
        return Body.from_text(value, content_type or "text/plain")
    example = extract_into(value, "body", rules, generators)
    return Body.from_json(example, content_type or default_json)


def parse_raw_rules(data: Mapping[str, Any]) -> MatchingRules:
    """Matching rules given in V3/V4 pact-file JSON; a malformed one is an InvalidMatcher."""
    issues: list[Issue] = []
    rules = parse_categorised_rules(data, "matchingRules", issues)
    _raise_for(
        issues, "with_matching_rules", "{'body': {'$.id': {'matchers': [{'match': 'integer'}]}}}"
    )
    return rules


def parse_raw_generators(data: Mapping[str, Any]) -> Generators:
    """Generators given in pact-file JSON; a malformed one is an InvalidMatcher."""
    issues: list[Issue] = []
    generators = parse_generators(data, "generators", issues)
    _raise_for(issues, "with_generators", "{'body': {'$.id': {'type': 'RandomInt'}}}")
    return generators


def merge_rules(into: MatchingRules, extra: MatchingRules) -> None:
    for category in extra.categories():
        for key, rule_list in extra.category(category).items():
            into.add(category, key, rule_list)


def merge_generators(into: Generators, extra: Generators) -> None:
    for category in extra.categories():
        for key, generator in extra.category(category).items():
            into.add(category, key, generator)


def _raise_for(issues: list[Issue], function: str, example: str) -> None:
    if issues:
        problems = "; ".join(str(issue) for issue in issues)
        raise InvalidMatcher(f"{function}(): {problems}; use the pact-file form, e.g. {example}")
