"""Broker throughput on PostgreSQL: publishing pacts and answering pacts-for-verification.

1. Generates a data set of 50 pacticipants (40 consumers, 10 providers) and 20,000 versions
   through the broker's services (two processes): 18,000 consumer versions (each with a pact for
   one of two providers, content changing every third version, branches, tags, some
   deployments) and 2,000 provider versions whose verifications leave some content pending.
2. Starts `accord broker serve` on that database and measures publish throughput: 4 client
   threads POST /contracts/publish for new consumer versions (two pacts each) over HTTP.
3. Measures pacts-for-verification latency (p50/p99) over HTTP for every provider with the
   selectors a typical provider build sends (main branch, deployed, released, pending and WIP).

    .venv/bin/python benchmarks/broker_publish.py                 # starts its own PostgreSQL
    ACCORD_BENCH_DATABASE_URL=postgresql://... .venv/bin/python benchmarks/broker_publish.py
    .venv/bin/python benchmarks/broker_publish.py --versions 2000 # a smaller, quicker run
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONSUMERS = [f"Consumer{i:02d}" for i in range(40)]
PROVIDERS = [f"Provider{i:02d}" for i in range(10)]


def pact(consumer: str, provider: str, key: str) -> dict:
    return {
        "consumer": {"name": consumer},
        "provider": {"name": provider},
        "interactions": [
            {
                "description": f"get thing {n} ({key})",
                "providerState": "things exist",
                "request": {"method": "GET", "path": f"/things/{n}"},
                "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                             "body": {"id": n, "name": key, "tags": ["a", "b"]}},
            }
            for n in range(5)
        ],
        "metadata": {"pactSpecification": {"version": "2.0.0"}},
    }  # fmt: skip


def _setup(url: str) -> None:
    from accord.broker.context import Context
    from accord.broker.db.engine import make_engine, make_session_factory
    from accord.broker.db.migrate import upgrade
    from accord.broker.services import environments, pacticipants
    from accord.broker.settings import Settings

    engine = make_engine(url)
    upgrade(engine)
    with make_session_factory(engine)() as session:
        ctx = Context(session=session, settings=Settings(database_url=url))
        environments.create(ctx, "production", production=True)
        for name in CONSUMERS + PROVIDERS:
            pacticipants.create(ctx, {"name": name, "mainBranch": "main"})
        session.commit()
    engine.dispose()


def _consumer_versions(url: str, consumers: list[str], per_consumer: int) -> None:
    """Each consumer version publishes one pact (alternating between two providers; content
    changes every third version), joins main or a feature branch, and is sometimes tagged prod
    or deployed."""
    from datetime import timedelta

    from accord.broker.context import Context
    from accord.broker.db.base import utc_now
    from accord.broker.db.engine import make_engine, make_session_factory
    from accord.broker.services import branches, environments, pacts, tags
    from accord.broker.settings import Settings

    engine = make_engine(url)
    sessions = make_session_factory(engine)
    settings = Settings(database_url=url)
    start = utc_now() - timedelta(days=60)
    for n in range(per_consumer):
        moment = start + timedelta(minutes=n * 5)
        with sessions() as session:
            ctx = Context(session=session, settings=settings, clock=lambda m=moment: m)
            for consumer in consumers:
                index = CONSUMERS.index(consumer)
                number = f"{n}.0.{index}"
                provider = PROVIDERS[(index + 3 * (n % 2)) % 10]
                pacts.publish(
                    ctx, consumer, provider, number, pact(consumer, provider, f"v{n // 3}")
                )
                branches.add_version(ctx, consumer, "main" if n % 5 else f"feat/{n}", number)
                if n % 50 == 0:
                    tags.add(ctx, consumer, number, "prod", first_tag_as_branch=False)
                if n % 100 == 0:
                    environments.record_deployment(ctx, consumer, number, "production")
            session.commit()
    engine.dispose()


def _provider_versions(url: str, per_provider: int, per_consumer: int) -> None:
    """Provider versions on main; each verifies one consumer's pact of its time (1 in 7 fails)."""
    from accord.broker.context import Context
    from accord.broker.db.engine import make_engine, make_session_factory
    from accord.broker.errors import NotFound
    from accord.broker.services import branches, pact_lookup, verifications, versions
    from accord.broker.settings import Settings

    engine = make_engine(url)
    sessions = make_session_factory(engine)
    settings = Settings(database_url=url)
    for m in range(per_provider):
        with sessions() as session:
            ctx = Context(session=session, settings=settings)
            for p_index, provider in enumerate(PROVIDERS):
                number = f"p{m}"
                versions.ensure_by_name(ctx, provider, number)
                branches.add_version(ctx, provider, "main", number)
                c_index = (m + p_index) % len(CONSUMERS)
                n = min(per_consumer - 1, m * per_consumer // per_provider)
                try:
                    view = pact_lookup.by_version(
                        ctx, provider, CONSUMERS[c_index], f"{n}.0.{c_index}"
                    )
                except NotFound:
                    continue  # that consumer version's pact is with the other provider
                body = {"success": m % 7 != 0, "providerApplicationVersion": number}
                verifications.record(ctx, provider, CONSUMERS[c_index], view.pact_version.sha, body)
            session.commit()
    engine.dispose()


def generate(url: str, total_versions: int) -> float:
    """Fill the database through the services (two processes); returns the seconds it took."""
    import multiprocessing

    started = time.perf_counter()
    _setup(url)
    provider_versions = total_versions // 10
    per_consumer = (total_versions - provider_versions) // len(CONSUMERS)
    context = multiprocessing.get_context("fork")
    halves = [CONSUMERS[0::2], CONSUMERS[1::2]]
    workers = [
        context.Process(target=_consumer_versions, args=(url, half, per_consumer))
        for half in halves
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
        if worker.exitcode != 0:
            raise RuntimeError("data generation failed")
    _provider_versions(url, provider_versions // len(PROVIDERS), per_consumer)
    return time.perf_counter() - started


def start_server(url: str, port: int, workers: int = 1) -> subprocess.Popen:
    command = [sys.executable, "-m", "accord", "broker", "serve", "--port", str(port),
               "--database-url", url, "--log-level", "warning", "--workers", str(workers)]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the broker did not start")


def measure_publish(base: str, count: int, threads: int = 4) -> float:
    import base64
    import json

    def body(i: int) -> dict:
        consumer = CONSUMERS[i % len(CONSUMERS)]
        contracts = [
            {"consumerName": consumer, "providerName": p, "specification": "pact",
             "contentType": "application/json",
             "content": base64.b64encode(json.dumps(pact(consumer, p, f"bench-{i}")).encode()).decode()}
            for p in (PROVIDERS[i % 10], PROVIDERS[(i + 1) % 10])
        ]  # fmt: skip
        return {"pacticipantName": consumer, "pacticipantVersionNumber": f"bench-{i}",
                "branch": "main", "tags": ["dev"], "contracts": contracts}  # fmt: skip

    failures: list[str] = []

    def worker(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            for i in range(offset, count, threads):
                response = client.post("/contracts/publish", json=body(i))
                if response.status_code != 200:
                    failures.append(response.text[:200])

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"{len(failures)} publications failed, e.g. {failures[0]}")
    return count / elapsed


def measure_for_verification(base: str, rounds: int) -> dict[str, list[float]]:
    since = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 14 * 86400))
    queries = {
        "default selectors, pending": {"includePendingStatus": True, "providerVersionBranch": "main"},
        "main branch + deployed + released, pending + WIP": {
            "consumerVersionSelectors": [{"mainBranch": True}, {"deployedOrReleased": True}],
            "providerVersionBranch": "main", "includePendingStatus": True, "includeWipPactsSince": since},
        "all prod tags": {"consumerVersionSelectors": [{"tag": "prod"}], "includePendingStatus": True,
                          "providerVersionBranch": "main"},
    }  # fmt: skip
    timings: dict[str, list[float]] = {name: [] for name in queries}
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, query in queries.items():
            for _ in range(3):  # warm-up
                client.post(f"/pacts/provider/{PROVIDERS[0]}/for-verification", json=query)
            for r in range(rounds):
                provider = PROVIDERS[r % len(PROVIDERS)]
                started = time.perf_counter()
                response = client.post(f"/pacts/provider/{provider}/for-verification", json=query)
                timings[name].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.text
    return timings


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--versions", type=int, default=20_000)
    parser.add_argument("--publish", type=int, default=400, help="publications to time")
    parser.add_argument(
        "--rounds", type=int, default=200, help="for-verification requests per query"
    )
    parser.add_argument("--workers", type=int, default=1, help="accord broker serve --workers")
    options = parser.parse_args()

    from tests.postgres import PostgresServer, create_database, find_binaries
    from tests.support import free_port

    from accord.broker.settings import normalise_database_url

    server = None
    url = os.environ.get("ACCORD_BENCH_DATABASE_URL")
    if not url:
        binaries = find_binaries()
        if binaries is None:
            sys.exit(
                "PostgreSQL binaries not found; run scripts/system-deps or set ACCORD_BENCH_DATABASE_URL"
            )
        server = PostgresServer(binaries)
        server.start()
        url = create_database(server.url)
    url = normalise_database_url(url)
    broker = None
    try:
        print(f"generating {options.versions:,} versions for 50 pacticipants ...", file=sys.stderr)
        generation = generate(url, options.versions)
        port = free_port()
        broker = start_server(url, port, options.workers)
        base = f"http://127.0.0.1:{port}"
        rate = measure_publish(base, options.publish)
        timings = measure_for_verification(base, options.rounds)
        print(
            f"data set: 50 pacticipants, {options.versions:,} versions, generated in {generation:.0f} s"
        )
        print(
            f"publish (POST /contracts/publish, 2 pacts each, 4 client threads, {options.workers} "
            f"server worker(s)): {rate:.1f} publications/s"
        )
        for name, values in timings.items():
            print(f"pacts-for-verification [{name}]: p50 {statistics.median(values):.1f} ms, "
                  f"p99 {percentile(values, 0.99):.1f} ms ({len(values)} requests)")  # fmt: skip
    finally:
        if broker is not None:
            broker.send_signal(signal.SIGTERM)
            broker.wait(timeout=20)
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
