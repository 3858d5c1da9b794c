"""Pending status of pact content for the provider branch or tags that will verify it (§5.2).

A pact stays pending until the provider branch (or an earlier-created branch) publishes a
successful verification of that content; failed verifications never clear it. Successful WIP
verifications count (pending is not WIP-aware).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, func, select

from accord.broker.context import Context
from accord.broker.db.models import Branch, BranchVersion, Tag, Verification


def pending_content(
    ctx: Context,
    provider_id: int,
    pact_version_ids: set[int],
    branch: str | None,
    tags: list[str],
) -> set[int]:
    """The subset of `pact_version_ids` that is pending for this provider branch/tags."""
    if not pact_version_ids:
        return set()
    successes = select(Verification.pact_version_id, Verification.created_at).where(
        Verification.provider_id == provider_id,
        Verification.success.is_(True),
        Verification.pact_version_id.in_(pact_version_ids),
    )
    if branch:
        return _pending_for_branch(ctx, provider_id, pact_version_ids, successes, branch)
    if tags:
        return _pending_for_tags(ctx, provider_id, pact_version_ids, successes, tags)
    verified = {row[0] for row in ctx.session.execute(successes)}
    return pact_version_ids - verified


def _pending_for_branch(
    ctx: Context,
    provider_id: int,
    ids: set[int],
    successes: Select[int, datetime],
    branch: str,
) -> set[int]:
    created = branch_created_at(ctx, provider_id, branch)
    rows = ctx.session.execute(
        successes.add_columns(BranchVersion.branch_name).join(
            BranchVersion, BranchVersion.version_id == Verification.provider_version_id
        )
    )
    settled: set[int] = set()
    for pact_version_id, verified_at, branch_name in rows:
        if branch_name == branch or created is None or verified_at < created:
            settled.add(pact_version_id)
    return ids - settled


def _pending_for_tags(
    ctx: Context,
    provider_id: int,
    ids: set[int],
    successes: Select[int, datetime],
    tags: list[str],
) -> set[int]:
    rows = list(
        ctx.session.execute(
            successes.add_columns(Tag.name).join(
                Tag, Tag.version_id == Verification.provider_version_id
            )
        )
    )
    pending: set[int] = set()
    for tag in tags:
        first = first_tag_created_at(ctx, provider_id, tag)
        settled = {
            pact_version_id
            for pact_version_id, verified_at, name in rows
            if name == tag or first is None or verified_at < first
        }
        pending |= ids - settled
    return pending


def branch_created_at(ctx: Context, provider_id: int, branch: str) -> datetime | None:
    return ctx.session.scalar(
        select(Branch.created_at).where(Branch.pacticipant_id == provider_id, Branch.name == branch)
    )


def first_tag_created_at(ctx: Context, provider_id: int, tag: str) -> datetime | None:
    return ctx.session.scalar(
        select(func.min(Tag.created_at)).where(Tag.pacticipant_id == provider_id, Tag.name == tag)
    )
