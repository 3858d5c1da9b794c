"""Where pacts come from: files, directories, URLs and Pact Brokers.

Each source is a small dataclass; `load_source` turns one into `LoadedPact`s, each remembering
where it came from and what the broker said about it (pending, WIP, notices, publish link).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from accord.broker_client import (
    BrokerClient,
    ConsumerVersionSelector,
    HalDocument,
    VerificationQuery,
)
from accord.broker_client.hal import BrokerAuth
from accord.errors import AccordError, InvalidPact, VerificationError
from accord.model import Pact, load_pact


@dataclass(frozen=True, kw_only=True)
class FileSource:
    path: Path


@dataclass(frozen=True, kw_only=True)
class DirectorySource:
    """Every `*.json` pact in a directory whose provider is the one being verified."""

    path: Path


@dataclass(frozen=True, kw_only=True)
class UrlSource:
    url: str
    username: str | None = None
    password: str | None = None
    token: str | None = None


@dataclass(frozen=True, kw_only=True)
class BrokerSource:
    """The pacts a Pact Broker selects for the provider (pacts-for-verification)."""

    url: str
    username: str | None = None
    password: str | None = None
    token: str | None = None
    selectors: tuple[ConsumerVersionSelector, ...] = ()
    provider_branch: str | None = None
    provider_tags: tuple[str, ...] = ()
    include_pending: bool = False
    include_wip_since: str | None = None

    def client(self) -> BrokerClient:
        return BrokerClient(
            self.url, username=self.username, password=self.password, token=self.token
        )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


PactSource = FileSource | DirectorySource | UrlSource | BrokerSource


@dataclass(frozen=True, kw_only=True)
class LoadedPact:
    """A pact ready to verify, and what is known about where it came from."""

    pact: Pact
    origin: str
    pending: bool = False
    wip: bool = False
    short_description: str | None = None
    notices: tuple[str, ...] = ()
    # Broker notices to show after verifying, by `when` (after_verification:success_true_...).
    later_notices: tuple[tuple[str, str], ...] = ()
    # The broker document (with `_links`) results are published against; None for local files.
    broker_document: HalDocument | None = None
    # The source the document was fetched from; its credentials are used to publish results.
    fetched_from: UrlSource | BrokerSource | None = field(default=None, repr=False)

    def broker_client(self) -> BrokerClient | None:
        """A client for publishing this pact's results, when it came with a publish link."""
        if self.broker_document is None or self.fetched_from is None:
            return None
        source = self.fetched_from
        base = source.url if isinstance(source, BrokerSource) else _origin(source.url)
        return BrokerClient(
            base, username=source.username, password=source.password, token=source.token
        )


def source_for(location: str | os.PathLike[str]) -> PactSource:
    """A file, directory or http(s) URL source from a command-line argument."""
    text = os.fspath(location)
    if text.startswith(("http://", "https://")):
        return UrlSource(url=text)
    path = Path(text)
    if path.is_dir():
        return DirectorySource(path=path)
    return FileSource(path=path)


def load_source(source: PactSource, *, provider: str | None) -> list[LoadedPact]:
    """Read every pact the source offers; errors name the source and what to fix."""
    match source:
        case FileSource(path=path):
            return [LoadedPact(pact=_load_file(path), origin=str(path))]
        case DirectorySource(path=path):
            loaded, errors = load_directory(path, provider)
            if errors:
                raise VerificationError("\n".join(errors))
            return loaded
        case UrlSource():
            return [_load_url(source)]
        case BrokerSource():
            return _load_broker(source, provider)
    raise TypeError(f"unknown pact source {source!r}")


def _load_file(path: Path) -> Pact:
    if not path.exists():
        raise VerificationError(
            f"pact file {path} does not exist; pass a pact file, a directory of pacts or a URL"
        )
    return load_pact(path)


def load_directory(path: Path, provider: str | None) -> tuple[list[LoadedPact], list[str]]:
    """The pacts for `provider` in a directory, and one error line per file that cannot be read.

    A shared pact directory holds pacts for several providers; only ours are returned, and one
    broken file does not hide the others.
    """
    loaded: list[LoadedPact] = []
    errors: list[str] = []
    for file in sorted(path.glob("*.json")):
        try:
            pact = _load_file(file)
        except AccordError as error:
            errors.append(f"could not load the pact {file}: {error}")
            continue
        if provider is None or pact.provider == provider:
            loaded.append(LoadedPact(pact=pact, origin=str(file)))
    return loaded, errors


def _load_url(source: UrlSource) -> LoadedPact:
    headers: dict[str, str] = {"Accept": "application/hal+json, application/json"}
    auth = BrokerAuth(username=source.username, password=source.password, token=source.token)
    basic = auth.apply(headers)
    try:
        answer = httpx.get(
            source.url,
            headers=headers,
            auth=basic,
            follow_redirects=True,
            timeout=30,
        )
    except httpx.HTTPError as error:
        raise VerificationError(f"could not fetch pact {source.url}: {error}") from error
    if answer.status_code >= 400:
        raise VerificationError(
            f"could not fetch pact {source.url}: HTTP {answer.status_code} {answer.text[:200]!r}"
            + ("; check the username/password or token" if answer.status_code in (401, 403) else "")
        )
    data = _json(answer.content, source.url)
    document = HalDocument(url=source.url, data=data)
    has_publish_link = document.link("pb:publish-verification-results") is not None
    return LoadedPact(
        pact=_load_document(data, source.url),
        origin=source.url,
        broker_document=document if has_publish_link else None,
        fetched_from=source,
    )


def _load_broker(source: BrokerSource, provider: str | None) -> list[LoadedPact]:
    if not provider:
        raise VerificationError(
            f"verifying pacts from the broker at {source.url} needs the provider name; "
            "pass provider='...' (CLI: --provider)"
        )
    query = VerificationQuery(
        selectors=source.selectors,
        provider_branch=source.provider_branch,
        provider_tags=source.provider_tags,
        include_pending=source.include_pending,
        include_wip_since=source.include_wip_since,
    )
    loaded = []
    with source.client() as client:
        for verifiable in client.pacts_for_verification(provider, query):
            document = client.fetch_pact(verifiable.url)
            loaded.append(
                LoadedPact(
                    pact=_load_document(document.data, verifiable.url),
                    origin=verifiable.url,
                    pending=verifiable.pending,
                    wip=verifiable.wip,
                    short_description=verifiable.short_description,
                    notices=tuple(verifiable.notices_for("before_verification")),
                    later_notices=tuple(
                        (notice.when, notice.text)
                        for notice in verifiable.notices
                        if notice.when != "before_verification"
                    ),
                    broker_document=document,
                    fetched_from=source,
                )
            )
    return loaded


def _json(content: bytes, origin: str) -> dict[str, Any]:
    try:
        data = json.loads(content)
    except ValueError as error:
        raise VerificationError(f"pact at {origin} is not JSON: {error}") from None
    if not isinstance(data, dict):
        raise VerificationError(f"pact at {origin} is not a JSON object")
    return data


def _load_document(data: dict[str, Any], origin: str) -> Pact:
    # Broker additions (`_links`, `createdAt`) are not part of the pact.
    cleaned = {key: value for key, value in data.items() if key not in ("_links", "createdAt")}
    try:
        return load_pact(cleaned)
    except InvalidPact as error:
        raise InvalidPact(error.issues, source=origin) from None
