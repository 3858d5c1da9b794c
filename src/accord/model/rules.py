"""Matching rules as data: one rule, a rule list combined with AND/OR, and the per-category map.

The JSON forms differ per spec version (V2 flat `$.body.x` keys, V3/V4 categories); the codec turns
them into these types. Rules are validated when parsed, so a bad regex or an unknown matcher is
reported with its JSON path before any matching happens.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from accord.model.categories import SINGLE_VALUE_CATEGORIES, normalise_category
from accord.model.paths import RulePath, parse_rule_path


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
