"""Environments, deployed versions and released versions (record-deployment, record-release,
record-undeployment, record-support-ended)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from accord.broker.api.hal import curies, link
from accord.broker.api.http import MERGE_PATCH, base_url, hal, no_content, read_json, run
from accord.broker.api.paths import NameRoute
from accord.broker.api.representers.environments import (
    deployed_version,
    environment,
    environments,
    released_version,
)
from accord.broker.context import Context
from accord.broker.services import deployments

router = APIRouter(route_class=NameRoute)
ENVIRONMENT = "/environments/{uuid}"
VERSION = "/pacticipants/{pacticipant}/versions/{number}"


@router.get("/environments")
async def list_environments(request: Request, name: str | None = None) -> Response:
    base = base_url(request)
    return await run(request, lambda ctx: hal(environments(base, deployments.listing(ctx, name))))


@router.post("/environments")
async def create_environment(request: Request) -> Response:
    body = await read_json(request, empty_ok=False)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row = deployments.create(ctx, body)
        ctx.session.flush()
        return hal(environment(base, row), 201, {"Location": f"{base}/environments/{row.uuid}"})

    return await run(request, work)


@router.get(ENVIRONMENT)
async def get_environment(request: Request, uuid: str) -> Response:
    base = base_url(request)
    return await run(request, lambda ctx: hal(environment(base, deployments.require(ctx, uuid))))


@router.put(ENVIRONMENT)
async def replace_environment(request: Request, uuid: str) -> Response:
    body = await read_json(request, empty_ok=False)
    base = base_url(request)
    return await run(
        request, lambda ctx: hal(environment(base, deployments.replace(ctx, uuid, body)))
    )


@router.delete(ENVIRONMENT)
async def delete_environment(request: Request, uuid: str) -> Response:
    force = request.query_params.get("force", "").lower() == "true"
    await run(request, lambda ctx: deployments.remove(ctx, uuid, force=force))
    return no_content()


@router.get(ENVIRONMENT + "/deployed-versions/currently-deployed")
async def currently_deployed(request: Request, uuid: str) -> Response:
    base = base_url(request)
    params = request.query_params
    instance_given = "applicationInstance" in params or "target" in params
    instance = params.get("applicationInstance", params.get("target"))

    def work(ctx: Context) -> Response:
        rows = deployments.currently_deployed(
            ctx, uuid, params.get("pacticipant"), instance, instance_given
        )
        return hal({"_embedded": {"deployedVersions": [deployed_version(base, ctx.session, r) for r in rows]},
                    "_links": {"self": link(str(request.url), title="Currently deployed versions"),
                               "curies": curies(base)}})  # fmt: skip

    return await run(request, work)


@router.get(ENVIRONMENT + "/released-versions/currently-supported")
async def currently_supported(request: Request, uuid: str) -> Response:
    base = base_url(request)
    params = request.query_params

    def work(ctx: Context) -> Response:
        rows = deployments.currently_supported(
            ctx, uuid, params.get("pacticipant"), params.get("version")
        )
        return hal({"_embedded": {"releasedVersions": [released_version(base, ctx.session, r) for r in rows]},
                    "_links": {"self": link(str(request.url), title="Currently supported released versions"),
                               "curies": curies(base)}})  # fmt: skip

    return await run(request, work)


@router.post(VERSION + "/deployed-versions/environment/{uuid}")
async def record_deployment(request: Request, pacticipant: str, number: str, uuid: str) -> Response:
    body = await read_json(request)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row, created = deployments.deploy(ctx, pacticipant, number, uuid, body)
        href = f"{base}/deployed-versions/{row.uuid}"
        return hal(
            deployed_version(base, ctx.session, row), 201 if created else 200, {"Location": href}
        )

    return await run(request, work)


@router.post(VERSION + "/released-versions/environment/{uuid}")
async def record_release(request: Request, pacticipant: str, number: str, uuid: str) -> Response:
    await read_json(request)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row, created = deployments.release(ctx, pacticipant, number, uuid)
        href = f"{base}/released-versions/{row.uuid}"
        return hal(
            released_version(base, ctx.session, row), 201 if created else 200, {"Location": href}
        )

    return await run(request, work)


@router.get("/deployed-versions/{uuid}")
async def get_deployed(request: Request, uuid: str) -> Response:
    base = base_url(request)
    return await run(
        request,
        lambda ctx: hal(deployed_version(base, ctx.session, deployments.find_deployed(ctx, uuid))),
    )


@router.patch("/deployed-versions/{uuid}")
async def patch_deployed(request: Request, uuid: str) -> Response:
    body = await read_json(request, MERGE_PATCH)
    base = base_url(request)
    return await run(
        request,
        lambda ctx: hal(
            deployed_version(base, ctx.session, deployments.patch_deployed(ctx, uuid, body))
        ),
    )


@router.get("/released-versions/{uuid}")
async def get_released(request: Request, uuid: str) -> Response:
    base = base_url(request)
    return await run(
        request,
        lambda ctx: hal(released_version(base, ctx.session, deployments.find_released(ctx, uuid))),
    )


@router.patch("/released-versions/{uuid}")
async def patch_released(request: Request, uuid: str) -> Response:
    body = await read_json(request, MERGE_PATCH)
    base = base_url(request)
    return await run(
        request,
        lambda ctx: hal(
            released_version(base, ctx.session, deployments.patch_released(ctx, uuid, body))
        ),
    )
