"""Pact documents for the verifier tests, written as V4 JSON so they exercise the real codec."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def user_interaction(
    description: str = "a request for user 1",
    *,
    user_id: int = 1,
    states: list[dict[str, Any]] | None = None,
    body: Any = None,
    pending: bool = False,
    generators: dict[str, Any] | None = None,
    path: str | None = None,
) -> dict[str, Any]:
    request: dict[str, Any] = {"method": "GET", "path": path or f"/users/{user_id}"}
    if generators:
        request["generators"] = generators
    interaction: dict[str, Any] = {
        "type": "Synchronous/HTTP",
        "description": description,
        "request": request,
        "response": {
            "status": 200,
            "headers": {"Content-Type": ["application/json"]},
            "body": {
                "contentType": "application/json",
                "encoded": False,
                "content": body if body is not None else {"userId": user_id, "name": "Ann"},
            },
        },
        "pending": pending,
    }
    if states is not None:
        interaction["providerStates"] = states
    return interaction


def pact_document(
    interactions: list[dict[str, Any]],
    consumer: str = "OrderService",
    provider: str = "UserService",
) -> dict[str, Any]:
    return {
        "consumer": {"name": consumer},
        "provider": {"name": provider},
        "interactions": interactions,
        "metadata": {"pactSpecification": {"version": "4.0"}},
    }


def write_pact(directory: Path, document: dict[str, Any]) -> Path:
    name = f"{document['consumer']['name']}-{document['provider']['name']}.json"
    path = directory / name
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return path
