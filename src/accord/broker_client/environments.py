"""Environments (test, production, …): create, update, list, describe, delete.

Everything starts from the index's `pb:environments` / `pb:environment` relations; a broker
without them predates environments (design/broker-api.md §3.9).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accord.broker_client.hal import HalClient, HalDocument, Link
from accord.errors import BrokerClientError

_NOT_SUPPORTED = (
    "this Pact Broker does not support environments (its index has no {relation!r} relation); "
    "upgrade it to 2.80.0 or later"
)


@dataclass(frozen=True, kw_only=True)
class EnvironmentFields:
    """What a user may set on an environment; None leaves a field as it is (or out)."""

    name: str | None = None
    display_name: str | None = None
    production: bool | None = None
    contact_name: str | None = None
    contact_email: str | None = None

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {}
        if self.name is not None:
            body["name"] = self.name
        if self.display_name is not None:
            body["displayName"] = self.display_name
        if self.production is not None:
            body["production"] = self.production
        if self.contact_name or self.contact_email:
            contact: dict[str, Any] = {"name": self.contact_name or "unknown"}
            if self.contact_email:
                contact["details"] = {"emailAddress": self.contact_email}
            body["contacts"] = [contact]
        return body


def environments_link(hal: HalClient) -> Link:
    index = hal.index()
    link = index.link("pb:environments")
    if link is None:
        raise BrokerClientError(_NOT_SUPPORTED.format(relation="pb:environments"))
    return link


def create_environment(hal: HalClient, fields: EnvironmentFields) -> HalDocument:
    """POST a new environment; the answer carries the broker's `uuid` for it."""
    if not fields.name:
        raise BrokerClientError("an environment needs a --name (no spaces), e.g. production")
    body = fields.to_json()
    body.setdefault("production", False)
    return hal.post(environments_link(hal).href, body)


def list_environments(hal: HalClient) -> list[dict[str, Any]]:
    """Every environment, sorted by name."""
    listing = hal.get(environments_link(hal).href)
    return sorted(listing.embedded("environments"), key=lambda e: str(e.get("name", "")).lower())


def describe_environment(hal: HalClient, uuid: str) -> HalDocument:
    """The environment with `uuid`; an error naming the uuid when there is none."""
    url = _environment_url(hal, uuid)
    found = hal.get(url, missing_ok=True)
    if found.status == 404:
        raise BrokerClientError(
            f"no environment with uuid {uuid!r} in the Pact Broker; "
            "list them with `accord list-environments`",
            status=404,
            url=url,
        )
    return found


def update_environment(hal: HalClient, uuid: str, fields: EnvironmentFields) -> HalDocument:
    """Change only the given fields: read the environment, merge, PUT it back whole."""
    current = describe_environment(hal, uuid)
    body = {
        key: value
        for key, value in current.data.items()
        if key not in {"uuid", "_links", "_embedded", "createdAt", "updatedAt"}
    }
    body.update(fields.to_json())
    return hal.put(current.url, body)


def delete_environment(hal: HalClient, uuid: str) -> HalDocument:
    """Delete the environment; returns it as it was, for the confirmation message."""
    current = describe_environment(hal, uuid)
    hal.delete(current.url)
    return current


def find_environment_link(hal: HalClient, name: str) -> Link:
    """The `pb:environments` entry named `name`, or an error listing the names that exist."""
    listing = hal.get(environments_link(hal).href)
    found = listing.link_named("pb:environments", name)
    if found is None:
        known = ", ".join(sorted(link.name or "?" for link in listing.links("pb:environments")))
        raise BrokerClientError(
            f"no environment named {name!r} in the Pact Broker (environments: {known or 'none'}); "
            "create it with `accord create-environment --name NAME`"
        )
    return found


def _environment_url(hal: HalClient, uuid: str) -> str:
    link = hal.index().link("pb:environment")
    if link is None:
        raise BrokerClientError(_NOT_SUPPORTED.format(relation="pb:environment"))
    return link.expand(uuid=uuid)
