"""The application factory: `create_app(settings)` builds one broker (engine, migrations, routes,
middleware, error handlers). No module-level engine or settings; tests build many apps."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from datetime import datetime

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.broker.api.auth import AuthMiddleware
from accord.broker.api.errors import broker_error_response, unexpected_error_response
from accord.broker.api.paths import PathMiddleware
from accord.broker.api.resources import (
    badges,
    branches,
    contracts,
    environments,
    extras,
    for_verification,
    index,
    integrations,
    labels,
    matrix,
    pact_lists,
    pacticipants,
    pacts,
    tags,
    verifications,
    versions,
    webhooks,
)
from accord.broker.db.base import utc_now
from accord.broker.db.engine import make_engine, make_session_factory
from accord.broker.db.migrate import upgrade
from accord.broker.errors import BrokerError, MethodNotAllowed, NotFound
from accord.broker.settings import BROKER_VERSION, Settings
from accord.broker.ui import pages as ui_pages
from accord.broker.ui.routing import UIRouting

log = logging.getLogger("accord.broker")

# The route table: order matters where a literal segment competes with a parameter.
ROUTERS = [
    index.router,
    badges.router,
    labels.router,
    pacticipants.router,
    versions.router,
    tags.router,
    branches.router,
    contracts.router,
    for_verification.router,
    verifications.router,
    pact_lists.router,
    pacts.router,
    integrations.router,
    webhooks.router,
    extras.router,
    environments.router,
    matrix.router,
]


def create_app(
    settings: Settings | None = None, *, clock: Callable[[], datetime] = utc_now
) -> FastAPI:
    """A broker application; migrations run here unless `settings.run_migrations` is off."""
    settings = settings or Settings.from_env()
    engine = make_engine(settings.resolved_database_url)
    if settings.run_migrations:
        upgrade(engine)
    app = FastAPI(
        lifespan=_webhook_worker,
        title="Accord Pact Broker",
        version=BROKER_VERSION,
        description="A Pact-Broker-compatible broker (HAL API).",
        docs_url="/api-docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.clock = clock
    for router in ROUTERS:
        app.include_router(router)

    @app.exception_handler(BrokerError)
    async def on_broker_error(request: Request, error: BrokerError) -> Response:
        return broker_error_response(request, error)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, error: StarletteHTTPException) -> Response:
        # unmatched paths and methods answer in the broker's error shape, not FastAPI's
        if error.status_code == 404:
            message = f"No resource at {request.method} {request.url.path}; see GET / for the API"
            return broker_error_response(request, NotFound(message))
        if error.status_code == 405:
            message = f"{request.method} is not supported on {request.url.path}"
            return broker_error_response(request, MethodNotAllowed(message))
        return broker_error_response(request, BrokerError(str(error.detail)))

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, error: Exception) -> Response:
        return unexpected_error_response(request, error)

    app.include_router(ui_pages.router)
    app.add_middleware(CommonHeaders)
    app.add_middleware(UIRouting)
    app.add_middleware(AuthMiddleware, settings=settings)
    app.add_middleware(PathMiddleware)
    return app


@asynccontextmanager
async def _webhook_worker(app: FastAPI) -> AsyncIterator[None]:
    """Each instance polls for due triggered webhooks; rows are claimed with SKIP LOCKED, so
    instances sharing a database never run one twice."""
    settings: Settings = app.state.settings
    task = None
    if settings.webhook_poll_seconds > 0:
        task = asyncio.create_task(_poll_webhooks(app, settings.webhook_poll_seconds))
    try:
        yield
    finally:
        if task is not None:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task


async def _poll_webhooks(app: FastAPI, interval: float) -> None:
    from accord.broker.services.webhook_runner import run_due

    while True:
        try:
            await run_in_threadpool(
                run_due, app.state.session_factory, app.state.settings, app.state.clock
            )
        except Exception:  # a broken webhook or a database blip must not stop the loop
            log.exception("running triggered webhooks failed; retrying in %s s", interval)
        await asyncio.sleep(interval)


def app_from_env() -> FastAPI:
    """The factory uvicorn calls in each worker process (`accord broker serve --workers N`)."""
    return create_app(Settings.from_env())


class CommonHeaders:
    """Headers the Ruby broker adds to every response (design note §1)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                names = {name.lower() for name, _ in headers}
                headers.append((b"x-pact-broker-version", BROKER_VERSION.encode()))
                headers.append((b"vary", b"Accept"))
                if b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-cache"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
