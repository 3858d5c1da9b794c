"""Which rules apply where: the most specific rule path wins, and rules cascade to children.

A `RuleContext` wraps the parsed rule paths of one category (a body, or one variant of an
arrayContains rule) together with the strictness of the comparison. The rule paths are indexed once
in a token trie (shared by every comparison against the same rules), so finding the rules for a
value walks only the branches that can match it instead of scoring every rule; results are also
cached per concrete path for the duration of one comparison.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field

from accord.model import RuleKind, RuleList, RulePath
from accord.model.paths import WILDCARD

Concrete = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Selected:
    """The rule list chosen for a path; `cascaded` when it was written for an ancestor."""

    rules: RuleList
    cascaded: bool


# A rule path that applies to a concrete path: (its length, its weight, its rules).
_Hit = tuple[int, int, RuleList]
# Trie nodes reached by a concrete path, each with the weight accumulated on the way.
_States = tuple[tuple["_Node", int], ...]
_Walked = tuple[_States, tuple[_Hit, ...]]
# Stands for any step that no rule path names explicitly (it can only match a wildcard).
_UNNAMED = "\x00*"


@dataclass(slots=True, eq=False)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    wildcard: _Node | None = None
    # Rule lists whose path ends at this node, in the order the pact lists them.
    ending: list[RuleList] = field(default_factory=list)


class _RuleIndex:
    """A trie over rule-path tokens; `*` branches are followed for any step."""

    __slots__ = ("entries", "root")

    def __init__(self, entries: Sequence[tuple[RulePath, RuleList]]) -> None:
        self.entries = [(path, rules) for path, rules in entries if rules.rules]
        self.root = _Node()
        for path, rules in self.entries:
            node = self.root
            for token in path.tokens:
                if token == WILDCARD:
                    node.wildcard = node.wildcard or _Node()
                    node = node.wildcard
                else:
                    node = node.children.setdefault(str(token), _Node())
            node.ending.append(rules)

    def start(self) -> _Walked:
        """States and hits of the root path `$` (the root scores 2)."""
        return ((self.root, 2),), tuple((0, 2, rules) for rules in self.root.ending)

    @staticmethod
    def advance(states: _States, hits: tuple[_Hit, ...], key: str, depth: int) -> _Walked:
        """States and hits one step deeper: ancestors' hits still apply (rules cascade)."""
        moved: list[tuple[_Node, int]] = []
        for node, weight in states:
            child = node.children.get(key)
            if child is not None:
                moved.append((child, weight * 2))
            if node.wildcard is not None:
                moved.append((node.wildcard, weight))
        new_hits = [(depth, weight, rules) for node, weight in moved for rules in node.ending]
        return tuple(moved), (hits + tuple(new_hits)) if new_hits else hits


# Indices are shared between comparisons against the same rules: the model hands out the same
# cached list of parsed paths for a MatchingRules object, so its identity is a good key.
_INDEX_CACHE: OrderedDict[int, tuple[object, _RuleIndex]] = OrderedDict()
_INDEX_CACHE_SIZE = 512


# The mock server matches in a background thread while tests run, so the cache is locked.
_INDEX_LOCK = threading.Lock()


def _index_for(entries: Sequence[tuple[RulePath, RuleList]]) -> _RuleIndex:
    key = id(entries)
    with _INDEX_LOCK:
        cached = _INDEX_CACHE.get(key)
        # The cache holds `entries` itself, so while it is cached its id cannot be reused.
        if cached is not None and cached[0] is entries:
            _INDEX_CACHE.move_to_end(key)
            return cached[1]
    index = _RuleIndex(entries)
    with _INDEX_LOCK:
        _INDEX_CACHE[key] = (entries, index)
        if len(_INDEX_CACHE) > _INDEX_CACHE_SIZE:
            _INDEX_CACHE.popitem(last=False)
    return index


class RuleContext:
    """Rules of one category plus the comparison's strictness.

    `allow_unexpected_keys` is False for requests (strict) and True for responses and messages.
    """

    __slots__ = ("_advanced", "_best", "_index", "_walked", "allow_unexpected_keys")

    def __init__(
        self, entries: Sequence[tuple[RulePath, RuleList]], *, allow_unexpected_keys: bool
    ) -> None:
        self._index = _index_for(entries)
        self.allow_unexpected_keys = allow_unexpected_keys
        # Per concrete path: the trie states reached and the rule paths that apply. Built from the
        # parent's entry, so walking a document costs a step per value, not a scan of the rules.
        self._walked: dict[Concrete, _Walked] = {}
        # Keyed by the identity of a parent's walked entry (kept alive in `_walked`) and a step.
        self._advanced: dict[tuple[int, str], _Walked] = {}
        self._best: dict[int, Selected | None] = {}

    def with_rules(self, entries: Sequence[tuple[RulePath, RuleList]]) -> RuleContext:
        """A context with other rules and the same strictness."""
        return RuleContext(entries, allow_unexpected_keys=self.allow_unexpected_keys)

    @property
    def entries(self) -> list[tuple[RulePath, RuleList]]:
        return list(self._index.entries)

    @property
    def is_empty(self) -> bool:
        return not self._index.entries

    def _walked_for(self, path: Concrete) -> _Walked:
        walked = self._walked.get(path)
        if walked is not None:
            return walked
        if not path:
            walked = self._index.start()
        else:
            parent = self._walked_for(path[:-1])
            key = str(path[-1])
            # Siblings that no rule names (array items, most keys) reach the same trie states, so
            # they share one walked entry, and so do their descendants: a 1,000-item array costs
            # one lookup per distinct rule position, not per item.
            if not any(key in node.children for node, _ in parent[0]):
                key = _UNNAMED
            memo = (id(parent), key)
            walked = self._advanced.get(memo)
            if walked is None:
                walked = self._index.advance(parent[0], parent[1], key, len(path))
                self._advanced[memo] = walked
        self._walked[path] = walked
        return walked

    def _hits_for(self, path: Concrete) -> tuple[_Hit, ...]:
        if not self._index.entries:
            return ()
        return self._walked_for(path)[1]

    def best(self, path: Concrete) -> Selected | None:
        """The most specific rule list for `path`, or None when no rule applies."""
        if not self._index.entries:
            return None
        walked = self._walked_for(path)
        try:
            return self._best[id(walked)]
        except KeyError:
            pass
        chosen: Selected | None = None
        best_score = 0
        for length, weight, rules in walked[1]:
            # The reference multiplies the weight by the number of tokens (root included), so a
            # longer path beats a shorter one with the same per-token weight.
            score = weight * (length + 1)
            if score > best_score:
                best_score = score
                chosen = Selected(rules, length != len(path))
        self._best[id(walked)] = chosen
        return chosen

    def defined(self, path: Concrete) -> bool:
        return self.best(path) is not None

    def direct(self, path: Concrete, kinds: frozenset[RuleKind]) -> bool:
        """True when a rule of one of `kinds` is written for exactly `path` (not an ancestor)."""
        return any(
            length == len(path) and any(rule.kind in kinds for rule in rules.rules)
            for length, _, rules in self._hits_for(path)
        )

    def type_rule_defined(self, path: Concrete) -> bool:
        """True when any applicable rule (own or inherited) is a type rule."""
        return any(
            any(rule.kind is RuleKind.TYPE for rule in rules.rules)
            for _, _, rules in self._hits_for(path)
        )
