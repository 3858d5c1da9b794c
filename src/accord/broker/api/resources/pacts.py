"""Publishing a pact the old way (PUT/PATCH by consumer version) and every way of reading one."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from accord.broker.api import urls
from accord.broker.api.hal import link
from accord.broker.api.http import JSON_TYPES, base_url, hal, media_type, read_raw, run
from accord.broker.api.paths import NameRoute
from accord.broker.api.representers.pacts import pact
from accord.broker.context import Context
from accord.broker.errors import Invalid, UnsupportedMediaType
from accord.broker.services import pact_content, pact_lookup, pacts
from accord.broker.services.pact_lookup import PactView

router = APIRouter(route_class=NameRoute)
BETWEEN = "/pacts/provider/{provider}/consumer/{consumer}"
BY_VERSION = BETWEEN + "/version/{number}"


def _pact_response(base: str, view: PactView, metadata: str | None = None) -> Response:
    return hal(
        pact(base, view, metadata),
        headers={"X-Pact-Consumer-Version": view.consumer_version.number},
    )


async def _publish(
    request: Request, provider: str, consumer: str, number: str, merge: bool
) -> Response:
    raw = await read_raw(request)
    if not raw.strip():
        raise Invalid("the request body is empty; expected the pact JSON", "body")
    if media_type(request) not in JSON_TYPES:
        raise UnsupportedMediaType(
            f"pact body has Content-Type '{media_type(request) or 'none'}'; expected application/json"
        )
    document = pact_content.parse(raw)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        result = pacts.publish(
            ctx, consumer, provider, number, document, "merge" if merge else "error"
        )
        status = 201 if result.outcome == "created" else 200
        headers = (
            {"Location": urls.pact_by_version(base, provider, consumer, number)}
            if status == 201
            else None
        )
        return hal(pact(base, result.view), status, headers)

    return await run(request, work)


for prefix in ("/pacts", "/pact"):
    for suffix in ("/version/{number}", "/versions/{number}"):
        path = prefix + "/provider/{provider}/consumer/{consumer}" + suffix

        @router.put(path)
        async def put_pact(request: Request, provider: str, consumer: str, number: str) -> Response:
            return await _publish(request, provider, consumer, number, merge=False)

        @router.patch(path)
        async def patch_pact(
            request: Request, provider: str, consumer: str, number: str
        ) -> Response:
            return await _publish(request, provider, consumer, number, merge=True)


@router.get(BY_VERSION)
async def get_pact(request: Request, provider: str, consumer: str, number: str) -> Response:
    base = base_url(request)
    return await run(
        request,
        lambda ctx: _pact_response(base, pact_lookup.by_version(ctx, provider, consumer, number)),
    )


@router.delete(BY_VERSION)
async def delete_pact(request: Request, provider: str, consumer: str, number: str) -> Response:
    base = base_url(request)
    await run(request, lambda ctx: pacts.remove_by_version(ctx, provider, consumer, number))
    between = urls.pacts_between(base, provider, consumer)
    return hal(
        {"_links": {"index": link(base), "pb:latest-pact-version": link(between + "/latest")}}
    )


@router.get(BETWEEN + "/latest")
async def latest_pact(request: Request, provider: str, consumer: str) -> Response:
    base = base_url(request)
    return await run(
        request, lambda ctx: _pact_response(base, pact_lookup.latest(ctx, provider, consumer))
    )


@router.get(BETWEEN + "/latest-untagged")
async def latest_untagged_pact(request: Request, provider: str, consumer: str) -> Response:
    base = base_url(request)
    return await run(
        request,
        lambda ctx: _pact_response(
            base, pact_lookup.latest(ctx, provider, consumer, untagged=True)
        ),
    )


@router.get(BETWEEN + "/latest/{tag}")
async def latest_tagged_pact(request: Request, provider: str, consumer: str, tag: str) -> Response:
    base = base_url(request)
    return await run(
        request,
        lambda ctx: _pact_response(base, pact_lookup.latest(ctx, provider, consumer, tag=tag)),
    )


@router.get(BETWEEN + "/branch/{branch}/latest")
async def latest_branch_pact(
    request: Request, provider: str, consumer: str, branch: str
) -> Response:
    base = base_url(request)
    return await run(
        request,
        lambda ctx: _pact_response(
            base, pact_lookup.latest(ctx, provider, consumer, branch=branch)
        ),
    )


@router.get(BETWEEN + "/pact-version/{sha}")
async def pact_by_sha(request: Request, provider: str, consumer: str, sha: str) -> Response:
    base = base_url(request)
    return await run(
        request, lambda ctx: _pact_response(base, pact_lookup.by_sha(ctx, provider, consumer, sha))
    )


@router.get(BETWEEN + "/pact-version/{sha}/metadata/{metadata}")
async def pact_by_sha_with_metadata(
    request: Request, provider: str, consumer: str, sha: str, metadata: str
) -> Response:
    base = base_url(request)
    return await run(
        request,
        lambda ctx: _pact_response(
            base, pact_lookup.by_sha(ctx, provider, consumer, sha), metadata
        ),
    )


@router.get(BY_VERSION + "/previous-distinct")
async def previous_distinct(
    request: Request, provider: str, consumer: str, number: str
) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        view = pact_lookup.by_version(ctx, provider, consumer, number)
        return _pact_response(base, pact_lookup.previous_distinct(ctx, view))

    return await run(request, work)


@router.get(BY_VERSION + "/diff/previous-distinct")
async def diff_previous_distinct(
    request: Request, provider: str, consumer: str, number: str
) -> Response:
    def work(ctx: Context) -> Response:
        view = pact_lookup.by_version(ctx, provider, consumer, number)
        text = pact_lookup.diff(pact_lookup.previous_distinct(ctx, view), view)
        return PlainTextResponse(text or "No differences\n")

    return await run(request, work)


@router.get(BY_VERSION + "/diff/version/{other}")
async def diff_versions(
    request: Request, provider: str, consumer: str, number: str, other: str
) -> Response:
    def work(ctx: Context) -> Response:
        view = pact_lookup.by_version(ctx, provider, consumer, number)
        text = pact_lookup.diff(pact_lookup.by_version(ctx, provider, consumer, other), view)
        return PlainTextResponse(text or "No differences\n")

    return await run(request, work)


@router.get(BETWEEN + "/pact-version/{sha}/diff/pact-version/{other}")
async def diff_shas(
    request: Request, provider: str, consumer: str, sha: str, other: str
) -> Response:
    def work(ctx: Context) -> Response:
        view = pact_lookup.by_sha(ctx, provider, consumer, sha)
        text = pact_lookup.diff(pact_lookup.by_sha(ctx, provider, consumer, other), view)
        return PlainTextResponse(text or "No differences\n")

    return await run(request, work)
