"""Pacticipant versions: list, get, PUT (application/json), PATCH (merge-patch), delete."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select

from accord.broker.api import pagination, urls
from accord.broker.api.http import (
    JSON_TYPES,
    MERGE_PATCH,
    base_url,
    hal,
    no_content,
    read_json,
    run,
)
from accord.broker.api.pagination import page_of
from accord.broker.api.paths import NameRoute
from accord.broker.api.representers import versions as representers
from accord.broker.context import Context
from accord.broker.db.models import (
    DeployedVersion,
    Environment,
    Pacticipant,
    PactPublication,
    ReleasedVersion,
    Version,
)
from accord.broker.services import branches, tags, versions

router = APIRouter(route_class=NameRoute)


def version_facts(ctx: Context, row: Version) -> representers.VersionFacts:
    owner = ctx.session.get(Pacticipant, row.pacticipant_id)
    assert owner is not None
    providers = ctx.session.scalars(
        select(Pacticipant.name)
        .join(PactPublication, PactPublication.provider_id == Pacticipant.id)
        .where(PactPublication.consumer_version_id == row.id)
        .order_by(Pacticipant.name)
    )
    return representers.VersionFacts(
        pacticipant=owner.name,
        version=row,
        tags=[(t.name, tags.is_latest(ctx, t)) for t in versions.tags_of(ctx, row)],
        branches=[
            (bv.branch_name, branches.is_head(ctx, bv))
            for bv in branches.branch_versions_of(ctx, row)
        ],
        pacts=[(p, f"Pact between {owner.name} ({row.number}) and {p}") for p in providers],
        environments=list(ctx.session.scalars(select(Environment).order_by(Environment.name))),
        deployed=[
            (d.uuid, env, d.undeployed_at is None, d.target)
            for d, env in ctx.session.execute(
                select(DeployedVersion, Environment)
                .join(Environment, Environment.id == DeployedVersion.environment_id)
                .where(DeployedVersion.version_id == row.id)
                .order_by(DeployedVersion.id)
            )
        ],
        released=[
            (r.uuid, env, r.support_ended_at is None)
            for r, env in ctx.session.execute(
                select(ReleasedVersion, Environment)
                .join(Environment, Environment.id == ReleasedVersion.environment_id)
                .where(ReleasedVersion.version_id == row.id)
                .order_by(ReleasedVersion.id)
            )
        ],
    )


def version_document(ctx: Context, base: str, row: Version) -> dict[str, Any]:
    return representers.version(base, version_facts(ctx, row))


@router.get("/pacticipants/{name}/versions")
async def list_versions(request: Request, name: str) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        chosen, page = page_of(request, versions.listing(ctx, name))
        rows = [version_facts(ctx, row) for row in chosen]
        return hal(pagination.apply(representers.versions(base, name, rows), page))

    return await run(request, work)


@router.get("/pacticipants/{name}/versions/{number}")
async def get_version(request: Request, name: str, number: str) -> Response:
    base = base_url(request)
    return await run(
        request, lambda ctx: hal(version_document(ctx, base, versions.require(ctx, name, number)))
    )


async def _write(request: Request, name: str, number: str, *, replace: bool) -> Response:
    body = await read_json(request, JSON_TYPES if replace else MERGE_PATCH)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row, created = versions.put_or_patch(ctx, name, number, body, replace=replace)
        headers = {"Location": urls.version(base, name, number)} if created else None
        return hal(version_document(ctx, base, row), 201 if created else 200, headers)

    return await run(request, work)


@router.put("/pacticipants/{name}/versions/{number}")
async def put_version(request: Request, name: str, number: str) -> Response:
    return await _write(request, name, number, replace=True)


@router.patch("/pacticipants/{name}/versions/{number}")
async def patch_version(request: Request, name: str, number: str) -> Response:
    return await _write(request, name, number, replace=False)


@router.delete("/pacticipants/{name}/versions/{number}")
async def delete_version(request: Request, name: str, number: str) -> Response:
    await run(request, lambda ctx: versions.remove(ctx, name, number))
    return no_content()
