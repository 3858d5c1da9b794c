"""A small Pact Broker double on a real loopback socket: HAL index, pacts-for-verification,
pacts with publish links, provider branch/tag resources, and a log of every request."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tests.verifier.providers import serve_wsgi


@dataclass
class BrokerPact:
    consumer: str
    document: dict[str, Any]
    short_description: str = "latest from main branch"
    pending: bool = False
    wip: bool = False
    notices: list[dict[str, str]] = field(default_factory=list)


@dataclass
class FakeBroker:
    provider: str
    pacts: list[BrokerPact] = field(default_factory=list)
    username: str | None = None
    password: str | None = None
    token: str | None = None
    requests: list[tuple[str, str, Any]] = field(default_factory=list)
    base_url: str = ""
    legacy: bool = False  # a broker from before pacts-for-verification

    def calls(self, method: str | None = None) -> list[tuple[str, str, Any]]:
        return [call for call in self.requests if method is None or call[0] == method]

    # ---- WSGI --------------------------------------------------------------------------------
    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        method = environ["REQUEST_METHOD"]
        path = environ["PATH_INFO"]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length else b""
        body = json.loads(raw) if raw.strip() else None
        self.requests.append((method, path, body))
        if not self._authorised(environ.get("HTTP_AUTHORIZATION")):
            return _answer(start_response, 401, {"error": "Unauthorized"})
        status, data = self._route(method, path, body)
        return _answer(start_response, status, data)

    def _authorised(self, header: str | None) -> bool:
        if self.token:
            return header == f"Bearer {self.token}"
        if self.username:
            expected = base64.b64encode(f"{self.username}:{self.password}".encode()).decode()
            return header == f"Basic {expected}"
        return True

    def _route(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        base = self.base_url
        if path == "/" and self.legacy:
            latest = f"{base}/pacts/provider/{{provider}}/latest"
            return 200, {
                "_links": {"pb:latest-provider-pacts": {"href": latest, "templated": True}}
            }
        if path == f"/pacts/provider/{self.provider}/latest":
            return 200, {
                "_links": {
                    "pb:pacts": [
                        self._entry(i, p)["_links"]["self"] for i, p in enumerate(self.pacts)
                    ]
                }
            }
        if path == "/":
            return 200, {
                "_links": {
                    "pb:provider-pacts-for-verification": {
                        "href": f"{base}/pacts/provider/{{provider}}/for-verification",
                        "templated": True,
                    },
                    "pb:pacticipant-branch-version": {
                        "href": f"{base}/pacticipants/{{pacticipant}}/branches/{{branch}}/versions/{{version}}",
                        "templated": True,
                    },
                }
            }
        if path == f"/pacts/provider/{self.provider}/for-verification":
            links = {"self": {"href": f"{base}{path}", "title": "Pacts to be verified"}}
            if method == "GET":
                return 200, {"_links": links}
            return 200, {
                "_embedded": {"pacts": [self._entry(i, p) for i, p in enumerate(self.pacts)]},
                "_links": links,
            }
        found = re.fullmatch(r"/pacts/provider/[^/]+/consumer/[^/]+/pact-version/(\d+)", path)
        if found and method == "GET":
            index = int(found.group(1))
            document = dict(self.pacts[index].document)
            document["_links"] = {
                "pb:publish-verification-results": {"href": f"{base}{path}/verification-results"},
                "pb:provider": {"href": f"{base}/pacticipants/{self.provider}"},
            }
            return 200, document
        if path.endswith("/verification-results") and method == "POST":
            return 201, {"success": body.get("success")}
        if path == f"/pacticipants/{self.provider}":
            prefix = f"{base}/pacticipants/{self.provider}"
            return 200, {
                "name": self.provider,
                "_links": {
                    "pb:branch-version": {
                        "href": prefix + "/branches/{branch}/versions/{version}",
                        "templated": True,
                    },
                    "pb:version-tag": {
                        "href": prefix + "/versions/{version}/tags/{tag}",
                        "templated": True,
                    },
                },
            }
        if method == "PUT" and path.startswith(f"/pacticipants/{self.provider}/"):
            return 201, {}
        return 404, {"error": f"no route for {method} {path}"}

    def _entry(self, index: int, pact: BrokerPact) -> dict[str, Any]:
        properties: dict[str, Any] = {"notices": pact.notices}
        properties["pending"] = pact.pending
        if pact.wip:
            properties["wip"] = True
        href = f"{self.base_url}/pacts/provider/{self.provider}/consumer/{pact.consumer}/pact-version/{index}"
        return {
            "shortDescription": pact.short_description,
            "verificationProperties": properties,
            "_links": {
                "self": {"href": href, "name": f"Pact between {pact.consumer} and {self.provider}"}
            },
        }


def _answer(start_response: Any, status: int, data: Any) -> list[bytes]:
    payload = json.dumps(data).encode()
    reason = {200: "OK", 201: "Created", 401: "Unauthorized", 404: "Not Found"}.get(status, "Error")
    start_response(
        f"{status} {reason}",
        [("Content-Type", "application/hal+json"), ("Content-Length", str(len(payload)))],
    )
    return [payload]


@contextmanager
def running(broker: FakeBroker) -> Iterator[FakeBroker]:
    with serve_wsgi(broker) as url:
        broker.base_url = url
        yield broker
