"""Publishing and reading verification results."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from accord.broker.api import urls
from accord.broker.api.http import base_url, hal, no_content, read_json, run
from accord.broker.api.paths import NameRoute
from accord.broker.api.representers.verifications import verification
from accord.broker.context import Context
from accord.broker.errors import Invalid, NotFound
from accord.broker.services import pact_lookup, verifications

router = APIRouter(route_class=NameRoute)
BY_SHA = "/pacts/provider/{provider}/consumer/{consumer}/pact-version/{sha}"


async def _publish(
    request: Request, provider: str, consumer: str, sha: str, metadata: str | None
) -> Response:
    body = await read_json(request, empty_ok=False)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        view = verifications.record(ctx, provider, consumer, sha, body, metadata)
        href = urls.verification(base, provider, consumer, sha, view.verification.id)
        return hal(verification(base, view), 201, {"Location": href})

    return await run(request, work)


@router.post(BY_SHA + "/verification-results")
async def publish_results(request: Request, provider: str, consumer: str, sha: str) -> Response:
    return await _publish(request, provider, consumer, sha, None)


@router.post(BY_SHA + "/metadata/{metadata}/verification-results")
async def publish_results_with_metadata(
    request: Request, provider: str, consumer: str, sha: str, metadata: str
) -> Response:
    return await _publish(request, provider, consumer, sha, metadata)


@router.get(BY_SHA + "/verification-results/latest")
async def latest_result(request: Request, provider: str, consumer: str, sha: str) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        view = pact_lookup.by_sha(ctx, provider, consumer, sha)
        found = verifications.latest_for_pact(ctx, view.pact_version.id)
        if found is None:
            raise NotFound(
                f"No verification results published yet for the pact between '{consumer}' and '{provider}' with content sha '{sha}'"
            )
        return hal(verification(base, found))

    return await run(request, work)


def _number(number: str) -> int:
    if not number.isdigit():
        raise Invalid(
            f"verification result number must be a positive integer, got {number!r}", "number"
        )
    return int(number)


@router.get(BY_SHA + "/verification-results/{number}")
async def get_result(
    request: Request, provider: str, consumer: str, sha: str, number: str
) -> Response:
    base = base_url(request)
    wanted = _number(number)
    return await run(
        request,
        lambda ctx: hal(
            verification(base, verifications.find(ctx, provider, consumer, sha, wanted))
        ),
    )


@router.delete(BY_SHA + "/verification-results/{number}")
async def delete_result(
    request: Request, provider: str, consumer: str, sha: str, number: str
) -> Response:
    wanted = _number(number)
    await run(request, lambda ctx: verifications.remove(ctx, provider, consumer, sha, wanted))
    return no_content()
