"""Pacticipant labels: GET/PUT/DELETE /pacticipants/{p}/labels/{label}, pacticipants with a label,
and all label names."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from accord.broker.api import urls
from accord.broker.api.hal import curies, link, timestamp
from accord.broker.api.http import base_url, hal, no_content, read_json, run
from accord.broker.api.paths import NameRoute
from accord.broker.api.representers.pacticipants import pacticipants as pacticipant_list
from accord.broker.context import Context
from accord.broker.services import labels
from accord.broker.services import pacticipants as pacticipant_service

router = APIRouter(route_class=NameRoute)
PATH = "/pacticipants/{name}/labels/{label}"


def _label(base: str, name: str, label: str, created_at: Any) -> dict[str, Any]:
    return {
        "name": label,
        "createdAt": timestamp(created_at),
        "_links": {
            "self": link(
                f"{urls.pacticipant(base, name)}/labels/{urls.enc(label)}",
                title="Label",
                name=label,
            ),
            "pb:pacticipant": link(urls.pacticipant(base, name), title="Pacticipant", name=name),
            "curies": curies(base),
        },
    }


@router.get("/pacticipants/label/{label}")
async def with_label(request: Request, label: str) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        rows = [
            (p, pacticipant_service.latest_version(ctx, p))
            for p in labels.pacticipants_with(ctx, label)
        ]
        return hal(pacticipant_list(base, rows))

    return await run(request, work)


@router.get("/labels")
async def all_labels(request: Request) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        names = labels.all_names(ctx)
        return hal({"_embedded": {"labels": [{"name": n} for n in names]},
                    "_links": {"self": link(f"{base}/labels"), "curies": curies(base)}})  # fmt: skip

    return await run(request, work)


@router.put(PATH)
async def put_label(request: Request, name: str, label: str) -> Response:
    await read_json(request)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row, created = labels.add(ctx, name, label)
        return hal(_label(base, name, label, row.created_at), 201 if created else 200)

    return await run(request, work)


@router.get(PATH)
async def get_label(request: Request, name: str, label: str) -> Response:
    base = base_url(request)
    return await run(
        request,
        lambda ctx: hal(_label(base, name, label, labels.find(ctx, name, label).created_at)),
    )


@router.delete(PATH)
async def delete_label(request: Request, name: str, label: str) -> Response:
    await run(request, lambda ctx: labels.remove(ctx, name, label))
    return no_content()
