"""Pacticipant versions: create/update, latest lookups, deletion. Version order is the row id,
i.e. the order in which the broker first saw each version (the broker's default ordering)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from accord.broker.context import Context
from accord.broker.db.models import Pacticipant, Tag, Version
from accord.broker.db.upsert import get_or_create
from accord.broker.errors import Invalid, NotFound
from accord.broker.services import pacticipants


def check_number(number: object, field: str = "number") -> str:
    return pacticipants.check_name(number, field, "version number")


def find(ctx: Context, pacticipant: Pacticipant, number: str) -> Version | None:
    return ctx.session.scalars(
        select(Version).where(Version.pacticipant_id == pacticipant.id, Version.number == number)
    ).first()


def require(ctx: Context, pacticipant_name: str, number: str) -> Version:
    pacticipant = pacticipants.require(ctx, pacticipant_name)
    version = find(ctx, pacticipant, number)
    if version is None:
        raise NotFound(f"No version '{number}' of pacticipant '{pacticipant_name}' found")
    return version


def ensure(
    ctx: Context, pacticipant: Pacticipant, number: str, field: str = "number"
) -> tuple[Version, bool]:
    check_number(number, field)
    now = ctx.now()
    return get_or_create(
        ctx.session,
        Version,
        {"pacticipant_id": pacticipant.id, "number": number},
        {"created_at": now, "updated_at": now},
    )


def ensure_by_name(ctx: Context, pacticipant_name: str, number: str) -> tuple[Version, bool]:
    pacticipant, _ = pacticipants.ensure(ctx, pacticipant_name)
    return ensure(ctx, pacticipant, number)


def put_or_patch(
    ctx: Context, pacticipant_name: str, number: str, body: dict[str, Any], *, replace: bool
) -> tuple[Version, bool]:
    """PUT overwrites buildUrl and tags (unspecified ones reset); PATCH changes only given ones."""
    build_url = body.get("buildUrl")
    if build_url is not None and not isinstance(build_url, str):
        raise Invalid(f"must be a string, got {type(build_url).__name__}", "buildUrl")
    tags = body.get("tags")
    if tags is not None and (
        not isinstance(tags, list)
        or not all(
            isinstance(t, dict) and isinstance(t.get("name"), str) and t["name"].strip()
            for t in tags
        )
    ):
        raise Invalid('must be a list of objects like {"name": "prod"}', "tags")
    version, created = ensure_by_name(ctx, pacticipant_name, number)
    if replace or "buildUrl" in body:
        version.build_url = build_url
    if tags is not None or replace:
        wanted = {t["name"] for t in tags or []}
        ctx.session.execute(
            delete(Tag).where(Tag.version_id == version.id, Tag.name.not_in(wanted))
        )
        from accord.broker.services import tags as tag_service

        for name in sorted(wanted):
            tag_service.add(ctx, pacticipant_name, number, name)
    version.updated_at = ctx.now()
    ctx.session.flush()
    return version, created


def latest(ctx: Context, pacticipant: Pacticipant, tag: str | None = None) -> Version | None:
    statement = select(Version).where(Version.pacticipant_id == pacticipant.id)
    if tag is not None:
        statement = statement.join(Tag, Tag.version_id == Version.id).where(Tag.name == tag)
    return ctx.session.scalars(statement.order_by(Version.id.desc()).limit(1)).first()


def require_latest(ctx: Context, pacticipant_name: str, tag: str | None = None) -> Version:
    pacticipant = pacticipants.require(ctx, pacticipant_name)
    version = latest(ctx, pacticipant, tag)
    if version is None:
        detail = f" with tag '{tag}'" if tag else ""
        raise NotFound(f"No version{detail} of pacticipant '{pacticipant_name}' found")
    return version


def listing(ctx: Context, pacticipant_name: str) -> list[Version]:
    pacticipant = pacticipants.require(ctx, pacticipant_name)
    return list(
        ctx.session.scalars(
            select(Version)
            .where(Version.pacticipant_id == pacticipant.id)
            .order_by(Version.id.desc())
        )
    )


def tags_of(ctx: Context, version: Version) -> list[Tag]:
    return list(
        ctx.session.scalars(select(Tag).where(Tag.version_id == version.id).order_by(Tag.name))
    )


def remove(ctx: Context, pacticipant_name: str, number: str) -> None:
    version = require(ctx, pacticipant_name, number)
    ctx.session.execute(delete(Version).where(Version.id == version.id))
