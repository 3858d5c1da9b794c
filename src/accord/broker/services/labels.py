"""Pacticipant labels: add (idempotent), find, remove, list by label."""

from __future__ import annotations

from sqlalchemy import delete, select

from accord.broker.context import Context
from accord.broker.db.models import Label, Pacticipant
from accord.broker.db.upsert import insert_ignore
from accord.broker.errors import NotFound
from accord.broker.services import pacticipants


def add(ctx: Context, pacticipant_name: str, name: str) -> tuple[Label, bool]:
    pacticipants.check_name(name, "label", "label name")
    pacticipant = pacticipants.require(ctx, pacticipant_name)
    created = insert_ignore(ctx.session, Label, {"pacticipant_id": pacticipant.id, "name": name,
                                                 "created_at": ctx.now()}, ["pacticipant_id", "name"])  # fmt: skip
    label = ctx.session.get(Label, (pacticipant.id, name))
    assert label is not None
    return label, created


def find(ctx: Context, pacticipant_name: str, name: str) -> Label:
    pacticipant = pacticipants.require(ctx, pacticipant_name)
    label = ctx.session.get(Label, (pacticipant.id, name))
    if label is None:
        raise NotFound(f"No label '{name}' on pacticipant '{pacticipant_name}'")
    return label


def remove(ctx: Context, pacticipant_name: str, name: str) -> None:
    label = find(ctx, pacticipant_name, name)
    ctx.session.execute(
        delete(Label).where(Label.pacticipant_id == label.pacticipant_id, Label.name == name)
    )


def of(ctx: Context, pacticipant: Pacticipant) -> list[str]:
    return list(
        ctx.session.scalars(
            select(Label.name).where(Label.pacticipant_id == pacticipant.id).order_by(Label.name)
        )
    )


def pacticipants_with(ctx: Context, name: str) -> list[Pacticipant]:
    return list(
        ctx.session.scalars(
            select(Pacticipant).join(Label, Label.pacticipant_id == Pacticipant.id)
            .where(Label.name == name).order_by(Pacticipant.name)
        )
    )  # fmt: skip


def all_names(ctx: Context) -> list[str]:
    return list(ctx.session.scalars(select(Label.name).distinct().order_by(Label.name)))
