"""Work-in-progress pacts (§5.3): recent pacts of consumer branch heads and latest tagged
versions that the provider branch (or tag) has not yet verified successfully outside WIP."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from accord.broker.context import Context
from accord.broker.db.models import BranchVersion, PactPublication, Tag, Verification
from accord.broker.selection.candidates import Candidate, Resolved, base_query, fetch
from accord.broker.selection.pending import branch_created_at, first_tag_created_at


def wip_candidates(
    ctx: Context,
    provider_id: int,
    since: datetime,
    branch: str | None,
    tags: list[str],
) -> list[tuple[Candidate, Resolved]]:
    if not branch and not tags:
        return []  # no branch and no tags: nothing to be "work in progress" for
    recent = fetch(ctx, base_query(provider_id).where(PactPublication.created_at >= since))
    if not recent:
        return []
    consumer_ids = {c.consumer_id for c in recent}
    reasons = _heads_and_latest_tags(ctx, consumer_ids)
    chosen = [(c, reasons[c.version_id]) for c in recent if c.version_id in reasons]
    if not chosen:
        return []
    lookback = ctx.now() - timedelta(days=ctx.settings.verified_by_other_branch_lookback_days)
    ids = {c.pact_version_id for c, _ in chosen}
    successes = select(Verification.pact_version_id, Verification.execution_date).where(
        Verification.provider_id == provider_id,
        Verification.success.is_(True),
        Verification.wip.is_(False),
        Verification.execution_date >= lookback,
        Verification.pact_version_id.in_(ids),
    )
    if branch:
        created = branch_created_at(ctx, provider_id, branch)
        rows = ctx.session.execute(
            successes.add_columns(BranchVersion.branch_name).join(
                BranchVersion, BranchVersion.version_id == Verification.provider_version_id
            )
        )
        verified = {
            pv for pv, when, name in rows if name == branch or created is None or when < created
        }
    else:
        tagged = list(
            ctx.session.execute(
                successes.add_columns(Tag.name).join(
                    Tag, Tag.version_id == Verification.provider_version_id
                )
            )
        )
        verified_for: list[set[int]] = []
        for tag in tags:
            first = first_tag_created_at(ctx, provider_id, tag)
            verified_for.append(
                {pv for pv, when, name in tagged if name == tag or first is None or when < first}
            )
        # WIP for the request when WIP for at least one of its provider tags
        verified = set.intersection(*verified_for)
    return [(c, r) for c, r in chosen if c.pact_version_id not in verified]


def _heads_and_latest_tags(ctx: Context, consumer_ids: set[int]) -> dict[int, Resolved]:
    """version id → why it is a WIP candidate (a branch head or a latest tagged version)."""
    reasons: dict[int, Resolved] = {}
    heads = (
        select(func.max(BranchVersion.id))
        .where(BranchVersion.pacticipant_id.in_(consumer_ids))
        .group_by(BranchVersion.branch_id)
    )
    for version_id, name in ctx.session.execute(
        select(BranchVersion.version_id, BranchVersion.branch_name).where(
            BranchVersion.id.in_(heads)
        )
    ):
        reasons.setdefault(version_id, Resolved(kind="branch", branch=name))
    latest_tags = (
        select(Tag.name, func.max(Tag.version_id))
        .where(Tag.pacticipant_id.in_(consumer_ids))
        .group_by(Tag.pacticipant_id, Tag.name)
    )
    for name, version_id in ctx.session.execute(latest_tags):
        reasons.setdefault(version_id, Resolved(kind="tag", tag=name))
    return reasons
