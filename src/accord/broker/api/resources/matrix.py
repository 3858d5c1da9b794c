"""`GET /matrix` and the can-i-deploy endpoints (design note §3.12, §3.13)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select

from accord.broker.api.http import HAL, base_url, hal, run
from accord.broker.api.paths import NameRoute
from accord.broker.api.rack_query import parse_nested
from accord.broker.api.representers.matrix import RowFacts, matrix
from accord.broker.context import Context
from accord.broker.db.models import BranchVersion, PactVersion, Tag
from accord.broker.errors import Invalid
from accord.broker.matrix import query as matrix_query
from accord.broker.matrix.service import MatrixResult
from accord.broker.matrix.service import matrix as compute

router = APIRouter(route_class=NameRoute)


def _facts(ctx: Context, result: MatrixResult) -> RowFacts:
    rows = result.considered + result.ignored
    version_ids = {r.consumer_version_id for r in rows} | {
        r.provider_version_id for r in rows if r.provider_version_id
    }
    tags: dict[int, list[str]] = {}
    branches: dict[int, list[str]] = {}
    if version_ids:
        for version_id, name in ctx.session.execute(
            select(Tag.version_id, Tag.name)
            .where(Tag.version_id.in_(version_ids))
            .order_by(Tag.name)
        ):
            tags.setdefault(version_id, []).append(name)
        for version_id, name in ctx.session.execute(
            select(BranchVersion.version_id, BranchVersion.branch_name)
            .where(BranchVersion.version_id.in_(version_ids)).order_by(BranchVersion.id)
        ):  # fmt: skip
            branches.setdefault(version_id, []).append(name)
    content_ids = {r.pact_version_id for r in rows}
    shas = (
        dict(
            ctx.session.execute(
                select(PactVersion.id, PactVersion.sha).where(PactVersion.id.in_(content_ids))
            ).all()
        )
        if content_ids
        else {}
    )
    return RowFacts(tags=tags, branches=branches, shas=shas)


async def _answer(
    request: Request, params: dict[str, Any], *, limit_default: int | None
) -> Response:
    try:
        query = matrix_query.parse(params, limit_default=limit_default)
    except Invalid as error:
        return JSONResponse({"errors": error.errors["matrix"]}, status_code=400, media_type=HAL)
    base = base_url(request)

    def work(ctx: Context) -> Response:
        try:
            result = compute(ctx, query)
        except Invalid as error:
            return JSONResponse(
                {"errors": [m for ms in error.errors.values() for m in ms]},
                status_code=400,
                media_type=HAL,
            )
        return hal(matrix(base, result, _facts(ctx, result), query.options.limit))

    return await run(request, work)


@router.get("/matrix")
async def get_matrix(request: Request) -> Response:
    return await _answer(request, parse_nested(request.url.query), limit_default=100)


@router.get("/matrix/provider/{provider}/consumer/{consumer}")
async def integration_matrix(request: Request, provider: str, consumer: str) -> Response:
    params = {"q": [{"pacticipant": consumer}, {"pacticipant": provider}], "latestby": "cvpv"}
    return await _answer(request, params, limit_default=100)


def _ignores(request: Request) -> list[Any]:
    nested = parse_nested(request.url.query).get("ignore") or []
    return [item for item in nested if item]


@router.get("/can-i-deploy")
async def can_i_deploy(request: Request) -> Response:
    params = request.query_params
    problems = []
    for name in ("pacticipant", "version"):
        if not params.get(name):
            problems.append(f"Please specify the {name}")
    if not params.get("to") and not params.get("environment"):
        problems.append("Must specify either an environment or a 'to' tag.")
    if params.get("to") and params.get("environment"):
        problems.append("Cannot specify both a 'to' tag and an environment.")
    if problems:
        return JSONResponse({"errors": problems}, status_code=400, media_type=HAL)
    query: dict[str, Any] = {"q": [{"pacticipant": params["pacticipant"], "version": params["version"]}],
                             "ignore": _ignores(request)}  # fmt: skip
    if params.get("environment"):
        query.update(latestby="cvpv", environment=params["environment"])
    else:
        query.update(latestby="cvp", tag=params["to"], latest="true")
    return await _answer(request, query, limit_default=None)


@router.get("/pacticipants/{pacticipant}/latest-version/{tag}/can-i-deploy/to/{to}")
async def can_i_deploy_tag_to_tag(
    request: Request, pacticipant: str, tag: str, to: str
) -> Response:
    query = {"q": [{"pacticipant": pacticipant, "tag": tag, "latest": "true"}],
             "latestby": "cvp", "tag": to, "latest": "true"}  # fmt: skip
    return await _answer(request, query, limit_default=None)


@router.get(
    "/pacticipants/{pacticipant}/branches/{branch}/latest-version/can-i-deploy/to-environment/{environment}"
)
async def can_i_deploy_branch_to_environment(
    request: Request, pacticipant: str, branch: str, environment: str
) -> Response:
    query = {"q": [{"pacticipant": pacticipant, "branch": branch, "latest": "true"}],
             "latestby": "cvpv", "environment": environment}  # fmt: skip
    return await _answer(request, query, limit_default=None)
