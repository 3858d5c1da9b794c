"""Pacticipants (consumers and providers share one table): create, update, find, delete."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import delete, func, select

from accord.broker.context import Context
from accord.broker.db.models import Pacticipant, Version
from accord.broker.db.upsert import get_or_create
from accord.broker.errors import Conflict, Invalid, NotFound

# request property → column; the official Ruby client sends snake_case on PATCH
_PROPERTIES = {
    "displayName": "display_name",
    "display_name": "display_name",
    "repositoryUrl": "repository_url",
    "repository_url": "repository_url",
    "repositoryName": "repository_name",
    "repository_name": "repository_name",
    "repositoryNamespace": "repository_namespace",
    "repository_namespace": "repository_namespace",
    "mainBranch": "main_branch",
    "main_branch": "main_branch",
}
_COLUMNS = sorted(set(_PROPERTIES.values()))


def check_name(name: object, field: str = "name", what: str = "pacticipant name") -> str:
    """A name must be a non-blank single-line string."""
    if not isinstance(name, str):
        raise Invalid(f"{what} must be a string, got {type(name).__name__}", field)
    if not name.strip():
        raise Invalid(f"{what} cannot be blank", field)
    if "\n" in name or "\r" in name or "\t" in name:
        raise Invalid(f"{what} {name!r} must be a single line without tabs", field)
    if len(name) > 255:
        raise Invalid(f"{what} is {len(name)} characters long; the maximum is 255", field)
    return name


def find(ctx: Context, name: str) -> Pacticipant | None:
    return ctx.session.scalars(select(Pacticipant).where(Pacticipant.name == name)).first()


def require(ctx: Context, name: str, role: str = "pacticipant") -> Pacticipant:
    found = find(ctx, name)
    if found is None:
        raise NotFound(f"No {role} with name '{name}' found")
    return found


def ensure(ctx: Context, name: str, field: str = "name") -> tuple[Pacticipant, bool]:
    """The pacticipant named `name`, created when missing; (pacticipant, created)."""
    check_name(name, field)
    now = ctx.now()
    return get_or_create(
        ctx.session, Pacticipant, {"name": name}, {"created_at": now, "updated_at": now}
    )


def _attributes(body: dict[str, Any]) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    for key, value in body.items():
        column = _PROPERTIES.get(key)
        if column is None:
            continue
        if value is not None and not isinstance(value, str):
            raise Invalid(f"must be a string, got {type(value).__name__}", key)
        if column == "main_branch" and value is not None and (not value.strip() or " " in value):
            raise Invalid(f"main branch {value!r} cannot be blank or contain spaces", key)
        if value is not None and "\n" in value:
            raise Invalid("must be a single line", key)
        attributes[column] = value
    return attributes


def create(ctx: Context, body: dict[str, Any]) -> tuple[Pacticipant, bool]:
    """POST /pacticipants: insert-or-ignore by name, then apply the given properties."""
    if "name" not in body:
        raise Invalid("is missing (a pacticipant needs a name)", "name")
    name = check_name(body["name"])
    attributes = _attributes(body)
    pacticipant, created = ensure(ctx, name)
    for column, value in attributes.items():
        setattr(pacticipant, column, value)
    ctx.session.flush()
    return pacticipant, created


def update(ctx: Context, name: str, body: dict[str, Any], *, replace: bool) -> Pacticipant:
    """PATCH merges the given properties; PUT replaces them all (missing ones become null)."""
    if "name" in body and body["name"] != name:
        raise Invalid(
            f"name in the body ('{body['name']}') does not match the name in the URL ('{name}')",
            "name",
        )
    attributes = _attributes(body)
    pacticipant = require(ctx, name)
    if replace:
        attributes = {column: attributes.get(column) for column in _COLUMNS}
    for column, value in attributes.items():
        setattr(pacticipant, column, value)
    pacticipant.updated_at = ctx.now()
    ctx.session.flush()
    return pacticipant


def set_main_branch_if_unset(ctx: Context, pacticipant: Pacticipant, name: str) -> None:
    """auto_detect_main_branch (§5.6): the first develop/main/master branch or tag becomes it."""
    if pacticipant.main_branch is None and name in {"develop", "main", "master"}:
        pacticipant.main_branch = name


def listing(ctx: Context, query: str | None = None) -> list[Pacticipant]:
    statement = select(Pacticipant).order_by(func.lower(Pacticipant.name))
    if query:
        statement = statement.where(Pacticipant.name.contains(query))
    return list(ctx.session.scalars(statement))


def latest_version(ctx: Context, pacticipant: Pacticipant) -> Version | None:
    return ctx.session.scalars(
        select(Version)
        .where(Version.pacticipant_id == pacticipant.id)
        .order_by(Version.id.desc())
        .limit(1)
    ).first()


def remove(ctx: Context, name: str) -> None:
    """Delete the pacticipant and, through ON DELETE CASCADE, everything that belongs to it."""
    pacticipant = require(ctx, name)
    ctx.session.execute(delete(Pacticipant).where(Pacticipant.id == pacticipant.id))


_NOISE_WORDS = {"api", "provider", "service"}


def name_words(name: str) -> list[str]:
    """`FooService`, `foo-service` and `Foo services API` all become ["foo"] (§5.6)."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name.replace("::", " "))
    words = [w.lower().removesuffix("s") for w in re.split(r"[\s_\-]+", spaced) if w]
    return [w for w in words if w and w not in _NOISE_WORDS]


def check_not_duplicate(ctx: Context, name: str) -> None:
    """Publishing under a new name that looks like an existing pacticipant's is refused (409),
    so a typo does not split one application's history in two."""
    if find(ctx, name) is not None:
        return
    words = name_words(name)
    names = list(ctx.session.scalars(select(Pacticipant.name)))
    if name in names:
        return  # a concurrent publisher has just created it: the same name, not a look-alike
    for existing in names:
        if words and name_words(existing) == words:
            raise Conflict(
                f"This is the first time a pact has been published for '{name}'. The name "
                f"'{name}' is very similar to the existing pacticipant '{existing}'. If '{name}' "
                "is a new pacticipant, create it first (e.g. with `pact-broker "
                f"create-or-update-pacticipant --name '{name}'`); otherwise publish with the "
                f"existing name '{existing}'."
            )
