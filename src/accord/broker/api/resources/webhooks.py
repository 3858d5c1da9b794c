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


@router.post("/webhooks/{uuid}/execute")
async def execute_webhook(request: Request, uuid: str) -> Response:
    """Test-run a saved webhook now, with placeholder parameters; nothing is recorded."""
    from starlette.concurrency import run_in_threadpool

    from accord.broker.services.webhook_runner import default_sender, execute

    base = base_url(request)
    settings = request.app.state.settings
    definition = await run(request, lambda ctx: dict(service.require(ctx, uuid).request or {}))  # type: ignore[call-overload]
    placeholders = {name: f"{name}-placeholder" for name in _PARAMETERS}
    outcome = await run_in_threadpool(execute, definition, placeholders, settings, default_sender)
    return hal({"request": outcome.request, "response": outcome.response, "logs": outcome.logs,
                "success": outcome.success,
                "_links": {"webhook": {"href": f"{base}/webhooks/{uuid}"}}})  # fmt: skip


_PARAMETERS = ("consumerName", "providerName", "consumerVersionNumber", "providerVersionNumber",
               "consumerVersionTags", "consumerVersionBranch", "providerVersionTags",
               "providerVersionBranch", "pactUrl", "verificationResultUrl", "githubVerificationStatus",
               "eventName", "buildUrl")  # fmt: skip


@router.get("/triggered-webhooks/{uuid}/logs")
async def triggered_logs(request: Request, uuid: str) -> Response:
    from fastapi.responses import PlainTextResponse
    from sqlalchemy import select

    from accord.broker.db.models import TriggeredWebhook, WebhookExecution
    from accord.broker.errors import NotFound

    def work(ctx: Context) -> Response:
        row = ctx.session.scalars(
            select(TriggeredWebhook).where(TriggeredWebhook.uuid == uuid)
        ).first()
        if row is None:
            raise NotFound(f"No triggered webhook with uuid '{uuid}' found")
        executions = ctx.session.scalars(
            select(WebhookExecution).where(WebhookExecution.triggered_webhook_id == row.id).order_by(WebhookExecution.id)
        )  # fmt: skip
        text = "\n\n".join(
            f"[{e.created_at.isoformat()}] {'success' if e.success else 'failure'}\n{e.logs}"
            for e in executions
        )
        return PlainTextResponse(
            f"Status: {row.status} after {row.attempts} attempt(s)\n\n{text}\n"
        )

    return await run(request, work)
