"""The pacts-for-verification response (design note §3.7)."""

from __future__ import annotations

from typing import Any

from accord.broker.api import urls
from accord.broker.api.hal import curies, link
from accord.broker.selection import metadata, notices
from accord.broker.selection.selectors import VerificationQuery
from accord.broker.selection.service import VerifiablePact

GET_WARNING = (
    "WARNING - this version of the Pact library uses a beta version of the API which will be "
    "removed in the future. Please upgrade your Pact library. See "
    "https://docs.pact.io/pact_broker/advanced_topics/provider_verification_results for more "
    "information."
)


def for_verification(
    base: str, provider: str, query: VerificationQuery, entries: list[VerifiablePact]
) -> dict[str, Any]:
    pacts = [_entry(base, provider, query, entry) for entry in entries]
    return {
        "_embedded": {"pacts": pacts},
        "_links": {
            "self": link(urls.for_verification(base, provider), title="Pacts to be verified"),
            "curies": curies(base),
        },
    }


def _entry(
    base: str, provider: str, query: VerificationQuery, entry: VerifiablePact
) -> dict[str, Any]:
    candidate = entry.candidate
    selectors = [
        {
            "tag": s.tag,
            "branch": s.branch,
            "latest": s.kind in {"tag", "branch", "main-branch", "latest"} or None,
            "environment": s.environment,
            "consumer_version_id": s.version_id or candidate.version_id,
        }
        for s in entry.selectors
    ]
    segment = metadata.encode(selectors, pending=entry.pending, wip=entry.wip)
    href = urls.pact_by_sha(base, provider, candidate.consumer_name, candidate.sha, segment)
    name = f"Pact between {candidate.consumer_name} ({candidate.version_number}) and {provider}"
    texts: list[dict[str, str]] = []
    if query.from_get:
        texts.append({"when": "before_verification", "text": GET_WARNING})
    texts.append(
        {
            "when": "before_verification",
            "text": notices.inclusion(href, entry.selectors, candidate.consumer_name, entry.wip),
        }
    )
    properties: dict[str, Any] = {}
    if entry.pending is not None:
        properties["pending"] = entry.pending
        texts += notices.pending_notices(
            entry.pending, provider, query.provider_version_branch, query.provider_version_tags
        )
    if entry.wip:
        properties["wip"] = True
    properties["notices"] = texts
    return {
        "shortDescription": ", ".join(notices.short_description(s) for s in entry.selectors),
        "verificationProperties": properties,
        "_links": {"self": link(href, name=name)},
    }
