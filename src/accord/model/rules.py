"""Matching rules as data: one rule, a rule list combined with AND/OR, and the per-category map.

The JSON forms differ per spec version (V2 flat `$.body.x` keys, V3/V4 categories); the codec turns
them into these types. Rules are validated when parsed, so a bad regex or an unknown matcher is
reported with its JSON path before any matching happens.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from accord.errors import Issue
from accord.model.categories import SINGLE_VALUE_CATEGORIES, normalise_category, walk_categories
from accord.model.paths import RulePath, parse_rule_path
from accord.model.regexes import compile_pattern


class RuleKind(enum.StrEnum):
    """Every matcher of the Pact specification, by its JSON `match` name."""

    EQUALITY = "equality"
    REGEX = "regex"
    TYPE = "type"  # also min/max type: the bounds live in the rule's attributes
    INCLUDE = "include"
    INTEGER = "integer"
    DECIMAL = "decimal"
    NUMBER = "number"
    NULL = "null"
    BOOLEAN = "boolean"
    DATE = "date"
    TIME = "time"
    TIMESTAMP = "timestamp"
    CONTENT_TYPE = "contentType"
    VALUES = "values"
    ARRAY_CONTAINS = "arrayContains"
    STATUS_CODE = "statusCode"
    NOT_EMPTY = "notEmpty"
    SEMVER = "semver"
    EACH_KEY = "eachKey"
    EACH_VALUE = "eachValue"


_ALIASES = {
    "min-type": RuleKind.TYPE,
    "max-type": RuleKind.TYPE,
    "minType": RuleKind.TYPE,
    "maxType": RuleKind.TYPE,
    "datetime": RuleKind.TIMESTAMP,
    "dateTime": RuleKind.TIMESTAMP,
    "content-type": RuleKind.CONTENT_TYPE,
    "array-contains": RuleKind.ARRAY_CONTAINS,
    "status-code": RuleKind.STATUS_CODE,
    "not-empty": RuleKind.NOT_EMPTY,
    "each-key": RuleKind.EACH_KEY,
    "each-value": RuleKind.EACH_VALUE,
    "real": RuleKind.DECIMAL,
}

STATUS_CLASSES = ("info", "success", "redirect", "clientError", "serverError", "nonError", "error")


class Combine(enum.StrEnum):
    AND = "AND"
    OR = "OR"


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchingRule:
    """One matcher with its attributes, e.g. `MatchingRule(kind=REGEX, attrs={"regex": "\\d+"})`."""

    kind: RuleKind
    attrs: Mapping[str, Any] = field(default_factory=dict)
    # For eachKey/eachValue: the nested rules; for arrayContains: parsed variants.
    children: tuple[MatchingRule, ...] = ()
    variants: tuple[ArrayVariant, ...] = ()

    @property
    def min(self) -> int | None:
        return _as_int(self.attrs.get("min"))

    @property
    def max(self) -> int | None:
        return _as_int(self.attrs.get("max"))

    @property
    def regex(self) -> str:
        return str(self.attrs.get("regex", ""))

    @property
    def format(self) -> str | None:
        fmt = self.attrs.get("format")
        if fmt is None:
            fmt = self.attrs.get(self.kind.value) or self.attrs.get("datetime")
        return fmt if isinstance(fmt, str) else None

    @property
    def value(self) -> Any:
        return self.attrs.get("value")

    @property
    def status(self) -> Any:
        return self.attrs.get("status")

    def to_json(self) -> dict[str, Any]:
        """The rule's JSON form as V3/V4 pact files write it."""
        out: dict[str, Any] = {"match": self.kind.value, **self.attrs}
        if self.kind in (RuleKind.EACH_KEY, RuleKind.EACH_VALUE):
            out["rules"] = [child.to_json() for child in self.children]
        if self.kind is RuleKind.ARRAY_CONTAINS:
            out["variants"] = [variant.to_json() for variant in self.variants]
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class ArrayVariant:
    """One variant of an arrayContains rule: the example element at `index` and its own rules."""

    index: int
    rules: MatchingRules
    generators: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"index": self.index, "rules": self.rules.category_to_json("body")}
        if self.generators:
            out["generators"] = dict(self.generators)
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleList:
    """The matchers that apply at one path or key, combined with AND (default) or OR."""

    rules: tuple[MatchingRule, ...]
    combine: Combine = Combine.AND

    def to_json(self) -> dict[str, Any]:
        return {"combine": self.combine.value, "matchers": [rule.to_json() for rule in self.rules]}

    def has(self, kind: RuleKind) -> bool:
        return any(rule.kind is kind for rule in self.rules)


class MatchingRules:
    """Rules by category (`body`, `header`, `query`, `path`, `status`, `metadata`) and key.

    Body keys are path expressions; header/query/metadata keys are names; path and status use "".
    """

    __slots__ = ("_categories", "_parsed")

    def __init__(self, categories: Mapping[str, Mapping[str, RuleList]] | None = None) -> None:
        self._categories: dict[str, dict[str, RuleList]] = {}
        self._parsed: dict[str, list[tuple[RulePath, RuleList]]] = {}
        for category, entries in (categories or {}).items():
            for key, rule_list in entries.items():
                self.add(category, key, rule_list)

    def add(self, category: str, key: str, rule_list: RuleList) -> None:
        """Add (or replace) the rule list for `key` in `category`."""
        category = normalise_category(category)
        self._categories.setdefault(category, {})[key] = rule_list
        self._parsed.pop(category, None)

    def category(self, name: str) -> dict[str, RuleList]:
        return self._categories.get(normalise_category(name), {})

    def categories(self) -> Iterator[str]:
        return iter(self._categories)

    def is_empty(self) -> bool:
        return not any(self._categories.values())

    def single(self, category: str) -> RuleList | None:
        """The rule list of a single-value category (path, status)."""
        entries = self.category(category)
        if "" in entries:
            return entries[""]
        return next(iter(entries.values()), None) if entries else None

    def by_name(
        self, category: str, name: str, *, case_insensitive: bool = False
    ) -> RuleList | None:
        """Rules for a header/query/metadata name."""
        entries = self.category(category)
        if name in entries:
            return entries[name]
        if case_insensitive:
            lowered = name.lower()
            for key, value in entries.items():
                if key.lower() == lowered:
                    return value
        return None

    def paths(self, category: str) -> list[tuple[RulePath, RuleList]]:
        """Parsed path expressions of a path-keyed category (body), cached."""
        category = normalise_category(category)
        parsed = self._parsed.get(category)
        if parsed is None:
            parsed = [
                (parse_rule_path(key), value) for key, value in self.category(category).items()
            ]
            self._parsed[category] = parsed
        return parsed

    def category_to_json(self, category: str) -> dict[str, Any]:
        entries = self.category(category)
        if category in SINGLE_VALUE_CATEGORIES and set(entries) <= {""}:
            return entries[""].to_json() if "" in entries else {}
        return {key: value.to_json() for key, value in entries.items()}

    def to_json(self, *, rename: Mapping[str, str] | None = None) -> dict[str, Any]:
        """V3/V4 JSON form; `rename` maps internal category names to the written ones."""
        out: dict[str, Any] = {}
        for category, entries in self._categories.items():
            if entries:
                out[(rename or {}).get(category, category)] = self.category_to_json(category)
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MatchingRules):
            return NotImplemented
        mine = {k: v for k, v in self._categories.items() if v}
        theirs = {k: v for k, v in other._categories.items() if v}
        return mine == theirs

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"MatchingRules({self._categories!r})"


# ---- parsing -------------------------------------------------------------------------------


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


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


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
