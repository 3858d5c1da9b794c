"""Concurrent publication on PostgreSQL: 20 processes publish for the same consumer version and
20 for different versions at once, each as its own broker instance starting against a fresh,
unmigrated database (so start-up migrations race too). Every request must succeed, and no row
may be duplicated."""

from __future__ import annotations

import base64
import json
import multiprocessing
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from accord.broker.settings import normalise_database_url
from tests.broker.builder import pact_document
from tests.postgres import create_database

PROCESSES_PER_GROUP = 20


def _publish(url: str, number: str, key: str, barrier: Any, ready: Any, results: Any) -> None:
    from accord.broker import Settings, create_app
    from tests.broker.asgi_client import ASGIClient

    try:
        barrier.wait(timeout=60)
        app = create_app(Settings(database_url=url))  # runs (or waits for) the migrations
        client = ASGIClient(app)
        ready.wait(timeout=60)  # every instance is up: now publish all at once
        content = base64.b64encode(json.dumps(pact_document("Foo", "Bar", key)).encode()).decode()
        response = client.post("/contracts/publish", json={
            "pacticipantName": "Foo", "pacticipantVersionNumber": number, "branch": "main",
            "tags": ["dev", "shared"],
            "contracts": [{"consumerName": "Foo", "providerName": "Bar", "specification": "pact",
                           "contentType": "application/json", "content": content}],
        })  # fmt: skip
        results.put((number, response.status_code, response.text[:300]))
        client.close()
        app.state.engine.dispose()
    except Exception as error:  # report, never hang the parent
        results.put((number, -1, repr(error)))


@pytest.mark.postgres
@pytest.mark.slow
def test_concurrent_publication_on_postgres(postgres_url: str) -> None:
    url = create_database(postgres_url)
    context = multiprocessing.get_context("fork")  # children inherit the imported modules
    jobs = [("same", "shared-content")] * PROCESSES_PER_GROUP
    jobs += [(f"v{i}", f"content-{i}") for i in range(PROCESSES_PER_GROUP)]
    barrier, ready = context.Barrier(len(jobs)), context.Barrier(len(jobs))
    results = context.Queue()
    processes = [context.Process(target=_publish, args=(url, number, key, barrier, ready, results))
                 for number, key in jobs]  # fmt: skip
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    failures = [outcome for outcome in outcomes if outcome[1] != 200]
    assert failures == [], failures

    engine = create_engine(normalise_database_url(url))
    with engine.connect() as connection:

        def count(sql: str) -> int:
            return int(connection.execute(text(sql)).scalar_one())

        assert count("SELECT count(*) FROM pacticipants") == 2
        assert count("SELECT count(*) FROM versions") == PROCESSES_PER_GROUP + 1
        assert count("SELECT count(*) FROM pact_publications") == PROCESSES_PER_GROUP + 1
        assert count("SELECT count(*) FROM pact_versions") == PROCESSES_PER_GROUP + 1
        assert count("SELECT count(*) FROM branches") == 1
        assert count("SELECT count(*) FROM branch_versions") == PROCESSES_PER_GROUP + 1
        assert count("SELECT count(*) FROM tags") == 2 * (PROCESSES_PER_GROUP + 1)
        assert count("SELECT count(*) FROM integrations") == 1
        assert count("SELECT count(*) FROM alembic_version") == 1
    engine.dispose()
