"""Integrations (consumer-provider pairs that have pacts) and their deletion."""

from __future__ import annotations

from typing import Any, cast

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import CursorResult, delete, select
from sqlalchemy.orm import aliased

from accord.broker.api import urls
from accord.broker.api.hal import curies, link
from accord.broker.api.http import base_url, hal, no_content, run
from accord.broker.api.paths import NameRoute
from accord.broker.context import Context
from accord.broker.db.models import Integration, Pacticipant, PactPublication, PactVersion
from accord.broker.errors import NotFound
from accord.broker.services import pacticipants

router = APIRouter(route_class=NameRoute)


@router.get("/integrations")
async def list_integrations(request: Request) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        consumer, provider = aliased(Pacticipant), aliased(Pacticipant)
        rows = ctx.session.execute(
            select(consumer.name, provider.name)
            .select_from(Integration)
            .join(consumer, consumer.id == Integration.consumer_id)
            .join(provider, provider.id == Integration.provider_id)
            .order_by(consumer.name, provider.name)
        )
        items = [
            {
                "consumer": {"name": c, "_links": {"self": link(urls.pacticipant(base, c))}},
                "provider": {"name": p, "_links": {"self": link(urls.pacticipant(base, p))}},
                "_links": {
                    "pb:matrix": link(
                        urls.matrix_for(base, p, c),
                        title="Matrix of pacts and verification results",
                    ),
                    "pb:latest-pact": link(urls.pacts_between(base, p, c) + "/latest"),
                    "pb:delete_integration": link(urls.integration(base, p, c)),
                },
            }
            for c, p in rows
        ]
        return hal({"_embedded": {"integrations": items},
                    "_links": {"self": link(f"{base}/integrations"), "curies": curies(base)}})  # fmt: skip

    return await run(request, work)


@router.delete("/integrations/provider/{provider}/consumer/{consumer}")
async def delete_integration(request: Request, provider: str, consumer: str) -> Response:
    def work(ctx: Context) -> None:
        p = pacticipants.require(ctx, provider, "provider")
        c = pacticipants.require(ctx, consumer, "consumer")
        statement = delete(Integration).where(
            Integration.consumer_id == c.id, Integration.provider_id == p.id
        )
        # DML executes to a CursorResult; Session.execute is annotated with its base class
        removed = cast(CursorResult[Any], ctx.session.execute(statement))
        if not removed.rowcount:
            raise NotFound(
                f"No integration between consumer '{consumer}' and provider '{provider}'"
            )
        pair = (PactVersion.consumer_id == c.id) & (PactVersion.provider_id == p.id)
        ctx.session.execute(delete(PactPublication).where(
            PactPublication.consumer_id == c.id, PactPublication.provider_id == p.id))  # fmt: skip
        ctx.session.execute(delete(PactVersion).where(pair))

    await run(request, work)
    return no_content()


@router.delete("/integrations")
async def delete_all_integrations(request: Request) -> Response:
    """Wipes all contract data: pacticipants cascade to everything else."""

    def work(ctx: Context) -> None:
        ctx.session.execute(delete(Pacticipant))

    await run(request, work)
    return no_content()
