"""Calling an ASGI application from synchronous code, with its lifespan, and no socket.

httpx.ASGITransport is asynchronous; the verifier is not. `SyncASGITransport` runs it on one
private event loop thread that lives as long as the transport, so the app keeps loop-bound
resources (connection pools, caches) between requests as it would under a server. The app's
lifespan startup runs first (FastAPI/Starlette apps open databases there) and its shutdown runs
on close; apps that do not speak the lifespan protocol are called without it, as uvicorn does.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from typing import Any

import httpx

from accord.errors import VerificationError


class SyncASGITransport(httpx.BaseTransport):
    """httpx transport for an ASGI app, driven from synchronous code."""

    def __init__(self, app: Any, *, lifespan: bool = True, startup_timeout: float = 30.0) -> None:
        self._app = app
        self._inner = httpx.ASGITransport(app=app)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, daemon=True, name="accord-asgi"
        )
        self._thread.start()
        self._lifespan: _Lifespan | None = None
        if lifespan:
            self._lifespan = _Lifespan(app)
            self._call(self._lifespan.startup(), startup_timeout)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()

        async def call() -> httpx.Response:
            async_request = httpx.Request(
                request.method, request.url, headers=request.headers, content=body
            )
            response = await self._inner.handle_async_request(async_request)
            # Raw bytes: the sync response decodes any content-encoding itself, exactly once.
            raw = b"".join([chunk async for chunk in response.stream])  # type: ignore[union-attr]
            return httpx.Response(response.status_code, headers=response.headers, content=raw)

        timeout = (request.extensions.get("timeout") or {}).get("read")
        try:
            response: httpx.Response = self._call(call(), timeout)
            return response
        except TimeoutError:
            raise httpx.ReadTimeout(
                f"the ASGI app did not answer within {timeout} s", request=request
            ) from None

    def _call(self, coroutine: Any, timeout: float | None) -> Any:
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout=timeout)
        except TimeoutError:
            future.cancel()
            raise

    def close(self) -> None:
        if self._lifespan is not None and self._loop.is_running():
            # A failing shutdown must not hide the verification result.
            with contextlib.suppress(Exception):
                self._call(self._lifespan.shutdown(), 30.0)
            self._lifespan = None
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
        if not self._loop.is_running():
            self._loop.close()


class _Lifespan:
    """The ASGI lifespan protocol: startup before the first request, shutdown at the end."""

    def __init__(self, app: Any) -> None:
        self._app = app
        self._to_app: asyncio.Queue[dict[str, Any]] | None = None
        self._from_app: asyncio.Queue[dict[str, Any]] | None = None
        self._task: asyncio.Task[None] | None = None
        self._supported = True

    async def startup(self) -> None:
        self._to_app, self._from_app = asyncio.Queue(), asyncio.Queue()
        self._task = asyncio.get_running_loop().create_task(self._run())
        await self._to_app.put({"type": "lifespan.startup"})
        message = await self._from_app.get()
        if message["type"] == "lifespan.startup.failed":
            raise VerificationError(
                f"the ASGI app's lifespan startup failed: {message.get('message', '')}; "
                "the provider cannot be verified in-process until it starts"
            )

    async def shutdown(self) -> None:
        if not self._supported or self._to_app is None or self._from_app is None:
            return
        await self._to_app.put({"type": "lifespan.shutdown"})
        await self._from_app.get()

    async def _run(self) -> None:
        assert self._to_app is not None and self._from_app is not None
        to_app, from_app = self._to_app, self._from_app
        scope = {"type": "lifespan", "asgi": {"version": "3.0", "spec_version": "2.0"}, "state": {}}
        try:
            await self._app(scope, to_app.get, from_app.put)
        except Exception:
            # An app without lifespan support raises for the unknown scope type: carry on
            # without it, as servers do.
            self._supported = False
            await from_app.put({"type": "lifespan.unsupported"})
