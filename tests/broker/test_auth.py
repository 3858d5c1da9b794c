"""Who may do what: anonymous, read-only and read-write callers (basic auth and bearer tokens)
on every write route of the app, found by walking its route table so a new route cannot be
forgotten; plus reads, public read and the for-verification POST counting as a read."""

from __future__ import annotations

import base64
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute

from accord.broker.settings import Credentials
from tests.broker.conftest import Broker, make_broker

WRITER = Credentials(username="writer", password="w-secret")
READER = Credentials(username="reader", password="r-secret")
TOKENS = {"write-token": "write", "read-token": "read"}
SAMPLE = {"name": "Foo", "number": "1", "tag": "prod", "branch_name": "main", "provider": "Bar",
          "consumer": "Foo", "sha": "abc", "metadata": "e30", "environment": "test",
          "uuid": "0123456789abcdef0123", "branch": "feat", "pacticipant": "Foo", "label": "team"}  # fmt: skip


def basic(user: Credentials) -> dict[str, str]:
    token = base64.b64encode(f"{user.username}:{user.password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


CALLERS: dict[str, dict[str, str]] = {
    "anonymous": {},
    "wrong password": basic(Credentials(username="writer", password="nope")),
    "read-only user": basic(READER),
    "read token": {"Authorization": "Bearer read-token"},
    "read-write user": basic(WRITER),
    "write token": {"Authorization": "Bearer write-token"},
}
EXPECTED_WRITE = {"anonymous": 401, "wrong password": 401, "read-only user": 403, "read token": 403,
                  "read-write user": None, "write token": None}  # fmt: skip


def _make(tmp: Path, template: Path, **settings: Any) -> Broker:
    shutil.copy(template, tmp / "auth.sqlite3")
    return make_broker(f"sqlite:///{tmp / 'auth.sqlite3'}", **settings)


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[Broker]:
    broker = _make(tmp_path_factory.mktemp("auth"), sqlite_template,
                   write_user=WRITER, read_user=READER, tokens=TOKENS)  # fmt: skip
    broker.td.create_pact_with_hierarchy("Foo", "1", "Bar")
    yield broker
    broker.client.close()
    broker.app.state.engine.dispose()


def _write_routes() -> list[tuple[str, str]]:
    from accord.broker.app import ROUTERS

    routes = []
    for router in ROUTERS:
        for route in router.routes:
            assert isinstance(route, APIRoute)
            for method in sorted(route.methods - {"GET", "HEAD", "OPTIONS"}):
                if not route.path.endswith("/for-verification"):
                    routes.append(
                        (method, re.sub(r"{(\w+)}", lambda m: SAMPLE[m.group(1)], route.path))
                    )
    return routes


WRITE_ROUTES = _write_routes()


def test_every_write_route_is_covered() -> None:
    assert len(WRITE_ROUTES) >= 25
    assert ("POST", "/contracts/publish") in WRITE_ROUTES


@pytest.mark.parametrize("caller", list(CALLERS))
@pytest.mark.parametrize(
    ("method", "path"), WRITE_ROUTES, ids=[f"{m} {p}" for m, p in WRITE_ROUTES]
)
def test_write_routes(secured: Broker, method: str, path: str, caller: str) -> None:
    # destructive requests by allowed callers are sent with a body the route rejects (or to a
    # missing resource), so the shared data survives; only the status class matters here
    headers = {**CALLERS[caller], "Content-Type": "application/json"}
    response = secured.client.request(method, path.replace("Foo", "Ghost") if method == "DELETE" else path,
                                      content=b"[]", headers=headers)  # fmt: skip
    expected = EXPECTED_WRITE[caller]
    if expected is None:
        assert response.status_code not in (401, 403), response.text
    else:
        assert response.status_code == expected, response.text
        if expected == 401:
            assert response.headers["www-authenticate"] == 'Basic realm="Restricted area"'


@pytest.mark.parametrize("caller", list(CALLERS))
def test_reads(secured: Broker, caller: str) -> None:
    allowed = caller not in {"anonymous", "wrong password"}
    for path in ("/", "/pacticipants", "/pacts/latest", "/integrations"):
        response = secured.client.get(path, headers=CALLERS[caller])
        assert response.status_code == (200 if allowed else 401), (path, response.text)
    # the data may have been wiped by the write tests: a 404 still proves access was granted
    response = secured.client.post(
        "/pacts/provider/Bar/for-verification", json={}, headers=CALLERS[caller]
    )
    assert (response.status_code in (200, 404)) if allowed else response.status_code == 401


def test_heartbeat_is_public(secured: Broker) -> None:
    assert secured.client.get("/diagnostic/status/heartbeat").status_code == 200


def test_public_read(tmp_path: Path, sqlite_template: Path) -> None:
    broker = _make(tmp_path, sqlite_template, write_user=WRITER, public_read=True)
    try:
        assert broker.client.get("/pacticipants").status_code == 200
        assert (
            broker.client.post("/pacts/provider/Bar/for-verification", json={}).status_code == 404
        )
        assert broker.client.post("/pacticipants", json={"name": "X"}).status_code == 401
        assert (
            broker.client.post(
                "/pacticipants", json={"name": "X"}, headers=basic(WRITER)
            ).status_code
            == 201
        )
    finally:
        broker.client.close()
        broker.app.state.engine.dispose()


def test_no_credentials_configured_means_open(tmp_path: Path, sqlite_template: Path) -> None:
    broker = _make(tmp_path, sqlite_template)
    try:
        assert broker.client.post("/pacticipants", json={"name": "X"}).status_code == 201
    finally:
        broker.client.close()
        broker.app.state.engine.dispose()


def test_token_configuration_format() -> None:
    from accord.broker.settings import Settings, parse_tokens

    assert parse_tokens("write:abc, read:def,ghi") == {
        "abc": "write",
        "def": "read",
        "ghi": "write",
    }
    with pytest.raises(ValueError, match="scope 'admin'"):
        parse_tokens("admin:x")
    settings = Settings.from_env({"PACT_BROKER_BASIC_AUTH_USERNAME": "u", "PACT_BROKER_BASIC_AUTH_PASSWORD": "p",
                                  "ACCORD_BROKER_TOKENS": "read:t"})  # fmt: skip
    assert settings.write_user == Credentials(username="u", password="p")
    assert settings.tokens == {"t": "read"}
