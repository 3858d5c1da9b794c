"""A real PostgreSQL server for tests, started once per test session (per xdist worker).

`postgres_url` yields a URL of the server's maintenance database; tests create their own
databases on it (see `create_database`). The binaries come from Debian's packages under
/usr/lib/postgresql/*/bin (`scripts/system-deps` installs them). As root, initdb and the server
must run as the `postgres` OS user, in a temporary directory that user owns.

In CI (CI=true) a missing or failing server is an error: PostgreSQL tests never skip there.
Elsewhere they skip, with the reason, only when the binaries are absent.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import free_port

_IN_CI = os.environ.get("CI", "").lower() == "true"


def find_binaries() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    if candidates:
        return Path(candidates[0]).parent
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def _as_postgres(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


class PostgresServer:
    """initdb + pg_ctl start on a free loopback port; stop() removes everything."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="accord-pg-"))
        self.data = self.directory / "data"

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run([str(self.binaries / "initdb"), "-D", str(self.data), "-U", "postgres",
                   "-A", "trust", "-E", "UTF8", "--no-sync"])  # fmt: skip
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run([str(self.binaries / "pg_ctl"), "-D", str(self.data), "-o", options,
                   "-l", str(self.directory / "server.log"), "-w", "-t", "60", "start"])  # fmt: skip

    def stop(self) -> None:
        try:
            self._run(
                [str(self.binaries / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]
            )
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)

    def log(self) -> str:
        path = self.directory / "server.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else "(no server log)"

    def _run(self, command: list[str]) -> None:
        result = subprocess.run(
            _as_postgres(command), capture_output=True, text=True, cwd=self.directory
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command[:1])} failed with exit code {result.returncode}:\n"
                f"{result.stdout}\n{result.stderr}\n{self.log()}"
            )


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL of a running PostgreSQL server's `postgres` database (superuser, no password)."""
    binaries = find_binaries()
    if binaries is None:
        message = (
            "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin or on PATH; "
            "install them with `bash scripts/system-deps`"
        )
        if _IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    server = PostgresServer(binaries)
    try:
        server.start()
    except Exception as error:  # a broken server is a failure everywhere, never a skip
        server.stop()
        pytest.fail(f"could not start PostgreSQL from {binaries}: {error}")
    try:
        yield server.url
    finally:
        server.stop()


def create_database(server_url: str, template: str | None = None) -> str:
    """Create a fresh database (optionally a copy of `template`) and return its URL."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    source = f" TEMPLATE {template}" if template else ""
    deadline = time.monotonic() + 10
    with psycopg.connect(server_url, autocommit=True) as connection:
        while True:
            try:
                connection.execute(f"CREATE DATABASE {name}{source}")
                break
            except psycopg.errors.ObjectInUse:
                # the template is briefly busy while another test copies it
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
    return server_url.rsplit("/", 1)[0] + "/" + name
