"""`POST /contracts/publish` (design note §3.5.2): validate the whole request first, then create
the version with its branch and tags, then publish every contract; notices say what happened."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from accord.broker.context import Context
from accord.broker.db.models import Pacticipant, Version
from accord.broker.errors import Conflict, Invalid
from accord.broker.services import (
    branches,
    pact_content,
    pacticipants,
    pacts,
    tags,
    versions,
    webhook_events,
)
from accord.broker.services.pact_lookup import PactView
from accord.broker.services.pacts import PublishResult

_OUTCOME_TEXT = {
    "created": ("success", "Pact successfully published for {who}."),
    "unchanged": ("success", "Pact successfully republished for {who} with no content changes."),
    "overwritten": ("warning", "Pact with changed content published over existing content for {who}."),
    "merged": ("success", "Pact content merged with existing content for {who}."),
}  # fmt: skip


@dataclass
class Contract:
    consumer: str
    provider: str
    document: dict[str, Any]
    on_conflict: str


@dataclass
class PublishedContracts:
    pacticipant: str
    version: Version
    branch: str | None
    tags: list[str]
    results: list[PublishResult] = field(default_factory=list)
    notices: list[dict[str, str]] = field(default_factory=list)


def _require_string(
    body: dict[str, Any], key: str, errors: dict[str, list[str]], *, required: bool
) -> str | None:
    value = body.get(key)
    if value is None:
        if required:
            errors.setdefault(key, []).append("is missing")
        return None
    if not isinstance(value, str) or not value.strip():
        errors.setdefault(key, []).append(f"must be a non-blank string, got {value!r}")
        return None
    if "\n" in value:
        errors.setdefault(key, []).append("must be a single line")
    return value


def parse(
    body: dict[str, Any],
) -> tuple[str, str, str | None, list[str], str | None, list[Contract]]:
    errors: dict[str, list[str]] = {}
    name = _require_string(body, "pacticipantName", errors, required=True)
    number = _require_string(body, "pacticipantVersionNumber", errors, required=True)
    branch = _require_string(body, "branch", errors, required=False)
    build_url = _require_string(body, "buildUrl", errors, required=False)
    tag_names = body.get("tags") or []
    if not isinstance(tag_names, list) or not all(
        isinstance(t, str) and t.strip() for t in tag_names
    ):
        errors.setdefault("tags", []).append("must be a list of non-blank strings")
        tag_names = []
    raw_contracts = body.get("contracts")
    contracts: list[Contract] = []
    if not isinstance(raw_contracts, list) or not raw_contracts:
        errors.setdefault("contracts", []).append(
            "is missing (expected a non-empty list of contracts)"
        )
        raw_contracts = []
    for index, raw in enumerate(raw_contracts):
        at = f" (at index {index})"
        if not isinstance(raw, dict):
            errors.setdefault("contracts", []).append(f"must be an object{at}")
            continue
        problems = _contract_problems(raw, name)
        if problems:
            errors.setdefault("contracts", []).extend(p + at for p in problems)
            continue
        contracts.append(_contract(raw, index, errors))
    if errors:
        raise Invalid(errors)
    assert name is not None and number is not None
    return name, number, branch, list(tag_names), build_url, contracts


def _contract_problems(raw: dict[str, Any], pacticipant: str | None) -> list[str]:
    problems = [
        f"{key} is missing"
        for key in ("consumerName", "providerName", "content")
        if not raw.get(key)
    ]
    if raw.get("specification", "pact") != "pact":
        problems.append(f"specification must be 'pact', got {raw.get('specification')!r}")
    if raw.get("contentType", "application/json") != "application/json":
        problems.append(f"contentType must be 'application/json', got {raw.get('contentType')!r}")
    if raw.get("onConflict", "overwrite") not in {"overwrite", "merge"}:
        problems.append(f"onConflict must be 'overwrite' or 'merge', got {raw.get('onConflict')!r}")
    if pacticipant and raw.get("consumerName") and raw["consumerName"] != pacticipant:
        problems.append(
            f"consumerName ('{raw['consumerName']}') must match pacticipantName ('{pacticipant}')"
        )
    return problems


def _contract(raw: dict[str, Any], index: int, errors: dict[str, list[str]]) -> Contract:
    at = f" (at index {index})"
    document: dict[str, Any] = {}
    try:
        decoded = base64.b64decode(raw["content"], validate=True)
    except (binascii.Error, ValueError, TypeError):
        errors.setdefault("contracts", []).append(f"content is not valid Base64{at}")
        return Contract(raw["consumerName"], raw["providerName"], document, "error")
    try:
        document = pact_content.parse(decoded)
        pact_content.validate(document)
    except Invalid as error:
        for messages in error.errors.values():
            errors.setdefault("contracts", []).extend(f"content {m}{at}" for m in messages)
        return Contract(raw["consumerName"], raw["providerName"], {}, "error")
    for role, key in (("consumer", "consumerName"), ("provider", "providerName")):
        inside = pact_content.participant_name(document, role)
        if inside is not None and inside != raw[key]:
            errors.setdefault("contracts", []).append(
                f"{role} name in contract content ('{inside}') must match {key} in contract "
                f"params ('{raw[key]}'){at}"
            )
    # Only "merge" changes behaviour: overwriting a version's content is refused (409) unless
    # the broker allows dangerous contract modification, as the Ruby broker does.
    on_conflict = "merge" if raw.get("onConflict") == "merge" else "error"
    return Contract(raw["consumerName"], raw["providerName"], document, on_conflict)


def publish(
    ctx: Context, body: dict[str, Any], pact_url: Callable[[PactView], str]
) -> PublishedContracts:
    name, number, branch, tag_names, build_url, contracts = parse(body)
    for pacticipant_name in dict.fromkeys([name, *(c.provider for c in contracts)]):
        try:
            pacticipants.check_not_duplicate(ctx, pacticipant_name)
        except Conflict as error:
            raise Conflict(error.message, notices=[{"type": "error", "text": error.message}],
                           errors={"contracts": [error.message]}) from None  # fmt: skip
    existed = versions.find(ctx, pacticipant, number) if (pacticipant := _find(ctx, name)) else None
    version, _ = versions.ensure_by_name(ctx, name, number)
    if build_url is not None:
        version.build_url = build_url
    if branch:
        branches.add_version(ctx, name, branch, number)
    for tag in tag_names:
        tags.add(ctx, name, number, tag)
    result = PublishedContracts(name, version, branch, tag_names)
    verb = "Updated" if existed is not None else "Created"
    details = (f" with branch {branch}" if branch else "") + (
        f" and tags {', '.join(tag_names)}" if tag_names and branch else
        f" with tags {', '.join(tag_names)}" if tag_names else ""
    )  # fmt: skip
    result.notices.append({"type": "info", "text": f"{verb} {name} version {number}{details}"})
    if not branch:
        result.notices.append({
            "type": "prompt",
            "text": "Next steps:\n  * Configure the version branch to be the value of your "
                    "repository branch.",
        })  # fmt: skip
    for contract in contracts:
        try:
            outcome = pacts.publish(ctx, name, contract.provider, number, contract.document,
                                    contract.on_conflict)  # type: ignore[arg-type]  # fmt: skip
        except Conflict as error:
            raise Conflict(
                error.message,
                notices=[{"type": "error", "text": error.message}],
                errors={"contracts": [error.message]},
            ) from None
        result.results.append(outcome)
        kind, template = _OUTCOME_TEXT[outcome.outcome]
        who = f"{name} version {number} and provider {contract.provider}"
        result.notices.append({"type": kind, "text": template.format(who=who)})
        result.notices.append(
            {"type": "debug", "text": f"  View the published pact at {pact_url(outcome.view)}"}
        )
        for text in webhook_events.notice_texts(ctx.base_url, outcome.triggered):
            result.notices.append({"type": "debug", "text": text})
    return result


def _find(ctx: Context, name: str) -> Pacticipant | None:
    return pacticipants.find(ctx, name)
