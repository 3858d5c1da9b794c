"""Body generators on JSON documents, including the generators inside V4 arrayContains variants.

Documents are rebuilt rather than mutated, so the example held by the pact is never changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from accord.errors import InvalidPact, Issue
from accord.model.generators import Generator, parse_generator
from accord.model.paths import WILDCARD, parse_rule_path
from accord.model.rules import MatchingRules, RuleKind

Tokens = tuple[str | int, ...]


def replace_at(node: Any, tokens: Tokens, transform: Callable[[Any], Any]) -> Any:
    """`node` with every value that `tokens` selects passed through `transform`.

    `*` selects every key of an object or item of an array; a path that selects nothing returns
    `node` unchanged.
    """
    if not tokens:
        return transform(node)
    head, rest = tokens[0], tokens[1:]
    if isinstance(node, dict):
        if head == WILDCARD:
            return {key: replace_at(child, rest, transform) for key, child in node.items()}
        key = str(head)
        if key not in node:
            return node
        return {**node, key: replace_at(node[key], rest, transform)}
    if isinstance(node, list):
        if head == WILDCARD:
            return [replace_at(child, rest, transform) for child in node]
        index = head if isinstance(head, int) else int(head) if head.isdigit() else None
        if index is None or not 0 <= index < len(node):
            return node
        return [*node[:index], replace_at(node[index], rest, transform), *node[index + 1 :]]
    return node


@dataclass(frozen=True, slots=True)
class VariantGenerators:
    """The generators of one arrayContains variant: for the element at `index` of the arrays
    that `array_path` selects, with paths relative to that element."""

    array_path: Tokens
    index: int
    generators: tuple[tuple[Tokens, Generator], ...]


def variant_generators(rules: MatchingRules) -> list[VariantGenerators]:
    """Generators carried by the arrayContains rules of a body, in rule order."""
    found: list[VariantGenerators] = []
    for rule_path, rule_list in rules.paths("body"):
        for rule in rule_list.rules:
            if rule.kind is not RuleKind.ARRAY_CONTAINS:
                continue
            for variant in rule.variants:
                parsed = _parse_variant_generators(variant.generators)
                if parsed:
                    found.append(VariantGenerators(rule_path.tokens, variant.index, parsed))
    return found


def _parse_variant_generators(raw: Mapping[str, Any]) -> tuple[tuple[Tokens, Generator], ...]:
    # Writers put them keyed by path directly, or inside a "body"/"content" category.
    if set(raw) <= {"body", "content"} and raw:
        raw = raw.get("body") or raw.get("content") or {}
    parsed: list[tuple[Tokens, Generator]] = []
    for key, data in raw.items():
        issues: list[Issue] = []
        generator = parse_generator(data, f"variant generators[{key!r}]", issues)
        try:
            tokens = parse_rule_path(key).tokens
        except InvalidPact:
            continue
        if generator is not None:
            parsed.append((tokens, generator))
    return tuple(parsed)
