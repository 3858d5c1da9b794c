"""Webhook definitions: validation, create (POST, or PUT with a client-chosen uuid), update,
find, list, delete (design note §3.14). Execution on events is not implemented yet."""

from __future__ import annotations

import re
import uuid as uuid_module
from typing import Any

from sqlalchemy import select

from accord.broker.context import Context
from accord.broker.db.models import Pacticipant, Webhook
from accord.broker.errors import Invalid, NotFound
from accord.broker.services import pacticipants

EVENTS = {
    "contract_published", "contract_content_changed", "contract_requiring_verification_published",
    "provider_verification_published", "provider_verification_succeeded", "provider_verification_failed",
}  # fmt: skip
_UUID = re.compile(r"^[A-Za-z0-9_\-]{16,}$")
_METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}


def _party(
    ctx: Context, body: dict[str, Any], role: str, errors: dict[str, list[str]]
) -> tuple[int | None, str | None]:
    value = body.get(role)
    if value is None:
        return None, None
    if not isinstance(value, dict) or ("name" in value) == ("label" in value):
        errors[role] = [f"must be an object with either a name or a label, got {value!r}"]
        return None, None
    if "label" in value:
        return None, str(value["label"])
    found = pacticipants.find(ctx, str(value["name"]))
    if found is None:
        errors[f"{role}.name"] = [f"does not match an existing pacticipant ('{value['name']}')"]
        return None, None
    return found.id, None


def _validate(ctx: Context, body: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    consumer_id, consumer_label = _party(ctx, body, "consumer", errors)
    provider_id, provider_label = _party(ctx, body, "provider", errors)
    events = body.get("events")
    if events is not None:
        if not isinstance(events, list) or not events:
            errors["events"] = ['must be a non-empty list like [{"name": "contract_published"}]']
        else:
            for index, event in enumerate(events):
                name = event.get("name") if isinstance(event, dict) else None
                if name not in EVENTS:
                    errors.setdefault("events", []).append(
                        f"event {name!r} (at index {index}) is not one of {', '.join(sorted(EVENTS))}"
                    )
    request = body.get("request")
    if not isinstance(request, dict):
        errors["request"] = ["is missing (expected an object with method and url)"]
        request = {}
    else:
        method = request.get("method")
        if not isinstance(method, str) or method.upper() not in _METHODS:
            errors["request.method"] = [f"must be an HTTP method, got {method!r}"]
        url = request.get("url")
        schemes = ctx.settings.webhook_schemes
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            errors["request.url"] = [f"must be an http(s) URL, got {url!r}"]
        elif url.split(":", 1)[0].lower() not in schemes:
            errors["request.url"] = [
                f"scheme of {url!r} is not allowed; allowed: {', '.join(schemes)} "
                "(ACCORD_BROKER_WEBHOOK_SCHEMES)"
            ]
        elif "${" in url.split("/")[2]:
            errors["request.url"] = ["template parameters are not allowed in the host"]
        if "headers" in request and not isinstance(request["headers"], dict):
            errors["request.headers"] = ["must be an object of header names to values"]
    if "enabled" in body and not isinstance(body["enabled"], bool):
        errors["enabled"] = ["must be true or false"]
    if errors:
        raise Invalid(errors)
    return {
        "description": body.get("description"),
        "enabled": body.get("enabled", True),
        "consumer_id": consumer_id,
        "provider_id": provider_id,
        "consumer_label": consumer_label,
        "provider_label": provider_label,
        "events": [e["name"] for e in events] if events else ["contract_content_changed"],
        "request": request,
    }


def create(ctx: Context, body: dict[str, Any], *, uuid: str | None = None,
           consumer: str | None = None, provider: str | None = None) -> Webhook:  # fmt: skip
    """POST /webhooks, or the legacy scoped `/webhooks/provider/{p}/consumer/{c}` (404 when
    either pacticipant is missing)."""
    if provider is not None:
        body = {**body, "provider": {"name": pacticipants.require(ctx, provider, "provider").name}}
    if consumer is not None:
        body = {**body, "consumer": {"name": pacticipants.require(ctx, consumer, "consumer").name}}
    values = _validate(ctx, body)
    now = ctx.now()
    webhook = Webhook(
        uuid=uuid or uuid_module.uuid4().hex, created_at=now, updated_at=now, **values
    )
    ctx.session.add(webhook)
    ctx.session.flush()
    return webhook


def upsert(ctx: Context, uuid: str, body: dict[str, Any]) -> tuple[Webhook, bool]:
    """PUT /webhooks/{uuid}: create with that uuid (201) or replace (200)."""
    existing = find(ctx, uuid)
    if existing is None:
        if not _UUID.match(uuid):
            raise Invalid(f"uuid '{uuid}' must be at least 16 letters, digits, '_' or '-'", "uuid")
        return create(ctx, body, uuid=uuid), True
    for key, value in _validate(ctx, body).items():
        setattr(existing, key, value)
    existing.updated_at = ctx.now()
    ctx.session.flush()
    return existing, False


def find(ctx: Context, uuid: str) -> Webhook | None:
    return ctx.session.scalars(select(Webhook).where(Webhook.uuid == uuid)).first()


def require(ctx: Context, uuid: str) -> Webhook:
    found = find(ctx, uuid)
    if found is None:
        raise NotFound(f"No webhook with uuid '{uuid}' found")
    return found


def listing(ctx: Context) -> list[Webhook]:
    return list(ctx.session.scalars(select(Webhook).order_by(Webhook.id)))


def remove(ctx: Context, uuid: str) -> None:
    ctx.session.delete(require(ctx, uuid))


def names(ctx: Context, webhook: Webhook) -> tuple[str | None, str | None]:
    def name(pacticipant_id: int | None) -> str | None:
        row = ctx.session.get(Pacticipant, pacticipant_id) if pacticipant_id else None
        return row.name if row else None

    return name(webhook.consumer_id), name(webhook.provider_id)
