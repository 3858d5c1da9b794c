"""accord.broker: a Pact-Broker-compatible server (FastAPI, SQLAlchemy 2, Alembic, uvicorn).

Run it with `accord broker serve` (SQLite file in the user data directory by default;
`--database-url postgresql://...` or ACCORD_BROKER_DATABASE_URL / PACT_BROKER_DATABASE_URL for
PostgreSQL). Several processes may share one PostgreSQL database: nothing lives in process memory,
and start-up migrations take an advisory lock. Settings, basic auth and bearer tokens are
described in `accord.broker.settings`; the API follows ../shared/design/broker-api.md.

Layout: `app` (factory, middleware, route table) → `api` (resources, representers, URL builders,
request reading, errors, auth) → `services`, `selection` (pacts for verification, pending, WIP)
and `matrix` (can-i-deploy) → `db` (models, engine, migrations in `accord.broker:migrations`).

A separate application: it may import only `accord.model` and `accord.errors` from Accord, and
nothing in the toolkit imports it. Its third-party dependencies come with the `accord[broker]`
extra; importing it without them raises an ImportError that names the extra.

    from accord.broker import Settings, create_app
    app = create_app(Settings(database_url="sqlite:///broker.sqlite3"))
"""

from __future__ import annotations

try:
    import fastapi  # noqa: F401
    import sqlalchemy  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError(
        f"the Accord broker needs extra packages ({error.name} is missing); "
        "install them with: pip install 'accord[broker]'"
    ) from error

from accord.broker.app import create_app
from accord.broker.settings import Settings

__all__ = ["Settings", "create_app"]
