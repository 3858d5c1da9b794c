"""The category layout shared by `matchingRules` and `generators` in V3/V4 pacts.

Both are `{category: {key: entry}}`, except the single-value categories (`path`, `status`) whose
entry may stand directly under the category. Body keys are path expressions, checked here so a
malformed one is reported with its location.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from accord.errors import InvalidPact, Issue
from accord.model.paths import parse_rule_path

# Categories whose single entry is keyed by "" (no path or name inside the category).
SINGLE_VALUE_CATEGORIES = frozenset({"path", "status"})

T = TypeVar("T")


def normalise_category(name: str) -> str:
    """Treat `headers`/`header` and `content`/`contents`/`body` as the same category."""
    if name == "headers":
        return "header"
    if name in ("content", "contents"):
        return "body"
    return name


def walk_categories(
    data: Mapping[str, Any],
    where: str,
    issues: list[Issue],
    *,
    is_single_entry: Callable[[Mapping[str, Any]], bool],
    parse_entry: Callable[[Any, str, list[Issue]], T | None],
    add: Callable[[str, str, T], None],
) -> None:
    """Parse every entry of a categorised object, recording problems with their JSON paths."""
    for category, entries in data.items():
        here = f"{where}.{category}"
        if not isinstance(entries, Mapping):
            issues.append(Issue(here, f"must be an object, got {type(entries).__name__}"))
            continue
        if category in SINGLE_VALUE_CATEGORIES and is_single_entry(entries):
            parsed = parse_entry(entries, here, issues)
            if parsed is not None:
                add(category, "", parsed)
            continue
        for key, value in entries.items():
            key_where = f"{here}['{key}']"
            if normalise_category(category) == "body":
                try:
                    parse_rule_path(key)
                except InvalidPact as error:
                    issues.extend(Issue(key_where, issue.message) for issue in error.issues)
                    continue
            parsed = parse_entry(value, key_where, issues)
            if parsed is not None:
                add(category, key, parsed)
