"""The real listener: one smoke test per transport (HTTP keep-alive, TLS, ASGI), start/stop."""

from __future__ import annotations

import asyncio
import http.client
import json
import shutil
import socket
import ssl
import time

import pytest

from accord import Pact, match
from accord.mock import MockAsgiApp, MockServer


def _interactions():
    pact = Pact("web", "users")
    (
        pact.upon_receiving("a request for user 1")
        .with_request("GET", "/users/1")
        .will_respond_with(200)
        .with_body({"name": match.string("Mary")})
    )
    return pact.interactions()


def test_serves_many_requests_on_one_keep_alive_connection():
    with MockServer(_interactions()) as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.port)
        for _ in range(3):
            connection.request("GET", "/users/1")
            response = connection.getresponse()
            assert response.status == 200
            assert json.loads(response.read()) == {"name": "Mary"}
        connection.request("GET", "/nope")
        assert connection.getresponse().status == 500
        connection.close()
        report = server.report()
    assert [type(r).__name__ for r in report.results] == ["Matched"] * 3 + ["Unexpected"]


def test_starts_and_stops_in_milliseconds():
    MockServer([]).start().stop()  # warm imports
    began = time.perf_counter()
    server = MockServer(_interactions()).start()
    started = time.perf_counter() - began
    server.stop()
    assert started < 0.05
    assert time.perf_counter() - began < 0.1


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make a certificate")
def test_tls():
    from accord.mock.tls import server_context

    with MockServer(_interactions(), tls=server_context()) as server:
        assert server.url.startswith("https://")
        unverified = ssl._create_unverified_context()
        connection = http.client.HTTPSConnection("127.0.0.1", server.port, context=unverified)
        connection.request("GET", "/users/1")
        assert connection.getresponse().status == 200
        connection.close()


def test_asgi_adapter_answers_without_sockets():
    app = MockAsgiApp(_interactions())
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": "GET",
        "path": "/users/1",
        "query_string": b"",
        "headers": [],
    }
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 200
    assert json.loads(sent[1]["body"]) == {"name": "Mary"}
    assert app.report().ok


def test_a_failure_inside_the_mock_fails_the_test_with_its_cause():
    def broken_source():
        raise RuntimeError("generator exploded")

    server = MockServer(_interactions()).start()
    server.source = broken_source
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.port)
        connection.request("GET", "/users/1")
        response = connection.getresponse()
        assert response.status == 500
        assert b"RuntimeError: generator exploded" in response.read()
        connection.close()
    finally:
        server.stop()
    server.source = None
    assert (
        "The mock server failed on GET /users/1: RuntimeError: generator exploded"
        in server.report().render()
    )


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make a certificate")
def test_serve_with_tls_true_makes_a_self_signed_certificate():
    from accord import Pact

    pact = Pact("web", "users")
    pact.upon_receiving("x").with_request("GET", "/x").will_respond_with(200)
    with pact.serve(tls=True) as url:
        assert url.startswith("https://127.0.0.1:")
        connection = http.client.HTTPSConnection(
            "127.0.0.1", url.server.port, context=ssl._create_unverified_context()
        )
        connection.request("GET", "/x")
        assert connection.getresponse().status == 200
        connection.close()


def test_a_port_in_use_names_the_address():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OSError, match=f"cannot listen on 127.0.0.1:{port}: Address already"):
            MockServer([], port=port).start()
