"""Authorisation: who may read and who may write (design note §5.9, plus bearer tokens).

With no credentials configured every request is allowed. Otherwise, first match wins:
- reads (GET/HEAD/OPTIONS, and the pacts-for-verification POST) need the read-only user, the
  read-write user or a read/write token, or nothing at all when public read is on;
- the heartbeat is always public;
- everything else needs the read-write user or a write token.
Missing or wrong credentials → 401 with a Basic challenge; valid read-only credentials on a
write → 403. The configuration format is documented in `accord.broker.settings`.
"""

from __future__ import annotations

import base64
import hmac
import json
import re

from starlette.types import ASGIApp, Receive, Scope, Send

from accord.broker.settings import Settings

_READ_METHODS = {"GET", "HEAD", "OPTIONS"}
_FOR_VERIFICATION = re.compile(r"^/pacts/provider/[^/]+/for-verification/?$")
_PUBLIC = {"/diagnostic/status/heartbeat"}


def required_access(method: str, path: str) -> str:
    if path in _PUBLIC:
        return "none"
    if method in _READ_METHODS or (method == "POST" and _FOR_VERIFICATION.match(path)):
        return "read"
    return "write"


def caller_access(settings: Settings, authorization: str | None) -> str | None:
    """'write', 'read' or None (anonymous or wrong credentials)."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer":
        for token, scope in settings.tokens.items():
            if hmac.compare_digest(token.encode(), value.strip().encode()):
                return scope
        return None
    if scheme.lower() != "basic":
        return None
    try:
        username, _, password = base64.b64decode(value.strip()).decode("utf-8").partition(":")
    except (ValueError, UnicodeDecodeError):
        return None
    for user, access in ((settings.write_user, "write"), (settings.read_user, "read")):
        if (
            user is not None
            and hmac.compare_digest(user.username.encode(), username.encode())
            and hmac.compare_digest(user.password.encode(), password.encode())
        ):
            return access
    return None


class AuthMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.settings.auth_enabled:
            await self.app(scope, receive, send)
            return
        needed = required_access(scope["method"], scope["path"])
        if needed == "none" or (needed == "read" and self.settings.public_read):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        authorization = headers.get(b"authorization", b"").decode("latin-1") or None
        access = caller_access(self.settings, authorization)
        if access == "write" or (access == "read" and needed == "read"):
            await self.app(scope, receive, send)
            return
        if access == "read":
            await _deny(
                send, 403, "these credentials are read-only; this request needs write access"
            )
        else:
            reason = "wrong credentials" if authorization else "no credentials were sent"
            await _deny(send, 401, f"authentication required ({reason})")


async def _deny(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b'Basic realm="Restricted area"'))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
