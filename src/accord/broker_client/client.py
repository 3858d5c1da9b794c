"""What a provider asks of a Pact Broker: the pacts to verify, and where its results go.

Follows the official verifiers (see design/broker-api.md §3.7, §3.8, §6.3): GET the index, GET the
`pb:provider-pacts-for-verification` link, POST the query to that response's `self` link, then fetch
each pact. Results are published after the provider version's branch and tags are recorded, so
the broker's pending and WIP calculations see them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from accord.broker_client.hal import BrokerAuth, HalClient, HalDocument
from accord.broker_client.selectors import ConsumerVersionSelector
from accord.errors import BrokerClientError

FOR_VERIFICATION = "pb:provider-pacts-for-verification"
LEGACY_FOR_VERIFICATION = "beta:provider-pacts-for-verification"


@dataclass(frozen=True, kw_only=True)
class Notice:
    """A message from the broker for the user, and when to show it (`before_verification`, …)."""

    when: str
    text: str


@dataclass(frozen=True, kw_only=True)
class VerifiablePact:
    """One pact the broker asks the provider to verify, with why and how (pending, WIP)."""

    url: str
    name: str | None = None
    short_description: str = ""
    pending: bool = False
    wip: bool = False
    notices: tuple[Notice, ...] = ()

    def notices_for(self, when: str) -> list[str]:
        return [notice.text for notice in self.notices if notice.when == when]


@dataclass(frozen=True, kw_only=True)
class VerificationQuery:
    """The body of the pacts-for-verification request."""

    selectors: Sequence[ConsumerVersionSelector] = ()
    provider_branch: str | None = None
    provider_tags: Sequence[str] = ()
    include_pending: bool = False
    include_wip_since: str | None = None

    def to_json(self) -> dict[str, Any]:
        # Optional keys are sent only when set: brokers (and their pacts) compare the body exactly.
        body: dict[str, Any] = {
            "consumerVersionSelectors": [selector.to_json() for selector in self.selectors],
            "includePendingStatus": self.include_pending,
        }
        if self.provider_branch:
            body["providerVersionBranch"] = self.provider_branch
        if self.provider_tags:
            body["providerVersionTags"] = list(self.provider_tags)
        if self.include_wip_since:
            body["includeWipPactsSince"] = self.include_wip_since
        return body


@dataclass(frozen=True, kw_only=True)
class VerificationResultsPublication:
    """Everything published for one pact after verifying it."""

    provider: str
    provider_version: str
    success: bool
    test_results: list[dict[str, Any]] = field(default_factory=list)
    build_url: str | None = None
    branch: str | None = None
    tags: Sequence[str] = ()
    verifier_version: str = "0.1.0"

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "success": self.success,
            "providerApplicationVersion": self.provider_version,
            "testResults": self.test_results,
            "verifiedBy": {"implementation": "Accord", "version": self.verifier_version},
        }
        if self.build_url:
            body["buildUrl"] = self.build_url
        return body


class BrokerClient:
    """A Pact Broker seen from the provider side. One instance shares one HTTP connection pool."""

    def __init__(
        self,
        base_url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        token: str | None = None,
        client: httpx.Client | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        auth = BrokerAuth(username=username, password=password, token=token)
        self.hal = HalClient(self.base_url, auth=auth, client=client, timeout=timeout)

    def close(self) -> None:
        self.hal.close()

    def __enter__(self) -> BrokerClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ---- pacts for verification --------------------------------------------------------------
    def pacts_for_verification(
        self, provider: str, query: VerificationQuery | None = None
    ) -> list[VerifiablePact]:
        """The pacts the broker selects for `provider`; [] when there are none."""
        query = query or VerificationQuery()
        index = self.hal.index()
        link = index.link(FOR_VERIFICATION) or index.link(LEGACY_FOR_VERIFICATION)
        if link is None:
            return self._latest_provider_pacts(index, provider)
        listing_url = link.expand(provider=provider)
        # The Rust verifier GETs the link first and POSTs to the answer's `self` href; brokers
        # (and the compatibility suite's recorded broker) expect exactly that exchange.
        listing = self.hal.get(listing_url, missing_ok=True)
        if not listing.data:
            return []
        target = listing.link("self")
        post_url = target.expand(provider=provider) if target else listing_url
        answer = self.hal.post(post_url, query.to_json())
        return [_verifiable_pact(item) for item in answer.embedded("pacts")]

    def _latest_provider_pacts(self, index: HalDocument, provider: str) -> list[VerifiablePact]:
        """Brokers older than pacts-for-verification: the latest pact of every consumer."""
        link = index.require_link("pb:latest-provider-pacts")
        listing = self.hal.get(link.expand(provider=provider), missing_ok=True)
        links = listing.links("pb:pacts") or listing.links("pacts")
        return [
            VerifiablePact(url=item.href, name=item.name or item.title, short_description="latest")
            for item in links
        ]

    def fetch_pact(self, url: str) -> HalDocument:
        """A pact document as the broker serves it, `_links` included."""
        return self.hal.get(url)

    # ---- publishing -------------------------------------------------------------------------
    def publish_verification_results(
        self, pact: HalDocument, publication: VerificationResultsPublication
    ) -> HalDocument:
        """Record branch and tags of the provider version, then POST the results for `pact`."""
        if publication.branch or publication.tags:
            self._record_provider_version(pact, publication)
        link = pact.require_link("pb:publish-verification-results")
        return self.hal.post(link.href, publication.to_json())

    def _record_provider_version(
        self, pact: HalDocument, publication: VerificationResultsPublication
    ) -> None:
        provider_link = pact.link("pb:provider")
        if provider_link is not None:
            pacticipant = self.hal.get(provider_link.href)
            branch_link = pacticipant.link("pb:branch-version")
            tag_link = pacticipant.link("pb:version-tag")
        else:
            index = self.hal.index()
            branch_link = index.link("pb:pacticipant-branch-version")
            tag_link = index.link("pb:pacticipant-version-tag")
        names = {"pacticipant": publication.provider, "version": publication.provider_version}
        if publication.branch:
            if branch_link is None:
                raise BrokerClientError(
                    f"cannot record branch {publication.branch!r} for provider "
                    f"{publication.provider} version {publication.provider_version}: the broker "
                    "offers no branch-version link (it may predate branches; use tags instead)"
                )
            self.hal.put(branch_link.expand(branch=publication.branch, **names), {})
        for tag in publication.tags:
            if tag_link is None:
                raise BrokerClientError(
                    f"cannot tag provider {publication.provider} version "
                    f"{publication.provider_version} with {tag!r}: the broker offers no tag link"
                )
            self.hal.put(tag_link.expand(tag=tag, **names), {})


def _verifiable_pact(item: dict[str, Any]) -> VerifiablePact:
    self_link = (item.get("_links") or {}).get("self") or {}
    properties = item.get("verificationProperties") or {}
    notices = tuple(
        Notice(when=str(notice.get("when", "")), text=str(notice.get("text", "")))
        for notice in properties.get("notices") or []
        if isinstance(notice, dict)
    )
    return VerifiablePact(
        url=str(self_link.get("href", "")),
        name=self_link.get("name"),
        short_description=str(item.get("shortDescription", "")),
        pending=bool(properties.get("pending", False)),
        wip=bool(properties.get("wip", False)),
        notices=notices,
    )
