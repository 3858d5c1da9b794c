"""The applications of the documentation-style examples: a consumer's user client and order-event
handler, and a small real provider (user-service + order-service messages) for the interop test.
"""

from __future__ import annotations

import base64
import json
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class UserClient:
    """The consumer code under test: a tiny client of the user service."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")

    def get_user(self, name: str) -> dict[str, Any] | None:
        request = urllib.request.Request(
            f"{self.base_url}/users/{name}", headers={"Accept": "application/json"}
        )
        try:
            with urllib.request.urlopen(request) as response:
                return json.load(response)  # type: ignore[no-any-return]
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise

    def create_user(self, name: str, email: str) -> tuple[dict[str, Any], str]:
        request = urllib.request.Request(
            f"{self.base_url}/users",
            data=json.dumps({"name": name, "email": email}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request) as response:
            return json.load(response), response.headers["Location"]


def handle_order_event(body: Any, metadata: dict[str, Any] | None = None) -> int:
    """The consumer's message handler: total quantity of an order-created event."""
    if not isinstance(body, dict) or not body.get("items"):
        raise ValueError(f"not an order event: {body!r}")
    return sum(int(item["quantity"]) for item in body["items"])


UUID_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
TIMESTAMP_PATTERN = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"


class Provider:
    """user-service and order-service in one tiny HTTP server, with a provider-state endpoint."""

    def __init__(self) -> None:
        self.state: str | None = None
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(
                self, status: int, body: Any = None, headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                if body is not None:
                    self.send_header("Content-Type", "application/json")
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _json(self) -> Any:
                length = int(self.headers.get("Content-Length") or 0)
                return json.loads(self.rfile.read(length) or b"null")

            def do_GET(self) -> None:
                if self.path == "/users/UserA":
                    self._send(
                        200,
                        {
                            "name": "UserA",
                            "id": "0b2ad7c4-3a4e-4f2b-9a61-0d3f1b9c2e77",
                            "created_on": "2023-03-01T10:00:00",
                            "groups": [{"id": 7, "name": "users"}, {"id": 9, "name": "readers"}],
                        },
                    )
                else:
                    self._send(404, {"error": "not found"})

            def do_POST(self) -> None:
                payload = self._json()
                if self.path == "/_pact/state":
                    provider.state = payload.get("state")
                    self._send(200, {})
                elif self.path == "/users":
                    self._send(
                        201,
                        {"id": 11, "name": payload["name"], "email": payload["email"]},
                        {"Location": "/users/11"},
                    )
                else:  # the verifier asks for a message by description
                    metadata = {"contentType": "application/json", "topic": "orders"}
                    encoded = base64.b64encode(json.dumps(metadata).encode()).decode()
                    self._send(
                        200,
                        {"orderId": 42, "items": [{"sku": "B7", "quantity": 3}]},
                        {"Pact-Message-Metadata": encoded},
                    )

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}
        )

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def __enter__(self) -> Provider:
        self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


class JsonProvider:
    """A provider that answers every GET with one JSON document; yields its port."""

    def __init__(self, document: Any, status: int = 200) -> None:
        data = json.dumps(document).encode()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}
        )

    def __enter__(self) -> int:
        self.thread.start()
        return int(self.server.server_address[1])

    def __exit__(self, *exc_info: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
