"""Generators as data: what value to produce at a path when a request or response is built.

Producing values is `accord.generation`'s job; here we only parse, validate and write them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from accord.errors import Issue
from accord.model.categories import SINGLE_VALUE_CATEGORIES, normalise_category, walk_categories


class GeneratorKind(enum.StrEnum):
    """Every generator type of the specification, by its JSON `type` name."""

    RANDOM_INT = "RandomInt"
    RANDOM_DECIMAL = "RandomDecimal"
    RANDOM_HEXADECIMAL = "RandomHexadecimal"
    RANDOM_STRING = "RandomString"
    RANDOM_BOOLEAN = "RandomBoolean"
    REGEX = "Regex"
    UUID = "Uuid"
    DATE = "Date"
    TIME = "Time"
    DATE_TIME = "DateTime"
    PROVIDER_STATE = "ProviderState"
    MOCK_SERVER_URL = "MockServerURL"


UUID_FORMATS = ("simple", "lower-case-hyphenated", "upper-case-hyphenated", "URN")


@dataclass(frozen=True, slots=True, kw_only=True)
class Generator:
    """One generator with its attributes, e.g. `Generator(kind=RANDOM_INT, attrs={"min": 0})`."""

    kind: GeneratorKind
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind.value, **self.attrs}


class Generators:
    """Generators by category (`body`, `header`, `query`, `path`, `status`, `metadata`) and key."""

    __slots__ = ("_categories",)

    def __init__(self, categories: Mapping[str, Mapping[str, Generator]] | None = None) -> None:
        self._categories: dict[str, dict[str, Generator]] = {}
        for category, entries in (categories or {}).items():
            for key, generator in entries.items():
                self.add(category, key, generator)

    def add(self, category: str, key: str, generator: Generator) -> None:
        self._categories.setdefault(normalise_category(category), {})[key] = generator

    def category(self, name: str) -> dict[str, Generator]:
        return self._categories.get(normalise_category(name), {})

    def categories(self) -> Iterator[str]:
        return iter(self._categories)

    def is_empty(self) -> bool:
        return not any(self._categories.values())

    def single(self, category: str) -> Generator | None:
        entries = self.category(category)
        return entries.get("") or (next(iter(entries.values())) if entries else None)

    def to_json(self, *, rename: Mapping[str, str] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for category, entries in self._categories.items():
            if not entries:
                continue
            name = (rename or {}).get(category, category)
            if category in SINGLE_VALUE_CATEGORIES and set(entries) == {""}:
                out[name] = entries[""].to_json()
            else:
                out[name] = {key: value.to_json() for key, value in entries.items()}
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Generators):
            return NotImplemented
        mine = {k: v for k, v in self._categories.items() if v}
        theirs = {k: v for k, v in other._categories.items() if v}
        return mine == theirs

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Generators({self._categories!r})"


def parse_generator(data: Any, where: str, issues: list[Issue]) -> Generator | None:
    """Parse one `{"type": ..., ...}` object; record an Issue and return None when malformed."""
    if not isinstance(data, Mapping):
        issues.append(Issue(where, f"a generator must be an object, got {type(data).__name__}"))
        return None
    name = data.get("type")
    try:
        kind = GeneratorKind(str(name))
    except ValueError:
        known = ", ".join(kind.value for kind in GeneratorKind)
        issues.append(
            Issue(f"{where}.type", f"unknown generator type {name!r}; known types are {known}")
        )
        return None
    attrs = {key: value for key, value in data.items() if key != "type"}
    before = len(issues)
    if kind is GeneratorKind.RANDOM_INT:
        for bound in ("min", "max"):
            if bound in attrs and not _is_int(attrs[bound]):
                issues.append(
                    Issue(f"{where}.{bound}", f"must be an integer, got {attrs[bound]!r}")
                )
        if _is_int(attrs.get("min")) and _is_int(attrs.get("max")) and attrs["min"] > attrs["max"]:
            issues.append(Issue(where, f"min={attrs['min']} is greater than max={attrs['max']}"))
    for key in ("digits", "size"):
        if key in attrs and not (_is_int(attrs[key]) and attrs[key] >= 0):
            issues.append(
                Issue(f"{where}.{key}", f"must be a non-negative integer, got {attrs[key]!r}")
            )
    if kind in (GeneratorKind.REGEX, GeneratorKind.MOCK_SERVER_URL) and not isinstance(
        attrs.get("regex"), str
    ):
        issues.append(Issue(f"{where}.regex", f"{kind.value} generator needs a 'regex' string"))
    if kind is GeneratorKind.PROVIDER_STATE and not isinstance(attrs.get("expression"), str):
        issues.append(
            Issue(
                f"{where}.expression",
                "ProviderState generator needs an 'expression' string such as '${id}'",
            )
        )
    if kind is GeneratorKind.UUID and "format" in attrs and attrs["format"] not in UUID_FORMATS:
        issues.append(
            Issue(
                f"{where}.format",
                f"must be one of {', '.join(UUID_FORMATS)}, got {attrs['format']!r}",
            )
        )
    if len(issues) > before:
        return None
    return Generator(kind=kind, attrs=attrs)


def parse_generators(data: Any, where: str, issues: list[Issue]) -> Generators:
    """Parse a `generators` object: `{category: {key: generator}}` or `{path|status: generator}`."""
    generators = Generators()
    if data is None:
        return generators
    if not isinstance(data, Mapping):
        issues.append(Issue(where, f"generators must be an object, got {type(data).__name__}"))
        return generators
    walk_categories(
        data,
        where,
        issues,
        is_single_entry=lambda entries: "type" in entries,
        parse_entry=parse_generator,
        add=generators.add,
    )
    return generators


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
