"""`POST /contracts/publish`: the way current clients publish pacts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from accord.broker.api import urls
from accord.broker.api.http import base_url, hal, read_json, run
from accord.broker.api.paths import NameRoute
from accord.broker.api.representers.contracts import published
from accord.broker.context import Context
from accord.broker.services import contracts
from accord.broker.services.pact_lookup import PactView

router = APIRouter(route_class=NameRoute)


@router.post("/contracts/publish")
async def publish_contracts(request: Request) -> Response:
    body = await read_json(request, empty_ok=False)
    base = base_url(request)

    def pact_url(view: PactView) -> str:
        return urls.pact_by_version(
            base, view.provider.name, view.consumer.name, view.consumer_version.number
        )

    def work(ctx: Context) -> Response:
        return hal(published(base, contracts.publish(ctx, body, pact_url)))

    return await run(request, work)
