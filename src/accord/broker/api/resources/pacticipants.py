"""Pacticipants: list, create, get, update (PUT replaces, PATCH merges or creates), delete."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

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
from accord.broker.api.representers.pacticipants import pacticipant, pacticipants
from accord.broker.api.resources.versions import version_document
from accord.broker.context import Context
from accord.broker.services import labels, versions
from accord.broker.services import pacticipants as service

router = APIRouter(route_class=NameRoute)


@router.get("/pacticipants")
async def list_pacticipants(request: Request, q: str | None = None) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        chosen, page = page_of(request, service.listing(ctx, q))
        rows = [(row, service.latest_version(ctx, row)) for row in chosen]
        return hal(pagination.apply(pacticipants(base, rows), page))

    return await run(request, work)


@router.post("/pacticipants")
async def create_pacticipant(request: Request) -> Response:
    body = await read_json(request, empty_ok=False)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row, created = service.create(ctx, body)
        href = urls.pacticipant(base, row.name)
        return hal(pacticipant(base, row, service.latest_version(ctx, row)),
                   201 if created else 200, {"Location": href} if created else None)  # fmt: skip

    return await run(request, work)


@router.get("/pacticipants/{name}")
async def get_pacticipant(request: Request, name: str) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row = service.require(ctx, name)
        return hal(pacticipant(base, row, service.latest_version(ctx, row), labels.of(ctx, row)))

    return await run(request, work)


@router.put("/pacticipants/{name}")
async def replace_pacticipant(request: Request, name: str) -> Response:
    body = await read_json(request)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row = service.update(ctx, name, body, replace=True)
        return hal(pacticipant(base, row, service.latest_version(ctx, row)))

    return await run(request, work)


@router.patch("/pacticipants/{name}")
async def patch_pacticipant(request: Request, name: str) -> Response:
    """Merge update; creates the pacticipant when missing (the Ruby client relies on the 201)."""
    body = await read_json(request, JSON_TYPES + MERGE_PATCH)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        created = service.find(ctx, name) is None
        if created:
            service.create(ctx, {**body, "name": name})
        row = service.update(ctx, name, body, replace=False)
        href = urls.pacticipant(base, name)
        return hal(pacticipant(base, row, service.latest_version(ctx, row)),
                   201 if created else 200, {"Location": href} if created else None)  # fmt: skip

    return await run(request, work)


@router.delete("/pacticipants/{name}")
async def delete_pacticipant(request: Request, name: str) -> Response:
    await run(request, lambda ctx: service.remove(ctx, name))
    return no_content()


@router.get("/pacticipants/{name}/latest-version")
async def latest_version(request: Request, name: str) -> Response:
    base = base_url(request)
    return await run(
        request, lambda ctx: hal(version_document(ctx, base, versions.require_latest(ctx, name)))
    )


@router.get("/pacticipants/{name}/latest-version/{tag}")
async def latest_tagged_version(request: Request, name: str, tag: str) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        return hal(version_document(ctx, base, versions.require_latest(ctx, name, tag)))

    return await run(request, work)
