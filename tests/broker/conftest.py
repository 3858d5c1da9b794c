"""Broker test fixtures: a database per test (SQLite file or PostgreSQL database copied from a
migrated template), the app on it, an in-process client and the test-data builder `td`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI

from accord.broker import Settings, create_app
from accord.broker.db.engine import make_engine
from accord.broker.db.migrate import upgrade
from accord.broker.settings import normalise_database_url
from tests.broker.asgi_client import ASGIClient as TestClient
from tests.broker.builder import Clock, TestDataBuilder
from tests.postgres import create_database, postgres_url  # noqa: F401  (fixture)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("broker-template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()  # the last connection to close checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def postgres_template(postgres_url: str) -> str:  # noqa: F811
    url = create_database(postgres_url)
    engine = make_engine(normalise_database_url(url))
    upgrade(engine)
    engine.dispose()
    return url.rsplit("/", 1)[1]


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    target = tmp_path / "broker.sqlite3"
    shutil.copy(sqlite_template, target)
    return f"sqlite:///{target}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each test using it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    server = request.getfixturevalue("postgres_url")
    return create_database(server, request.getfixturevalue("postgres_template"))


@dataclass
class Broker:
    app: FastAPI
    client: TestClient
    td: TestDataBuilder
    clock: Clock
    settings: Settings


def make_broker(url: str, **settings: object) -> Broker:
    clock = Clock()
    options: dict[str, object] = {"base_url": "http://broker", **settings}
    config = Settings(database_url=url, run_migrations=False, **options)  # type: ignore[arg-type]
    app = create_app(config, clock=clock)
    client = TestClient(app, base_url="http://broker")
    td = TestDataBuilder(app.state.session_factory, config, clock)
    return Broker(app, client, td, clock, config)


@pytest.fixture
def broker(database_url: str) -> Iterator[Broker]:
    made = make_broker(database_url)
    yield made
    made.client.close()
    made.app.state.engine.dispose()


@pytest.fixture
def sqlite_broker(sqlite_url: str) -> Iterator[Broker]:
    """For tests whose subject does not depend on the database engine."""
    made = make_broker(sqlite_url)
    yield made
    made.client.close()
    made.app.state.engine.dispose()


@pytest.fixture
def td(broker: Broker) -> TestDataBuilder:
    return broker.td
