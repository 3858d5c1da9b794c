"""Publishing pact files to a Pact Broker, as `accord publish` does.

The broker's `pb:publish-contracts` relation takes one request per consumer carrying all that
consumer's pacts (design/broker-api.md §3.5.2), which is what the official CLI sends. Files for the
same consumer and provider are merged first, so pacts written by parallel test runs go up as one.
Brokers older than that relation get the old sequence: branch, tags, then one PUT per pact.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.broker_client.hal import HalClient, HalDocument
from accord.broker_client.notices import BrokerNotice, notices_of
from accord.errors import BrokerClientError, InvalidPact, PactMergeConflict
from accord.model import load_pact


@dataclass(frozen=True, kw_only=True)
class ConsumerVersion:
    """The consumer version the pacts belong to, and what is recorded with it."""

    number: str
    branch: str | None = None
    tags: Sequence[str] = ()
    build_url: str | None = None


@dataclass(frozen=True, kw_only=True)
class PactFile:
    """One pact file as read from disk: its names and its JSON, key order kept."""

    path: Path
    content: dict[str, Any]

    @property
    def consumer(self) -> str:
        return str((self.content.get("consumer") or {}).get("name", ""))

    @property
    def provider(self) -> str:
        return str((self.content.get("provider") or {}).get("name", ""))


@dataclass(frozen=True, kw_only=True)
class Publication:
    """What the broker answered for one consumer's pacts."""

    consumer: str
    response: HalDocument
    notices: tuple[BrokerNotice, ...] = field(default_factory=tuple)


def find_pact_files(locations: Iterable[str | Path]) -> list[Path]:
    """Files as given, directories as the `*.json` files directly inside them (sorted)."""
    found: list[Path] = []
    for location in locations:
        path = Path(location)
        if path.is_dir():
            found.extend(sorted(path.glob("*.json")))
        elif path.is_file():
            found.append(path)
        else:
            raise BrokerClientError(
                f"pact file or directory {str(path)!r} does not exist; pass pact files or "
                "the directory your consumer tests write them to"
            )
    if not found:
        listed = ", ".join(str(location) for location in locations) or "nothing"
        raise BrokerClientError(f"no pact files (*.json) found in {listed}")
    return found


def read_pact_file(path: Path) -> PactFile:
    """A pact file's JSON, checked here so a broken file is named before anything is sent.

    The check is the lenient one the verifier reads pacts with: what it could not verify is
    refused, what only `accord pact validate` warns about is published.
    """
    load_pact(path)  # raises InvalidPact "invalid pact in <path>: ..." listing every problem
    try:
        content = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:
        raise InvalidPact(f"cannot read pact file {path}: {error}") from error
    pact = PactFile(path=path, content=content if isinstance(content, dict) else {})
    if not pact.consumer or not pact.provider:
        raise InvalidPact(
            f"pact file {path} has no consumer or provider name "
            f"(expected consumer.name and provider.name, found {pact.consumer!r} and "
            f"{pact.provider!r})"
        )
    return pact


def publish_pacts(
    hal: HalClient,
    pact_files: Sequence[PactFile],
    version: ConsumerVersion,
    *,
    merge: bool = False,
) -> list[Publication]:
    """Publish `pact_files` for `version`: one request per consumer, in first-seen order."""
    if not version.number.strip():
        raise BrokerClientError("a consumer version number is needed to publish pacts")
    index = hal.index()
    link = index.link("pb:publish-contracts")
    by_consumer: dict[str, list[PactFile]] = {}
    for pact in pact_files:
        by_consumer.setdefault(pact.consumer, []).append(pact)
    if link is None:
        return [
            _publish_the_old_way(hal, index, consumer, pacts, version, merge=merge)
            for consumer, pacts in by_consumer.items()
        ]
    publications = []
    for consumer, pacts in by_consumer.items():
        body = contracts_request(consumer, merged_by_provider(pacts), version, merge=merge)
        response = hal.post(link.href, body)
        publications.append(
            Publication(consumer=consumer, response=response, notices=notices_of(response.data))
        )
    return publications


