"""Mismatches as data: what differed, where, and Pact's wording for it.

A comparison returns a list of `Mismatch`; an empty list means the actual part satisfied the expected
one. Rendering for humans and machines lives in `accord.matching.render`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class MismatchKind(enum.StrEnum):
    """The part of a request, response or message that differed."""

    METHOD = "method"
    PATH = "path"
    QUERY = "query"
    HEADER = "header"
    BODY = "body"
    BODY_TYPE = "body_type"
    STATUS = "status"
    METADATA = "metadata"


# The category lines a provider verification reports (checked by the compatibility suite).
_SUMMARIES = {
    MismatchKind.METHOD: "Request method did not match",
    MismatchKind.PATH: "Request path did not match",
    MismatchKind.QUERY: "Query parameters had differences",
    MismatchKind.HEADER: "Headers had differences",
    MismatchKind.BODY: "Body had differences",
    MismatchKind.BODY_TYPE: "Body had differences",
    MismatchKind.STATUS: "Response status did not match",
    MismatchKind.METADATA: "Metadata had differences",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Mismatch:
    """One difference between an expected and an actual part.

    `path` is `$.a.b` for body values, the name for headers, query parameters and metadata, and ""
    for method, path and status. `message` uses the reference implementation's wording.
    """

    kind: MismatchKind
    path: str = ""
    expected: Any = None
    actual: Any = None
    message: str = ""

    @property
    def summary(self) -> str:
        """The category line for this mismatch, e.g. "Body had differences"."""
        return _SUMMARIES[self.kind]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: type, path, expected, actual and mismatch text."""
        return {
            "type": self.kind.value,
            "path": self.path,
            "expected": _jsonable(self.expected),
            "actual": _jsonable(self.actual),
            "mismatch": self.message,
        }

    def __str__(self) -> str:
        if self.kind in (MismatchKind.BODY,) and self.path:
            return f"{self.path} -> {self.message}"
        return self.message


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, (dict, list, str, int, float, bool)) or value is None:
        return value
    return str(value)
