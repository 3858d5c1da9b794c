"""Turn a value with Matcher leaves into (example, matching rules, generators).

The walk is the same for every part of an interaction; only the key a rule is filed under
differs: bodies and message contents use path expressions (`$.user.email`, `$.items[*].id`),
headers, query parameters and message metadata use the name, and the request path and the
response status use the single empty key.

>>> from accord.consumer import match
>>> example, rules, _ = extract_part({"id": match.integer(7)}, "body")
>>> example
{'id': 7}
>>> rules.category("body")["$.id"].rules[0].kind.value
'integer'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from accord.consumer.matchers import ANY_INDEX, ANY_KEY, Matcher
from accord.model import Generator, Generators, MatchingRule, MatchingRules, RuleList

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_NAMED_CATEGORIES = frozenset({"header", "query", "metadata"})


class RuleSink:
    """Collects the rules and generators found while walking one part of an interaction."""

    __slots__ = ("category", "generators", "rules")

    def __init__(self, category: str) -> None:
        self.category = category
        self.rules: dict[str, list[MatchingRule]] = {}
        self.generators: dict[str, Generator] = {}

    def key(self, path: tuple[Any, ...]) -> str:
        if self.category in _NAMED_CATEGORIES:
            # A name's values share one rule list: `with_header("X", [a, b])` files both under X.
            return str(path[0]) if path else ""
        if self.category in ("path", "status"):
            return ""
        return rule_path_text(path)

    def add_rule(self, path: tuple[Any, ...], rule: MatchingRule) -> None:
        self.rules.setdefault(self.key(path), []).append(rule)

    def add_generator(self, path: tuple[Any, ...], generator: Generator) -> None:
        self.generators[self.key(path)] = generator

    def walk(self, value: Any, path: tuple[Any, ...]) -> Any:
        """The example for `value`, recording every nested matcher's rules on the way."""
        if isinstance(value, Matcher):
            return value.collect(path, self)
        if isinstance(value, Mapping):
            return {key: self.walk(item, (*path, key)) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.walk(item, (*path, index)) for index, item in enumerate(value)]
        return value

    def write_into(self, rules: MatchingRules, generators: Generators) -> None:
        for key, found in self.rules.items():
            rules.add(self.category, key, RuleList(rules=tuple(found)))
        for key, generator in self.generators.items():
            generators.add(self.category, key, generator)


def extract_part(
    value: Any, category: str, *, root: tuple[Any, ...] = ()
) -> tuple[Any, MatchingRules, Generators]:
    """Example, rules and generators for one part (`body`, `header`, `query`, `path`, ...)."""
    sink = RuleSink(category)
    example = sink.walk(value, root)
    rules, generators = MatchingRules(), Generators()
    sink.write_into(rules, generators)
    return example, rules, generators


def extract_into(
    value: Any,
    category: str,
    rules: MatchingRules,
    generators: Generators,
    *,
    root: tuple[Any, ...] = (),
) -> Any:
    """Like `extract_part`, but add to existing rule and generator maps; returns the example."""
    sink = RuleSink(category)
    example = sink.walk(value, root)
    sink.write_into(rules, generators)
    return example


def extract_variant(value: Any) -> tuple[Any, MatchingRules, dict[str, Any]]:
    """An arrayContains variant: its rules and generators are relative to the element itself."""
    sink = RuleSink("body")
    example = sink.walk(value, ())
    rules = MatchingRules()
    for key, found in sink.rules.items():
        rules.add("body", key, RuleList(rules=tuple(found)))
    generators = {key: generator.to_json() for key, generator in sink.generators.items()}
    return example, rules, generators


def example_of(value: Any) -> Any:
    """The plain example value with every matcher replaced by its example."""
    return RuleSink("body").walk(value, ())


def has_matchers(value: Any) -> bool:
    """Whether a value holds a matcher anywhere (cheap check before a full walk)."""
    if isinstance(value, Matcher):
        return True
    if isinstance(value, Mapping):
        return any(has_matchers(item) for item in value.values())
    if isinstance(value, list | tuple):
        return any(has_matchers(item) for item in value)
    return False


def rule_path_text(path: tuple[Any, ...]) -> str:
    """`("user", "emails", ANY_INDEX)` → `$.user.emails[*]`; odd keys are quoted: `$['a b']`."""
    parts = ["$"]
    for step in path:
        if step is ANY_INDEX:
            parts.append("[*]")
        elif step is ANY_KEY:
            parts.append(".*")
        elif isinstance(step, int):
            parts.append(f"[{step}]")
        elif _IDENTIFIER.fullmatch(step):
            parts.append(f".{step}")
        else:
            escaped = str(step).replace("'", "\\'")
            parts.append(f"['{escaped}']")
    return "".join(parts)
