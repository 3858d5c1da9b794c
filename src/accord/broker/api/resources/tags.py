"""Version tags: PUT (empty body or `{}`; 201 new, 200 existing), GET, DELETE."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from accord.broker.api import urls
from accord.broker.api.http import base_url, hal, no_content, read_json, run
from accord.broker.api.paths import NameRoute
from accord.broker.api.representers.versions import tag_document
from accord.broker.context import Context
from accord.broker.services import tags

router = APIRouter(route_class=NameRoute)
PATH = "/pacticipants/{name}/versions/{number}/tags/{tag}"


@router.put(PATH)
async def put_tag(request: Request, name: str, number: str, tag: str) -> Response:
    await read_json(request)  # content is ignored, but it must be well-formed when present
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row, created = tags.add(ctx, name, number, tag)
        headers = {"Location": urls.tag(base, name, number, tag)} if created else None
        return hal(
            tag_document(base, name, number, tag, row.created_at), 201 if created else 200, headers
        )

    return await run(request, work)


@router.get(PATH)
async def get_tag(request: Request, name: str, number: str, tag: str) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row = tags.find(ctx, name, number, tag)
        return hal(tag_document(base, name, number, tag, row.created_at))

    return await run(request, work)


@router.delete(PATH)
async def delete_tag(request: Request, name: str, number: str, tag: str) -> Response:
    await run(request, lambda ctx: tags.remove(ctx, name, number, tag))
    return no_content()
