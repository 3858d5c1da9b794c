"""`GET /` (the HAL index) and the heartbeat."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from accord.broker.api.http import base_url, hal
from accord.broker.api.paths import NameRoute
from accord.broker.api.representers.index import index

router = APIRouter(route_class=NameRoute)


@router.get("/")
async def get_index(request: Request) -> Response:
    return hal(index(base_url(request)))


@router.get("/diagnostic/status/heartbeat")
async def heartbeat(request: Request) -> Response:
    return hal(
        {
            "ok": True,
            "_links": {"self": {"href": f"{base_url(request)}/diagnostic/status/heartbeat"}},
        }
    )
