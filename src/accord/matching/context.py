"""Which rules apply where: the most specific rule path wins, and rules cascade to children.

A `RuleContext` wraps the parsed rule paths of one category (a body, or one variant of an
arrayContains rule) together with the strictness of the comparison. Lookups are cached per concrete
path, so walking a large document costs one scan of the rules per distinct path, never any parsing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from accord.model import RuleKind, RuleList, RulePath

Concrete = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Selected:
    """The rule list chosen for a path; `cascaded` when it was written for an ancestor."""

    rules: RuleList
    cascaded: bool


class RuleContext:
    """Rules of one category plus the comparison's strictness.

    `allow_unexpected_keys` is False for requests (strict) and True for responses and messages.
    """

    __slots__ = ("_by_length", "_cache", "_entries", "allow_unexpected_keys")

    def __init__(
        self, entries: Sequence[tuple[RulePath, RuleList]], *, allow_unexpected_keys: bool
    ) -> None:
        self._entries = [(path, rules) for path, rules in entries if rules.rules]
        self.allow_unexpected_keys = allow_unexpected_keys
        self._cache: dict[Concrete, Selected | None] = {}

    def with_rules(self, entries: Sequence[tuple[RulePath, RuleList]]) -> RuleContext:
        """A context with other rules and the same strictness."""
        return RuleContext(entries, allow_unexpected_keys=self.allow_unexpected_keys)

    @property
    def entries(self) -> list[tuple[RulePath, RuleList]]:
        return list(self._entries)

    @property
    def is_empty(self) -> bool:
        return not self._entries

    def best(self, path: Concrete) -> Selected | None:
        """The most specific rule list for `path`, or None when no rule applies."""
        try:
            return self._cache[path]
        except KeyError:
            pass
        chosen: Selected | None = None
        best_score = 0
        depth = len(path)
        for rule_path, rules in self._entries:
            length = len(rule_path.tokens)
            if length > depth:
                continue
            weight = rule_path.weight(path)
            if weight <= 0:
                continue
            # The reference multiplies the weight by the number of tokens (root included), so a
            # longer path beats a shorter one with the same per-token weight.
            score = weight * (length + 1)
            if score > best_score:
                best_score = score
                chosen = Selected(rules, length != depth)
        self._cache[path] = chosen
        return chosen

    def defined(self, path: Concrete) -> bool:
        return self.best(path) is not None

    def direct(self, path: Concrete, kinds: frozenset[RuleKind]) -> bool:
        """True when a rule of one of `kinds` is written for exactly `path` (not an ancestor)."""
        depth = len(path)
        for rule_path, rules in self._entries:
            if (
                len(rule_path.tokens) == depth
                and rule_path.weight(path) > 0
                and any(rule.kind in kinds for rule in rules.rules)
            ):
                return True
        return False

    def type_rule_defined(self, path: Concrete) -> bool:
        """True when any applicable rule (own or inherited) is a type rule."""
        depth = len(path)
        for rule_path, rules in self._entries:
            if (
                len(rule_path.tokens) <= depth
                and rule_path.weight(path) > 0
                and any(rule.kind is RuleKind.TYPE for rule in rules.rules)
            ):
                return True
        return False
