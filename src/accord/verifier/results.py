"""Verification results as data: per interaction, per pact, and the whole run.

Constructors are keyword-only and internal: users receive these objects, they do not build them.
`Failure.headline` is the one-line form users read first, e.g.
`OrderService expects $.body.userId (missing)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from accord.errors import MismatchError

_MISSING_KEYS = re.compile(r"^Actual map is missing the following keys: (.+)$")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True, kw_only=True)
class Failure:
    """One reason an interaction failed: its category line, the field, expected and actual."""

    category: str
    attribute: str  # body, header, status, metadata, query, path, method, state, request
    path: str = ""
    expected: Any = None
    actual: Any = None
    message: str = ""
    missing: bool = False

    def field(self) -> str:
        """The field as users name it: `$.body.userId`, `$.headers.X-Test`, `$.status`."""
        if self.attribute == "body":
            return "$.body" + (self.path[1:] if self.path.startswith("$") else "")
        if self.attribute in ("header", "metadata", "query"):
            section = {"header": "headers", "metadata": "metadata", "query": "query"}[
                self.attribute
            ]
            return f"$.{section}.{self.path}" if self.path else f"$.{section}"
        if self.attribute in ("status", "method", "path"):
            return f"$.{self.attribute}"
        return self.attribute

    def headline(self, consumer: str) -> str:
        if self.missing:
            return f"{consumer} expects {self.field()} (missing)"
        if self.attribute in ("state", "request"):
            # No field to point at: the message names consumer, interaction and cause.
            return self.message
        return f"{consumer} expects {self.field()}: {self.message}"

    def line(self, consumer: str) -> str:
        """Category and headline on one line, without saying the category twice."""
        headline = self.headline(consumer)
        return headline if headline.startswith(self.category) else f"{self.category}: {headline}"

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "attribute": self.attribute,
            "field": self.field(),
            "expected": _jsonable(self.expected),
            "actual": _jsonable(self.actual),
            "message": self.message,
        }


def failures_from_mismatch(mismatch: Any) -> list[Failure]:
    """Turn one matching Mismatch into Failures; a missing-keys mismatch becomes one per key."""
    kind = str(getattr(mismatch.kind, "value", mismatch.kind))
    attribute = "body" if kind == "body_type" else kind
    found = _MISSING_KEYS.match(mismatch.message or "")
    if attribute in ("body", "metadata") and found:
        base = mismatch.path or "$"
        keys = [key.strip() for key in found.group(1).split(",")]
        if isinstance(mismatch.expected, dict) and isinstance(mismatch.actual, dict):
            keys = [key for key in mismatch.expected if key not in mismatch.actual] or keys
        return [
            Failure(
                category=mismatch.summary,
                attribute=attribute,
                path=_child(base, key) if attribute == "body" else key,
                expected=(mismatch.expected or {}).get(key)
                if isinstance(mismatch.expected, dict)
                else None,
                message=f"expected key {key!r} but it was missing",
                missing=True,
            )
            for key in keys
        ]
    return [
        Failure(
            category=mismatch.summary,
            attribute=attribute,
            path=mismatch.path,
            expected=mismatch.expected,
            actual=mismatch.actual,
            message=mismatch.message,
        )
    ]


def _child(base: str, key: str) -> str:
    return f"{base}.{key}" if _IDENTIFIER.match(key) else f"{base}['{key}']"


@dataclass(kw_only=True)
class InteractionResult:
    """The outcome of verifying one interaction."""

    consumer: str
    provider: str
    description: str
    states: tuple[str, ...] = ()
    interaction_id: str | None = None
    kind: str = "http"
    pending: bool = False
    failures: list[Failure] = field(default_factory=list)
    duration: float = 0.0
    comments: tuple[str, ...] = ()
    test_name: str | None = None
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def counts_as_failure(self) -> bool:
        """Failed and not pending: this is what breaks the build."""
        return bool(self.failures) and not self.pending

    def categories(self) -> list[str]:
        return list(dict.fromkeys(failure.category for failure in self.failures))

    def title(self) -> str:
        given = f" given {', '.join(self.states)}" if self.states else ""
        return f"{self.description}{given}"

    def to_json(self) -> dict[str, Any]:
        return {
            "consumer": self.consumer,
            "provider": self.provider,
            "description": self.description,
            "providerStates": list(self.states),
            "interactionId": self.interaction_id,
            "type": self.kind,
            "pending": self.pending,
            "success": self.ok,
            "durationMs": round(self.duration * 1000, 3),
            "comments": list(self.comments),
            "testName": self.test_name,
            "failures": [failure.to_json() for failure in self.failures],
        }

    def to_broker_json(self) -> dict[str, Any]:
        """One `testResults[]` entry in the form the Pact Broker stores."""
        entry: dict[str, Any] = {
            "interactionId": self.interaction_id or self.description,
            "success": self.ok,
        }
        if self.failures:
            entry["interactionDescription"] = self.description
            entry["mismatches"] = [
                {
                    "attribute": failure.attribute,
                    "identifier": failure.field(),
                    "description": failure.message,
                }
                for failure in self.failures
            ]
        return entry


@dataclass(kw_only=True)
class PactResult:
    """The outcome of verifying one pact (one consumer's expectations)."""

    consumer: str
    provider: str
    origin: str
    pending: bool = False
    wip: bool = False
    short_description: str | None = None
    notices: tuple[str, ...] = ()
    interactions: list[InteractionResult] = field(default_factory=list)
    published: bool = False

    @property
    def ok(self) -> bool:
        return all(result.ok for result in self.interactions)

    def to_json(self) -> dict[str, Any]:
        return {
            "consumer": self.consumer,
            "provider": self.provider,
            "source": self.origin,
            "pending": self.pending,
            "wip": self.wip,
            "shortDescription": self.short_description,
            "notices": list(self.notices),
            "success": self.ok,
            "published": self.published,
            "interactions": [result.to_json() for result in self.interactions],
        }


@dataclass(kw_only=True)
class VerificationReport:
    """Every pact verified in one run; `exit_code` is 0 unless a non-pending failure occurred."""

    provider: str
    pacts: list[PactResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    duration: float = 0.0

    @property
    def interactions(self) -> list[InteractionResult]:
        return [result for pact in self.pacts for result in pact.interactions]

    @property
    def failures(self) -> list[InteractionResult]:
        return [result for result in self.interactions if result.counts_as_failure]

    @property
    def pending_failures(self) -> list[InteractionResult]:
        return [result for result in self.interactions if result.failures and result.pending]

    @property
    def success(self) -> bool:
        return not self.errors and not self.failures

    @property
    def exit_code(self) -> int:
        return 0 if self.success else 1

    def raise_for_failures(self) -> None:
        """Raise MismatchError (a pytest failure) listing every non-pending failure and error."""
        if self.success:
            return
        lines = [f"provider {self.provider} does not satisfy its consumers' pacts:"]
        lines.extend(f"  error: {text}" for text in self.errors)
        for result in self.failures:
            lines.append(f"  {result.consumer} → {result.provider}: {result.title()}")
            lines.extend(f"    {f.line(result.consumer)}" for f in result.failures)
        raise MismatchError("\n".join(lines))

    def to_json(self) -> dict[str, Any]:
        return {
            "provider": self.provider,
            "success": self.success,
            "durationMs": round(self.duration * 1000, 3),
            "summary": {
                "interactions": len(self.interactions),
                "failed": len(self.failures),
                "pendingFailed": len(self.pending_failures),
            },
            "warnings": list(self.warnings),
            "errors": list(self.errors),
            "pacts": [pact.to_json() for pact in self.pacts],
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, (dict, list, str, int, float, bool)) or value is None:
        return value
    return str(value)
