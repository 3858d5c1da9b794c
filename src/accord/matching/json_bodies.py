"""Recursive comparison of JSON documents under matching rules.

Objects: strict comparisons (requests) want exactly the expected keys, lenient ones (responses,
messages) only want none missing. Arrays: without a rule, same length and item by item; with a type
rule, every actual item is compared with the first expected item (each-like), bounded by min/max.
Values, eachKey, eachValue and arrayContains change how a collection's members are compared.
"""

from __future__ import annotations

from typing import Any

from accord.matching import describe
from accord.matching.context import Concrete, RuleContext
from accord.matching.mismatches import Mismatch, MismatchKind
from accord.matching.values import apply_rules, check_json, check_list, check_map, check_text
from accord.model import MatchingRule, RuleKind, RuleList, format_path, parse_rule_path
from accord.model.paths import RulePath

_KEY_RULES = frozenset({RuleKind.VALUES, RuleKind.EACH_VALUE, RuleKind.EACH_KEY})


def compare_json(expected: Any, actual: Any, context: RuleContext) -> list[Mismatch]:
    """Compare two parsed JSON documents; mismatch paths are rendered like `$.a[0].b`."""
    found: list[Mismatch] = []
    _JsonWalk(found).compare((), expected, actual, context)
    return found


class _JsonWalk:
    __slots__ = ("found",)

    def __init__(self, found: list[Mismatch]) -> None:
        self.found = found

    def report(self, path: Concrete, expected: Any, actual: Any, message: str) -> None:
        self.found.append(
            Mismatch(
                kind=MismatchKind.BODY,
                path=format_path(path),
                expected=expected,
                actual=actual,
                message=message,
            )
        )

    def compare(self, path: Concrete, expected: Any, actual: Any, context: RuleContext) -> None:
        if isinstance(expected, dict):
            if isinstance(actual, dict):
                self.compare_maps(path, expected, actual, context)
            else:
                message = describe.structure_type_mismatch(actual, expected)
                self.report(path, expected, actual, message)
        elif isinstance(expected, list):
            if isinstance(actual, list):
                self.compare_lists(path, expected, actual, context)
            else:
                message = describe.structure_type_mismatch(actual, expected)
                self.report(path, expected, actual, message)
        else:
            self.compare_values(path, expected, actual, context)

    def compare_values(
        self, path: Concrete, expected: Any, actual: Any, context: RuleContext
    ) -> None:
        selected = context.best(path)
        if selected is None:
            if expected == actual and type(expected) is type(actual):
                return
            messages = (
                [message] if (message := check_json(_EQUALITY, expected, actual, False)) else []
            )
        else:
            cascaded = selected.cascaded
            messages = apply_rules(selected.rules, check_json, expected, actual, cascaded)
        for message in messages:
            self.report(path, expected, actual, message)

    # ---- objects ---------------------------------------------------------------------------

    def compare_maps(
        self, path: Concrete, expected: dict[str, Any], actual: dict[str, Any], context: RuleContext
    ) -> None:
        if not expected and actual and not context.allow_unexpected_keys:
            self.report(path, expected, actual, describe.unexpected_map(actual))
            return
        selected = context.best(path)
        if selected is None:
            self.match_keys(path, expected, actual, context)
            for key, value in expected.items():
                if key in actual:
                    self.compare((*path, key), value, actual[key], context)
            return
        for rule in selected.rules.rules:
            self.compare_map_with_rule(rule, selected.cascaded, path, expected, actual, context)

    def compare_map_with_rule(
        self,
        rule: MatchingRule,
        cascaded: bool,
        path: Concrete,
        expected: dict[str, Any],
        actual: dict[str, Any],
        context: RuleContext,
    ) -> None:
        if not cascaded and rule.kind in (
            RuleKind.VALUES,
            RuleKind.EACH_VALUE,
            RuleKind.ARRAY_CONTAINS,
        ):
            inner = context
            if rule.kind is RuleKind.EACH_VALUE:
                inner = context.with_rules([(_child_wildcard(path), _and(rule.children))])
            first = next(iter(expected.values()), _NOTHING)
            for key, value in actual.items():
                template = expected.get(key, first)
                if template is not _NOTHING:
                    self.compare((*path, key), template, value, inner)
            return
        message = check_map(rule, expected, actual, cascaded)
        if message is not None:
            self.report(path, expected, actual, message)
        self.match_keys(path, expected, actual, context)
        for key, value in expected.items():
            if key in actual:
                self.compare((*path, key), value, actual[key], context)

    def match_keys(
        self, path: Concrete, expected: dict[str, Any], actual: dict[str, Any], context: RuleContext
    ) -> None:
        if not context.direct(path, _KEY_RULES):
            if context.allow_unexpected_keys:
                missing = [key for key in expected if key not in actual]
                if missing:
                    self.report(path, expected, actual, describe.missing_keys(missing))
            elif expected.keys() != actual.keys():
                self.report(path, expected, actual, describe.different_keys(expected, actual))
        selected = context.best(path)
        if selected is None:
            return
        for rule in selected.rules.rules:
            if rule.kind is not RuleKind.EACH_KEY:
                continue
            for child in rule.children:
                for key in sorted(actual):
                    message = check_text(child, "", key)
                    if message is not None:
                        self.report((*path, key), "", key, message)

    # ---- arrays ----------------------------------------------------------------------------

    def compare_lists(
        self, path: Concrete, expected: list[Any], actual: list[Any], context: RuleContext
    ) -> None:
        selected = context.best(path)
        if selected is not None:
            self.compare_lists_with_rules(
                path, selected.rules, selected.cascaded, expected, actual, context
            )
            return
        if not expected and actual:
            self.report(path, expected, actual, describe.unexpected_list(actual))
            return
        for index, value in enumerate(expected):
            child = (*path, index)
            if index < len(actual):
                self.compare(child, value, actual[index], context)
            elif not context.defined(child):
                self.report(path, expected, actual, describe.item_missing(value))
        if len(expected) != len(actual):
            self.report(path, expected, actual, describe.list_length(len(expected), len(actual)))

    def compare_lists_with_rules(
        self,
        path: Concrete,
        rules: RuleList,
        cascaded: bool,
        expected: list[Any],
        actual: list[Any],
        context: RuleContext,
    ) -> None:
        outcomes: list[list[Mismatch]] = []
        for rule in rules.rules:
            sub = _JsonWalk([])
            sub.compare_list_with_rule(rule, cascaded, path, expected, actual, context)
            outcomes.append(sub.found)
        if rules.combine.value == "OR" and any(not found for found in outcomes):
            return
        for found in outcomes:
            self.found.extend(found)

    def compare_list_with_rule(
        self,
        rule: MatchingRule,
        cascaded: bool,
        path: Concrete,
        expected: list[Any],
        actual: list[Any],
        context: RuleContext,
    ) -> None:
        if not expected:
            return
        if rule.kind is RuleKind.ARRAY_CONTAINS:
            self.array_contains(rule, path, expected, actual, context)
            return
        if rule.kind is RuleKind.EACH_VALUE:
            if not cascaded:
                inner = context.with_rules([(_child_wildcard(path), _and(rule.children))])
                self.list_contents(path, expected, actual, inner)
            return
        message = check_list(rule, expected, actual, cascaded)
        if message is not None:
            self.report(path, expected, actual, message)
        self.list_contents(path, expected, actual, context)

    def list_contents(
        self, path: Concrete, expected: list[Any], actual: list[Any], context: RuleContext
    ) -> None:
        # Each-like: every actual item beyond the example is compared with the first example.
        first = expected[0]
        for index in range(max(len(expected), len(actual))):
            template = expected[index] if index < len(expected) else first
            child = (*path, index)
            if index < len(actual):
                self.compare(child, template, actual[index], context)
            elif not context.defined(child):
                self.report(path, expected, actual, describe.indexed_item_missing(template, index))

    def array_contains(
        self,
        rule: MatchingRule,
        path: Concrete,
        expected: list[Any],
        actual: list[Any],
        context: RuleContext,
    ) -> None:
        variants = [(variant.index, variant.rules.paths("body")) for variant in rule.variants]
        if not variants:
            variants = [(index, []) for index in range(len(expected))]
        for index, variant_rules in variants:
            if index >= len(expected):
                message = describe.variant_out_of_range(index, len(expected))
                self.report(path, expected, actual, message)
                continue
            template = expected[index]
            inner = context.with_rules(variant_rules or [(_ROOT, _and((_EQUALITY,)))])
            if not any(not compare_json(template, item, inner) for item in actual):
                self.report(path, template, actual, describe.variant_not_found(index, template))


_NOTHING: Any = object()
_EQUALITY = MatchingRule(kind=RuleKind.EQUALITY)
_ROOT = parse_rule_path("$")


def _and(rules: tuple[MatchingRule, ...]) -> RuleList:
    return RuleList(rules=tuple(rules))


def _child_wildcard(path: Concrete) -> RulePath:
    return RulePath(text="", tokens=(*path, "*"))
