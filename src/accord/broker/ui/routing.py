"""UI vs API routing by the Accept header (design note §1): browser-like requests for `/` and
for a pact go to the HTML pages; everything else, including `*/*` and missing Accept, stays API."""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Receive, Scope, Send

_API_TYPES = ("application/hal+json", "application/problem+json", "application/json", "text/csv",
              "application/yaml", "text/plain")  # fmt: skip
_UI_PATHS = (
    re.compile(r"^/$"),
    re.compile(r"^/pacts/provider/[^/]+/consumer/[^/]+/(latest|version/[^/]+)$"),
)


def wants_html(accept: str) -> bool:
    accept = accept.lower()
    return "text/html" in accept and not any(kind in accept for kind in _API_TYPES)


class UIRouting:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            headers = dict(scope.get("headers") or [])
            accept = headers.get(b"accept", b"").decode("latin-1")
            if wants_html(accept) and any(p.match(scope["path"]) for p in _UI_PATHS):
                scope = {**scope, "path": "/ui" + scope["path"].rstrip("/")}
        await self.app(scope, receive, send)