def contracts_request(
    consumer: str, pacts: Sequence[dict[str, Any]], version: ConsumerVersion, *, merge: bool
) -> dict[str, Any]:
    """The `pb:publish-contracts` body; optional keys are left out rather than sent empty."""
    body: dict[str, Any] = {
        "pacticipantName": consumer,
        "pacticipantVersionNumber": version.number.strip(),
        "tags": [tag.strip() for tag in version.tags],
    }
    if version.branch:
        body["branch"] = version.branch.strip()
    if version.build_url:
        body["buildUrl"] = version.build_url.strip()
    body["contracts"] = [_contract(pact, merge=merge) for pact in pacts]
    return body


def _contract(pact: dict[str, Any], *, merge: bool) -> dict[str, Any]:
    # Compact JSON in the file's own key order: the broker hashes content, not formatting.
    text = json.dumps(pact, separators=(",", ":"), ensure_ascii=False)
    contract = {
        "consumerName": pact["consumer"]["name"],
        "providerName": pact["provider"]["name"],
        "specification": "pact",
        "contentType": "application/json",
        "content": base64.b64encode(text.encode("utf-8")).decode("ascii"),
    }
    if merge:
        contract["onConflict"] = "merge"
    return contract


def merged_by_provider(pacts: Sequence[PactFile]) -> list[dict[str, Any]]:
    """One pact per provider: files for the same pair have their interactions combined."""
    grouped: dict[str, list[PactFile]] = {}
    for pact in pacts:
        grouped.setdefault(pact.provider, []).append(pact)
    return [_merge(files) for files in grouped.values()]


def _merge(files: list[PactFile]) -> dict[str, Any]:
    merged = dict(files[0].content)
    for key in ("interactions", "messages"):
        items: list[Any] = []
        seen: dict[str, Any] = {}
        for pact in files:
            for item in pact.content.get(key) or []:
                identity = _identity(item)
                if identity in seen:
                    if seen[identity] != item:
                        raise PactMergeConflict(
                            f"cannot merge {files[0].path} and {pact.path}: both describe "
                            f"{identity} between {pact.consumer} and {pact.provider}, "
                            "differently; give them distinct descriptions or states"
                        )
                    continue
                seen[identity] = item
                items.append(item)
        if key in merged or items:
            merged[key] = items
    return merged


def _identity(item: Any) -> str:
    if not isinstance(item, dict):
        return json.dumps(item, sort_keys=True)
    states = item.get("providerStates") or item.get("providerState") or ""
    return f"interaction {item.get('description', '')!r} (state {json.dumps(states)})"


def _publish_the_old_way(
    hal: HalClient,
    index: HalDocument,
    consumer: str,
    pacts: list[PactFile],
    version: ConsumerVersion,
    *,
    merge: bool,
) -> Publication:
    """Brokers before `pb:publish-contracts`: record branch and tags, then PUT each pact."""
    names = {"pacticipant": consumer, "version": version.number}
    if version.branch:
        branch_link = index.require_link("pb:pacticipant-branch-version")
        hal.put(branch_link.expand(branch=version.branch, **names), {})
    for tag in version.tags:
        hal.put(index.require_link("pb:pacticipant-version-tag").expand(tag=tag, **names), {})
    publish_link = index.require_link("pb:publish-pact")
    response = HalDocument(url=hal.base_url)
    notices = []
    for pact in merged_by_provider(pacts):
        url = publish_link.expand(
            provider=pact["provider"]["name"],
            consumer=consumer,
            consumerApplicationVersion=version.number,
        )
        response = (
            hal.patch(url, pact, content_type="application/json") if merge else hal.put(url, pact)
        )
        notices.append(
            BrokerNotice(
                type="success",
                text=f"Pact successfully published for {consumer} version {version.number} "
                f"and provider {pact['provider']['name']}.",
            )
        )
    return Publication(consumer=consumer, response=response, notices=tuple(notices))
