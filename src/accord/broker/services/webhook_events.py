"""Firing webhook events (design note §3.14, §5.8): find the enabled webhooks that match the
consumer/provider (by name or label, or neither for global ones) and the event, and write a
`triggered_webhooks` row for each in the same transaction as the publication (an outbox), with
the template parameters of that moment. Workers in any instance execute them later."""

from __future__ import annotations

import uuid as uuid_module
from typing import Any
from urllib.parse import quote

from sqlalchemy import select

from accord.broker.context import Context
from accord.broker.db.models import (
    BranchVersion,
    Label,
    Pacticipant,
    Tag,
    TriggeredWebhook,
    Version,
    Webhook,
)

CONTRACT_PUBLISHED = "contract_published"
CONTRACT_CONTENT_CHANGED = "contract_content_changed"
CONTRACT_REQUIRING_VERIFICATION = "contract_requiring_verification_published"
VERIFICATION_PUBLISHED = "provider_verification_published"
VERIFICATION_SUCCEEDED = "provider_verification_succeeded"
VERIFICATION_FAILED = "provider_verification_failed"


def _labels(ctx: Context, pacticipant_id: int) -> set[str]:
    return set(
        ctx.session.scalars(select(Label.name).where(Label.pacticipant_id == pacticipant_id))
    )


def _matches(ctx: Context, webhook: Webhook, consumer: Pacticipant, provider: Pacticipant) -> bool:
    for role_id, label, pacticipant in ((webhook.consumer_id, webhook.consumer_label, consumer),
                                        (webhook.provider_id, webhook.provider_label, provider)):  # fmt: skip
        if role_id is not None and role_id != pacticipant.id:
            return False
        if label is not None and label not in _labels(ctx, pacticipant.id):
            return False
    return True


def version_facts(ctx: Context, version: Version | None) -> tuple[str, str]:
    """(", "-joined tags, latest branch) of a version, for the template parameters."""
    if version is None:
        return "", ""
    tags = ctx.session.scalars(
        select(Tag.name).where(Tag.version_id == version.id).order_by(Tag.name)
    )
    branch = ctx.session.scalars(
        select(BranchVersion.branch_name).where(BranchVersion.version_id == version.id)
        .order_by(BranchVersion.id.desc()).limit(1)
    ).first()  # fmt: skip
    return ", ".join(tags), branch or ""


def parameters(
    ctx: Context,
    *,
    consumer: Pacticipant,
    provider: Pacticipant,
    consumer_version: Version | None,
    provider_version: Version | None = None,
    pact_url: str = "",
    verification_url: str = "",
    success: bool | None = None,
    build_url: str | None = None,
) -> dict[str, str]:
    consumer_tags, consumer_branch = version_facts(ctx, consumer_version)
    provider_tags, provider_branch = version_facts(ctx, provider_version)
    status = {True: ("success", "SUCCESSFUL", "succeeded", "success"),
              False: ("failure", "FAILED", "failed", "failed"),
              None: ("pending", "INPROGRESS", "pending", "pending")}[success]  # fmt: skip
    return {
        "consumerName": consumer.name,
        "providerName": provider.name,
        "consumerVersionNumber": consumer_version.number if consumer_version else "",
        "providerVersionNumber": provider_version.number if provider_version else "",
        "consumerVersionTags": consumer_tags,
        "consumerVersionBranch": consumer_branch,
        "providerVersionTags": provider_tags,
        "providerVersionBranch": provider_branch,
        "consumerLabels": ", ".join(sorted(_labels(ctx, consumer.id))),
        "providerLabels": ", ".join(sorted(_labels(ctx, provider.id))),
        "pactUrl": pact_url,
        "verificationResultUrl": verification_url,
        "githubVerificationStatus": status[0],
        "bitbucketVerificationStatus": status[1],
        "azureDevOpsVerificationStatus": status[2],
        "gitlabVerificationStatus": status[3],
        "buildUrl": build_url or "",
    }


def trigger(
    ctx: Context,
    events: list[str],
    *,
    consumer: Pacticipant,
    provider: Pacticipant,
    params: dict[str, str],
    consumer_version_id: int | None = None,
) -> list[tuple[Webhook, str, TriggeredWebhook]]:
    """Record a triggered webhook per matching (webhook, event); returns them for notices."""
    triggered = []
    now = ctx.now()
    for webhook in ctx.session.scalars(
        select(Webhook).where(Webhook.enabled.is_(True)).order_by(Webhook.id)
    ):
        if not _matches(ctx, webhook, consumer, provider):
            continue
        for event in events:
            if event not in (webhook.events or []):  # type: ignore[operator]
                continue
            row = TriggeredWebhook(
                uuid=uuid_module.uuid4().hex, webhook_id=webhook.id, event_name=event,
                parameters={**params, "eventName": event}, consumer_version_id=consumer_version_id,
                status="not_run", attempts=0, next_attempt_at=now, created_at=now, updated_at=now,
            )  # fmt: skip
            ctx.session.add(row)
            triggered.append((webhook, event, row))
    ctx.session.flush()
    return triggered


def notice_texts(base: str, triggered: list[tuple[Webhook, str, TriggeredWebhook]]) -> list[str]:
    if not triggered:
        return ["  No enabled webhooks found for the detected events"]
    return [
        f'  Webhook "{webhook.description or "(no description)"}" triggered for event {event}.\n'
        f"    View logs at {base}/triggered-webhooks/{row.uuid}/logs"
        for webhook, event, row in triggered
    ]


def pact_url(base: str, provider: str, consumer: str, sha: str) -> str:
    return f"{base}/pacts/provider/{quote(provider, safe='')}/consumer/{quote(consumer, safe='')}/pact-version/{sha}"


def versions_requiring_verification(ctx: Context, view: Any) -> list[tuple[Version, list[str]]]:
    """The provider versions that should verify this content and have not (§5.8): the head of
    the provider's main branch, and every version currently deployed or released — each once,
    with why ("latest from main branch", "deployed in prod")."""
    from accord.broker.db.models import DeployedVersion, Environment, ReleasedVersion, Verification

    provider = view.provider
    reasons: dict[int, list[str]] = {}
    if provider.main_branch:
        head = ctx.session.scalar(
            select(BranchVersion.version_id)
            .where(BranchVersion.pacticipant_id == provider.id, BranchVersion.branch_name == provider.main_branch)
            .order_by(BranchVersion.id.desc()).limit(1)
        )  # fmt: skip
        if head is not None:
            reasons.setdefault(head, []).append("latest from main branch")
    for model, ended, verb in ((DeployedVersion, DeployedVersion.undeployed_at, "deployed in"),
                               (ReleasedVersion, ReleasedVersion.support_ended_at, "released in")):  # fmt: skip
        for version_id, environment in ctx.session.execute(
            select(model.version_id, Environment.name)
            .join(Environment, Environment.id == model.environment_id)
            .where(model.pacticipant_id == provider.id, ended.is_(None))
        ):  # fmt: skip
            reasons.setdefault(version_id, []).append(f"{verb} {environment}")
    if not reasons:
        return []
    verified = set(ctx.session.scalars(
        select(Verification.provider_version_id).where(
            Verification.pact_version_id == view.pact_version.id,
            Verification.provider_version_id.in_(list(reasons)),
        )
    ))  # fmt: skip
    wanted = [v for v in reasons if v not in verified]
    versions = {v.id: v for v in ctx.session.scalars(select(Version).where(Version.id.in_(wanted)))}
    return [(versions[v], reasons[v]) for v in wanted if v in versions]
