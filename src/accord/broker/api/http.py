"""Request reading and response writing shared by every resource.

Bodies are read by hand rather than through FastAPI models so that every rejection (size,
content type, syntax, shape) gets the broker's error shape and a message naming the problem.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from accord.broker.context import Context
from accord.broker.errors import Invalid, PayloadTooLarge, UnsupportedMediaType
from accord.broker.settings import Settings

HAL = "application/hal+json;charset=utf-8"
JSON_TYPES = ("application/json",)
MERGE_PATCH = ("application/merge-patch+json",)
T = TypeVar("T")


def hal(body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(body, status_code=status, media_type=HAL, headers=headers)


def no_content() -> Response:
    return Response(status_code=204)


def base_url(request: Request) -> str:
    settings: Settings = request.app.state.settings
    configured = settings.base_url
    if configured:
        return configured.rstrip("/")
    forwarded_host = request.headers.get("x-forwarded-host")
    if forwarded_host:
        scheme = request.headers.get("x-forwarded-proto", request.url.scheme)
        return f"{scheme}://{forwarded_host}".rstrip("/")
    return str(request.base_url).rstrip("/")


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def read_raw(request: Request) -> bytes:
    limit = request.app.state.settings.max_body_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(
            f"request body of {declared} bytes exceeds the limit of {limit} bytes"
        )
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"request body exceeds the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_json(
    request: Request, allowed: tuple[str, ...] = JSON_TYPES, *, empty_ok: bool = True
) -> dict[str, Any]:
    """The body as a JSON object. An empty body is `{}` when `empty_ok` (clients PUT tags and
    branch versions without one); a wrong content type is a 415 naming the accepted ones."""
    raw = await read_raw(request)
    kind = media_type(request)
    if not raw.strip():
        if empty_ok:
            return {}
        raise Invalid("the request body is empty; expected a JSON object", "body")
    if kind not in allowed:
        shown = f"'{kind}'" if kind else "no Content-Type"
        raise UnsupportedMediaType(
            f"request body has {shown}; this resource accepts {' or '.join(allowed)}"
        )
    try:
        document = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        detail = error.msg if isinstance(error, json.JSONDecodeError) else "not UTF-8 text"
        where = (
            f" at line {error.lineno} column {error.colno}"
            if isinstance(error, json.JSONDecodeError)
            else ""
        )
        raise Invalid(f"request body is not valid JSON: {detail}{where}", "body") from None
    if not isinstance(document, dict):
        raise Invalid(f"request body must be a JSON object, got {type(document).__name__}", "body")
    return document


async def run(request: Request, work: Callable[[Context], T]) -> T:
    """Run `work` in one transaction on a worker thread (SQLAlchemy here is synchronous, so the
    event loop stays free); commit when it returns, roll back when it raises."""
    factory = request.app.state.session_factory
    settings = request.app.state.settings
    clock = request.app.state.clock
    base = base_url(request)

    def transaction() -> T:
        with factory() as session:
            ctx = Context(session=session, settings=settings, clock=clock, base_url=base)
            try:
                result = work(ctx)
                session.commit()
                return result
            except BaseException:
                session.rollback()
                raise

    return await run_in_threadpool(transaction)
