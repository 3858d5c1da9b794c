"""Publishing and finding pacts. Content is deduplicated per (consumer, provider, sha); each
consumer version has at most one current publication per provider."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import aliased

from accord.broker.context import Context
from accord.broker.db.models import (
    BranchVersion,
    Integration,
    Pacticipant,
    PactPublication,
    PactVersion,
    Tag,
    Version,
)
from accord.broker.db.upsert import get_or_create, insert_ignore
from accord.broker.errors import Conflict, Invalid, NotFound
from accord.broker.services import pact_content, pacticipants, versions

Outcome = Literal["created", "unchanged", "overwritten", "merged"]
OnConflict = Literal["error", "merge", "overwrite"]


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
        return json.loads(self.pact_version.content)

    @property
    def name(self) -> str:
        return (
            f"Pact between {self.consumer.name} ({self.consumer_version.number}) "
            f"and {self.provider.name}"
        )


@dataclass(frozen=True)
class PublishResult:
    view: PactView
    outcome: Outcome


def publish(
    ctx: Context,
    consumer_name: str,
    provider_name: str,
    number: str,
    document: dict[str, Any],
    on_conflict: OnConflict = "error",
) -> PublishResult:
    """Store `document` as the pact of consumer version `number` with the provider."""
    for role, expected in (("consumer", consumer_name), ("provider", provider_name)):
        actual = pact_content.participant_name(document, role)
        if actual is not None and actual != expected:
            raise Invalid(
                f"{role} name in pact '{actual}' does not match name in URL path '{expected}'",
                role,
            )
    pact_content.validate(document)
    for name in (consumer_name, provider_name):
        pacticipants.check_not_duplicate(ctx, name)
    # create pacticipants in name order so concurrent publishers lock rows in the same order
    created = {}
    for name in sorted({consumer_name, provider_name}):
        created[name] = pacticipants.ensure(ctx, name)[0]
    consumer, provider = created[consumer_name], created[provider_name]
    version, _ = versions.ensure(ctx, consumer, number)
    existing = _current(ctx, version.id, provider.id)
    describe = f"{consumer_name} version {number} and provider {provider_name}"
    outcome: Outcome = "created"
    if existing is not None:
        old_version = ctx.session.get(PactVersion, existing.pact_version_id)
        assert old_version is not None
        if on_conflict == "merge":
            document = pact_content.merge(json.loads(old_version.content), document, describe)
        new_sha = pact_content.sha(document)
        if new_sha == old_version.sha:
            return PublishResult(_view(ctx, existing), "unchanged")
        if on_conflict == "error" and not ctx.settings.allow_dangerous_contract_modification:
            raise Conflict(
                f"Cannot change the content of the pact for {describe}, as race conditions will "
                "cause unreliable results for can-i-deploy. Each pact must be published with a "
                "unique consumer version number. Change the consumer version number and publish "
                "again."
            )
        outcome = "merged" if on_conflict == "merge" else "overwritten"
    pact_version = _ensure_content(ctx, consumer, provider, document)
    if existing is None:
        insert_ignore(
            ctx.session,
            PactPublication,
            {
                "consumer_id": consumer.id,
                "provider_id": provider.id,
                "consumer_version_id": version.id,
                "pact_version_id": pact_version.id,
                "revision_number": 1,
                "created_at": ctx.now(),
            },
            ["consumer_version_id", "provider_id"],
        )
        existing = _current(ctx, version.id, provider.id)
        assert existing is not None
        if existing.pact_version_id != pact_version.id:
            # a concurrent publisher won with other content: treat it as our conflict
            return publish(ctx, consumer_name, provider_name, number, document, on_conflict)
    else:
        existing.pact_version_id = pact_version.id
        existing.revision_number += 1
        existing.created_at = ctx.now()
    insert_ignore(
        ctx.session,
        Integration,
        {"consumer_id": consumer.id, "provider_id": provider.id, "created_at": ctx.now()},
        ["consumer_id", "provider_id"],
    )
    ctx.session.flush()
    return PublishResult(_view(ctx, existing), outcome)


def _ensure_content(
    ctx: Context, consumer: Pacticipant, provider: Pacticipant, document: dict[str, Any]
) -> PactVersion:
    content = pact_content.with_ids(document)
    interactions, messages = pact_content.counts(document)
    row, _ = get_or_create(
        ctx.session,
        PactVersion,
        {"consumer_id": consumer.id, "provider_id": provider.id, "sha": pact_content.sha(document)},
        {
            "content": json.dumps(content, ensure_ascii=False),
            "interactions_count": interactions,
            "messages_count": messages,
            "created_at": ctx.now(),
        },
    )
    return row


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


def _publications(provider: Pacticipant, consumer: Pacticipant | None = None):  # type: ignore[no-untyped-def]
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


def remove_by_version(ctx: Context, provider_name: str, consumer_name: str, number: str) -> None:
    view = by_version(ctx, provider_name, consumer_name, number)
    ctx.session.execute(delete(PactPublication).where(PactPublication.id == view.publication.id))


def remove_all(
    ctx: Context,
    provider_name: str,
    consumer_name: str,
    *,
    tag: str | None = None,
    branch: str | None = None,
) -> int:
    views = all_for(ctx, provider_name, consumer_name, tag=tag, branch=branch)
    ids = [view.publication.id for view in views]
    if ids:
        ctx.session.execute(delete(PactPublication).where(PactPublication.id.in_(ids)))
    return len(ids)


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
