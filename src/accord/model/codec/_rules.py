"""Matching rules and generators in their per-version JSON forms.

V2 keys rules by one flat path whose second element names the part (`$.body.x`, `$.path`,
`$.query.a`, `$.header.X` or `$.headers.X`). V3/V4 group them by category. Readers accept both
forms in any version, because real files mix them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from accord.errors import InvalidPact, Issue
from accord.model.generators import Generators, parse_generators
from accord.model.paths import format_rule_path, parse_rule_path
from accord.model.rule_parsing import parse_categorised_rules, parse_rule_list
from accord.model.rules import MatchingRules, RuleList
from accord.model.spec import SpecVersion


def read_matching_rules(
    data: Any, spec: SpecVersion, where: str, issues: list[Issue], *, message: bool = False
) -> MatchingRules:
    if data is None:
        return MatchingRules()
    if not isinstance(data, Mapping):
        issues.append(Issue(where, f"matchingRules must be an object, got {type(data).__name__}"))
        return MatchingRules()
    if data and all(isinstance(key, str) and key.startswith("$") for key in data):
        return _read_flat_rules(data, where, issues, message=message)
    return parse_categorised_rules(data, where, issues)


def read_generators(data: Any, where: str, issues: list[Issue]) -> Generators:
    return parse_generators(data, where, issues)


def _read_flat_rules(
    data: Mapping[str, Any], where: str, issues: list[Issue], *, message: bool
) -> MatchingRules:
    rules = MatchingRules()
    for key, value in data.items():
        here = f"{where}['{key}']"
        try:
            path = parse_rule_path(key)
        except InvalidPact as error:
            issues.extend(Issue(here, issue.message) for issue in error.issues)
            continue
        parsed = parse_rule_list(value, here, issues)
        if parsed is None:
            continue
        tokens = path.tokens
        if not tokens:
            # `$` alone in a message pact means the whole body.
            rules.add("body", "$", parsed)
            continue
        part = tokens[0]
        rest = tokens[1:]
        if part == "body" or (message and part in ("contents", "content")):
            rules.add("body", format_rule_path(rest), parsed)
        elif part == "path":
            rules.add("path", "", parsed)
        elif part == "status":
            rules.add("status", "", parsed)
        elif part in ("query", "header", "headers", "metadata", "metaData"):
            if not rest:
                issues.append(Issue(here, f"a {part} rule needs a name after '$.{part}'"))
                continue
            category = {"headers": "header", "metaData": "metadata"}.get(str(part), str(part))
            rules.add(category, str(rest[0]), parsed)
        elif message:
            rules.add("body", format_rule_path(tokens), parsed)
        else:
            issues.append(
                Issue(
                    here,
                    f"unknown part {part!r}; V2 rule paths start with $.body, $.path, $.query or $.headers",
                )
            )
    return rules


def write_flat_rules(rules: MatchingRules) -> dict[str, Any]:
    """V2 form: one matcher per flat path (V2 cannot combine several)."""
    out: dict[str, Any] = {}
    for category in rules.categories():
        for key, rule_list in rules.category(category).items():
            if not rule_list.rules:
                continue
            flat_key = _flat_key(category, key)
            out[flat_key] = _first_matcher_v2(rule_list)
    return out


def _flat_key(category: str, key: str) -> str:
    if category == "body":
        tokens = parse_rule_path(key).tokens
        return format_rule_path(("body", *tokens))
    if category in ("path", "status"):
        return f"$.{category}"
    name = "headers" if category == "header" else category
    return format_rule_path((name, key))


def _first_matcher_v2(rule_list: RuleList) -> dict[str, Any]:
    return rule_list.rules[0].to_json()
