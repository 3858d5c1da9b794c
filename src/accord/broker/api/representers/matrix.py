"""The matrix / can-i-deploy document (design note §3.12)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accord.broker.api import urls
from accord.broker.api.hal import link, timestamp
from accord.broker.matrix.rows import Row
from accord.broker.matrix.service import MatrixResult


@dataclass
class RowFacts:
    """Per-version tags and branches, and each content's sha, gathered by the resource."""

    tags: dict[int, list[str]]
    branches: dict[int, list[str]]
    shas: dict[int, str]


def matrix(base: str, result: MatrixResult, facts: RowFacts, limit: int | None) -> dict[str, Any]:
    decision = result.decision
    summary: dict[str, Any] = {
        "deployable": decision.deployable,
        "reason": decision.reason,
        "success": decision.success,
        "failed": decision.failed,
        "unknown": decision.unknown,
    }
    if decision.ignored is not None:
        summary["ignored"] = decision.ignored
    considered = result.considered[:limit] if limit else result.considered
    rows = [_row(base, result, facts, row) for row in considered]
    rows += [{**_row(base, result, facts, row), "ignored": True} for row in result.ignored]
    return {"summary": summary, "notices": decision.notices, "matrix": rows}


def _version(base: str, name: str, version_id: int, number: str, facts: RowFacts) -> dict[str, Any]:
    branches = facts.branches.get(version_id, [])
    return {
        "number": number,
        "branch": branches[-1] if branches else None,
        "branches": [{"name": b} for b in branches],
        "branchVersions": [{"name": b, "_links": {"self": link(urls.branch_version(base, name, b, number))}}
                           for b in branches],
        "environments": [],
        "tags": [{"name": t, "_links": {"self": link(urls.tag(base, name, number, t))}}
                 for t in facts.tags.get(version_id, [])],
        "_links": {"self": link(urls.version(base, name, number))},
    }  # fmt: skip


def _row(base: str, result: MatrixResult, facts: RowFacts, row: Row) -> dict[str, Any]:
    consumer, provider = result.names[row.consumer_id], result.names[row.provider_id]
    consumer_number = result.numbers[row.consumer_version_id]
    provider_version = None
    if row.provider_version_id is not None:
        provider_version = _version(base, provider, row.provider_version_id,
                                    result.numbers[row.provider_version_id], facts)  # fmt: skip
    verification = None
    if row.verification_id is not None:
        sha = facts.shas[row.pact_version_id]
        verification = {
            "success": row.success,
            "verifiedAt": timestamp(row.verified_at),
            "_links": {
                "self": link(urls.verification(base, provider, consumer, sha, row.verification_id))
            },
        }
    return {
        "consumer": {"name": consumer, "_links": {"self": link(urls.pacticipant(base, consumer))},
                     "version": _version(base, consumer, row.consumer_version_id, consumer_number, facts)},
        "provider": {"name": provider, "_links": {"self": link(urls.pacticipant(base, provider))},
                     "version": provider_version},
        "pact": {"createdAt": timestamp(row.pact_created_at),
                 "_links": {"self": link(urls.pact_by_version(base, provider, consumer, consumer_number))}},
        "verificationResult": verification,
    }  # fmt: skip
