"""Branches and branch versions. A branch's head is the version most recently *added* to it
(highest branch_versions.id), not the highest-ordered version (§3.3)."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from accord.broker.context import Context
from accord.broker.db.models import Branch, BranchVersion, Pacticipant, Version
from accord.broker.db.upsert import get_or_create, insert_ignore
from accord.broker.errors import NotFound
from accord.broker.services import pacticipants, versions


def check_branch_name(name: object, field: str = "branch") -> str:
    return pacticipants.check_name(name, field, "branch name")


def ensure(ctx: Context, pacticipant: Pacticipant, name: str) -> tuple[Branch, bool]:
    check_branch_name(name)
    now = ctx.now()
    return get_or_create(
        ctx.session,
        Branch,
        {"pacticipant_id": pacticipant.id, "name": name},
        {"created_at": now, "updated_at": now},
    )


def add_version(
    ctx: Context,
    pacticipant_name: str,
    branch_name: str,
    number: str,
    *,
    auto_created: bool = False,
) -> tuple[BranchVersion, bool]:
    """Put version `number` on the branch, creating pacticipant, version and branch as needed."""
    check_branch_name(branch_name)
    pacticipant, _ = pacticipants.ensure(ctx, pacticipant_name)
    version, _ = versions.ensure(ctx, pacticipant, number)
    branch, _ = ensure(ctx, pacticipant, branch_name)
    created = insert_ignore(
        ctx.session,
        BranchVersion,
        {
            "branch_id": branch.id,
            "version_id": version.id,
            "pacticipant_id": pacticipant.id,
            "branch_name": branch_name,
            "auto_created": auto_created,
            "created_at": ctx.now(),
        },
        ["branch_id", "version_id"],
    )
    if created:
        pacticipants.set_main_branch_if_unset(ctx, pacticipant, branch_name)
    branch_version = ctx.session.scalars(
        select(BranchVersion).where(
            BranchVersion.branch_id == branch.id, BranchVersion.version_id == version.id
        )
    ).one()
    return branch_version, created


def find(ctx: Context, pacticipant_name: str, branch_name: str) -> Branch:
    pacticipant = pacticipants.require(ctx, pacticipant_name)
    branch = ctx.session.scalars(
        select(Branch).where(Branch.pacticipant_id == pacticipant.id, Branch.name == branch_name)
    ).first()
    if branch is None:
        raise NotFound(f"No branch '{branch_name}' found for pacticipant '{pacticipant_name}'")
    return branch


def find_branch_version(
    ctx: Context, pacticipant_name: str, branch_name: str, number: str
) -> BranchVersion:
    branch = find(ctx, pacticipant_name, branch_name)
    version = versions.require(ctx, pacticipant_name, number)
    found = ctx.session.scalars(
        select(BranchVersion).where(
            BranchVersion.branch_id == branch.id, BranchVersion.version_id == version.id
        )
    ).first()
    if found is None:
        raise NotFound(
            f"Version '{number}' of pacticipant '{pacticipant_name}' is not on branch "
            f"'{branch_name}'"
        )
    return found


def head(ctx: Context, branch: Branch) -> Version | None:
    return ctx.session.scalars(
        select(Version)
        .join(BranchVersion, BranchVersion.version_id == Version.id)
        .where(BranchVersion.branch_id == branch.id)
        .order_by(BranchVersion.id.desc())
        .limit(1)
    ).first()


def is_head(ctx: Context, branch_version: BranchVersion) -> bool:
    newest = ctx.session.scalar(
        select(func.max(BranchVersion.id)).where(
            BranchVersion.branch_id == branch_version.branch_id
        )
    )
    return newest == branch_version.id


def branch_versions_of(ctx: Context, version: Version) -> list[BranchVersion]:
    return list(
        ctx.session.scalars(
            select(BranchVersion)
            .where(BranchVersion.version_id == version.id)
            .order_by(BranchVersion.id)
        )
    )


def listing(ctx: Context, pacticipant_name: str) -> list[Branch]:
    pacticipant = pacticipants.require(ctx, pacticipant_name)
    return list(
        ctx.session.scalars(
            select(Branch)
            .where(Branch.pacticipant_id == pacticipant.id)
            .order_by(Branch.updated_at.desc(), Branch.id.desc())
        )
    )


def versions_on(ctx: Context, branch: Branch) -> list[Version]:
    return list(
        ctx.session.scalars(
            select(Version)
            .join(BranchVersion, BranchVersion.version_id == Version.id)
            .where(BranchVersion.branch_id == branch.id)
            .order_by(BranchVersion.id.desc())
        )
    )


def remove(ctx: Context, pacticipant_name: str, branch_name: str) -> None:
    """Deletes the branch and its branch versions; versions and pacts stay."""
    branch = find(ctx, pacticipant_name, branch_name)
    ctx.session.execute(delete(Branch).where(Branch.id == branch.id))


def remove_version(ctx: Context, pacticipant_name: str, branch_name: str, number: str) -> None:
    found = find_branch_version(ctx, pacticipant_name, branch_name, number)
    ctx.session.execute(delete(BranchVersion).where(BranchVersion.id == found.id))


def remove_all_except(
    ctx: Context, pacticipant_name: str, keep: list[str]
) -> tuple[int, list[str]]:
    """Delete the pacticipant's branches except `keep` and its main branch; (deleted, kept)."""
    pacticipant = pacticipants.require(ctx, pacticipant_name)
    protected = set(keep) | ({pacticipant.main_branch} if pacticipant.main_branch else set())
    doomed = [b for b in listing(ctx, pacticipant_name) if b.name not in protected]
    if doomed:
        ctx.session.execute(delete(Branch).where(Branch.id.in_([b.id for b in doomed])))
    remaining = sorted(b.name for b in listing(ctx, pacticipant_name))
    return len(doomed), remaining
