"""The HTML pages, rendered with Jinja2 from view data the services provide (templates never
query)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from accord.broker.api import urls
from accord.broker.api.http import base_url, run
from accord.broker.api.paths import NameRoute
from accord.broker.context import Context
from accord.broker.services import pact_lookup, verifications

router = APIRouter(route_class=NameRoute, include_in_schema=False)
_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=select_autoescape()
)


def _page(name: str, **values: object) -> Response:
    return HTMLResponse(_templates.get_template(name).render(**values))


@router.get("/ui")
async def index(request: Request) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        rows = []
        for view in pact_lookup.latest_for_every_integration(ctx):
            latest = verifications.latest_for_pact(ctx, view.pact_version.id)
            rows.append({
                "consumer": view.consumer.name, "provider": view.provider.name,
                "version": view.consumer_version.number, "published": view.publication.created_at,
                "pact_url": urls.pacts_between(base, view.provider.name, view.consumer.name) + "/latest",
                "status": "unverified" if latest is None else ("verified" if latest.verification.success else "failed"),
                "verified_by": latest.provider_version.number if latest else None,
            })  # fmt: skip
        return _page("index.html", rows=rows, base=base)

    return await run(request, work)


async def _pact_page(
    request: Request, provider: str, consumer: str, number: str | None
) -> Response:
    def work(ctx: Context) -> Response:
        view = (pact_lookup.by_version(ctx, provider, consumer, number) if number
                else pact_lookup.latest(ctx, provider, consumer))  # fmt: skip
        return _page("pact.html", view=view, content=view.content, base=base_url(request))

    return await run(request, work)


@router.get("/ui/pacts/provider/{provider}/consumer/{consumer}/latest")
async def latest_pact(request: Request, provider: str, consumer: str) -> Response:
    return await _pact_page(request, provider, consumer, None)


@router.get("/ui/pacts/provider/{provider}/consumer/{consumer}/version/{number}")
async def pact_by_version(request: Request, provider: str, consumer: str, number: str) -> Response:
    return await _pact_page(request, provider, consumer, number)
