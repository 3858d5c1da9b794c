"""Replaying a pact's request against the provider, over the network or in-process.

One `ProviderTarget` owns one httpx client for the whole run, so connections are kept alive
between interactions (a new client per request costs more than the request itself). An ASGI or
WSGI application is called through an httpx transport: no socket, no server thread.
"""

from __future__ import annotations

import inspect
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from accord.model import Body, Request, Response, format_query_string
from accord.verifier.asgi import SyncASGITransport

# What a request sent on a connection the server has just dropped fails with.
_DROPPED = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)

RequestFilter = Callable[[Request], Request | None]
"""Called with the request about to be sent; returns a replacement (or None to keep it)."""


@dataclass(frozen=True, kw_only=True)
class TargetOptions:
    """How requests reach the provider: extra headers, a filter, timeouts, TLS and redirects."""

    headers: Mapping[str, str] = field(default_factory=dict)
    request_filter: RequestFilter | None = None
    timeout: float = 5.0
    # False turns verification off; a path names a CA bundle (PEM) that signs the provider's cert.
    verify_tls: bool | str = True
    follow_redirects: bool = False


class ProviderTarget:
    """The provider under test: a base URL, or an ASGI/WSGI application object."""

    def __init__(
        self,
        *,
        base_url: str | None = None,
        app: Any = None,
        options: TargetOptions | None = None,
    ) -> None:
        if (base_url is None) == (app is None):
            raise ValueError(
                "give the provider as exactly one of base_url='http://localhost:8000' or app=<ASGI/WSGI "
                f"application>, got base_url={base_url!r} and app={app!r}"
            )
        self.options = options or TargetOptions()
        if base_url is None:
            transport: httpx.BaseTransport = app_transport(app)
            base_url = "http://provider"
        else:
            # Plain http never uses TLS: skip loading the CA store (tens of milliseconds).
            plain = base_url.startswith("http://") and not self.options.follow_redirects
            verify = False if plain else tls_verification(self.options.verify_tls)
            transport = httpx.HTTPTransport(verify=verify, retries=0)
        # The base path is kept apart: pact paths are absolute and go after it.
        self._base = base_url.rstrip("/")
        self._client = httpx.Client(
            transport=transport,
            timeout=self.options.timeout,
            follow_redirects=self.options.follow_redirects,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> ProviderTarget:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def prepare(self, request: Request) -> Request:
        """Custom headers, then the request filter: what will really be sent."""
        if self.options.headers:
            headers = dict(request.headers or {})
            for name, value in self.options.headers.items():
                for existing in [key for key in headers if key.lower() == name.lower()]:
                    del headers[existing]
                headers[name] = [value]
            request = _with_headers(request, headers)
        if self.options.request_filter is not None:
            request = self.options.request_filter(request) or request
        return request

    def send(self, request: Request) -> Response:
        """Send the (already prepared) request; httpx errors propagate to the caller."""
        url = self._base + (request.path if request.path.startswith("/") else "/" + request.path)
        if request.query:
            url += "?" + format_query_string(request.query)
        headers = [
            (name, value) for name, values in (request.headers or {}).items() for value in values
        ]
        content = request.body.content if request.body.is_specified else None
        if (
            content is not None
            and request.body.content_type
            and request.header("content-type") is None
        ):
            headers.append(("Content-Type", request.body.content_type))
        answer = self._request(request.method.upper(), url, headers=headers, content=content)
        return to_model_response(answer)

    def post_json(self, url: str, body: Any, timeout: float | None = None) -> httpx.Response:
        """A JSON POST on the same connection pool (state-change and message endpoints)."""
        if not url.startswith(("http://", "https://")):
            url = self._base + ("" if url.startswith("/") else "/") + url
        return self._request("POST", url, json=body, timeout=timeout or self.options.timeout)

    def _request(self, method: str, url: str, **options: Any) -> httpx.Response:
        try:
            return self._client.request(method, url, **options)
        except _DROPPED:
            # A server may close a kept-alive connection after answering (uvicorn does when a
            # handler raised after its 500); the next request then meets a reset before it is
            # read. Once more, on a fresh connection: a second failure is the provider's.
            return self._client.request(method, url, **options)


def tls_verification(setting: bool | str) -> bool | ssl.SSLContext:
    """httpx's `verify` for a setting: on, off, or a CA bundle path."""
    if isinstance(setting, str):
        return ssl.create_default_context(cafile=setting)
    return setting


def to_model_response(answer: httpx.Response) -> Response:
    headers: dict[str, list[str]] = {}
    for name, value in answer.headers.multi_items():
        headers.setdefault(name, []).append(value)
    content_type = answer.headers.get("content-type")
    return Response(
        status=answer.status_code,
        headers=headers,
        body=Body.from_bytes(answer.content, content_type),
    )


def _with_headers(request: Request, headers: dict[str, list[str]]) -> Request:
    from dataclasses import replace

    return replace(request, headers=headers)


def app_transport(app: Any) -> httpx.BaseTransport:
    """An httpx transport that calls `app` directly: ASGI (async callable) or WSGI."""
    if _is_asgi(app):
        return SyncASGITransport(app)
    return httpx.WSGITransport(app=app)


def _is_asgi(app: Any) -> bool:
    # Starlette/FastAPI/Django-ASGI apps are async callables (or objects with an async __call__);
    # Flask/Django-WSGI apps are plain callables taking (environ, start_response).
    if inspect.iscoroutinefunction(app):
        return True
    call = type(app).__call__ if not inspect.isroutine(app) else None
    return call is not None and inspect.iscoroutinefunction(call)
