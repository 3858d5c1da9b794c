"""Assemble pacts for verification: resolve selectors (or the defaults), group by content,
compute pending status, append WIP pacts (§5.1–5.3)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from accord.broker.context import Context
from accord.broker.db.models import Branch, BranchVersion, Integration, Pacticipant, Tag
from accord.broker.selection.candidates import Candidate, Resolved
from accord.broker.selection.pending import pending_content
from accord.broker.selection.resolve import resolve
from accord.broker.selection.selectors import Selector, VerificationQuery
from accord.broker.selection.wip import wip_candidates
from accord.broker.services import pacticipants


@dataclass
class VerifiablePact:
    candidate: Candidate
    selectors: list[Resolved] = field(default_factory=list)
    pending: bool | None = None
    wip: bool = False


def pacts_for_verification(
    ctx: Context, provider_name: str, query: VerificationQuery
) -> tuple[Pacticipant, list[VerifiablePact]]:
    provider = pacticipants.require(ctx, provider_name, "provider")
    selectors = query.selectors or default_selectors(ctx, provider.id)
    groups: dict[tuple[int, str], VerifiablePact] = {}
    for selector in selectors:
        for candidate, resolved in resolve(ctx, provider.id, selector):
            key = (candidate.consumer_id, candidate.sha)
            entry = groups.get(key)
            if entry is None:
                entry = groups[key] = VerifiablePact(candidate)
            elif candidate.version_id > entry.candidate.version_id:
                entry.candidate = candidate  # the newest consumer version represents the content
            if not any(_same(resolved, seen) for seen in entry.selectors):
                entry.selectors.append(resolved)
    selected = sorted(
        groups.values(), key=lambda e: (e.candidate.consumer_name, e.candidate.version_id)
    )
    for entry in selected:
        entry.selectors.sort(key=Resolved.sort_key)
    if query.include_pending_status:
        pending = pending_content(
            ctx,
            provider.id,
            {e.candidate.pact_version_id for e in selected},
            query.provider_version_branch,
            query.provider_version_tags,
        )
        for entry in selected:
            entry.pending = entry.candidate.pact_version_id in pending
    if query.include_wip_pacts_since is not None:
        selected += _wip(ctx, provider.id, query, set(groups))
    return provider, selected


def _same(a: Resolved, b: Resolved) -> bool:
    return (a.kind, a.tag, a.branch, a.environment, a.consumer, a.fallback) == (
        b.kind, b.tag, b.branch, b.environment, b.consumer, b.fallback
    )  # fmt: skip


def _wip(
    ctx: Context, provider_id: int, query: VerificationQuery, explicit: set[tuple[int, str]]
) -> list[VerifiablePact]:
    assert query.include_wip_pacts_since is not None
    found: dict[tuple[int, str], VerifiablePact] = {}
    for candidate, resolved in wip_candidates(
        ctx,
        provider_id,
        query.include_wip_pacts_since,
        query.provider_version_branch,
        query.provider_version_tags,
    ):
        key = (candidate.consumer_id, candidate.sha)
        if key in explicit:
            continue
        resolved.version_number, resolved.version_id = (
            candidate.version_number,
            candidate.version_id,
        )
        entry = found.get(key)
        if entry is None or candidate.version_id > entry.candidate.version_id:
            found[key] = VerifiablePact(candidate, [resolved], pending=True, wip=True)
    return sorted(found.values(), key=lambda e: (e.candidate.consumer_name, e.candidate.version_id))


def default_selectors(ctx: Context, provider_id: int) -> list[Selector]:
    """No selectors sent: per integrated consumer its main branch head, else the latest version
    tagged with the main branch name, else its latest; plus everything deployed or released."""
    consumers = ctx.session.execute(
        select(Pacticipant.name, Pacticipant.id, Pacticipant.main_branch)
        .join(Integration, Integration.consumer_id == Pacticipant.id)
        .where(Integration.provider_id == provider_id)
        .order_by(Pacticipant.name)
    ).all()
    selectors: list[Selector] = []
    any_main_branch_head = False
    for name, consumer_id, main_branch in consumers:
        if main_branch and _has_branch_versions(ctx, consumer_id, main_branch):
            # one mainBranch selector below serves every consumer with a main-branch head
            any_main_branch_head = True
        elif main_branch and _has_tag(ctx, consumer_id, main_branch):
            selectors.append(Selector(tag=main_branch, latest=True, consumer=name))
        else:
            selectors.append(Selector(latest=True, consumer=name))
    if any_main_branch_head:
        selectors.insert(0, Selector(main_branch=True, latest=True))
    return [*selectors, Selector(deployed=True), Selector(released=True)]


def _has_branch_versions(ctx: Context, consumer_id: int, branch: str) -> bool:
    return (
        ctx.session.scalar(
            select(BranchVersion.id)
            .join(Branch, Branch.id == BranchVersion.branch_id)
            .where(Branch.pacticipant_id == consumer_id, Branch.name == branch)
            .limit(1)
        )
        is not None
    )


def _has_tag(ctx: Context, consumer_id: int, tag: str) -> bool:
    return (
        ctx.session.scalar(
            select(Tag.version_id)
            .where(Tag.pacticipant_id == consumer_id, Tag.name == tag)
            .limit(1)
        )
        is not None
    )
