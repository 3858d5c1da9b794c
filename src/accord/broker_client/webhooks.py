"""Webhooks: create or update one under a chosen uuid, and run one as a test.

The definition is given the curl way (method, URL, headers, data, user), as with the official
CLI; a JSON body is sent as JSON, anything else as a string.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from accord.broker_client.hal import HalClient, HalDocument
from accord.errors import BrokerClientError

EVENTS = (
    "contract_content_changed",
    "contract_published",
    "provider_verification_published",
    "provider_verification_succeeded",
    "provider_verification_failed",
    "contract_requiring_verification_published",
)


@dataclass(frozen=True, kw_only=True)
class WebhookDefinition:
    """A webhook: which events fire it, for which pacticipants, and the request it sends."""

    url: str
    method: str
    events: Sequence[str]
    headers: Mapping[str, str] = field(default_factory=dict)
    body: str | None = None
    username: str | None = None
    password: str | None = None
    description: str | None = None
    consumer: str | None = None
    consumer_label: str | None = None
    provider: str | None = None
    provider_label: str | None = None

    def to_json(self) -> dict[str, Any]:
        if not self.events:
            raise BrokerClientError(
                "a webhook needs at least one event, e.g. --contract-content-changed or "
                "--provider-verification-published"
            )
        unknown = [event for event in self.events if event not in EVENTS]
        if unknown:
            raise BrokerClientError(f"unknown webhook events {unknown}; known: {', '.join(EVENTS)}")
        for kind, name, label in (
            ("consumer", self.consumer, self.consumer_label),
            ("provider", self.provider, self.provider_label),
        ):
            if name and label:
                raise BrokerClientError(
                    f"give either --{kind} or --{kind}-label, not both "
                    f"(got {kind} {name!r} and label {label!r})"
                )
        request: dict[str, Any] = {"url": self.url, "method": self.method.upper()}
        if self.headers:
            request["headers"] = dict(self.headers)
        if self.body is not None:
            request["body"] = _json_or_text(self.body)
        if self.username is not None:
            request["username"] = self.username
        if self.password is not None:
            request["password"] = self.password
        body: dict[str, Any] = {
            "events": [{"name": event} for event in self.events],
            "request": request,
        }
        if self.description:
            body["description"] = self.description
        if self.consumer or self.consumer_label:
            body["consumer"] = (
                {"name": self.consumer} if self.consumer else {"label": self.consumer_label}
            )
        if self.provider or self.provider_label:
            body["provider"] = (
                {"name": self.provider} if self.provider else {"label": self.provider_label}
            )
        return body


def _json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


@dataclass(frozen=True, kw_only=True)
class WebhookChange:
    action: str  # "created" or "updated"
    response: HalDocument


def create_or_update_webhook(
    hal: HalClient, uuid: str, webhook: WebhookDefinition
) -> WebhookChange:
    """PUT the webhook at `uuid`: created when new, replaced when it exists."""
    body = webhook.to_json()
    link = hal.index().link("pb:webhook")
    if link is None:
        raise BrokerClientError(
            "this Pact Broker cannot create webhooks with a chosen uuid (no 'pb:webhook' "
            "relation in its index); upgrade it to 2.49.0 or later"
        )
    response = hal.put(link.expand(uuid=uuid), body)
    return WebhookChange(
        action="created" if response.status == 201 else "updated", response=response
    )


def execute_webhook(hal: HalClient, uuid: str) -> HalDocument:
    """Execute webhook `uuid` once, now; the answer's `logs` say what happened."""
    url = hal.index().require_link("pb:webhook").expand(uuid=uuid)
    webhook = hal.get(url, missing_ok=True)
    if webhook.status == 404:
        raise BrokerClientError(
            f"no webhook with uuid {uuid!r} in the Pact Broker", status=404, url=url
        )
    return hal.post(webhook.require_link("pb:execute").href, None)
