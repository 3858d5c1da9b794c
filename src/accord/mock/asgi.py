"""An ASGI adapter over the pure handler, so tests can talk to a mock without sockets
(e.g. `httpx.AsyncClient(transport=httpx.ASGITransport(app=MockAsgiApp(interactions)))`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import unquote

from accord.mock.handler import InteractionIndex, handle
from accord.mock.results import MockReport, RequestLog
from accord.model import Body, HttpInteraction, Request, SpecVersion, parse_query_string

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class MockAsgiApp:
    """An ASGI application answering like the mock server and keeping the same report."""

    def __init__(
        self,
        interactions: Iterable[HttpInteraction],
        *,
        spec: SpecVersion | str = SpecVersion.V4,
        base_url: str = "http://testserver",
        cors: bool = False,
    ) -> None:
        self.index = InteractionIndex(interactions, SpecVersion.parse(spec))
        self.log = RequestLog()
        self.base_url = base_url
        self.cors = cors

    def report(self) -> MockReport:
        return self.log.report(self.index.interactions, "mock server (ASGI)")

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        headers: dict[str, list[str]] = {}
        for raw_name, raw_value in scope.get("headers", []):
            headers.setdefault(raw_name.decode("latin-1"), []).append(raw_value.decode("latin-1"))
        content = b"".join(chunks)
        content_type = next((v[0] for k, v in headers.items() if k.lower() == "content-type"), None)
        request = Request(
            method=scope["method"],
            path=unquote(scope["path"]),
            query=parse_query_string(scope.get("query_string", b"").decode("latin-1")),
            headers=headers,
            body=Body.from_bytes(content, content_type) if content else Body.missing(),
        )
        handled = handle(self.index, request, base_url=self.base_url, cors=self.cors)
        if handled.outcome is not None:
            self.log.record(handled.outcome)
        response = handled.response
        await send(
            {
                "type": "http.response.start",
                "status": response.status,
                "headers": [
                    (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in response.headers
                ],
            }
        )
        await send({"type": "http.response.body", "body": response.body})
