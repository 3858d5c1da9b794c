"""Selector → concrete versions (design note §5.4 step 2). A selector naming several versions
(all with a tag, an environment with two live versions) resolves to one entry per version; a
selector that names nothing resolves to one entry with version_id -1."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from accord.broker.context import Context
from accord.broker.db.models import (
    BranchVersion,
    DeployedVersion,
    Environment,
    Pacticipant,
    ReleasedVersion,
    Tag,
    Version,
)
from accord.broker.matrix.query import Selector

MISSING = -1


@dataclass(frozen=True, kw_only=True)
class Resolved:
    selector: Selector
    pacticipant_id: int
    pacticipant: str
    version_id: int
    version_number: str | None
    specified: bool
    one_of_many: bool = False
    environment_name: str | None = None

    @property
    def exists(self) -> bool:
        return self.version_id != MISSING

    def description(self) -> str:
        s, name, number = self.selector, self.pacticipant, self.version_number
        shown = f" ({number})" if number else ""
        if s.version:
            return f"version {s.version} of {name}"
        if s.environment:
            if not self.exists:
                return (f"a version of {name} currently in {s.environment} (no version is currently "
                        "recorded as deployed/released in this environment)")  # fmt: skip
            lead = "one of the versions" if self.one_of_many else "the version"
            return f"{lead} of {name} currently in {s.environment}{shown}"
        missing = " (no such version exists)" if not self.exists else shown
        if s.main_branch:
            return f"the latest version of {name} from the main branch{missing}"
        if s.branch:
            lead = "the latest version" if s.latest else "one of the versions"
            return f"{lead} of {name} from branch {s.branch}{missing}"
        if s.tag:
            lead = "the latest version" if s.latest else "one of the versions"
            return f"{lead} of {name} with tag {s.tag}{missing}"
        if s.latest:
            return f"the latest version of {name}{missing}"
        return f"one of the versions of {name}{missing}" if self.exists else f"a version of {name}"

    def missing_reason(self) -> str:
        """Why a specified selector found nothing (the error that suppresses the others)."""
        s, name = self.selector, self.pacticipant
        if s.version:
            return (
                f"No pacts or verifications have been published for version {s.version} of {name}"
            )
        if s.environment:
            return f"No version of {name} is currently recorded as deployed or released in environment {s.environment}"
        if s.main_branch:
            return f"No version of {name} from the main branch exists"
        if s.branch:
            return f"No version of {name} from branch {s.branch} exists"
        if s.tag:
            return f"No version with tag {s.tag} exists for {name}"
        return f"No versions of {name} exist"


def resolve(
    ctx: Context, pacticipant: Pacticipant, selector: Selector, *, specified: bool
) -> list[Resolved]:
    rows = _versions(ctx, pacticipant, selector)
    many = len(rows) > 1 or (
        not selector.latest and not selector.version and not selector.environment
    )
    if not rows:
        return [Resolved(selector=selector, pacticipant_id=pacticipant.id, pacticipant=pacticipant.name,
                         version_id=MISSING, version_number=None, specified=specified)]  # fmt: skip
    return [
        Resolved(selector=selector, pacticipant_id=pacticipant.id, pacticipant=pacticipant.name,
                 version_id=version_id, version_number=number, specified=specified, one_of_many=many,
                 environment_name=selector.environment)
        for version_id, number in rows
    ]  # fmt: skip


def _versions(ctx: Context, pacticipant: Pacticipant, s: Selector) -> list[tuple[int, str]]:
    base = select(Version.id, Version.number).where(Version.pacticipant_id == pacticipant.id)
    if s.version:
        return list(ctx.session.execute(base.where(Version.number == s.version)))
    if s.environment:
        environment_id = ctx.session.scalar(
            select(Environment.id).where(Environment.name == s.environment)
        )
        deployed = select(DeployedVersion.version_id).where(
            DeployedVersion.environment_id == environment_id,
            DeployedVersion.undeployed_at.is_(None),
        )
        released = select(ReleasedVersion.version_id).where(
            ReleasedVersion.environment_id == environment_id,
            ReleasedVersion.support_ended_at.is_(None),
        )
        statement = base.where(Version.id.in_(deployed.union(released))).order_by(Version.id)
        return list(ctx.session.execute(statement))
    branch = pacticipant.main_branch if s.main_branch else s.branch
    if s.main_branch and not branch:
        return []
    if branch:
        # filtering branch_versions by pacticipant lets (pacticipant_id, branch_name, id) serve
        # the "added last" ordering without scanning every pacticipant's branch versions
        on_branch = base.join(BranchVersion, BranchVersion.version_id == Version.id).where(
            BranchVersion.pacticipant_id == pacticipant.id, BranchVersion.branch_name == branch
        )
        if s.latest or s.main_branch:  # the branch head: the version added to it last
            return list(ctx.session.execute(on_branch.order_by(BranchVersion.id.desc()).limit(1)))
        return list(ctx.session.execute(on_branch.order_by(Version.id)))
    if s.tag:
        tagged = base.join(Tag, Tag.version_id == Version.id).where(Tag.name == s.tag)
        if s.latest:
            return list(ctx.session.execute(tagged.order_by(Version.id.desc()).limit(1)))
        return list(ctx.session.execute(tagged.order_by(Version.id)))
    if s.latest:
        return list(ctx.session.execute(base.order_by(Version.id.desc()).limit(1)))
    return list(ctx.session.execute(base.order_by(Version.id)))
