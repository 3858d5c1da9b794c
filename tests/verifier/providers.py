"""Tiny providers for the verifier tests: the same user service as FastAPI (ASGI) and Flask (WSGI),
and a loopback HTTP server that serves any WSGI app on a real socket."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from flask import Flask, jsonify
from flask import request as flask_request


@dataclass
class UserStore:
    """Shared provider state: the users that exist, and every state-change call received."""

    users: dict[int, str] = field(default_factory=dict)
    state_calls: list[dict[str, Any]] = field(default_factory=list)
    rename_user_id: bool = False  # the "provider renamed userId to user_id" regression
    seen_headers: list[dict[str, str]] = field(default_factory=list)

    def user_json(self, user_id: int) -> dict[str, Any]:
        key = "user_id" if self.rename_user_id else "userId"
        return {key: user_id, "name": self.users[user_id]}

    def change_state(self, body: dict[str, Any]) -> dict[str, Any]:
        self.state_calls.append(body)
        params = body.get("params") or {}
        if body.get("state") == "a user exists" and body.get("action", "setup") == "setup":
            user_id = int(params.get("id", 1))
            self.users[user_id] = str(params.get("name", "Ann"))
            return {"id": user_id}
        if body.get("action") == "teardown":
            self.users.clear()
        return {}


def fastapi_app(store: UserStore) -> FastAPI:
    app = FastAPI()

    @app.get("/users/{user_id}")
    def get_user(user_id: int, request: Request) -> Any:
        store.seen_headers.append(dict(request.headers))
        if user_id not in store.users:
            return JSONResponse({"error": "not found"}, status_code=404)
        return store.user_json(user_id)

    @app.post("/_pact/provider-states")
    async def provider_states(request: Request) -> Any:
        return store.change_state(await request.json())

    return app


def flask_app(store: UserStore) -> Flask:
    app = Flask("users")

    @app.get("/users/<int:user_id>")
    def get_user(user_id: int) -> Any:
        store.seen_headers.append(dict(flask_request.headers))
        if user_id not in store.users:
            return jsonify({"error": "not found"}), 404
        return jsonify(store.user_json(user_id))

    @app.post("/_pact/provider-states")
    def provider_states() -> Any:
        return jsonify(store.change_state(flask_request.get_json()))

    return app


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


@contextmanager
def serve_wsgi(app: Any, *, certificate: tuple[str, str] | None = None) -> Iterator[str]:
    """Serve `app` on an ephemeral loopback port (HTTPS with a (cert, key) pair); yields its URL."""
    server = make_server(
        "127.0.0.1", 0, app, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
    )
    scheme = "http"
    if certificate is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*certificate)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"{scheme}://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
