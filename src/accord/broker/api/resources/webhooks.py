"""Webhook definitions: list, create, PUT with a uuid, get, delete, and the legacy scoped routes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from accord.broker.api.http import base_url, hal, no_content, read_json, run
from accord.broker.api.paths import NameRoute
from accord.broker.api.representers.webhooks import webhook, webhooks
from accord.broker.context import Context
from accord.broker.services import webhooks as service

router = APIRouter(route_class=NameRoute)


@router.get("/webhooks")
async def list_webhooks(request: Request) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        return hal(webhooks(base, [(w, *service.names(ctx, w)) for w in service.listing(ctx)]))

    return await run(request, work)


async def _create(
    request: Request, consumer: str | None = None, provider: str | None = None
) -> Response:
    body = await read_json(request, empty_ok=False)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row = service.create(ctx, body, consumer=consumer, provider=provider)
        href = f"{base}/webhooks/{row.uuid}"
        return hal(webhook(base, row, *service.names(ctx, row)), 201, {"Location": href})

    return await run(request, work)


@router.post("/webhooks")
async def create_webhook(request: Request) -> Response:
    return await _create(request)


@router.post("/webhooks/provider/{provider}/consumer/{consumer}")
async def create_integration_webhook(request: Request, provider: str, consumer: str) -> Response:
    return await _create(request, consumer=consumer, provider=provider)


@router.post("/webhooks/provider/{provider}")
async def create_provider_webhook(request: Request, provider: str) -> Response:
    return await _create(request, provider=provider)


@router.post("/webhooks/consumer/{consumer}")
async def create_consumer_webhook(request: Request, consumer: str) -> Response:
    return await _create(request, consumer=consumer)


@router.put("/webhooks/{uuid}")
async def put_webhook(request: Request, uuid: str) -> Response:
    body = await read_json(request, empty_ok=False)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row, created = service.upsert(ctx, uuid, body)
        headers = {"Location": f"{base}/webhooks/{row.uuid}"} if created else None
        return hal(webhook(base, row, *service.names(ctx, row)), 201 if created else 200, headers)

    return await run(request, work)


@router.get("/webhooks/{uuid}")
async def get_webhook(request: Request, uuid: str) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row = service.require(ctx, uuid)
        return hal(webhook(base, row, *service.names(ctx, row)))

    return await run(request, work)


@router.delete("/webhooks/{uuid}")
async def delete_webhook(request: Request, uuid: str) -> Response:
    await run(request, lambda ctx: service.remove(ctx, uuid))
    return no_content()
