"""`accord broker serve`: run the Pact-Broker-compatible broker with uvicorn.

With no arguments it serves on 127.0.0.1:9292 from a SQLite file in the user data directory and
says where that file is. `--database-url` (or ACCORD_BROKER_DATABASE_URL / PACT_BROKER_DATABASE_URL)
points it at PostgreSQL. Authentication and other settings are read from the environment; see
`accord.broker.settings`.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator

import click


@click.group("broker")
def broker_group() -> None:
    """Run the Pact-Broker-compatible broker."""


@broker_group.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=9292, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--database-url",
    default=None,
    help="SQLAlchemy/libpq URL, e.g. postgresql://user:pw@host/db "
    "[default: $ACCORD_BROKER_DATABASE_URL, $PACT_BROKER_DATABASE_URL or a SQLite file]",
)
@click.option(
    "--base-url", default=None, help="Public base URL used in links [default: from each request]."
)
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug", "trace"]),
    help="How much the server logs (uvicorn's levels).",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Worker processes (they share the database; nothing lives in process memory).",
)
def serve(
    host: str,
    port: int,
    database_url: str | None,
    base_url: str | None,
    log_level: str,
    workers: int,
) -> None:
    """Serve the broker's HAL API until interrupted."""
    import os

    import uvicorn

    from accord.broker import Settings, create_app

    settings = Settings.from_env(database_url=database_url, base_url=base_url)
    url = settings.resolved_database_url
    if url.startswith("sqlite:///"):
        click.echo(f"Broker data: SQLite file {url.removeprefix('sqlite:///')}")
    else:
        click.echo(f"Broker data: {_redacted(url)}")
    if not settings.auth_enabled and host not in {"127.0.0.1", "localhost", "::1"}:
        click.echo(
            f"Warning: listening on {host} without authentication; set "
            "PACT_BROKER_BASIC_AUTH_USERNAME/PASSWORD or ACCORD_BROKER_TOKENS",
            err=True,
        )
    # Bind before migrating: a port in use is one clear error, with the database untouched.
    try:
        listener = _listening_socket(host, port)
    except OSError as error:
        raise click.ClickException(
            f"cannot listen on {host}:{port}: {error.strerror or error}; "
            "choose another --port or stop what is using it"
        ) from None
    # kept open (and referenced) while uvicorn serves: uvicorn only receives its fd
    with listener:
        with _database_errors(url):
            app = create_app(settings)  # migrates once here, before any worker starts
        click.echo(f"Accord broker listening on http://{host}:{port}")
        if workers == 1:
            uvicorn.run(app, fd=listener.fileno(), log_level=log_level)
            return
        # worker processes build their own app from the environment: pass the resolved values on
        os.environ["ACCORD_BROKER_DATABASE_URL"] = url
        if settings.base_url:
            os.environ["ACCORD_BROKER_BASE_URL"] = settings.base_url
        app.state.engine.dispose()
        uvicorn.run(
            "accord.broker.app:app_from_env",
            factory=True,
            fd=listener.fileno(),
            log_level=log_level,
            workers=workers,
        )


@contextlib.contextmanager
def _database_errors(url: str) -> Iterator[None]:
    """A database URL that cannot be parsed, reached or driven (no driver installed) is one line
    naming it, not a traceback."""
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    try:
        yield
    except (ArgumentError, NoSuchModuleError, DBAPIError, ImportError) as error:
        cause = getattr(error, "orig", None) or error
        reason = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
        raise click.ClickException(
            f"cannot use the broker database {_redacted(url)}: {reason}"
        ) from None


def _listening_socket(host: str, port: int) -> socket.socket:
    """The listening socket (shared by worker processes), with TCP_NODELAY set so that accepted
    connections inherit it: without it every keep-alive response waited ~40 ms for the client's
    delayed ACK."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        listener.bind((host, port))
    except OSError:
        listener.close()
        raise
    listener.set_inheritable(True)
    return listener


def _redacted(url: str) -> str:
    """The URL without its password, for printing."""
    scheme, sep, rest = url.partition("://")
    credentials, at, location = rest.rpartition("@")
    if not at:
        return url
    user = credentials.split(":", 1)[0]
    return f"{scheme}{sep}{user}:***@{location}"


@broker_group.group("db")
def db_group() -> None:
    """Manage the broker's database schema."""


@db_group.command("upgrade")
@click.option("--database-url", default=None, help="Defaults as for `serve`.")
def db_upgrade(database_url: str | None) -> None:
    """Apply pending migrations (serve does this at start-up too)."""
    from accord.broker import Settings
    from accord.broker.db.engine import make_engine
    from accord.broker.db.migrate import upgrade

    settings = Settings.from_env(database_url=database_url)
    with _database_errors(settings.resolved_database_url):
        engine = make_engine(settings.resolved_database_url)
        upgrade(engine)
        engine.dispose()
    click.echo(f"Schema is up to date: {_redacted(settings.resolved_database_url)}")


@db_group.command("check")
@click.option("--database-url", default=None, help="Defaults as for `serve`.")
def db_check(database_url: str | None) -> None:
    """Exit 1 when the database is not at the newest revision or differs from the models."""
    from alembic import command
    from alembic.util.exc import CommandError

    from accord.broker import Settings
    from accord.broker.db.engine import make_engine
    from accord.broker.db.migrate import alembic_config

    settings = Settings.from_env(database_url=database_url)
    engine = make_engine(settings.resolved_database_url)
    try:
        with engine.connect() as connection:
            command.check(alembic_config(connection))
    except CommandError as error:
        raise click.ClickException(f"schema check failed: {error}") from None
    finally:
        engine.dispose()
    click.echo("Schema matches the models and is at the newest revision")
