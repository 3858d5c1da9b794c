"""Lists of pacts: per integration (all, by tag, by branch), per provider, and `/pacts/latest`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from accord.broker.api.http import base_url, hal, run
from accord.broker.api.paths import NameRoute
from accord.broker.api.representers.pacts import consumer_pact_versions, latest_pacts, pact_list
from accord.broker.context import Context
from accord.broker.errors import NotFound
from accord.broker.services import pact_lookup, pacticipants, pacts

router = APIRouter(route_class=NameRoute)
BETWEEN = "/pacts/provider/{provider}/consumer/{consumer}"
PROVIDER = "/pacts/provider/{provider}"


def _main_branch(ctx: Context, consumer: str) -> str:
    row = pacticipants.require(ctx, consumer, "consumer")
    if not row.main_branch:
        raise NotFound(
            f"Consumer '{consumer}' has no main branch configured (set mainBranch on the pacticipant)"
        )
    return row.main_branch


async def _integration_list(request: Request, provider: str, consumer: str, *, tag: str | None = None,
                            branch: str | None = None, main: bool = False, latest: bool = False) -> Response:  # fmt: skip
    base = base_url(request)
    href = str(request.url)

    def work(ctx: Context) -> Response:
        chosen = _main_branch(ctx, consumer) if main else branch
        views = pact_lookup.all_for(ctx, provider, consumer, tag=tag, branch=chosen)
        return hal(consumer_pact_versions(base, href, views[:1] if latest else views))

    return await run(request, work)


@router.get(BETWEEN + "/versions")
async def integration_pacts(request: Request, provider: str, consumer: str) -> Response:
    return await _integration_list(request, provider, consumer)


@router.delete(BETWEEN + "/versions")
async def delete_integration_pacts(request: Request, provider: str, consumer: str) -> Response:
    await run(request, lambda ctx: pacts.remove_all(ctx, provider, consumer))
    return Response(status_code=204)


@router.get(BETWEEN + "/tag/{tag}")
async def tagged_integration_pacts(
    request: Request, provider: str, consumer: str, tag: str
) -> Response:
    return await _integration_list(request, provider, consumer, tag=tag)


@router.delete(BETWEEN + "/tag/{tag}")
async def delete_tagged_pacts(request: Request, provider: str, consumer: str, tag: str) -> Response:
    await run(request, lambda ctx: pacts.remove_all(ctx, provider, consumer, tag=tag))
    return Response(status_code=204)


@router.get(BETWEEN + "/branch/versions")
async def main_branch_pacts(request: Request, provider: str, consumer: str) -> Response:
    return await _integration_list(request, provider, consumer, main=True)


@router.get(BETWEEN + "/branch/latest/versions")
async def latest_main_branch_pacts(request: Request, provider: str, consumer: str) -> Response:
    return await _integration_list(request, provider, consumer, main=True, latest=True)


@router.get(BETWEEN + "/branch/{branch}")
async def branch_pacts(request: Request, provider: str, consumer: str, branch: str) -> Response:
    return await _integration_list(request, provider, consumer, branch=branch)


@router.delete(BETWEEN + "/branch/{branch}")
async def delete_branch_pacts(
    request: Request, provider: str, consumer: str, branch: str
) -> Response:
    await run(request, lambda ctx: pacts.remove_all(ctx, provider, consumer, branch=branch))
    return Response(status_code=204)


@router.get(BETWEEN + "/branch/{branch}/latest/versions")
async def latest_branch_pacts(
    request: Request, provider: str, consumer: str, branch: str
) -> Response:
    return await _integration_list(request, provider, consumer, branch=branch, latest=True)


async def _provider_list(request: Request, provider: str, *, tag: str | None = None, branch: str | None = None,
                         main: bool = False, latest: bool = False) -> Response:  # fmt: skip
    base = base_url(request)
    href = str(request.url)

    def work(ctx: Context) -> Response:
        if main:
            views = []
            for consumer in sorted({v.consumer.name for v in pact_lookup.all_for(ctx, provider)}):
                main_branch = pacticipants.require(ctx, consumer).main_branch
                if main_branch:
                    found = pact_lookup.all_for(ctx, provider, consumer, branch=main_branch)
                    views += found[:1] if latest else found
        else:
            views = pact_lookup.all_for(
                ctx, provider, tag=tag, branch=branch, latest_per_consumer=latest
            )
        return hal(pact_list(base, href, provider, views))

    return await run(request, work)


@router.get(PROVIDER)
async def provider_pacts(request: Request, provider: str) -> Response:
    return await _provider_list(request, provider)


@router.get(PROVIDER + "/latest")
async def latest_provider_pacts(request: Request, provider: str) -> Response:
    return await _provider_list(request, provider, latest=True)


@router.get(PROVIDER + "/latest/{tag}")
async def latest_tagged_provider_pacts(request: Request, provider: str, tag: str) -> Response:
    return await _provider_list(request, provider, tag=tag, latest=True)


@router.get(PROVIDER + "/tag/{tag}")
async def tagged_provider_pacts(request: Request, provider: str, tag: str) -> Response:
    return await _provider_list(request, provider, tag=tag)


@router.get(PROVIDER + "/branch")
async def main_branch_provider_pacts(request: Request, provider: str) -> Response:
    return await _provider_list(request, provider, main=True)


@router.get(PROVIDER + "/branch/latest")
async def latest_main_branch_provider_pacts(request: Request, provider: str) -> Response:
    return await _provider_list(request, provider, main=True, latest=True)


@router.get(PROVIDER + "/branch/{branch}")
async def branch_provider_pacts(request: Request, provider: str, branch: str) -> Response:
    return await _provider_list(request, provider, branch=branch)


@router.get(PROVIDER + "/branch/{branch}/latest")
async def latest_branch_provider_pacts(request: Request, provider: str, branch: str) -> Response:
    return await _provider_list(request, provider, branch=branch, latest=True)


@router.get("/pacts/latest")
async def latest_pact_versions(request: Request) -> Response:
    base = base_url(request)
    return await run(
        request, lambda ctx: hal(latest_pacts(base, pact_lookup.latest_for_every_integration(ctx)))
    )
