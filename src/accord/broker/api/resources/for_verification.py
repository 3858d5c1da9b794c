"""`/pacts/provider/{provider}/for-verification`: POST (the current way; counts as a read for
authorisation) and GET (deprecated; the Rust verifier GETs it first to find the POST URL)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from accord.broker.api.http import base_url, hal, read_json, run
from accord.broker.api.paths import NameRoute
from accord.broker.api.rack_query import parse_nested
from accord.broker.api.representers.for_verification import for_verification
from accord.broker.context import Context
from accord.broker.selection import selectors
from accord.broker.selection.service import pacts_for_verification

router = APIRouter(route_class=NameRoute)
PATH = "/pacts/provider/{provider}/for-verification"


async def _answer(
    request: Request, provider: str, body: dict[str, Any], from_get: bool
) -> Response:
    query = selectors.parse(body, from_get=from_get)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        found, entries = pacts_for_verification(ctx, provider, query)
        return hal(for_verification(base, found.name, query, entries))

    return await run(request, work)


@router.post(PATH)
async def post_for_verification(request: Request, provider: str) -> Response:
    return await _answer(request, provider, await read_json(request), from_get=False)


@router.get(PATH)
async def get_for_verification(request: Request, provider: str) -> Response:
    body = parse_nested(request.url.query)
    return await _answer(request, provider, body, from_get=bool(body))
