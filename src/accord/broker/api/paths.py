"""Path handling the Pact clients rely on.

Names may contain an encoded slash (`feat%2Ffoo` branches). Starlette routes on the decoded
path, where that slash would split the segment, so `PathMiddleware` decodes the raw path one
segment at a time and keeps a slash inside a segment as a private-use placeholder, which
`NameRoute` turns back into "/" in the path parameters. It also answers `//` with 404 and a
decoded tab or newline with 422, as the Ruby broker does.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

from fastapi.routing import APIRoute
from starlette.routing import Match
from starlette.types import ASGIApp, Receive, Scope, Send

SLASH = "\ue000"


class PathMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = scope.get("raw_path")
        raw_path = raw.decode("latin-1").split("?")[0] if raw else scope["path"]
        if "//" in raw_path:
            await _reply(send, 404, f"the path {raw_path!r} contains an empty segment (//)")
            return
        segments = [unquote(part).replace("/", SLASH) for part in raw_path.split("/")]
        path = "/".join(segments)
        if any(c in path for c in "\n\t\r"):
            await _reply(send, 422, "the path contains a tab or newline character")
            return
        await self.app({**scope, "path": path}, receive, send)


class NameRoute(APIRoute):
    """An APIRoute whose path parameters get their encoded slashes back."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child = super().matches(scope)
        params: dict[str, Any] = child.get("path_params") or {}
        if params:
            child["path_params"] = {
                key: value.replace(SLASH, "/") if isinstance(value, str) else value
                for key, value in params.items()
            }
        return match, child


async def _reply(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})
