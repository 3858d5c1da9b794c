"""A synchronous in-process HTTP client for an ASGI app: httpx's ASGITransport driven from a
blocking anyio portal (what starlette's TestClient does, without its deprecated httpx path)."""

from __future__ import annotations

from typing import Any

import anyio.from_thread
import httpx


class ASGIClient:
    def __init__(self, app: Any, base_url: str = "http://broker", **options: Any) -> None:
        self._portal_manager = anyio.from_thread.start_blocking_portal()
        self._portal = self._portal_manager.__enter__()
        self._client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=base_url, **options
        )

    def request(self, method: str, url: str, **options: Any) -> httpx.Response:
        return self._portal.call(lambda: self._client.request(method, url, **options))

    def get(self, url: str, **options: Any) -> httpx.Response:
        return self.request("GET", url, **options)

    def post(self, url: str, **options: Any) -> httpx.Response:
        return self.request("POST", url, **options)

    def put(self, url: str, **options: Any) -> httpx.Response:
        return self.request("PUT", url, **options)

    def patch(self, url: str, **options: Any) -> httpx.Response:
        return self.request("PATCH", url, **options)

    def delete(self, url: str, **options: Any) -> httpx.Response:
        return self.request("DELETE", url, **options)

    def close(self) -> None:
        self._portal.call(self._client.aclose)
        self._portal_manager.__exit__(None, None, None)
