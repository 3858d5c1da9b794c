"""A Pact Broker on a loopback socket that replays one of the suite's `pact-broker_c<N>.json`.

Each fixture is a pact *with the broker as provider*: its interactions are what a verifier may
ask. Requests are checked against them with accord.matching (a wrong pacts-for-verification
body is answered with 400), links point back at this server, and the consumer's pact itself
and the results published for it are served and recorded beside the fixture's interactions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from accord.matching import match_request
from accord.model import Body, HttpInteraction, Pact, Request, dump_pact, load_pact
from tests.support import FIXTURES

_RECORDED_HOST = "http://localhost:9876"


@dataclass
class FixtureBroker:
    fixture: str
    consumer: str
    pact: Pact
    base_url: str = ""
    published: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._recorded = [
            i
            for i in load_pact(FIXTURES / self.fixture).interactions
            if isinstance(i, HttpInteraction)
        ]

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        method, path = environ["REQUEST_METHOD"], environ["PATH_INFO"]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length else b""
        pact_path = f"/pacts/provider/{self.pact.provider}/consumer/{self.consumer}"
        if method == "GET" and path == pact_path:
            document = dump_pact(self.pact)
            document["_links"] = {
                "pb:publish-verification-results": {
                    "href": f"{self.base_url}{pact_path}/verification-results"
                }
            }
            return _json(start_response, 200, document)
        if method == "POST" and path == f"{pact_path}/verification-results":
            self.published.append(json.loads(raw))
            return _json(start_response, 201, {})
        for interaction in self._recorded:
            expected = interaction.request
            if (expected.method, expected.path) != (method, path):
                continue
            content_type = environ.get("CONTENT_TYPE") or None
            actual = Request(
                method=method,
                path=path,
                headers={"Content-Type": [content_type]} if content_type else None,
                body=Body.from_bytes(raw, content_type) if raw else Body.missing(),
            )
            mismatches = [m for m in match_request(expected, actual) if m.kind.value != "header"]
            if mismatches:
                self.rejected.append(f"{method} {path}: {mismatches}")
                return _json(start_response, 400, {"errors": [str(m) for m in mismatches]})
            text = interaction.response.body.text().replace(_RECORDED_HOST, self.base_url)
            return _json(start_response, interaction.response.status, json.loads(text))
        return _json(start_response, 404, {"error": f"{method} {path} is not in {self.fixture}"})


def _json(start_response: Any, status: int, data: Any) -> list[bytes]:
    payload = json.dumps(data).encode()
    start_response(
        f"{status} Status",
        [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))],
    )
    return [payload]
