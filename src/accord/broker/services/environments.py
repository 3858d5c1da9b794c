"""Environments, deployed and released versions (design note §3.9–3.11, §5.7): the state the
deployed/released selectors and can-i-deploy read. Deploying replaces; releasing accumulates."""

from __future__ import annotations

import uuid as uuid_module
from typing import Any, cast

from sqlalchemy import CursorResult, select, update

from accord.broker.context import Context
from accord.broker.db.models import DeployedVersion, Environment, ReleasedVersion
from accord.broker.errors import Invalid, NotFound
from accord.broker.services import versions


def create(
    ctx: Context,
    name: str,
    *,
    display_name: str | None = None,
    production: bool = False,
    uuid: str | None = None,
    contacts: list[Any] | None = None,
) -> Environment:
    if not isinstance(name, str) or not name.strip() or " " in name:
        raise Invalid(f"environment name {name!r} cannot be blank or contain spaces", "name")
    if find(ctx, name) is not None:
        raise Invalid(f"Another environment with name '{name}' already exists.", "name")
    now = ctx.now()
    environment = Environment(
        uuid=uuid or str(uuid_module.uuid4()),
        name=name,
        display_name=display_name or name.title(),
        production=production,
        contacts=contacts,
        created_at=now,
        updated_at=now,
    )
    ctx.session.add(environment)
    ctx.session.flush()
    return environment


def find(ctx: Context, name: str) -> Environment | None:
    return ctx.session.scalars(select(Environment).where(Environment.name == name)).first()


def require(ctx: Context, name: str) -> Environment:
    environment = find(ctx, name)
    if environment is None:
        raise NotFound(f"Environment with name '{name}' does not exist")
    return environment


def record_deployment(
    ctx: Context,
    pacticipant_name: str,
    number: str,
    environment_name: str,
    target: str | None = None,
    *,
    auto_created: bool = False,
) -> DeployedVersion:
    """Deploying replaces whatever version of the pacticipant was current in that environment
    and application instance (§5.7)."""
    version = versions.require(ctx, pacticipant_name, number)
    environment = require(ctx, environment_name)
    now = ctx.now()
    same_slot = (
        (DeployedVersion.pacticipant_id == version.pacticipant_id)
        & (DeployedVersion.environment_id == environment.id)
        & (DeployedVersion.undeployed_at.is_(None))
        & (DeployedVersion.target.is_(None) if target is None else DeployedVersion.target == target)
    )
    ctx.session.execute(
        update(DeployedVersion)
        .where(same_slot, DeployedVersion.version_id != version.id)
        .values(undeployed_at=now)
    )
    current = ctx.session.scalars(select(DeployedVersion).where(same_slot)).first()
    if current is not None:
        return current
    deployed = DeployedVersion(
        uuid=str(uuid_module.uuid4()),
        version_id=version.id,
        pacticipant_id=version.pacticipant_id,
        environment_id=environment.id,
        target=target,
        auto_created=auto_created,
        created_at=now,
    )
    ctx.session.add(deployed)
    ctx.session.flush()
    return deployed


def record_undeployment(
    ctx: Context, pacticipant_name: str, number: str, environment_name: str
) -> int:
    version = versions.require(ctx, pacticipant_name, number)
    environment = require(ctx, environment_name)
    statement = (
        update(DeployedVersion)
        .where(
            DeployedVersion.version_id == version.id,
            DeployedVersion.environment_id == environment.id,
            DeployedVersion.undeployed_at.is_(None),
        )
        .values(undeployed_at=ctx.now())
    )
    # DML executes to a CursorResult; Session.execute is annotated with its base class
    result = cast(CursorResult[Any], ctx.session.execute(statement))
    return int(result.rowcount)


def record_release(
    ctx: Context, pacticipant_name: str, number: str, environment_name: str
) -> ReleasedVersion:
    version = versions.require(ctx, pacticipant_name, number)
    environment = require(ctx, environment_name)
    released = ctx.session.scalars(
        select(ReleasedVersion).where(
            ReleasedVersion.version_id == version.id,
            ReleasedVersion.environment_id == environment.id,
        )
    ).first()
    if released is None:
        released = ReleasedVersion(
            uuid=str(uuid_module.uuid4()),
            version_id=version.id,
            pacticipant_id=version.pacticipant_id,
            environment_id=environment.id,
            created_at=ctx.now(),
        )
        ctx.session.add(released)
    released.support_ended_at = None
    ctx.session.flush()
    return released


def record_support_ended(
    ctx: Context, pacticipant_name: str, number: str, environment_name: str
) -> None:
    version = versions.require(ctx, pacticipant_name, number)
    environment = require(ctx, environment_name)
    ctx.session.execute(
        update(ReleasedVersion)
        .where(
            ReleasedVersion.version_id == version.id,
            ReleasedVersion.environment_id == environment.id,
        )
        .values(support_ended_at=ctx.now())
    )
