"""Which publications each consumer version selector picks (design note §5.1). All queries are
scoped to the provider and, when the selector names one, to a consumer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, func, select

from accord.broker.context import Context
from accord.broker.db.models import (
    BranchVersion,
    DeployedVersion,
    Environment,
    Integration,
    Pacticipant,
    PactPublication,
    ReleasedVersion,
    Tag,
)
from accord.broker.selection.candidates import (
    Candidate,
    CandidateQuery,
    Resolved,
    base_query,
    fetch,
)
from accord.broker.selection.selectors import Selector

Selection = list[tuple[Candidate, Resolved]]


def resolve(ctx: Context, provider_id: int, selector: Selector) -> Selection:
    consumer_id: int | None = None
    if selector.consumer is not None:
        consumer_id = ctx.session.scalar(
            select(Pacticipant.id).where(Pacticipant.name == selector.consumer)
        )
        if consumer_id is None:
            return []
    query = base_query(provider_id)
    if consumer_id is not None:
        query = query.where(PactPublication.consumer_id == consumer_id)
    # head/latest subqueries only look at this provider's consumers (a large broker has many)
    consumers: Any = (
        [consumer_id]
        if consumer_id is not None
        else select(Integration.consumer_id).where(Integration.provider_id == provider_id)
    )

    def picked(statement: CandidateQuery, **resolved: Any) -> Selection:
        return [
            (c, Resolved(consumer=selector.consumer, version_number=c.version_number,
                         version_id=c.version_id, **resolved))
            for c in fetch(ctx, statement)
        ]  # fmt: skip

    if selector.deployed or selector.released or selector.environment:
        return _in_environment(ctx, query, selector, picked)
    if selector.main_branch:
        heads = _branch_heads(consumers, main_branch=True)
        return picked(
            query.where(PactPublication.consumer_version_id.in_(heads)), kind="main-branch"
        )
    if selector.branch is not None:
        name = None if selector.branch is True else str(selector.branch)
        heads = _branch_heads(consumers, name=name)
        found = picked(query.where(PactPublication.consumer_version_id.in_(heads)), kind="branch",
                       branch=name)  # fmt: skip
        if not found and selector.fallback_branch and name is not None:
            heads = _branch_heads(consumers, name=selector.fallback_branch)
            found = picked(query.where(PactPublication.consumer_version_id.in_(heads)),
                           kind="branch", branch=name, fallback=selector.fallback_branch)  # fmt: skip
        return found
    if selector.tag is not None and selector.latest:
        found = picked(query.where(PactPublication.consumer_version_id.in_(_latest_tagged(consumers, selector.tag))),
                       kind="tag", tag=selector.tag)  # fmt: skip
        if not found and selector.fallback_tag:
            latest = _latest_tagged(consumers, selector.fallback_tag)
            found = picked(query.where(PactPublication.consumer_version_id.in_(latest)),
                           kind="tag", tag=selector.tag, fallback=selector.fallback_tag)  # fmt: skip
        return found
    if selector.tag is not None:
        tagged = select(Tag.version_id).where(Tag.name == selector.tag)
        return picked(query.where(PactPublication.consumer_version_id.in_(tagged)),
                      kind="all-for-tag", tag=selector.tag)  # fmt: skip
    # {latest: true} alone: per consumer, the newest version that has a pact with the provider
    newest = (
        select(func.max(PactPublication.consumer_version_id))
        .where(PactPublication.provider_id == provider_id)
        .group_by(PactPublication.consumer_id)
    )
    return picked(query.where(PactPublication.consumer_version_id.in_(newest)), kind="latest")


def _branch_heads(
    consumers: Any, *, name: str | None = None, main_branch: bool = False
) -> Select[int]:
    """Version ids of branch heads: the version added last to each matching branch."""
    newest = (
        select(func.max(BranchVersion.id))
        .where(BranchVersion.pacticipant_id.in_(consumers))
        .group_by(BranchVersion.branch_id)
    )
    if main_branch:
        newest = newest.join(Pacticipant, Pacticipant.id == BranchVersion.pacticipant_id).where(
            BranchVersion.branch_name == Pacticipant.main_branch
        )
    elif name is not None:
        newest = newest.where(BranchVersion.branch_name == name)
    return select(BranchVersion.version_id).where(BranchVersion.id.in_(newest))


def _latest_tagged(consumers: Any, tag: str) -> Select[int]:
    """Per pacticipant, the highest-ordered version carrying the tag."""
    return (
        select(func.max(Tag.version_id))
        .where(Tag.name == tag, Tag.pacticipant_id.in_(consumers))
        .group_by(Tag.pacticipant_id)
    )


def _in_environment(
    ctx: Context, query: CandidateQuery, selector: Selector, picked: Callable[..., Selection]
) -> Selection:
    either = not selector.deployed and not selector.released  # {environment: E} alone
    results: Selection = []
    environments = dict(ctx.session.execute(select(Environment.id, Environment.name)).all())
    if selector.deployed or either:
        rows = select(DeployedVersion.version_id, DeployedVersion.environment_id).where(
            DeployedVersion.undeployed_at.is_(None)
        )
        results += _by_environment(ctx, query, rows, selector, environments, "deployed", picked)
    if selector.released or either:
        rows = select(ReleasedVersion.version_id, ReleasedVersion.environment_id).where(
            ReleasedVersion.support_ended_at.is_(None)
        )
        results += _by_environment(ctx, query, rows, selector, environments, "released", picked)
    return results


def _by_environment(
    ctx: Context,
    query: CandidateQuery,
    rows: Select[int, int],
    selector: Selector,
    environments: dict[int, str],
    kind: str,
    picked: Callable[..., Selection],
) -> Selection:
    if selector.environment is not None:
        wanted = [i for i, name in environments.items() if name == selector.environment]
        rows = rows.where(rows.selected_columns[1].in_(wanted))
    located: dict[int, list[int]] = {}
    for version_id, environment_id in ctx.session.execute(rows):
        located.setdefault(version_id, []).append(environment_id)
    if not located:
        return []
    selection: Selection = []
    for candidate, resolved in picked(
        query.where(PactPublication.consumer_version_id.in_(list(located))), kind=kind
    ):
        for environment_id in sorted(set(located[candidate.version_id])):
            copy = Resolved(**{**resolved.__dict__, "environment": environments[environment_id]})
            selection.append((candidate, copy))
    return selection
