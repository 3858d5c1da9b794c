"""can-i-deploy latency on PostgreSQL: 100 pacticipants, 200,000 versions, 1,000,000 verifications.

The data set is generated with set-based SQL straight into the broker's tables (after the
migrations): 50 consumers and 50 providers with 2,000 versions each, all on `main`; each consumer
version has pacts with two providers (content changing every 10 versions: 20,000 contents,
200,000 publications); 1,000,000 verifications spread over contents and provider versions (1 in
10 failing); the latest version of every pacticipant deployed to `production`. Then, in process
(httpx ASGI transport, so HTTP parsing is included but no sockets), it times can-i-deploy to an
environment for consumers and providers and the main-branch (can-i-merge) matrix query.

    .venv/bin/python benchmarks/can_i_deploy.py
    .venv/bin/python benchmarks/can_i_deploy.py --versions-per 200 --verifications 100000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import psycopg


def generate(url: str, versions_per: int, verifications_total: int) -> float:
    from accord.broker.db.engine import make_engine
    from accord.broker.db.migrate import upgrade
    from accord.broker.settings import normalise_database_url

    started = time.perf_counter()
    engine = make_engine(normalise_database_url(url))
    upgrade(engine)
    engine.dispose()
    with psycopg.connect(url, autocommit=True) as c:
        x = c.execute
        # 50 consumers (ids 1..50), 50 providers (51..100)
        x("""INSERT INTO pacticipants (id, name, main_branch, created_at, updated_at)
             SELECT i, CASE WHEN i <= 50 THEN 'Consumer' || i ELSE 'Provider' || i END, 'main', now(), now()
             FROM generate_series(1, 100) i""")
        x(f"""INSERT INTO versions (id, pacticipant_id, number, created_at, updated_at)
             SELECT (p - 1) * {versions_per} + n, p, n::text, now() - interval '1 minute' * ({versions_per} - n), now()
             FROM generate_series(1, 100) p, generate_series(1, {versions_per}) n""")
        x("SELECT setval(pg_get_serial_sequence('versions','id'), (SELECT max(id) FROM versions))")
        x(
            "INSERT INTO branches (id, pacticipant_id, name, created_at, updated_at) SELECT i, i, 'main', now(), now() FROM generate_series(1,100) i"
        )
        x("""INSERT INTO branch_versions (branch_id, version_id, pacticipant_id, branch_name, auto_created, created_at)
             SELECT pacticipant_id, id, pacticipant_id, 'main', false, created_at FROM versions ORDER BY id""")
        # each consumer publishes to 2 providers; content changes every 10 consumer versions
        x(f"""INSERT INTO pact_versions (consumer_id, provider_id, sha, content, interactions_count, messages_count, created_at)
             SELECT c, 50 + ((c + k) % 50) + 1, md5(c || '-' || k || '-' || g), '{{}}', 1, 0, now()
             FROM generate_series(1, 50) c, generate_series(0, 1) k, generate_series(0, {versions_per // 10 - 1}) g""")
        x("""INSERT INTO pact_publications (consumer_id, provider_id, consumer_version_id, pact_version_id, revision_number, created_at)
             SELECT v.pacticipant_id, pv.provider_id, v.id, pv.id, 1, v.created_at
             FROM versions v JOIN generate_series(0, 1) k ON true
             JOIN pact_versions pv ON pv.consumer_id = v.pacticipant_id
               AND pv.provider_id = 50 + ((v.pacticipant_id + k) % 50) + 1
               AND pv.sha = md5(v.pacticipant_id || '-' || k || '-' || ((v.number::int - 1) / 10))
             WHERE v.pacticipant_id <= 50""")
        x("""INSERT INTO integrations (consumer_id, provider_id, created_at)
             SELECT DISTINCT consumer_id, provider_id, now() FROM pact_publications""")
        # verifications: random (content, provider version of that provider), 1 in 10 fails
        x(f"""INSERT INTO verifications (pact_version_id, consumer_id, provider_id, provider_version_id, success, wip,
                                         execution_date, created_at)
             SELECT pv.id, pv.consumer_id, pv.provider_id,
                    (pv.provider_id - 1) * {versions_per} + 1 + ((s::bigint * 7919 + pv.id * 31) % {versions_per})::int,
                    (s % 10) <> 0, false, now(), now()
             FROM generate_series(1, {verifications_total}) s
             JOIN pact_versions pv ON pv.id = 1 + (s % (SELECT count(*) FROM pact_versions))""")
        x(
            "INSERT INTO environments (id, uuid, name, display_name, production, created_at, updated_at) VALUES (1, 'env-prod', 'production', 'Production', true, now(), now())"
        )
        # the latest version of every pacticipant is deployed to production
        x(f"""INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, auto_created, created_at)
             SELECT 'd' || p, p * {versions_per}, p, 1, false, now() FROM generate_series(1, 100) p""")
        x("ANALYZE")
        counts = {
            t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in (
                "pacticipants",
                "versions",
                "pact_versions",
                "pact_publications",
                "verifications",
                "branch_versions",
            )
        }
        print(counts, file=sys.stderr)
    return time.perf_counter() - started


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--versions-per", type=int, default=2000)
    ap.add_argument("--verifications", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=200)
    o = ap.parse_args()
    from tests.postgres import PostgresServer, create_database, find_binaries

    server = PostgresServer(find_binaries())
    server.start()
    try:
        url = create_database(server.url)
        g = generate(url, o.versions_per, o.verifications)
        print(f"generated in {g:.0f} s", file=sys.stderr)
        from tests.broker.asgi_client import ASGIClient

        from accord.broker import Settings, create_app

        app = create_app(Settings(database_url=url, run_migrations=False))
        client = ASGIClient(app)
        import random

        rnd = random.Random(1)
        shapes = {
            "environment (can-i-deploy --to-environment)": lambda c, v: (
                f"/can-i-deploy?pacticipant=Consumer{c}&version={v}&environment=production"
            ),
            "main branch (can-i-merge)": lambda c, v: (
                f"/matrix?q[][pacticipant]=Consumer{c}&q[][version]={v}&latestby=cvpv&mainBranch=true&latest=true"
            ),
            "provider to environment": lambda c, v: (
                f"/can-i-deploy?pacticipant=Provider{50 + c}&version={v}&environment=production"
            ),
        }
        for name, make in shapes.items():
            for _ in range(5):
                client.get(make(1, o.versions_per))
            times = []
            for _ in range(o.rounds):
                path = make(rnd.randint(1, 50), rnd.randint(1, o.versions_per))
                t = time.perf_counter()
                r = client.get(path)
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, r.text[:300]
            times.sort()
            print(
                f"{name}: p50 {statistics.median(times):.1f} ms, p99 {times[int(0.99 * (len(times) - 1))]:.1f} ms"
            )
        client.close()
        app.state.engine.dispose()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
