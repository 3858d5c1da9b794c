"""Matching-rule path expressions (`$.a[*].b`, `$['x y']`) and concrete value paths.

A rule path is parsed once into tokens. A concrete path is the position of one value inside a body,
as a tuple of keys (str) and indices (int). `weight` scores how well a rule path applies to a concrete
path, following the specification's weighting: the root and every exact step score 2, a wildcard
scores 1, and the product wins. A rule path shorter than the concrete path still applies (rules
cascade to children); `cascaded` tells the two cases apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from accord.errors import InvalidPact

WILDCARD = "*"

_IDENTIFIER = re.compile(r"[A-Za-z_$@#][\w\-:$@#]*")


@dataclass(frozen=True, slots=True)
class RulePath:
    """A parsed rule path: tokens after the root `$`; `"*"` is a wildcard, ints are indices."""

    text: str
    tokens: tuple[str | int, ...]

    def weight(self, concrete: tuple[str | int, ...]) -> int:
        """Score of this rule path for a value at `concrete`; 0 when it does not apply."""
        if len(self.tokens) > len(concrete):
            return 0
        score = 2
        for token, step in zip(self.tokens, concrete):
            if token == WILDCARD:
                score *= 1
            elif isinstance(token, int):
                if str(token) != str(step):
                    return 0
                score *= 2
            elif token == step or (isinstance(step, int) and token == str(step)):
                score *= 2
            else:
                return 0
        return score

    def matches_exactly(self, concrete: tuple[str | int, ...]) -> bool:
        """True when this path applies to `concrete` without cascading from an ancestor."""
        return len(self.tokens) == len(concrete) and self.weight(concrete) > 0

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=4096)
def parse_rule_path(text: str) -> RulePath:
    """Parse a path expression; raises InvalidPact naming the expression when it is malformed."""
    return RulePath(text=text, tokens=tuple(_tokenize(text)))


def _tokenize(text: str) -> list[str | int]:
    if not isinstance(text, str) or not text.startswith("$"):
        raise InvalidPact(f"path expression {text!r} must start with '$'")
    tokens: list[str | int] = []
    i, n = 1, len(text)
    while i < n:
        char = text[i]
        if char == ".":
            j = i + 1
            while j < n and text[j] not in ".[":
                j += 1
            name = text[i + 1 : j]
            if not name:
                raise InvalidPact(f"path expression {text!r} has an empty step at position {i}")
            tokens.append(name)
            i = j
        elif char == "[":
            end = _closing_bracket(text, i)
            inner = text[i + 1 : end].strip()
            if inner == "*":
                tokens.append(WILDCARD)
            elif inner.isdigit():
                tokens.append(int(inner))
            elif len(inner) >= 2 and inner[0] == inner[-1] and inner[0] in "'\"":
                tokens.append(inner[1:-1])
            else:
                raise InvalidPact(
                    f"path expression {text!r} has an invalid index {inner!r} at position {i}; "
                    "use [0], [*] or ['name']"
                )
            i = end + 1
        else:
            # Some writers omit the dot before the first field ("$body"); accept a bare name.
            j = i
            while j < n and text[j] not in ".[":
                j += 1
            tokens.append(text[i:j])
            i = j
    return tokens


def _closing_bracket(text: str, start: int) -> int:
    quote = None
    for j in range(start + 1, len(text)):
        char = text[j]
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "]":
            return j
    raise InvalidPact(f"path expression {text!r} has an unclosed '[' at position {start}")


def format_path(concrete: tuple[str | int, ...]) -> str:
    """Render a concrete value path the way Pact tools print it: `$.a[0]['b c']`, `$[100]`."""
    parts = ["$"]
    for step in concrete:
        if isinstance(step, int) or step.isdigit():
            parts.append(f"[{step}]")
        elif _IDENTIFIER.fullmatch(step):
            parts.append(f".{step}")
        else:
            escaped = step.replace("'", "\\'")
            parts.append(f"['{escaped}']")
    return "".join(parts)


def format_rule_path(tokens: tuple[str | int, ...]) -> str:
    """Render rule tokens as a path expression (wildcards as `*`)."""
    parts = ["$"]
    for token in tokens:
        if isinstance(token, int):
            parts.append(f"[{token}]")
        elif token == WILDCARD:
            parts.append(".*")
        elif _IDENTIFIER.fullmatch(token):
            parts.append(f".{token}")
        else:
            escaped = token.replace("'", "\\'")
            parts.append(f"['{escaped}']")
    return "".join(parts)
