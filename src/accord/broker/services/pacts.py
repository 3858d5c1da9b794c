"""Publishing and finding pacts. Content is deduplicated per (consumer, provider, sha); each
consumer version has at most one current publication per provider."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import delete, select

from accord.broker.context import Context
from accord.broker.db.models import (
    Integration,
    Pacticipant,
    PactPublication,
    PactVersion,
)
from accord.broker.db.upsert import get_or_create, insert_ignore
from accord.broker.errors import Conflict, Invalid
from accord.broker.services import (
    pact_content,
    pact_lookup,
    pacticipants,
    versions,
    webhook_events,
)
from accord.broker.services.pact_lookup import PactView, _current, _view

Outcome = Literal["created", "unchanged", "overwritten", "merged"]
OnConflict = Literal["error", "merge", "overwrite"]


@dataclass(frozen=True)
class PublishResult:
    view: PactView
    outcome: Outcome
    triggered: list[Any] = field(default_factory=list)  # (webhook, event, row) for notices


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
    view = _view(ctx, existing)
    return PublishResult(view, outcome, _fire_events(ctx, view, outcome))


def _fire_events(ctx: Context, view: PactView, outcome: Outcome) -> list[Any]:
    """contract_published for every new publication or revision; contract_content_changed when
    the content differs from the previous consumer version's pact with this provider (§5.8)."""
    previous = ctx.session.scalar(
        select(PactVersion.sha)
        .join(PactPublication, PactPublication.pact_version_id == PactVersion.id)
        .where(
            PactPublication.consumer_id == view.consumer.id,
            PactPublication.provider_id == view.provider.id,
            PactPublication.consumer_version_id < view.consumer_version.id,
        )
        .order_by(PactPublication.consumer_version_id.desc())
        .limit(1)
    )
    events = [webhook_events.CONTRACT_PUBLISHED]
    if outcome != "created" or previous != view.pact_version.sha:
        events.append(webhook_events.CONTRACT_CONTENT_CHANGED)
    url = webhook_events.pact_url(
        ctx.base_url, view.provider.name, view.consumer.name, view.pact_version.sha
    )
    params = webhook_events.parameters(
        ctx, consumer=view.consumer, provider=view.provider, consumer_version=view.consumer_version,
        pact_url=url,
    )  # fmt: skip
    triggered = webhook_events.trigger(ctx, events, consumer=view.consumer, provider=view.provider,
                                       params=params, consumer_version_id=view.consumer_version.id)  # fmt: skip
    for provider_version, reasons in webhook_events.versions_requiring_verification(ctx, view):
        required = webhook_events.parameters(
            ctx, consumer=view.consumer, provider=view.provider, consumer_version=view.consumer_version,
            provider_version=provider_version, pact_url=url,
        )  # fmt: skip
        required["providerVersionDescriptions"] = ", ".join(reasons)
        triggered += webhook_events.trigger(
            ctx, [webhook_events.CONTRACT_REQUIRING_VERIFICATION], consumer=view.consumer,
            provider=view.provider, params=required, consumer_version_id=view.consumer_version.id,
        )  # fmt: skip
    return triggered


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


def remove_by_version(ctx: Context, provider_name: str, consumer_name: str, number: str) -> None:
    view = pact_lookup.by_version(ctx, provider_name, consumer_name, number)
    ctx.session.execute(delete(PactPublication).where(PactPublication.id == view.publication.id))


def remove_all(
    ctx: Context,
    provider_name: str,
    consumer_name: str,
    *,
    tag: str | None = None,
    branch: str | None = None,
) -> int:
    views = pact_lookup.all_for(ctx, provider_name, consumer_name, tag=tag, branch=branch)
    ids = [view.publication.id for view in views]
    if ids:
        ctx.session.execute(delete(PactPublication).where(PactPublication.id.in_(ids)))
    return len(ids)
