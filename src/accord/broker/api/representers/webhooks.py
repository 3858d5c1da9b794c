"""Webhook documents; the password is never echoed."""

from __future__ import annotations

from typing import Any

from accord.broker.api import urls
from accord.broker.api.hal import curies, link, timestamps
from accord.broker.db.models import Webhook


def webhook(base: str, row: Webhook, consumer: str | None, provider: str | None) -> dict[str, Any]:
    request = dict(row.request) if isinstance(row.request, dict) else {}
    if request.get("password") is not None:
        request["password"] = "**********"
    href = f"{base}/webhooks/{row.uuid}"
    body: dict[str, Any] = {
        "uuid": row.uuid,
        "description": row.description,
        "enabled": row.enabled,
        "events": [{"name": name} for name in row.events],  # type: ignore[attr-defined]
        "request": request,
        **timestamps(row.created_at, row.updated_at),
        "_links": {
            "self": link(href, title=row.description or "Webhook"),
            "pb:execute": link(f"{href}/execute", title="Test the execution of the webhook"),
            "pb:webhooks": link(f"{base}/webhooks", title="All webhooks"),
            "curies": curies(base),
        },
    }
    for role, name, label in (
        ("consumer", consumer, row.consumer_label),
        ("provider", provider, row.provider_label),
    ):
        if name:
            body[role] = {"name": name}
            body["_links"][f"pb:{role}"] = link(
                urls.pacticipant(base, name), title=role.title(), name=name
            )
        elif label:
            body[role] = {"label": label}
    return body


def webhooks(base: str, items: list[tuple[Webhook, str | None, str | None]]) -> dict[str, Any]:
    return {
        "_links": {
            "self": link(f"{base}/webhooks", title="Webhooks"),
            "pb:webhooks": [link(f"{base}/webhooks/{w.uuid}", title=w.description or "Webhook", name=w.description)
                            for w, _, _ in items],
            "curies": curies(base),
        },
        "_embedded": {"webhooks": [webhook(base, w, c, p) for w, c, p in items]},
    }  # fmt: skip
