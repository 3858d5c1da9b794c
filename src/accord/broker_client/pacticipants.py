"""Pacticipants (consumers and providers): create or update one, describe one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accord.broker_client.hal import HalClient, HalDocument
from accord.errors import BrokerClientError


@dataclass(frozen=True, kw_only=True)
class PacticipantFields:
    """What `create-or-update-pacticipant` sets; None leaves a field untouched."""

    name: str
    display_name: str | None = None
    main_branch: str | None = None
    repository_url: str | None = None

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"name": self.name}
        if self.repository_url is not None:
            body["repositoryUrl"] = self.repository_url
        if self.display_name is not None:
            body["displayName"] = self.display_name
        if self.main_branch is not None:
            body["mainBranch"] = self.main_branch
        return body


@dataclass(frozen=True, kw_only=True)
class PacticipantChange:
    """What happened: `created` or `updated`, and the broker's representation."""

    action: str
    response: HalDocument


def create_or_update_pacticipant(hal: HalClient, fields: PacticipantFields) -> PacticipantChange:
    """POST the pacticipant when the broker does not know it, else PATCH the given fields."""
    if not fields.name.strip():
        raise BrokerClientError("a pacticipant name cannot be blank")
    index = hal.index()
    url = index.require_link("pb:pacticipant").expand(pacticipant=fields.name)
    existing = hal.get(url, missing_ok=True)
    if existing.status == 404:
        created = hal.post(index.require_link("pb:pacticipants").href, fields.to_json())
        return PacticipantChange(action="created", response=created)
    self_link = existing.link("self")
    # Pacticipant updates take plain JSON (the one PATCH the official client does not send as
    # merge-patch); both work with the Ruby broker.
    updated = hal.patch(
        self_link.href if self_link else url, fields.to_json(), content_type="application/json"
    )
    return PacticipantChange(action="updated", response=updated)


def describe_pacticipant(hal: HalClient, name: str) -> HalDocument:
    """The pacticipant called `name`; an error naming it when the broker has none."""
    url = hal.index().require_link("pb:pacticipant").expand(pacticipant=name)
    found = hal.get(url, missing_ok=True)
    if found.status == 404:
        raise BrokerClientError(
            f"no pacticipant named {name!r} in the Pact Broker (names are case-sensitive); "
            "create it with `accord create-or-update-pacticipant --name NAME`",
            status=404,
            url=url,
        )
    return found
