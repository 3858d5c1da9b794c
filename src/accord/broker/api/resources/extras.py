"""Smaller read-only resources: metrics, the latest verification results of a consumer version,
and the provider states the provider's consumers use."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import func, select

from accord.broker.api.hal import curies, link
from accord.broker.api.http import base_url, hal, run
from accord.broker.api.paths import NameRoute
from accord.broker.api.representers.verifications import verification
from accord.broker.context import Context
from accord.broker.db import models
from accord.broker.services import pact_lookup, pacticipants, verifications, versions

router = APIRouter(route_class=NameRoute)

_METRICS = {
    "pacticipants": models.Pacticipant, "integrations": models.Integration,
    "pactPublications": models.PactPublication, "pactVersions": models.PactVersion,
    "verificationResults": models.Verification, "pacticipantVersions": models.Version,
    "webhooks": models.Webhook, "tags": models.Tag, "environments": models.Environment,
    "deployedVersions": models.DeployedVersion, "releasedVersions": models.ReleasedVersion,
}  # fmt: skip


@router.get("/metrics")
async def metrics(request: Request) -> Response:
    def work(ctx: Context) -> Response:
        counts = {
            name: {"count": int(ctx.session.scalar(select(func.count()).select_from(model)) or 0)}
            for name, model in _METRICS.items()
        }
        return hal(counts)

    return await run(request, work)


@router.get("/verification-results/consumer/{consumer}/version/{number}/latest")
async def consumer_version_results(request: Request, consumer: str, number: str) -> Response:
    """Per provider of this consumer version: the latest result for its pact's content."""
    base = base_url(request)

    def work(ctx: Context) -> Response:
        version = versions.require(ctx, consumer, number)
        results, unknown = [], 0
        for publication in ctx.session.scalars(
            select(models.PactPublication).where(
                models.PactPublication.consumer_version_id == version.id
            )
        ):
            latest = verifications.latest_for_pact(ctx, publication.pact_version_id)
            if latest is None:
                unknown += 1
            else:
                results.append(verification(base, latest))
        failed = sum(1 for r in results if not r["success"])
        body: dict[str, Any] = {
            "success": bool(results) and not failed and not unknown,
            "providerSummary": {
                "successful": len(results) - failed,
                "failed": failed,
                "unknown": unknown,
            },
            "_embedded": {"verificationResults": results},
            "_links": {"self": link(str(request.url)), "curies": curies(base)},
        }
        return hal(body)

    return await run(request, work)


def _states(views: list[pact_lookup.PactView]) -> dict[str, Any]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for view in views:
        for interaction in view.content.get("interactions") or []:
            if not isinstance(interaction, dict):
                continue
            states = interaction.get("providerStates")
            if states is None and interaction.get("providerState"):
                states = [{"name": interaction["providerState"]}]
            for state in states or []:
                if not isinstance(state, dict) or not state.get("name"):
                    continue
                params = state.get("params")
                key = (state["name"], repr(sorted((params or {}).items())))
                entry = found.setdefault(key, {"name": state["name"], "consumers": []})
                if params:
                    entry["params"] = params
                if view.consumer.name not in entry["consumers"]:
                    entry["consumers"].append(view.consumer.name)
    return {"providerStates": sorted(found.values(), key=lambda s: s["name"])}


@router.get("/pacts/provider/{provider}/provider-states")
async def provider_states(request: Request, provider: str) -> Response:
    """States used by the latest main-branch pact of each consumer."""

    def work(ctx: Context) -> Response:
        views = []
        for consumer in sorted({v.consumer.name for v in pact_lookup.all_for(ctx, provider)}):
            main = pacticipants.require(ctx, consumer).main_branch
            found = pact_lookup.all_for(ctx, provider, consumer, branch=main) if main else []
            views += found[:1]
        return hal(_states(views))

    return await run(request, work)


@router.get("/pacts/provider/{provider}/provider-states/branch/{branch}")
async def provider_states_for_branch(request: Request, provider: str, branch: str) -> Response:
    def work(ctx: Context) -> Response:
        views = pact_lookup.all_for(ctx, provider, branch=branch, latest_per_consumer=True)
        return hal(_states(views))

    return await run(request, work)
