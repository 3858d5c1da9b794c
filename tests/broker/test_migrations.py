"""Migrations: upgrade an empty database to head, find no drift between the models and the
migrated schema, and survive a downgrade/upgrade round trip (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect

from accord.broker.db.engine import make_engine
from accord.broker.db.migrate import alembic_config, upgrade
from accord.broker.settings import normalise_database_url
from tests.postgres import create_database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    return normalise_database_url(create_database(request.getfixturevalue("postgres_url")))


def test_upgrade_check_and_round_trip(empty_database: str) -> None:
    engine = make_engine(empty_database)
    upgrade(engine)
    upgrade(engine)  # a second start-up finds nothing to do
    tables = set(inspect(engine).get_table_names())
    assert {
        "pacticipants",
        "versions",
        "pact_versions",
        "pact_publications",
        "verifications",
        "webhooks",
    } <= tables
    indexes = {ix["name"] for ix in inspect(engine).get_indexes("branch_versions")}
    assert "ix_branch_versions_version_id_branch_name" in indexes, "the pact_broker#872 index"
    with engine.connect() as connection:
        config = alembic_config(connection)
        command.check(config)  # raises when the models and the migrations disagree
        command.downgrade(config, "base")
        connection.commit()
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        command.upgrade(config, "head")
        connection.commit()
    engine.dispose()
