"""Verification results: attached to pact *content* and a provider version (auto-created)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from accord.broker.context import Context
from accord.broker.db.models import Pacticipant, PactVersion, Tag, Verification, Version
from accord.broker.errors import Invalid, NotFound
from accord.broker.selection import metadata as pact_metadata
from accord.broker.services import pact_lookup, versions, webhook_events


@dataclass(frozen=True)
class VerificationView:
    verification: Verification
    provider: Pacticipant
    consumer: Pacticipant
    provider_version: Version
    pact_version: PactVersion


def validate(body: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if "success" not in body:
        errors["success"] = ["is missing (expected true or false)"]
    elif not isinstance(body["success"], bool):
        errors["success"] = [f"must be true or false, got {body['success']!r}"]
    number = body.get("providerApplicationVersion")
    if number is None:
        errors["providerApplicationVersion"] = ["is missing (the provider version that verified)"]
    elif not isinstance(number, str) or not number.strip():
        errors["providerApplicationVersion"] = ["must be a non-blank string"]
    build_url = body.get("buildUrl")
    if build_url is not None and (
        not isinstance(build_url, str) or not build_url.startswith(("http://", "https://"))
    ):
        errors["buildUrl"] = [f"must be an http(s) URL, got {build_url!r}"]
    if "verifiedBy" in body and not isinstance(body["verifiedBy"], dict | None):
        errors["verifiedBy"] = ["must be an object"]
    return errors


def record(
    ctx: Context,
    provider_name: str,
    consumer_name: str,
    sha: str,
    body: dict[str, Any],
    metadata: str | None = None,
) -> VerificationView:
    """POST .../pact-version/{sha}[/metadata/{m}]/verification-results."""
    errors = validate(body)
    if errors:
        raise Invalid(errors)
    view = pact_lookup.by_sha(ctx, provider_name, consumer_name, sha)
    decoded = pact_metadata.decode(metadata) if metadata else {}
    provider_version, _ = versions.ensure(
        ctx, view.provider, body["providerApplicationVersion"], "providerApplicationVersion"
    )
    tag_names = ctx.session.scalars(
        select(Tag.name).where(Tag.version_id == provider_version.id).order_by(Tag.name)
    )
    now = ctx.now()
    verification = Verification(
        pact_version_id=view.pact_version.id,
        consumer_id=view.consumer.id,
        provider_id=view.provider.id,
        provider_version_id=provider_version.id,
        success=body["success"],
        build_url=body.get("buildUrl"),
        test_results=body.get("testResults"),
        verified_by=body.get("verifiedBy"),
        wip=bool(decoded.get("wip")),
        pact_pending=decoded.get("pending"),
        consumer_version_selectors=decoded.get("selectors") or None,
        tag_names=",".join(tag_names) or None,
        execution_date=now,
        created_at=now,
    )
    ctx.session.add(verification)
    ctx.session.flush()
    _fire_events(ctx, view, provider_version, verification)
    return VerificationView(
        verification, view.provider, view.consumer, provider_version, view.pact_version
    )


def find(
    ctx: Context, provider_name: str, consumer_name: str, sha: str, number: int
) -> VerificationView:
    view = pact_lookup.by_sha(ctx, provider_name, consumer_name, sha)
    verification = ctx.session.get(Verification, number)
    if verification is None or verification.pact_version_id != view.pact_version.id:
        raise NotFound(
            f"No verification result {number} found for the pact between consumer "
            f"'{consumer_name}' and provider '{provider_name}' with content sha '{sha}'"
        )
    return _view(ctx, verification)


def latest_for_pact(ctx: Context, pact_version_id: int) -> VerificationView | None:
    verification = ctx.session.scalars(
        select(Verification)
        .where(Verification.pact_version_id == pact_version_id)
        .order_by(Verification.id.desc())
        .limit(1)
    ).first()
    return _view(ctx, verification) if verification else None


def _view(ctx: Context, verification: Verification) -> VerificationView:
    get = ctx.session.get
    return VerificationView(
        verification,
        get(Pacticipant, verification.provider_id),  # type: ignore[arg-type]
        get(Pacticipant, verification.consumer_id),  # type: ignore[arg-type]
        get(Version, verification.provider_version_id),  # type: ignore[arg-type]
        get(PactVersion, verification.pact_version_id),  # type: ignore[arg-type]
    )


def remove(ctx: Context, provider_name: str, consumer_name: str, sha: str, number: int) -> None:
    view = find(ctx, provider_name, consumer_name, sha, number)
    ctx.session.delete(view.verification)


def _fire_events(
    ctx: Context, view: Any, provider_version: Version, verification: Verification
) -> None:
    events = [webhook_events.VERIFICATION_PUBLISHED]
    events.append(
        webhook_events.VERIFICATION_SUCCEEDED
        if verification.success
        else webhook_events.VERIFICATION_FAILED
    )
    pact_url = webhook_events.pact_url(
        ctx.base_url, view.provider.name, view.consumer.name, view.pact_version.sha
    )
    params = webhook_events.parameters(
        ctx, consumer=view.consumer, provider=view.provider, consumer_version=view.consumer_version,
        provider_version=provider_version, pact_url=pact_url,
        verification_url=f"{pact_url}/verification-results/{verification.id}",
        success=verification.success, build_url=verification.build_url,
    )  # fmt: skip
    webhook_events.trigger(ctx, events, consumer=view.consumer, provider=view.provider, params=params,
                           consumer_version_id=view.consumer_version.id)  # fmt: skip
