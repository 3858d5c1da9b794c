"""Error responses: the broker's shapes (`{"errors": {...}}` for validation, `{"error": ...}`
otherwise) or RFC 7807 problem+json when the client's Accept asks for it. Unexpected errors are
logged with a reference id and answered without internals."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from accord.broker.errors import BrokerError, Invalid

log = logging.getLogger("accord.broker")
PROBLEM = "application/problem+json;charset=utf-8"


def wants_problem(request: Request) -> bool:
    return "application/problem+json" in request.headers.get("accept", "")


def _base(request: Request) -> str:
    from accord.broker.api.http import base_url

    return base_url(request)


def broker_error_response(request: Request, error: BrokerError) -> Response:
    if wants_problem(request):
        body: dict[str, Any] = {
            "title": error.title,
            "type": f"{_base(request)}/problems/{_slug(error)}",
            "status": error.status,
            "instance": request.url.path,
            "detail": error.message,
        }
        if isinstance(error, Invalid):
            body["errors"] = [
                {
                    "type": f"{_base(request)}/problems/invalid-body-property-value",
                    "title": "Invalid body parameter",
                    "detail": message,
                    "pointer": f"/{field}",
                }
                for field, messages in error.errors.items()
                for message in messages
            ]
        return JSONResponse(body, status_code=error.status, media_type=PROBLEM)
    body = {} if isinstance(error, Invalid) else {"error": error.message}
    if error.errors:
        body["errors"] = error.errors
    if error.notices:
        body["notices"] = error.notices
    return JSONResponse(
        body, status_code=error.status, media_type="application/hal+json;charset=utf-8"
    )


def unexpected_error_response(request: Request, error: Exception) -> Response:
    reference = uuid.uuid4().hex[:10]
    log.exception("unexpected error, reference %s", reference, exc_info=error)
    message = f"An error occurred; the server log has the details under reference {reference}"
    if wants_problem(request):
        body = {"title": "Server error", "type": f"{_base(request)}/problems/server-error",
                "status": 500, "detail": message}  # fmt: skip
        return JSONResponse(body, status_code=500, media_type=PROBLEM)
    return JSONResponse({"error": {"message": message, "reference": reference}}, status_code=500)


def _slug(error: BrokerError) -> str:
    return (
        "validation-error" if isinstance(error, Invalid) else error.title.lower().replace(" ", "-")
    )
