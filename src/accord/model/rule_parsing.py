"""Parsing matching rules from pact JSON: one matcher, a rule list, and the categorised map.

Rules are validated as they are parsed, so a bad regex or an unknown matcher is reported with its
JSON path before any matching happens. A regex that does not compile is only a warning: lenient
loading keeps the pact, strict validation rejects it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from accord.errors import Issue
from accord.model.categories import walk_categories
from accord.model.regexes import compile_pattern
from accord.model.rules import (
    _ALIASES,
    STATUS_CLASSES,
    ArrayVariant,
    Combine,
    MatchingRule,
    MatchingRules,
    RuleKind,
    RuleList,
    _as_int,
)


def parse_rule(data: Any, where: str, issues: list[Issue]) -> MatchingRule | None:
    """Parse one matcher object; on error record an Issue at `where` and return None."""
    if not isinstance(data, Mapping):
        issues.append(Issue(where, f"a matcher must be an object, got {_describe_json(data)}"))
        return None
    attrs = {key: value for key, value in data.items() if key != "match"}
    name = data.get("match")
    if name is None:
        name = _infer_name(attrs)
        if name is None:
            issues.append(
                Issue(
                    where,
                    f"matcher has no 'match' attribute and its type cannot be inferred from {sorted(attrs)}",
                )
            )
            return None
    if not isinstance(name, str):
        issues.append(Issue(where, f"'match' must be a string, got {_describe_json(name)}"))
        return None
    kind = _kind_of(name)
    if kind is None:
        known = ", ".join(kind.value for kind in RuleKind)
        issues.append(
            Issue(f"{where}.match", f"unknown matcher {name!r}; known matchers are {known}")
        )
        return None
    before = len(issues)
    children: tuple[MatchingRule, ...] = ()
    variants: tuple[ArrayVariant, ...] = ()
    _check_attrs(kind, attrs, where, issues)
    if kind in (RuleKind.EACH_KEY, RuleKind.EACH_VALUE):
        nested = attrs.pop("rules", [])
        if not isinstance(nested, list):
            issues.append(
                Issue(f"{where}.rules", f"must be a list of matchers, got {_describe_json(nested)}")
            )
            nested = []
        parsed = [parse_rule(item, f"{where}.rules[{i}]", issues) for i, item in enumerate(nested)]
        children = tuple(rule for rule in parsed if rule is not None)
    if kind is RuleKind.ARRAY_CONTAINS:
        raw_variants = attrs.pop("variants", None)
        if not isinstance(raw_variants, list):
            issues.append(
                Issue(
                    f"{where}.variants",
                    f"arrayContains needs a list of variants, got {_describe_json(raw_variants)}",
                )
            )
            raw_variants = []
        variants = tuple(
            variant
            for i, item in enumerate(raw_variants)
            if (variant := _parse_variant(item, f"{where}.variants[{i}]", issues)) is not None
        )
    if any(issue.severity == "error" for issue in issues[before:]):
        return None
    return MatchingRule(kind=kind, attrs=attrs, children=children, variants=variants)


def parse_rule_list(data: Any, where: str, issues: list[Issue]) -> RuleList | None:
    """Parse `{"matchers": [...], "combine": "AND"}` (a bare matcher object is accepted too)."""
    if not isinstance(data, Mapping):
        issues.append(
            Issue(where, f"expected an object with 'matchers', got {_describe_json(data)}")
        )
        return None
    if "matchers" not in data:
        rule = parse_rule(data, where, issues)
        return RuleList(rules=(rule,)) if rule else None
    matchers = data["matchers"]
    if not isinstance(matchers, list):
        issues.append(Issue(f"{where}.matchers", f"must be a list, got {_describe_json(matchers)}"))
        return None
    combine_text = data.get("combine", "AND")
    try:
        combine = Combine(str(combine_text).upper())
    except ValueError:
        issues.append(Issue(f"{where}.combine", f"must be 'AND' or 'OR', got {combine_text!r}"))
        combine = Combine.AND
    rules = [parse_rule(item, f"{where}.matchers[{i}]", issues) for i, item in enumerate(matchers)]
    return RuleList(rules=tuple(rule for rule in rules if rule is not None), combine=combine)


def parse_categorised_rules(data: Any, where: str, issues: list[Issue]) -> MatchingRules:
    """Parse V3/V4 `matchingRules`: `{category: {key: ruleList}}` or `{path|status: ruleList}`."""
    rules = MatchingRules()
    if data is None:
        return rules
    if not isinstance(data, Mapping):
        issues.append(Issue(where, f"matchingRules must be an object, got {_describe_json(data)}"))
        return rules
    walk_categories(
        data,
        where,
        issues,
        is_single_entry=lambda entries: "matchers" in entries or "match" in entries,
        parse_entry=parse_rule_list,
        add=rules.add,
    )
    return rules


def _parse_variant(data: Any, where: str, issues: list[Issue]) -> ArrayVariant | None:
    if not isinstance(data, Mapping):
        issues.append(Issue(where, f"a variant must be an object, got {_describe_json(data)}"))
        return None
    index = data.get("index")
    if not isinstance(index, int) or isinstance(index, bool) or index < 0:
        issues.append(
            Issue(f"{where}.index", f"must be a non-negative integer, got {_describe_json(index)}")
        )
        return None
    raw_rules = data.get("rules") or {}
    # Variant rules are keyed by path directly, or wrapped in a "body" category.
    if isinstance(raw_rules, Mapping) and set(raw_rules) <= {"body", "content"} and raw_rules:
        raw_rules = raw_rules.get("body") or raw_rules.get("content")
    variant_rules = parse_categorised_rules({"body": raw_rules}, f"{where}.rules", issues)
    generators = data.get("generators") or {}
    return ArrayVariant(index=index, rules=variant_rules, generators=generators)


def _infer_name(attrs: Mapping[str, Any]) -> str | None:
    if "regex" in attrs:
        return "regex"
    if "min" in attrs or "max" in attrs:
        return "type"
    for key in ("timestamp", "datetime", "time", "date"):
        if key in attrs:
            return key
    return None


def _kind_of(name: str) -> RuleKind | None:
    try:
        return RuleKind(name)
    except ValueError:
        return _ALIASES.get(name)


def _check_attrs(kind: RuleKind, attrs: dict[str, Any], where: str, issues: list[Issue]) -> None:
    if kind is RuleKind.REGEX:
        regex = attrs.get("regex")
        if not isinstance(regex, str):
            issues.append(
                Issue(
                    f"{where}.regex",
                    f"regex matcher needs a 'regex' string, got {_describe_json(regex)}",
                )
            )
        else:
            try:
                compile_pattern(regex)
            except re.error as error:
                issues.append(
                    Issue(
                        f"{where}.regex",
                        f"invalid regular expression {regex!r}: {error.msg}",
                        "warning",
                    )
                )
    if kind is RuleKind.TYPE:
        for bound in ("min", "max"):
            if bound in attrs:
                value = _as_int(attrs[bound])
                if value is None or value < 0:
                    issues.append(
                        Issue(
                            f"{where}.{bound}",
                            f"must be a non-negative integer, got {_describe_json(attrs[bound])}",
                        )
                    )
        low, high = _as_int(attrs.get("min")), _as_int(attrs.get("max"))
        if low is not None and high is not None and low > high:
            issues.append(Issue(where, f"min={low} is greater than max={high}"))
    if kind is RuleKind.INCLUDE and not isinstance(attrs.get("value"), str):
        issues.append(
            Issue(
                f"{where}.value",
                f"include matcher needs a 'value' string, got {_describe_json(attrs.get('value'))}",
            )
        )
    if kind is RuleKind.CONTENT_TYPE and not isinstance(attrs.get("value"), str):
        issues.append(
            Issue(
                f"{where}.value",
                f"contentType matcher needs a 'value' string, got {_describe_json(attrs.get('value'))}",
            )
        )
    if kind in (RuleKind.DATE, RuleKind.TIME, RuleKind.TIMESTAMP):
        fmt = attrs.get("format", attrs.get(kind.value, attrs.get("datetime")))
        if fmt is not None and not isinstance(fmt, str):
            issues.append(
                Issue(
                    f"{where}.format",
                    f"must be a date/time pattern string, got {_describe_json(fmt)}",
                )
            )
    if kind is RuleKind.STATUS_CODE:
        status = attrs.get("status")
        valid = status in STATUS_CLASSES or (
            isinstance(status, list)
            and all(isinstance(code, int) and not isinstance(code, bool) for code in status)
        )
        if not valid:
            issues.append(
                Issue(
                    f"{where}.status",
                    f"must be one of {', '.join(STATUS_CLASSES)} or a list of status codes, got {_describe_json(status)}",
                )
            )


def _describe_json(value: Any) -> str:
    names = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
    }
    if value is None:
        return "null"
    return f"{names.get(type(value), type(value).__name__)} {value!r}"[:120]
