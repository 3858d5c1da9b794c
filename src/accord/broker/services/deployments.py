"""The HTTP-facing side of environments: create/update/delete from request bodies, lookups by
uuid, currently deployed and currently supported versions, undeploy and end of support."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select

from accord.broker.context import Context
from accord.broker.db.models import (
    DeployedVersion,
    Environment,
    Pacticipant,
    ReleasedVersion,
    Version,
)
from accord.broker.errors import Conflict, Invalid, NotFound, Unprocessable
from accord.broker.services import environments, versions


def _check(body: dict[str, Any], *, require_production: bool) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        errors["name"] = ["is missing (an environment needs a name without spaces)"]
    elif " " in name:
        errors["name"] = [f"cannot contain spaces, got {name!r}"]
    production = body.get("production")
    if production is None and require_production:
        errors["production"] = ["is missing (expected true or false)"]
    elif production is not None and not isinstance(production, bool):
        errors["production"] = [f"must be true or false, got {production!r}"]
    display = body.get("displayName")
    if display is not None and not isinstance(display, str):
        errors["displayName"] = ["must be a string"]
    contacts = body.get("contacts")
    if contacts is not None and not (
        isinstance(contacts, list) and all(isinstance(c, dict) and "name" in c for c in contacts)
    ):
        errors["contacts"] = ['must be a list like [{"name": "Team", "details": {...}}]']
    if errors:
        raise Invalid(errors)
    return body


def create(ctx: Context, body: dict[str, Any]) -> Environment:
    _check(body, require_production=True)
    return environments.create(
        ctx, body["name"], display_name=body.get("displayName"),
        production=body["production"], contacts=body.get("contacts"), uuid=body.get("uuid"),
    )  # fmt: skip


def require(ctx: Context, uuid: str) -> Environment:
    found = ctx.session.scalars(select(Environment).where(Environment.uuid == uuid)).first()
    if found is None:
        raise NotFound(f"No environment with uuid '{uuid}' found")
    return found


def replace(ctx: Context, uuid: str, body: dict[str, Any]) -> Environment:
    """PUT: full replace; 404 when missing (no create)."""
    environment = require(ctx, uuid)
    _check(body, require_production=True)
    other = environments.find(ctx, body["name"])
    if other is not None and other.id != environment.id:
        raise Invalid(f"Another environment with name '{body['name']}' already exists.", "name")
    environment.name = body["name"]
    environment.display_name = body.get("displayName")
    environment.production = body["production"]
    environment.contacts = body.get("contacts")
    environment.updated_at = ctx.now()
    return environment


def remove(ctx: Context, uuid: str, *, force: bool = False) -> None:
    """An environment with deployment or release history is kept (409) unless forced."""
    environment = require(ctx, uuid)
    history = sum(
        int(
            ctx.session.scalar(select(func.count()).where(model.environment_id == environment.id))
            or 0
        )
        for model in (DeployedVersion, ReleasedVersion)
    )
    if history and not force:
        raise Conflict(
            f"Environment '{environment.name}' has {history} deployment/release records; delete "
            "with ?force=true to remove it and its history"
        )
    for model in (DeployedVersion, ReleasedVersion):
        ctx.session.execute(delete(model).where(model.environment_id == environment.id))
    ctx.session.delete(environment)


def listing(ctx: Context, name: str | None = None) -> list[Environment]:
    statement = select(Environment).order_by(Environment.name)
    if name:
        statement = statement.where(Environment.name == name)
    return list(ctx.session.scalars(statement))


def deploy(
    ctx: Context, pacticipant: str, number: str, uuid: str, body: dict[str, Any]
) -> tuple[DeployedVersion, bool]:
    environment = require(ctx, uuid)
    target = body.get("applicationInstance", body.get("target"))
    if target is not None and not isinstance(target, str):
        raise Invalid(f"must be a string, got {target!r}", "applicationInstance")
    before = ctx.session.scalar(select(func.count()).select_from(DeployedVersion))
    deployed = environments.record_deployment(
        ctx, pacticipant, number, environment.name, target or None
    )
    return deployed, ctx.session.scalar(select(func.count()).select_from(DeployedVersion)) != before


def release(ctx: Context, pacticipant: str, number: str, uuid: str) -> tuple[ReleasedVersion, bool]:
    environment = require(ctx, uuid)
    version = versions.require(ctx, pacticipant, number)
    existed = ctx.session.scalars(
        select(ReleasedVersion).where(
            ReleasedVersion.version_id == version.id,
            ReleasedVersion.environment_id == environment.id,
        )
    ).first()
    released = environments.record_release(ctx, pacticipant, number, environment.name)
    return released, existed is None


def currently_deployed(ctx: Context, uuid: str, pacticipant: str | None, instance: str | None,
                       instance_given: bool) -> list[DeployedVersion]:  # fmt: skip
    environment = require(ctx, uuid)
    statement = select(DeployedVersion).where(
        DeployedVersion.environment_id == environment.id, DeployedVersion.undeployed_at.is_(None)
    )
    if pacticipant:
        statement = statement.join(
            Pacticipant, Pacticipant.id == DeployedVersion.pacticipant_id
        ).where(Pacticipant.name == pacticipant)
    if instance_given:  # a blank applicationInstance= means "no instance"
        statement = statement.where(
            DeployedVersion.target.is_(None) if not instance else DeployedVersion.target == instance
        )
    return list(ctx.session.scalars(statement.order_by(DeployedVersion.id)))


def currently_supported(
    ctx: Context, uuid: str, pacticipant: str | None, number: str | None
) -> list[ReleasedVersion]:
    environment = require(ctx, uuid)
    statement = select(ReleasedVersion).where(
        ReleasedVersion.environment_id == environment.id, ReleasedVersion.support_ended_at.is_(None)
    )
    if pacticipant:
        statement = statement.join(
            Pacticipant, Pacticipant.id == ReleasedVersion.pacticipant_id
        ).where(Pacticipant.name == pacticipant)
    if number:
        statement = statement.join(Version, Version.id == ReleasedVersion.version_id).where(
            Version.number == number
        )
    return list(ctx.session.scalars(statement.order_by(ReleasedVersion.id)))


def find_deployed(ctx: Context, uuid: str) -> DeployedVersion:
    found = ctx.session.scalars(select(DeployedVersion).where(DeployedVersion.uuid == uuid)).first()
    if found is None:
        raise NotFound(f"No deployed version with uuid '{uuid}' found")
    return found


def find_released(ctx: Context, uuid: str) -> ReleasedVersion:
    found = ctx.session.scalars(select(ReleasedVersion).where(ReleasedVersion.uuid == uuid)).first()
    if found is None:
        raise NotFound(f"No released version with uuid '{uuid}' found")
    return found


def patch_deployed(ctx: Context, uuid: str, body: dict[str, Any]) -> DeployedVersion:
    deployed = find_deployed(ctx, uuid)
    if body.get("currentlyDeployed") is True and deployed.undeployed_at is not None:
        raise Unprocessable(
            "The currentlyDeployed property cannot be set back to true. Please record a new deployment."
        )
    if body.get("currentlyDeployed") is False and deployed.undeployed_at is None:
        deployed.undeployed_at = ctx.now()
    return deployed


def patch_released(ctx: Context, uuid: str, body: dict[str, Any]) -> ReleasedVersion:
    released = find_released(ctx, uuid)
    if body.get("currentlySupported") is True and released.support_ended_at is not None:
        raise Unprocessable(
            "The currentlySupported property cannot be set back to true. Please record a new release."
        )
    if body.get("currentlySupported") is False and released.support_ended_at is None:
        released.support_ended_at = ctx.now()
    return released
