"""HTTP requests and responses as written in a pact (expected) or seen on the wire (actual)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, unquote_plus

from accord.model.bodies import Body
from accord.model.generators import Generators
from accord.model.rules import MatchingRules

Headers = dict[str, list[str]]
Query = dict[str, list[str]]


@dataclass(frozen=True, kw_only=True)
class Request:
    """An HTTP request. `query`/`headers` of None mean "not specified" (nothing to check)."""

    method: str = "GET"
    path: str = "/"
    query: Query | None = None
    headers: Headers | None = None
    body: Body = field(default_factory=Body.missing)
    matching_rules: MatchingRules = field(default_factory=MatchingRules)
    generators: Generators = field(default_factory=Generators)

    def header(self, name: str) -> list[str] | None:
        return find_header(self.headers, name)

    def content_type(self) -> str | None:
        return _content_type(self.headers, self.body)


@dataclass(frozen=True, kw_only=True)
class Response:
    """An HTTP response."""

    status: int = 200
    headers: Headers | None = None
    body: Body = field(default_factory=Body.missing)
    matching_rules: MatchingRules = field(default_factory=MatchingRules)
    generators: Generators = field(default_factory=Generators)

    def header(self, name: str) -> list[str] | None:
        return find_header(self.headers, name)

    def content_type(self) -> str | None:
        return _content_type(self.headers, self.body)


def _content_type(headers: Headers | None, body: Body) -> str | None:
    """The Content-Type header, else the content type the body declares."""
    values = find_header(headers, "content-type")
    return values[0] if values else body.content_type


def find_header(headers: Mapping[str, list[str]] | None, name: str) -> list[str] | None:
    """Header values by case-insensitive name."""
    if not headers:
        return None
    if name in headers:
        return headers[name]
    lowered = name.lower()
    for key, values in headers.items():
        if key.lower() == lowered:
            return values
    return None


def parse_query_string(text: str, *, keep_empty: bool = False) -> Query:
    """Decode `a=1&b=2&a=3` into `{"a": ["1", "3"], "b": ["2"]}`, keeping first-seen key order.

    `keep_empty` keeps empty segments (a trailing `&`) as a "" key, which V1 counts as a difference.
    """
    query: Query = {}
    if not text:
        return query
    for segment in text.split("&"):
        if not segment and not keep_empty:
            continue
        key, _, value = segment.partition("=")
        query.setdefault(unquote_plus(key), []).append(unquote_plus(value))
    return query


def format_query_string(query: Mapping[str, list[str]]) -> str:
    """Encode a query map back into `a=1&a=3&b=2` form."""
    safe = "-_.~!*'()@:$,;/?"
    return "&".join(
        f"{quote(key, safe=safe)}={quote(value, safe=safe)}"
        for key, values in query.items()
        for value in values
    )
