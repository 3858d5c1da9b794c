"""Finding pacts: by consumer version, latest (by tag, branch, untagged), by content sha, lists
per provider or integration, and the history views (previous distinct content, diffs)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from accord.broker.context import Context
from accord.broker.db.models import (
    BranchVersion,
    Pacticipant,
    PactPublication,
    PactVersion,
    Tag,
    Version,
)
from accord.broker.errors import NotFound
from accord.broker.services import pacticipants, versions


@dataclass(frozen=True)
class PactView:
    """A publication with everything a representer needs."""

    consumer: Pacticipant
    provider: Pacticipant
    consumer_version: Version
    pact_version: PactVersion
    publication: PactPublication

    @property
    def content(self) -> dict[str, Any]:
        content: dict[str, Any] = json.loads(self.pact_version.content)
        return content

    @property
    def name(self) -> str:
        return (
            f"Pact between {self.consumer.name} ({self.consumer_version.number}) "
            f"and {self.provider.name}"
        )


def _current(ctx: Context, version_id: int, provider_id: int) -> PactPublication | None:
    return ctx.session.scalars(
        select(PactPublication)
        .where(
            PactPublication.consumer_version_id == version_id,
            PactPublication.provider_id == provider_id,
        )
        .execution_options(populate_existing=True)
    ).first()


def _view(ctx: Context, publication: PactPublication) -> PactView:
    get = ctx.session.get
    return PactView(
        consumer=get(Pacticipant, publication.consumer_id),  # type: ignore[arg-type]
        provider=get(Pacticipant, publication.provider_id),  # type: ignore[arg-type]
        consumer_version=get(Version, publication.consumer_version_id),  # type: ignore[arg-type]
        pact_version=get(PactVersion, publication.pact_version_id),  # type: ignore[arg-type]
        publication=publication,
    )


def _pair(ctx: Context, provider_name: str, consumer_name: str) -> tuple[Pacticipant, Pacticipant]:
    provider = pacticipants.require(ctx, provider_name, "provider")
    consumer = pacticipants.require(ctx, consumer_name, "consumer")
    return provider, consumer


def _publications(
    provider: Pacticipant, consumer: Pacticipant | None = None
) -> Select[PactPublication]:
    statement = select(PactPublication).where(PactPublication.provider_id == provider.id)
    if consumer is not None:
        statement = statement.where(PactPublication.consumer_id == consumer.id)
    return statement


def by_version(ctx: Context, provider_name: str, consumer_name: str, number: str) -> PactView:
    provider, consumer = _pair(ctx, provider_name, consumer_name)
    version = versions.find(ctx, consumer, number)
    publication = _current(ctx, version.id, provider.id) if version else None
    if publication is None:
        raise NotFound(
            f"No pact found between consumer '{consumer_name}' version '{number}' and provider "
            f"'{provider_name}'"
        )
    return _view(ctx, publication)


def latest(
    ctx: Context,
    provider_name: str,
    consumer_name: str,
    *,
    tag: str | None = None,
    branch: str | None = None,
    untagged: bool = False,
) -> PactView:
    """The pact of the highest-ordered consumer version (with the tag / on the branch)."""
    provider, consumer = _pair(ctx, provider_name, consumer_name)
    statement = _publications(provider, consumer)
    if tag is not None:
        statement = statement.join(
            Tag, Tag.version_id == PactPublication.consumer_version_id
        ).where(Tag.name == tag)
    if branch is not None:
        statement = statement.join(
            BranchVersion, BranchVersion.version_id == PactPublication.consumer_version_id
        ).where(BranchVersion.branch_name == branch)
    if untagged:
        tagged = select(Tag.version_id).where(Tag.pacticipant_id == consumer.id)
        statement = statement.where(PactPublication.consumer_version_id.not_in(tagged))
    publication = ctx.session.scalars(
        statement.order_by(PactPublication.consumer_version_id.desc()).limit(1)
    ).first()
    if publication is None:
        detail = f" with tag '{tag}'" if tag else f" on branch '{branch}'" if branch else ""
        detail = " from an untagged version" if untagged else detail
        raise NotFound(
            f"No pact found between consumer '{consumer_name}'{detail} and provider "
            f"'{provider_name}'"
        )
    return _view(ctx, publication)


def by_sha(ctx: Context, provider_name: str, consumer_name: str, sha: str) -> PactView:
    """The content with this sha, shown as published by its latest consumer version."""
    provider, consumer = _pair(ctx, provider_name, consumer_name)
    publication = ctx.session.scalars(
        _publications(provider, consumer)
        .join(PactVersion, PactVersion.id == PactPublication.pact_version_id)
        .where(PactVersion.sha == sha)
        .order_by(PactPublication.consumer_version_id.desc())
        .limit(1)
    ).first()
    if publication is None:
        raise NotFound(
            f"No pact with content sha '{sha}' found between consumer '{consumer_name}' and "
            f"provider '{provider_name}'"
        )
    return _view(ctx, publication)


def all_for(
    ctx: Context,
    provider_name: str,
    consumer_name: str | None = None,
    *,
    tag: str | None = None,
    branch: str | None = None,
    latest_per_consumer: bool = False,
) -> list[PactView]:
    """Pacts of a provider (optionally one consumer, tag or branch) by consumer name, newest
    first; with `latest_per_consumer` only the newest one of each consumer."""
    provider = pacticipants.require(ctx, provider_name, "provider")
    consumer = pacticipants.require(ctx, consumer_name, "consumer") if consumer_name else None
    statement = _publications(provider, consumer)
    if tag is not None:
        statement = statement.join(
            Tag, Tag.version_id == PactPublication.consumer_version_id
        ).where(Tag.name == tag)
    if branch is not None:
        statement = statement.join(
            BranchVersion, BranchVersion.version_id == PactPublication.consumer_version_id
        ).where(BranchVersion.branch_name == branch)
    if latest_per_consumer:
        inner = statement.subquery()
        newest = aliased(PactPublication, inner)
        ids = select(func.max(newest.consumer_version_id)).group_by(newest.consumer_id)
        statement = _publications(provider, consumer).where(
            PactPublication.consumer_version_id.in_(ids)
        )
    rows = ctx.session.scalars(statement.order_by(PactPublication.consumer_version_id.desc()))
    views = [_view(ctx, row) for row in rows]
    # by consumer name, newest consumer version first within each consumer
    return sorted(views, key=lambda v: (v.consumer.name, -v.consumer_version.id))


def latest_for_every_integration(ctx: Context) -> list[PactView]:
    newest = (
        select(
            PactPublication.consumer_id,
            PactPublication.provider_id,
            func.max(PactPublication.consumer_version_id).label("version_id"),
        )
        .group_by(PactPublication.consumer_id, PactPublication.provider_id)
        .subquery()
    )
    rows = ctx.session.scalars(
        select(PactPublication)
        .join(
            newest,
            (newest.c.provider_id == PactPublication.provider_id)
            & (newest.c.version_id == PactPublication.consumer_version_id),
        )
        .order_by(PactPublication.consumer_id, PactPublication.provider_id)
    )
    return [_view(ctx, row) for row in rows]


def previous_distinct(ctx: Context, view: PactView) -> PactView:
    """The newest earlier consumer version's pact whose content differs from this one."""
    publication = ctx.session.scalars(
        select(PactPublication)
        .join(PactVersion, PactVersion.id == PactPublication.pact_version_id)
        .where(
            PactPublication.provider_id == view.provider.id,
            PactPublication.consumer_id == view.consumer.id,
            PactPublication.consumer_version_id < view.consumer_version.id,
            PactVersion.sha != view.pact_version.sha,
        )
        .order_by(PactPublication.consumer_version_id.desc())
        .limit(1)
    ).first()
    if publication is None:
        raise NotFound(f"No earlier pact with different content found before {view.name.lower()}")
    return _view(ctx, publication)


def diff(old: PactView, new: PactView) -> str:
    """A unified text diff of the two pacts' content (pretty JSON, keys sorted)."""
    import difflib

    def lines(view: PactView) -> list[str]:
        return json.dumps(view.content, indent=2, sort_keys=True).splitlines(keepends=True)

    return "".join(
        difflib.unified_diff(
            lines(old), lines(new),
            fromfile=f"{old.consumer_version.number} ({old.pact_version.sha[:8]})",
            tofile=f"{new.consumer_version.number} ({new.pact_version.sha[:8]})",
        )
    )  # fmt: skip
