"""Random strings that fully match a regular expression (the `Regex` generator).

The pattern is translated from the Java dialect (`accord.model.regexes.translate`) and parsed with
the standard library's own regex parser (`re._parser`), so every construct Python accepts parses
the same way it will later be matched. We then walk the parse tree and choose one way through it.
Lookarounds cannot be steered by a walk like this, so the result is checked with `fullmatch` and
the walk retried a few times before giving up.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable

# `re._parser` and `re._constants` are private, but they are the only parser that agrees exactly
# with `re` itself, and they have kept their shape since Python 3.11 renamed them.
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from accord.errors import InvalidMatcher
from accord.model.regexes import compile_pattern, translate

# Unbounded repeats (`*`, `+`, `{2,}`) stop after this many extra items, as pact-reference caps them.
MAX_EXTRA_REPEATS = 10
_ATTEMPTS = 50

# What negated classes and `.` choose from: printable ASCII keeps generated values readable.
_PRINTABLE = [chr(code) for code in range(32, 127)]
_CATEGORIES: dict[Any, str] = {
    sre.CATEGORY_DIGIT: string.digits,
    sre.CATEGORY_WORD: string.ascii_letters + string.digits + "_",
    sre.CATEGORY_SPACE: " \t",
}
_NEGATED = {
    sre.CATEGORY_NOT_DIGIT: sre.CATEGORY_DIGIT,
    sre.CATEGORY_NOT_WORD: sre.CATEGORY_WORD,
    sre.CATEGORY_NOT_SPACE: sre.CATEGORY_SPACE,
}


def string_matching(pattern: str, rng: random.Random) -> str:
    """A random string that `pattern` (Java dialect) matches from start to end.

    A leading `^` and trailing `$` are dropped first, as pact-reference does. Raises InvalidMatcher
    when the pattern does not compile or no matching string could be built.
    """
    body = pattern.removeprefix("^")
    if body.endswith("$") and not body.endswith("\\$"):
        body = body[:-1]
    try:
        compiled = compile_pattern(body)
        tree = sre_parse.parse(translate(body), compiled.flags)
    except re.error as error:
        raise InvalidMatcher(
            f"Regex generator: {pattern!r} is not a valid regex ({error})"
        ) from None
    candidate = ""
    for _ in range(_ATTEMPTS):
        candidate = _Walker(rng).sequence(tree)
        if compiled.fullmatch(candidate):
            return candidate
    raise InvalidMatcher(
        f"Regex generator: could not build a string matching {pattern!r} "
        f"(last attempt {candidate!r}); lookarounds may contradict the rest of the pattern"
    )


class _Walker:
    """One random walk through a parse tree; remembers groups for backreferences."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.groups: dict[int, str] = {}
        self._handlers: dict[Any, Callable[[Any], str]] = {
            sre.LITERAL: chr,
            sre.NOT_LITERAL: lambda code: self._choose_outside({chr(code)}),
            sre.ANY: lambda _: self._choose_outside({"\n"}),
            sre.IN: self._in,
            sre.BRANCH: lambda av: self.sequence(self.rng.choice(av[1])),
            sre.SUBPATTERN: self._group,
            sre.MAX_REPEAT: self._repeat,
            sre.MIN_REPEAT: self._repeat,
            sre.POSSESSIVE_REPEAT: self._repeat,
            sre.ATOMIC_GROUP: self.sequence,
            sre.AT: lambda _: "",
            sre.ASSERT: lambda _: "",
            sre.ASSERT_NOT: lambda _: "",
            sre.GROUPREF: lambda group: self.groups.get(group, ""),
            sre.GROUPREF_EXISTS: self._conditional,
            sre.CATEGORY: lambda category: self._from_category(category),
        }

    def sequence(self, items: Any) -> str:
        return "".join(self._item(op, av) for op, av in items)

    def _item(self, op: Any, av: Any) -> str:
        handler = self._handlers.get(op)
        if handler is None:
            raise InvalidMatcher(f"Regex generator: unsupported regex construct {op}")
        return handler(av)

    def _group(self, av: Any) -> str:
        group, _add_flags, _del_flags, items = av
        text = self.sequence(items)
        if group is not None:
            self.groups[group] = text
        return text

    def _repeat(self, av: Any) -> str:
        low, high, items = av
        if high is sre.MAXREPEAT:
            high = low + MAX_EXTRA_REPEATS
        count = self.rng.randint(low, high)
        return "".join(self.sequence(items) for _ in range(count))

    def _conditional(self, av: Any) -> str:
        group, yes, no = av
        if group in self.groups:
            return self.sequence(yes)
        return self.sequence(no) if no is not None else ""

    def _in(self, items: list[tuple[Any, Any]]) -> str:
        negate = bool(items) and items[0][0] is sre.NEGATE
        allowed: set[str] = set()
        for op, av in items[1:] if negate else items:
            if op is sre.LITERAL:
                allowed.add(chr(av))
            elif op is sre.RANGE:
                allowed.update(chr(code) for code in range(av[0], av[1] + 1))
            elif op is sre.CATEGORY:
                allowed.update(self._category_chars(av))
        if negate:
            return self._choose_outside(allowed)
        if not allowed:
            raise InvalidMatcher("Regex generator: a character class allows no characters")
        return self.rng.choice(sorted(allowed))

    def _category_chars(self, category: Any) -> set[str]:
        if category in _NEGATED:
            excluded = set(_CATEGORIES[_NEGATED[category]]) | {"\n"}
            return {char for char in _PRINTABLE if char not in excluded}
        return set(_CATEGORIES.get(category, ""))

    def _from_category(self, category: Any) -> str:
        return self.rng.choice(sorted(self._category_chars(category)))

    def _choose_outside(self, excluded: set[str]) -> str:
        choices = [char for char in _PRINTABLE if char not in excluded]
        if not choices:
            raise InvalidMatcher("Regex generator: a negated class excludes every character")
        return self.rng.choice(choices)
