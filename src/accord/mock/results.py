"""What happened to each request and each expected interaction, and the report built from it.

Constructors here are internal: users receive `MockReport` objects from the mock server and read
them (`ok`, `problems`, `render()`, `raise_for_mismatches()`).
"""

from __future__ import annotations

import threading
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

from accord.errors import MismatchError
from accord.model import HttpInteraction, Request


@dataclass(frozen=True, kw_only=True)
class Matched:
    """A request that satisfied an interaction."""

    interaction: HttpInteraction
    request: Request


@dataclass(frozen=True, kw_only=True)
class Mismatched:
    """A request that reached an interaction's method and path but differed elsewhere."""

    interaction: HttpInteraction
    request: Request
    mismatches: tuple[Any, ...]


@dataclass(frozen=True, kw_only=True)
class Unexpected:
    """A request that no interaction expected."""

    request: Request


@dataclass(frozen=True, kw_only=True)
class Missing:
    """An interaction the consumer never requested."""

    interaction: HttpInteraction


@dataclass(frozen=True, kw_only=True)
class Errored:
    """A request the mock server failed to handle (a bug or a broken generator), kept so the
    test fails with the cause instead of a dropped connection."""

    request: Request
    error: str


Outcome = Matched | Mismatched | Unexpected | Errored
MatchResult = Matched | Mismatched | Unexpected | Missing | Errored


@dataclass(frozen=True, kw_only=True)
class MockReport:
    """Every request outcome and every interaction that was expected but not received."""

    results: tuple[MatchResult, ...] = ()
    title: str = "mock server"

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problems(self) -> list[Mismatched | Unexpected | Missing | Errored]:
        return [result for result in self.results if not isinstance(result, Matched)]

    @property
    def matched(self) -> list[Matched]:
        return [result for result in self.results if isinstance(result, Matched)]

    def render(self) -> str:
        """A readable account of every problem, one numbered block each."""
        problems = self.problems
        if not problems:
            return f"{self.title}: every expected request was received and matched"
        noun = "problem" if len(problems) == 1 else "problems"
        lines = [f"{self.title}: {len(problems)} {noun}"]
        for number, problem in enumerate(problems, start=1):
            lines.extend(_render_problem(number, problem))
        return "\n".join(lines)

    def to_json(self) -> list[dict[str, Any]]:
        """Problems in the shape Pact mock servers report them (`type`, `request`, `mismatches`)."""
        out: list[dict[str, Any]] = []
        for problem in self.problems:
            if isinstance(problem, Missing):
                out.append(
                    {
                        "type": "missing-request",
                        "description": problem.interaction.description,
                        "method": problem.interaction.request.method,
                        "path": problem.interaction.request.path,
                    }
                )
            elif isinstance(problem, Errored):
                out.append(
                    {
                        "type": "mock-server-error",
                        "method": problem.request.method,
                        "path": problem.request.path,
                        "error": problem.error,
                    }
                )
            elif isinstance(problem, Unexpected):
                out.append(
                    {
                        "type": "request-not-found",
                        "method": problem.request.method,
                        "path": problem.request.path,
                    }
                )
            else:
                out.append(
                    {
                        "type": "request-mismatch",
                        "description": problem.interaction.description,
                        "method": problem.request.method,
                        "path": problem.request.path,
                        "mismatches": [_mismatch_json(m) for m in problem.mismatches],
                    }
                )
        return out

    def raise_for_mismatches(self) -> None:
        """Raise MismatchError (an AssertionError, so pytest shows a failure) when not ok."""
        if not self.ok:
            raise MismatchError(self.render())


@dataclass
class RequestLog:
    """Thread-safe record of the outcomes of requests served by one mock server session."""

    _outcomes: list[Outcome] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _matched: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)

    def record(self, outcome: Outcome) -> None:
        with self._lock:
            self._outcomes.append(outcome)
            if isinstance(outcome, Matched):
                self._matched.add(outcome.interaction.identity())

    def matched_identities(self) -> Container[tuple[str, tuple[str, ...]]]:
        """Identities of the interactions matched so far (a live, read-only view)."""
        return self._matched

    def outcomes(self) -> list[Outcome]:
        with self._lock:
            return list(self._outcomes)

    def clear(self) -> None:
        with self._lock:
            self._outcomes.clear()
            self._matched.clear()

    def report(self, expected: list[HttpInteraction], title: str) -> MockReport:
        outcomes = self.outcomes()
        # A mismatched interaction is reported once, as mismatched, not also as missing.
        # Identity (description + states), not object id: a live mock rebuilds its interactions.
        seen = {o.interaction.identity() for o in outcomes if isinstance(o, Matched | Mismatched)}
        missing = [Missing(interaction=i) for i in expected if i.identity() not in seen]
        return MockReport(results=(*outcomes, *missing), title=title)


def field_path(mismatch: Any) -> str:
    """Where a mismatch is, as a path into the whole request: `$.body.user.email`, `$.headers.X`."""
    kind = str(getattr(mismatch, "kind", ""))
    path = str(getattr(mismatch, "path", "") or "")
    if kind in ("body", "body_type"):
        return "$.body" + path[1:] if path.startswith("$") else "$.body"
    if kind in ("header", "query"):
        container = "headers" if kind == "header" else "query"
        return f"$.{container}.{path}" if path else f"$.{container}"
    return f"$.{kind}" if kind else "$"


def _describe_request(request: Request) -> str:
    return f"{request.method} {request.path}"


def _render_problem(number: int, problem: Mismatched | Unexpected | Missing | Errored) -> list[str]:
    if isinstance(problem, Errored):
        return [
            f"{number}. The mock server failed on {_describe_request(problem.request)}: "
            f"{problem.error}"
        ]
    if isinstance(problem, Missing):
        request = problem.interaction.request
        return [
            f"{number}. Expected but not received: {problem.interaction.description!r} "
            f"({_describe_request(request)})"
        ]
    if isinstance(problem, Unexpected):
        return [
            f"{number}. Unexpected {problem.request.method} request received: {problem.request.path}"
        ]
    lines = [
        f"{number}. Mismatched request for {problem.interaction.description!r} "
        f"({_describe_request(problem.request)})"
    ]
    for mismatch in problem.mismatches:
        expected = getattr(mismatch, "expected", None)
        actual = getattr(mismatch, "actual", None)
        # For headers and query parameters None means absent; in a body it is JSON null.
        named = str(getattr(mismatch, "kind", "")) in ("header", "query")
        if named and expected is None and actual is not None:
            summary = f"not expected, got {actual!r}"
        elif named and actual is None and expected is not None:
            summary = f"expected {expected!r}, missing"
        elif isinstance(expected, dict) and isinstance(actual, dict) and expected.keys() - actual:
            # Name the absent keys: in two large objects they are hard to spot.
            absent = ", ".join(repr(key) for key in expected if key not in actual)
            summary = f"missing {absent}; expected {expected!r}, got {actual!r}"
        else:
            summary = f"expected {expected!r}, got {actual!r}"
        lines.append(f"   {field_path(mismatch)}: {summary}")
        message = getattr(mismatch, "message", "") or str(mismatch)
        lines.append(f"     {message}")
    return lines


def _mismatch_json(mismatch: Any) -> dict[str, Any]:
    to_json = getattr(mismatch, "to_json", None)
    data: dict[str, Any] = dict(to_json()) if callable(to_json) else {"mismatch": str(mismatch)}
    data["field"] = field_path(mismatch)
    return data
