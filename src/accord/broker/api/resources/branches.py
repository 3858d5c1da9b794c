"""Branches and branch versions. PUT of a branch version accepts no body or `{}`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from accord.broker.api import pagination, urls
from accord.broker.api.hal import curies, link
from accord.broker.api.http import base_url, hal, no_content, read_json, run
from accord.broker.api.pagination import page_of
from accord.broker.api.paths import NameRoute
from accord.broker.api.representers.versions import branch, branch_version
from accord.broker.api.resources.versions import version_document
from accord.broker.context import Context
from accord.broker.errors import NotFound
from accord.broker.services import branches

router = APIRouter(route_class=NameRoute)
BRANCH = "/pacticipants/{name}/branches/{branch_name}"


@router.get("/pacticipants/{name}/branches")
async def list_branches(request: Request, name: str) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        chosen, page = page_of(request, branches.listing(ctx, name))
        items = [branch(base, name, b.name, b.created_at, b.updated_at) for b in chosen]
        body = {"_embedded": {"branches": items},
                "_links": {"self": link(f"{urls.pacticipant(base, name)}/branches"), "curies": curies(base)}}  # fmt: skip
        return hal(pagination.apply(body, page))

    return await run(request, work)


@router.delete("/pacticipants/{name}/branches")
async def delete_branches(request: Request, name: str) -> Response:
    """Delete every branch except the `exclude[]` ones and the main branch (202, as upstream)."""
    keep = request.query_params.getlist("exclude[]")

    def work(ctx: Context) -> Response:
        removed, remaining = branches.remove_all_except(ctx, name, keep)
        text = (f"Scheduled deletion of {removed} branches for pacticipant {name}. "
                f"Remaining branches are: {', '.join(remaining) or '(none)'}")  # fmt: skip
        return hal({"notices": [{"type": "info", "text": text}]}, 202)

    return await run(request, work)


@router.get(BRANCH)
async def get_branch(request: Request, name: str, branch_name: str) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row = branches.find(ctx, name, branch_name)
        return hal(branch(base, name, row.name, row.created_at, row.updated_at))

    return await run(request, work)


@router.delete(BRANCH)
async def delete_branch(request: Request, name: str, branch_name: str) -> Response:
    await run(request, lambda ctx: branches.remove(ctx, name, branch_name))
    return no_content()


@router.get(BRANCH + "/latest-version")
async def branch_head(request: Request, name: str, branch_name: str) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        head = branches.head(ctx, branches.find(ctx, name, branch_name))
        if head is None:
            raise NotFound(f"Branch '{branch_name}' of pacticipant '{name}' has no versions")
        return hal(version_document(ctx, base, head))

    return await run(request, work)


@router.get(BRANCH + "/versions")
async def branch_versions(request: Request, name: str, branch_name: str) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        rows = branches.versions_on(ctx, branches.find(ctx, name, branch_name))
        items = [version_document(ctx, base, row) for row in rows]
        return hal({"_embedded": {"versions": items},
                    "_links": {"self": link(urls.branch(base, name, branch_name) + "/versions"), "curies": curies(base)}})  # fmt: skip

    return await run(request, work)


@router.put(BRANCH + "/versions/{number}")
async def put_branch_version(
    request: Request, name: str, branch_name: str, number: str
) -> Response:
    await read_json(request)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row, created = branches.add_version(ctx, name, branch_name, number)
        headers = (
            {"Location": urls.branch_version(base, name, branch_name, number)} if created else None
        )
        return hal(
            branch_version(base, name, branch_name, number, row.created_at),
            201 if created else 200,
            headers,
        )

    return await run(request, work)


@router.get(BRANCH + "/versions/{number}")
async def get_branch_version(
    request: Request, name: str, branch_name: str, number: str
) -> Response:
    base = base_url(request)

    def work(ctx: Context) -> Response:
        row = branches.find_branch_version(ctx, name, branch_name, number)
        return hal(branch_version(base, name, branch_name, number, row.created_at))

    return await run(request, work)


@router.delete(BRANCH + "/versions/{number}")
async def delete_branch_version(
    request: Request, name: str, branch_name: str, number: str
) -> Response:
    await run(request, lambda ctx: branches.remove_version(ctx, name, branch_name, number))
    return no_content()
