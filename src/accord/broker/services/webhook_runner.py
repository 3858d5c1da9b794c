"""Executing triggered webhooks: claim due rows (SKIP LOCKED on PostgreSQL, so several instances
never run one twice), render the request with `${pactbroker.*}` parameters, send it, record the
execution, and retry on failure after 10, 60, 120, 300, 600 and 1200 seconds (§3.14)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from accord.broker.db.models import TriggeredWebhook, Webhook, WebhookExecution
from accord.broker.settings import Settings

RETRY_DELAYS = (10, 60, 120, 300, 600, 1200)
LEASE = timedelta(seconds=60)  # a claimed row a crashed worker left behind is retried after this
SUCCESS_CODES = range(200, 207)


@dataclass
class Outcome:
    success: bool
    logs: str
    request: dict[str, Any]
    response: dict[str, Any] | None


Sender = Callable[[dict[str, Any]], httpx.Response]


def render(template: Any, params: dict[str, str]) -> Any:
    """Replace `${pactbroker.name}` in strings, recursively through JSON bodies."""
    if isinstance(template, str):
        for key, value in params.items():
            template = template.replace("${pactbroker." + key + "}", value)
        return template
    if isinstance(template, dict):
        return {k: render(v, params) for k, v in template.items()}
    if isinstance(template, list):
        return [render(v, params) for v in template]
    return template


def build_request(definition: dict[str, Any], params: dict[str, str]) -> dict[str, Any]:
    headers = {k: str(render(v, params)) for k, v in (definition.get("headers") or {}).items()}
    body = definition.get("body")
    content = None
    if body is not None:
        rendered = render(body, params)
        content = rendered if isinstance(rendered, str) else json.dumps(rendered)
    auth = None
    if definition.get("username"):
        auth = (str(definition["username"]), str(definition.get("password") or ""))
    # the host comes from the definition as written: parameters are not allowed to pick it
    return {"method": str(definition.get("method", "POST")).upper(), "url": render(definition["url"], params),
            "headers": headers, "content": content, "auth": auth}  # fmt: skip


def default_sender(request: dict[str, Any]) -> httpx.Response:
    with httpx.Client(timeout=10) as client:
        return client.request(request["method"], request["url"], headers=request["headers"],
                              content=request["content"], auth=request["auth"])  # fmt: skip


def execute(
    definition: dict[str, Any], params: dict[str, str], settings: Settings, send: Sender
) -> Outcome:
    request = build_request(definition, params)
    shown = {**request, "auth": "(basic auth)" if request["auth"] else None}
    scheme = str(request["url"]).split(":", 1)[0].lower()
    if scheme not in settings.webhook_schemes:
        logs = f"Not sending: scheme '{scheme}' is not allowed (allowed: {', '.join(settings.webhook_schemes)})"
        return Outcome(False, logs, shown, None)
    try:
        response = send(request)
    except httpx.HTTPError as error:
        return Outcome(
            False, f"{request['method']} {request['url']}\nError: {error!r}", shown, None
        )
    logs = f"{request['method']} {request['url']}\nResponse status: {response.status_code}\n{response.text[:2000]}"
    answer = {
        "status": response.status_code,
        "headers": dict(response.headers),
        "body": response.text[:2000],
    }
    return Outcome(response.status_code in SUCCESS_CODES, logs, shown, answer)


def run_due(
    sessions: sessionmaker[Session],
    settings: Settings,
    now: Callable[[], datetime],
    send: Sender = default_sender,
    limit: int = 20,
) -> int:
    """Execute the triggered webhooks that are due; returns how many ran."""
    with sessions() as session:
        rows = list(
            session.scalars(
                select(TriggeredWebhook)
                .where(TriggeredWebhook.status.in_(("not_run", "retrying")),
                       TriggeredWebhook.next_attempt_at <= now())
                .order_by(TriggeredWebhook.id).limit(limit)
                .with_for_update(skip_locked=True)
            )
        )  # fmt: skip
        claimed = [(row.id, row.webhook_id, dict(row.parameters or {})) for row in rows]  # type: ignore[call-overload]
        for row in rows:
            row.next_attempt_at = now() + LEASE
        session.commit()
    for triggered_id, webhook_id, params in claimed:
        with sessions() as session:
            webhook = session.get(Webhook, webhook_id)
            triggered = session.get(TriggeredWebhook, triggered_id)
            if webhook is None or triggered is None:
                continue
            outcome = execute(dict(webhook.request or {}), params, settings, send)  # type: ignore[call-overload]
            triggered.attempts += 1
            triggered.updated_at = now()
            if outcome.success:
                triggered.status = "success"
            elif triggered.attempts > len(RETRY_DELAYS):
                triggered.status = "failure"
            else:
                triggered.status = "retrying"
                triggered.next_attempt_at = now() + timedelta(
                    seconds=RETRY_DELAYS[triggered.attempts - 1]
                )
            session.add(WebhookExecution(triggered_webhook_id=triggered.id, success=outcome.success,
                                         logs=outcome.logs, created_at=now()))  # fmt: skip
            session.commit()
    return len(claimed)
