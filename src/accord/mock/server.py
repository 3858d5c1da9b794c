"""The real HTTP listener: `http.server` on a loopback port, in a background thread.

Starting costs one bind and one thread (about a millisecond). Stopping is immediate: the accept
loop waits on the listening socket and a wake-up pipe, rather than polling every half second as
`socketserver.serve_forever` does. Connections are HTTP/1.1 keep-alive; each gets a thread.

>>> from accord.mock import MockServer
>>> with MockServer([]) as server:
...     server.url.startswith("http://127.0.0.1:")
True
"""

from __future__ import annotations

import contextlib
import json
import selectors
import socket
import ssl
import threading
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import unquote

from accord.mock.handler import InteractionIndex, WireResponse, handle
from accord.mock.results import Errored, MockReport, RequestLog
from accord.model import Body, HttpInteraction, Request, SpecVersion, parse_query_string


class MockServer:
    """Serves expected HTTP interactions and records what the consumer actually sent."""

    def __init__(
        self,
        interactions: Iterable[HttpInteraction] = (),
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        spec: SpecVersion | str = SpecVersion.V4,
        cors: bool = False,
        tls: ssl.SSLContext | None = None,
        title: str = "mock server",
        source: Callable[[], Iterable[HttpInteraction]] | None = None,
        record: bool = True,
    ) -> None:
        self.host = host
        self.requested_port = port
        self.spec = SpecVersion.parse(spec)
        self.cors = cors
        self.tls = tls
        self.title = title
        self.log = RequestLog()
        # A live source is re-read for every request: for tests that start the server first
        # (a pytest fixture) and define interactions afterwards.
        self.source = source
        # A long-running stub server keeps no history, so its memory stays flat.
        self.record = record
        self.index = InteractionIndex(source() if source else interactions, self.spec)
        self._httpd: _Listener | None = None
        self._thread: threading.Thread | None = None
        self._wake_read: socket.socket | None = None
        self._wake_write: socket.socket | None = None

    # ---- lifecycle -----------------------------------------------------------------------
    def start(self) -> Self:
        if self._httpd is not None:
            return self
        listener = _Listener6 if ":" in self.host else _Listener
        try:
            httpd = listener((self.host, self.requested_port), _RequestHandler)
        except OSError as error:
            # The bare "[Errno 98] Address already in use" does not say which address.
            where = f"{self.host}:{self.requested_port}"
            raise OSError(error.errno, f"cannot listen on {where}: {error.strerror}") from error
        httpd.mock = self
        if self.tls is not None:
            httpd.socket = self.tls.wrap_socket(httpd.socket, server_side=True)
        self._httpd = httpd
        self._wake_read, self._wake_write = socket.socketpair()
        self._thread = threading.Thread(
            target=self._serve, name=f"accord-mock-{self.port}", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        assert self._wake_write is not None and self._wake_read is not None
        self._wake_write.send(b"x")
        if self._thread is not None:
            self._thread.join()
        self._wake_write.close()
        self._wake_read.close()
        httpd.close_connections()
        httpd.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # ---- state ---------------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._httpd is None:
            return self.requested_port
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        scheme = "https" if self.tls is not None else "http"
        host = self.host if ":" not in self.host else f"[{self.host}]"
        return f"{scheme}://{host}:{self.port}"

    def set_interactions(self, interactions: Iterable[HttpInteraction]) -> None:
        """Replace the expected interactions and forget earlier requests (a new test begins)."""
        self.index = InteractionIndex(interactions, self.spec)
        self.log.clear()

    def report(self) -> MockReport:
        """Every request so far, plus the interactions that were expected but not received."""
        if self.source is not None:
            self.index = InteractionIndex(self.source(), self.spec)
        return self.log.report(self.index.interactions, self.title)

    def _serve(self) -> None:
        httpd, wake = self._httpd, self._wake_read
        assert httpd is not None and wake is not None
        with selectors.DefaultSelector() as selector:
            selector.register(httpd.socket, selectors.EVENT_READ)
            selector.register(wake, selectors.EVENT_READ)
            while True:
                for key, _ in selector.select():
                    if key.fileobj is wake:
                        return
                    httpd.handle_request_noblock()

    def handle_request(self, request: Request) -> Any:
        try:
            if self.source is not None:
                self.index = InteractionIndex(self.source(), self.spec)
            matched = self.log.matched_identities() if self.record else ()
            handled = handle(
                self.index, request, base_url=self.url, cors=self.cors, matched=matched
            )
        except Exception as error:  # the test must fail with the cause, not a reset socket
            problem = f"{type(error).__name__}: {error}"
            self.log.record(Errored(request=request, error=problem))
            body = json.dumps({"error": f"mock server error: {problem}"}).encode()
            return WireResponse(500, [("Content-Type", "application/json")], body)
        if handled.outcome is not None and self.record:
            self.log.record(handled.outcome)
        return handled.response


class _Listener(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    mock: MockServer

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def handle_request_noblock(self) -> None:
        # BaseServer's private single-request step; typeshed does not declare it.
        self._handle_request_noblock()  # type: ignore[attr-defined]

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Close kept-alive connections, so a stopped server answers nothing more."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class _Listener6(_Listener):
    address_family = socket.AF_INET6


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Small responses on keep-alive connections would otherwise wait ~40 ms for delayed ACKs.
    disable_nagle_algorithm = True
    server: _Listener

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (ConnectionError, ssl.SSLError, OSError):
            self.close_connection = True

    def __getattr__(self, name: str) -> Any:
        # BaseHTTPRequestHandler dispatches to do_<METHOD>; a mock must accept any method.
        if name.startswith("do_"):
            return self._serve_any
        raise AttributeError(name)

    def _serve_any(self) -> None:
        response = self.server.mock.handle_request(self._read_request())
        self.send_response_only(response.status)
        for name, value in response.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        if response.body and self.command != "HEAD":
            # Headers and body leave in one send.
            self._headers_buffer.append(b"\r\n" + response.body)
            self.flush_headers()
        else:
            self.end_headers()

    def _read_request(self) -> Request:
        raw_path, _, raw_query = self.path.partition("?")
        headers: dict[str, list[str]] = {}
        for name, value in self.headers.items():
            headers.setdefault(name, []).append(value)
        content = self._read_body()
        content_type = self.headers.get("Content-Type")
        body = Body.from_bytes(content, content_type) if content else Body.missing()
        return Request(
            method=self.command,
            path=unquote(raw_path),
            query=parse_query_string(raw_query),
            headers=headers,
            body=body,
        )

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length:
            return self.rfile.read(int(length))
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return b""

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean: requests are recorded in the report instead."""
