"""HAL navigation for any Pact Broker: fetch documents, find relations, expand templated links.

Imports only accord.errors and httpx. A relation name (`pb:provider-pacts-for-verification`) is
the only thing callers rely on; hrefs are treated as opaque except for `{var}` templates.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urljoin

import httpx

from accord.errors import BrokerClientError

_ACCEPT = "application/hal+json, application/json"
# What the official command-line client sends; its pact with the broker pins this exact value.
HAL_ACCEPT = "application/hal+json"
MERGE_PATCH = "application/merge-patch+json"
QueryParams = Sequence[tuple[str, str]]
_TEMPLATE_VARIABLE = re.compile(r"\{(\w+)\}")
# Answers worth retrying, as the official clients do: too many requests, and broker overload.
_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


@dataclass(frozen=True, kw_only=True)
class BrokerAuth:
    """Credentials for a broker: a bearer token wins over basic auth, as in the official clients."""

    username: str | None = None
    password: str | None = None
    token: str | None = None

    def apply(self, headers: dict[str, str]) -> httpx.Auth | None:
        """Add a bearer header (token) or return basic auth (username); nothing otherwise."""
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
            return None
        if self.username:
            return httpx.BasicAuth(self.username, self.password or "")
        return None


@dataclass(frozen=True, kw_only=True)
class Link:
    """One HAL link; `expand` fills `{var}` placeholders with URL-encoded values."""

    href: str
    templated: bool = False
    name: str | None = None
    title: str | None = None

    def expand(self, **variables: str) -> str:
        def substitute(found: re.Match[str]) -> str:
            key = found.group(1)
            if key not in variables:
                return found.group(0)
            return quote(str(variables[key]), safe="")

        return _TEMPLATE_VARIABLE.sub(substitute, self.href)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Link:
        return cls(
            href=str(data.get("href", "")),
            templated=bool(data.get("templated", False)),
            name=data.get("name"),
            title=data.get("title"),
        )


@dataclass(frozen=True, kw_only=True)
class HalDocument:
    """A fetched HAL resource: where it came from and its JSON body."""

    url: str
    data: dict[str, Any] = field(default_factory=dict)
    status: int = 200

    def link(self, relation: str) -> Link | None:
        """The first link of `relation`, or None when the resource does not offer it."""
        links = self.links(relation)
        return links[0] if links else None

    def links(self, relation: str) -> list[Link]:
        raw = (self.data.get("_links") or {}).get(relation)
        if raw is None:
            return []
        items = raw if isinstance(raw, list) else [raw]
        return [Link.from_json(item) for item in items if isinstance(item, Mapping)]

    def require_link(self, relation: str) -> Link:
        found = self.link(relation)
        if found is None:
            offered = ", ".join(sorted((self.data.get("_links") or {}).keys())) or "none"
            raise BrokerClientError(
                f"the Pact Broker resource {self.url} has no {relation!r} link "
                f"(links offered: {offered}); is this a Pact Broker, and a recent enough one?",
                url=self.url,
            )
        return found

    def link_named(self, relation: str, name: str) -> Link | None:
        """The link of `relation` whose `name` is `name` (one link per environment, say)."""
        return next((link for link in self.links(relation) if link.name == name), None)

    def embedded(self, name: str) -> list[dict[str, Any]]:
        items = (self.data.get("_embedded") or {}).get(name) or []
        return [item for item in items if isinstance(item, dict)]


class HalClient:
    """Sends HAL requests to one broker with its credentials over one shared httpx client."""

    def __init__(
        self,
        base_url: str,
        *,
        auth: BrokerAuth | None = None,
        client: httpx.Client | None = None,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
        accept: str = _ACCEPT,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep
        headers = {"Accept": accept}
        self._auth = (auth or BrokerAuth()).apply(headers)
        self._headers = headers
        self._owns_client = client is None
        self._client = client or httpx.Client(timeout=timeout, follow_redirects=True)

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> HalClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def index(self, *, accept: str | None = None) -> HalDocument:
        return self.get(self.base_url + "/", accept=accept)

    def resolve(self, href: str) -> str:
        """An absolute URL for `href`; brokers (and recorded pacts) may give relative links."""
        return urljoin(self.base_url + "/", href)

    def get(
        self,
        url: str,
        *,
        missing_ok: bool = False,
        params: QueryParams | None = None,
        accept: str | None = None,
    ) -> HalDocument:
        return self._send("GET", url, None, missing_ok=missing_ok, params=params, accept=accept)

    def post(self, url: str, body: Any) -> HalDocument:
        return self._send("POST", url, body)

    def put(self, url: str, body: Any) -> HalDocument:
        return self._send("PUT", url, body)

    def patch(self, url: str, body: Any, *, content_type: str = MERGE_PATCH) -> HalDocument:
        return self._send("PATCH", url, body, content_type=content_type)

    def delete(self, url: str) -> HalDocument:
        return self._send("DELETE", url, None)

    def _send(
        self,
        method: str,
        url: str,
        body: Any,
        *,
        missing_ok: bool = False,
        params: QueryParams | None = None,
        accept: str | None = None,
        content_type: str = "application/json",
    ) -> HalDocument:
        try:
            url = self.resolve(url)
        except ValueError as error:
            raise BrokerClientError(f"{url!r} is not a valid URL ({error})", url=url) from None
        headers = dict(self._headers)
        if accept:
            headers["Accept"] = accept
        content = None
        if body is not None:
            headers["Content-Type"] = content_type
            content = json.dumps(body).encode("utf-8")
        for attempt in range(self.retries + 1):
            try:
                response = self._client.request(
                    method,
                    url,
                    headers=headers,
                    content=content,
                    params=list(params) if params else None,
                    auth=self._auth or httpx.USE_CLIENT_DEFAULT,
                )
            except (httpx.HTTPError, httpx.InvalidURL) as error:
                raise BrokerClientError(
                    f"could not reach the Pact Broker: {method} {url} failed ({error}); "
                    "check the broker URL and that the broker is running",
                    url=url,
                ) from error
            if response.status_code not in _RETRY_STATUSES or attempt == self.retries:
                break
            # A busy or restarting broker: wait (doubling, or as told by Retry-After) and retry.
            self._sleep(_retry_after(response) or self.backoff * 2**attempt)
        if missing_ok and response.status_code == 404:
            return HalDocument(url=url, data={}, status=404)
        if response.status_code >= 400:
            raise BrokerClientError(
                f"the Pact Broker answered {method} {response.url} with HTTP "
                f"{response.status_code}: {_error_text(response)}",
                status=response.status_code,
                url=url,
            )
        return HalDocument(
            url=url, data=_json_body(response, method, url), status=response.status_code
        )


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    try:
        return min(float(value), 60.0)
    except ValueError:
        return None  # an HTTP date, or nothing: use the back-off


def _json_body(response: httpx.Response, method: str, url: str) -> dict[str, Any]:
    if not response.content.strip():
        return {}
    try:
        data = response.json()
    except ValueError:
        raise BrokerClientError(
            f"the Pact Broker answered {method} {url} with a body that is not JSON "
            f"(content type {response.headers.get('content-type', 'none')!r})",
            status=response.status_code,
            url=url,
        ) from None
    return data if isinstance(data, dict) else {"value": data}


def _error_text(response: httpx.Response) -> str:
    """The broker's own words: `errors` (object, array or string), `error`, or the raw text."""
    try:
        data = response.json()
    except ValueError:
        return response.text[:500] or "(empty body)"
    if isinstance(data, dict):
        for key in ("errors", "error", "detail", "title"):
            if key in data:
                return _readable(data[key])
    return json.dumps(data)[:500]


def _readable(errors: Any) -> str:
    """Validation errors as a person reads them: `field: message; other: message`."""
    if isinstance(errors, str):
        return errors
    if isinstance(errors, list):
        return "; ".join(_readable(item) for item in errors)
    if isinstance(errors, dict):
        if "message" in errors and isinstance(errors["message"], str):
            return errors["message"]
        return "; ".join(f"{name}: {_readable(value)}" for name, value in errors.items())
    return json.dumps(errors)
