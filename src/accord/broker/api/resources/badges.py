"""Status badges as SVG: pact verification status and can-i-deploy / can-i-merge (§3.13).
Errors become a grey badge rather than a 500, as the Ruby broker does."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select

from accord.broker.api.badge_svg import badge
from accord.broker.api.http import run
from accord.broker.api.paths import NameRoute
from accord.broker.context import Context
from accord.broker.db.models import PactPublication, Verification
from accord.broker.errors import BrokerError, NotFound
from accord.broker.matrix import query as matrix_query
from accord.broker.matrix.service import matrix as compute
from accord.broker.services import pact_lookup, pacticipants

router = APIRouter(route_class=NameRoute)
BETWEEN = "/pacts/provider/{provider}/consumer/{consumer}"


def _svg(text: str) -> Response:
    return Response(text, media_type="image/svg+xml", headers={"Cache-Control": "no-cache"})


def _label(request: Request, default: str) -> str:
    return request.query_params.get("label") or default


async def _pact_badge(request: Request, provider: str, consumer: str, **filters: Any) -> Response:
    left = _label(request, f"{consumer}/{provider} pact")

    def work(ctx: Context) -> Response:
        try:
            view = pact_lookup.latest(ctx, provider, consumer, **filters)
        except NotFound:
            return _svg(badge(left, "unknown", "lightgrey"))
        latest = ctx.session.scalars(
            select(Verification).where(Verification.pact_version_id == view.pact_version.id)
            .order_by(Verification.id.desc()).limit(1)
        ).first()  # fmt: skip
        if latest is not None:
            text, colour = ("verified", "brightgreen") if latest.success else ("failed", "red")
            return _svg(badge(left, text, colour))
        verified_before = ctx.session.scalar(
            select(Verification.id)
            .join(PactPublication, PactPublication.pact_version_id == Verification.pact_version_id)
            .where(PactPublication.provider_id == view.provider.id, PactPublication.consumer_id == view.consumer.id)
            .limit(1)
        )  # fmt: skip
        return _svg(
            badge(
                left,
                "changed" if verified_before else "unknown",
                "orange" if verified_before else "lightgrey",
            )
        )

    return await run(request, work)


@router.get(BETWEEN + "/latest/badge")
async def latest_pact_badge(request: Request, provider: str, consumer: str) -> Response:
    return await _pact_badge(request, provider, consumer)


@router.get(BETWEEN + "/latest-untagged/badge")
async def untagged_pact_badge(request: Request, provider: str, consumer: str) -> Response:
    return await _pact_badge(request, provider, consumer, untagged=True)


@router.get(BETWEEN + "/latest/{tag}/badge")
async def tagged_pact_badge(request: Request, provider: str, consumer: str, tag: str) -> Response:
    return await _pact_badge(request, provider, consumer, tag=tag)


async def _deploy_badge(
    request: Request, params: dict[str, Any], right: str, left: str
) -> Response:
    def work(ctx: Context) -> Response:
        try:
            decision = compute(ctx, matrix_query.parse(params, limit_default=None)).decision
        except BrokerError as error:
            reason = "not found" if "not found" in error.message.lower() else "error"
            return _svg(badge(_label(request, left), reason, "lightgrey"))
        colour = {True: "brightgreen", False: "red", None: "lightgrey"}[decision.deployable]
        return _svg(badge(_label(request, left), right, colour))

    return await run(request, work)


@router.get("/pacticipants/{pacticipant}/latest-version/{tag}/can-i-deploy/to/{to}/badge")
async def can_i_deploy_badge(request: Request, pacticipant: str, tag: str, to: str) -> Response:
    params = {
        "q": [{"pacticipant": pacticipant, "tag": tag, "latest": "true"}],
        "latestby": "cvp",
        "tag": to,
        "latest": "true",
    }
    return await _deploy_badge(request, params, f"{tag} to {to}", "can-i-deploy")


@router.get(
    "/pacticipants/{pacticipant}/branches/{branch}/latest-version/can-i-deploy/to-environment/{environment}/badge"
)
async def can_i_deploy_branch_badge(
    request: Request, pacticipant: str, branch: str, environment: str
) -> Response:
    params = {
        "q": [{"pacticipant": pacticipant, "branch": branch, "latest": "true"}],
        "latestby": "cvpv",
        "environment": environment,
    }
    return await _deploy_badge(request, params, f"{branch} to {environment}", "can-i-deploy")


@router.get("/pacticipants/{pacticipant}/main-branch/can-i-merge/badge")
async def can_i_merge_badge(request: Request, pacticipant: str) -> Response:
    def params_for(ctx: Context) -> dict[str, Any]:
        pacticipants.require(ctx, pacticipant)
        return {"q": [{"pacticipant": pacticipant, "mainBranch": "true", "latest": "true"}],
                "latestby": "cvpv", "mainBranch": "true", "latest": "true"}  # fmt: skip

    def work(ctx: Context) -> Response:
        try:
            params = params_for(ctx)
            decision = compute(ctx, matrix_query.parse(params, limit_default=None)).decision
        except BrokerError:
            return _svg(badge(_label(request, "can-i-merge"), "not found", "lightgrey"))
        text, colour = {
            True: ("success", "brightgreen"),
            False: ("failed", "red"),
            None: ("unknown", "lightgrey"),
        }[decision.deployable]
        return _svg(badge(_label(request, "can-i-merge"), text, colour))

    return await run(request, work)
