"""Broker domain errors. Services raise them; the API layer turns them into HTTP responses.

AccordError
└── BrokerError
    ├── NotFound               404: a named pacticipant, version, pact... does not exist
    ├── Invalid                400: request data failed validation; `errors` maps field → messages
    ├── MethodNotAllowed       405: the resource exists but not with this method
    ├── Conflict               409: the request contradicts stored data (changed pact content)
    ├── UnsupportedMediaType   415: the body's Content-Type is not one this route accepts
    ├── PayloadTooLarge        413: the body exceeds the configured limit
    └── Unprocessable          422: well-formed but not allowed (e.g. a path with a tab)
"""

from __future__ import annotations

from typing import Any

from accord.errors import AccordError


class BrokerError(AccordError):
    status = 500
    title = "Server error"

    def __init__(
        self,
        message: str,
        *,
        notices: list[dict[str, Any]] | None = None,
        errors: dict[str, list[str]] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.notices = notices
        self.errors = errors


class NotFound(BrokerError):
    status = 404
    title = "Not found"


class Invalid(BrokerError):
    status = 400
    title = "Validation errors"

    errors: dict[str, list[str]]

    def __init__(self, errors: dict[str, list[str]] | str, field: str = "base") -> None:
        if isinstance(errors, str):
            errors = {field: [errors]}
        first = next(iter(errors.items()))
        super().__init__(f"{first[0]}: {first[1][0]}" if first[1] else first[0], errors=errors)


class MethodNotAllowed(BrokerError):
    status = 405
    title = "Method Not Allowed"


class Conflict(BrokerError):
    status = 409
    title = "Conflict"


class UnsupportedMediaType(BrokerError):
    status = 415
    title = "Unsupported Media Type"


class PayloadTooLarge(BrokerError):
    status = 413
    title = "Payload Too Large"


class Unprocessable(BrokerError):
    status = 422
    title = "Unprocessable Entity"
