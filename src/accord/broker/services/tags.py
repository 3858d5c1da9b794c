"""Version tags. "Latest version with tag T" is the highest-ordered version carrying T."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from accord.broker.context import Context
from accord.broker.db.models import BranchVersion, Tag, Version
from accord.broker.db.upsert import insert_ignore
from accord.broker.errors import NotFound
from accord.broker.services import branches, environments, pacticipants, versions

# use_first_tag_as_branch (§5.6): only for a tag arriving this soon after the version
FIRST_TAG_AS_BRANCH_SECONDS = 10


def add(
    ctx: Context,
    pacticipant_name: str,
    number: str,
    tag_name: str,
    *,
    first_tag_as_branch: bool = True,
) -> tuple[Tag, bool]:
    """Tag the version (creating pacticipant and version as needed); (tag, created)."""
    pacticipants.check_name(tag_name, "tag", "tag name")
    pacticipant, _ = pacticipants.ensure(ctx, pacticipant_name)
    version, _ = versions.ensure(ctx, pacticipant, number)
    had_tags = ctx.session.scalar(select(func.count()).where(Tag.version_id == version.id))
    created = insert_ignore(
        ctx.session,
        Tag,
        {
            "version_id": version.id,
            "name": tag_name,
            "pacticipant_id": pacticipant.id,
            "created_at": ctx.now(),
        },
        ["version_id", "name"],
    )
    tag = ctx.session.get(Tag, (version.id, tag_name))
    assert tag is not None
    if created:
        pacticipants.set_main_branch_if_unset(ctx, pacticipant, tag_name)
        age = (ctx.now() - version.created_at).total_seconds()
        has_branch = ctx.session.scalar(
            select(func.count()).where(BranchVersion.version_id == version.id)
        )
        recent = age <= FIRST_TAG_AS_BRANCH_SECONDS
        if first_tag_as_branch and not had_tags and not has_branch and recent:
            branches.add_version(ctx, pacticipant_name, tag_name, number, auto_created=True)
        # create_deployed_versions_for_tags: a tag named like an environment records a deployment
        if environments.find(ctx, tag_name) is not None:
            environments.record_deployment(
                ctx, pacticipant_name, number, tag_name, auto_created=True
            )
    return tag, created


def find(ctx: Context, pacticipant_name: str, number: str, tag_name: str) -> Tag:
    version = versions.require(ctx, pacticipant_name, number)
    tag = ctx.session.get(Tag, (version.id, tag_name))
    if tag is None:
        raise NotFound(
            f"No tag '{tag_name}' on version '{number}' of pacticipant '{pacticipant_name}'"
        )
    return tag


def remove(ctx: Context, pacticipant_name: str, number: str, tag_name: str) -> None:
    tag = find(ctx, pacticipant_name, number, tag_name)
    ctx.session.execute(delete(Tag).where(Tag.version_id == tag.version_id, Tag.name == tag.name))


def is_latest(ctx: Context, tag: Tag) -> bool:
    newest = ctx.session.scalar(
        select(func.max(Tag.version_id)).where(
            Tag.pacticipant_id == tag.pacticipant_id, Tag.name == tag.name
        )
    )
    return newest == tag.version_id


def versions_with_tag(ctx: Context, pacticipant_name: str, tag_name: str) -> list[Version]:
    pacticipant = pacticipants.require(ctx, pacticipant_name)
    return list(
        ctx.session.scalars(
            select(Version)
            .join(Tag, Tag.version_id == Version.id)
            .where(Tag.pacticipant_id == pacticipant.id, Tag.name == tag_name)
            .order_by(Version.id.desc())
        )
    )
