"""Pacticipant versions: describe one (by number, or the latest, optionally with a tag), tag one,
and list the latest pact of every integration.

Version and tag URLs are built from the broker's fixed path shapes, as the official client does
for these commands; the latest-version lookups use the index's templated relations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from accord.broker_client.hal import HalClient, HalDocument
from accord.errors import BrokerClientError

# The official client's older code path asks for either media type on these requests.
_EITHER_JSON = "application/hal+json, application/json"


def _segment(value: str) -> str:
    return quote(value, safe="")


def version_url(hal: HalClient, pacticipant: str, version: str) -> str:
    return f"{hal.base_url}/pacticipants/{_segment(pacticipant)}/versions/{_segment(version)}"


def describe_version(
    hal: HalClient, pacticipant: str, *, version: str | None = None, tag: str | None = None
) -> HalDocument:
    """Version `version`, else the latest version (with `tag` when given)."""
    if version:
        url = version_url(hal, pacticipant, version)
        wanted = f"{pacticipant} version {version}"
    else:
        index = hal.index(accept=_EITHER_JSON)
        if tag:
            link = index.require_link("pb:latest-tagged-version")
            url = link.expand(pacticipant=pacticipant, tag=tag)
            wanted = f"the latest version of {pacticipant} tagged {tag!r}"
        else:
            url = index.require_link("pb:latest-version").expand(pacticipant=pacticipant)
            wanted = f"the latest version of {pacticipant}"
    found = hal.get(url, missing_ok=True, accept=_EITHER_JSON)
    if found.status == 404:
        raise BrokerClientError(
            f"{wanted} not found in the Pact Broker (is the pacticipant name spelt as "
            "published? names are case-sensitive)",
            status=404,
            url=url,
        )
    return found


@dataclass(frozen=True, kw_only=True)
class TagResult:
    tag: str
    created: bool


def create_version_tags(
    hal: HalClient,
    pacticipant: str,
    version: str,
    tags: Sequence[str],
    *,
    auto_create_version: bool = False,
) -> list[TagResult]:
    """Tag `version` of `pacticipant` with each of `tags`; the version must exist unless
    `auto_create_version`, so a typo does not quietly create a new version."""
    if not tags:
        raise BrokerClientError("give at least one --tag to add to the version")
    url = version_url(hal, pacticipant, version)
    if not auto_create_version and hal.get(url, missing_ok=True).status == 404:
        raise BrokerClientError(
            f"cannot tag {pacticipant} version {version}: that version does not exist in the "
            "Pact Broker; check the name and number, or pass --auto-create-version",
            status=404,
            url=url,
        )
    results = []
    for tag in tags:
        response = hal.put(f"{url}/tags/{_segment(tag.strip())}", {})
        results.append(TagResult(tag=tag.strip(), created=response.status == 201))
    return results


@dataclass(frozen=True, kw_only=True)
class LatestPact:
    consumer: str
    consumer_version: str
    provider: str
    created_at: str


def list_latest_pact_versions(hal: HalClient) -> tuple[HalDocument, list[LatestPact]]:
    """The latest pact of every consumer/provider pair, and the raw answer (for JSON output)."""
    listing = hal.get(hal.index().require_link("pb:latest-pact-versions").href)
    pacts = [_latest_pact(item) for item in listing.data.get("pacts") or []]
    return listing, pacts


def _latest_pact(item: dict[str, Any]) -> LatestPact:
    embedded = item.get("_embedded") or {}
    consumer = embedded.get("consumer") or {}
    version = (consumer.get("_embedded") or {}).get("version") or {}
    return LatestPact(
        consumer=str(consumer.get("name", "")),
        consumer_version=str(version.get("number", "")),
        provider=str((embedded.get("provider") or {}).get("name", "")),
        created_at=str(item.get("createdAt", "")),
    )
