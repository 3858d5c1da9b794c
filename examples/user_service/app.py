"""The example provider: a small user service (FastAPI).

`create_app(rename_user_id=True)` is "version 2", where a developer renamed `userId` to `user_id`,
the change consumer-driven contracts exist to catch. `USER_SERVICE_RENAMED=1` selects it when the
app is served with uvicorn (`uvicorn examples.user_service.app:app`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse


@dataclass
class UserStore:
    users: dict[int, dict[str, Any]] = field(default_factory=dict)

    def reset(self) -> None:
        self.users.clear()

    def add(self, user_id: int, name: str, email: str, roles: list[str] | None = None) -> None:
        self.users[user_id] = {"name": name, "email": email, "roles": roles or ["customer"]}


def create_app(*, rename_user_id: bool = False, store: UserStore | None = None) -> FastAPI:
    store = store or UserStore()
    id_field = "user_id" if rename_user_id else "userId"
    app = FastAPI(title="user-service")
    app.state.store = store

    def render(user_id: int) -> dict[str, Any]:
        user = store.users[user_id]
        return {
            id_field: user_id,
            "name": user["name"],
            "email": user["email"],
            "roles": user["roles"],
        }

    @app.get("/users/{user_id}")
    def get_user(user_id: int) -> dict[str, Any]:
        if user_id not in store.users:
            raise HTTPException(status_code=404, detail=f"user {user_id} not found")
        return render(user_id)

    @app.get("/users")
    def list_users() -> list[dict[str, Any]]:
        return [render(user_id) for user_id in sorted(store.users)]

    @app.post("/users", status_code=201)
    async def create_user(request: Request) -> dict[str, Any]:
        payload = await request.json()
        user_id = max(store.users, default=0) + 1
        store.add(user_id, payload["name"], payload["email"])
        return render(user_id)

    @app.post("/_pact/provider-states")
    async def provider_states(request: Request) -> JSONResponse:
        """State-change endpoint for contract verification (not exposed in production)."""
        payload = await request.json()
        if payload.get("action", "setup") == "teardown":
            return JSONResponse({})
        state = payload.get("state", "")
        params = payload.get("params") or {}
        store.reset()
        if state.startswith("a user with id"):
            user_id = int(params.get("id", 42))
            store.add(user_id, "Ada Lovelace", "ada@example.com", ["customer", "admin"])
            return JSONResponse({"id": user_id})
        return JSONResponse({})

    return app


app = create_app(rename_user_id=os.environ.get("USER_SERVICE_RENAMED") == "1")
