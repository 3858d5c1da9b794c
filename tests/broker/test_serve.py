"""The one real-socket test: `accord broker serve` starts, says where its data lives, serves
the HAL index and a publication, and stops on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.broker.helpers import publish_contract
from tests.support import free_port


def test_accord_broker_serve(tmp_path: Path) -> None:
    port = free_port()
    database = tmp_path / "served.sqlite3"
    command = [sys.executable, "-m", "accord", "broker", "serve", "--port", str(port),
               "--database-url", f"sqlite:///{database}"]  # fmt: skip
    env = {**os.environ, "ACCORD_BROKER_DATABASE_URL": "", "PACT_BROKER_DATABASE_URL": "",
           "ACCORD_BROKER_WEBHOOK_SCHEMES": "http"}  # fmt: skip
    from tests.broker.test_webhook_execution import Receiver

    receiver = Receiver()
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                index = httpx.get(base + "/", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "the broker did not start within 30 s"
                time.sleep(0.1)
        assert index.status_code == 200
        assert index.json()["_links"]["pb:publish-contracts"]["href"] == f"{base}/contracts/publish"
        with httpx.Client(base_url=base) as client:
            hook = {"events": [{"name": "contract_published"}],
                    "request": {"method": "POST", "url": receiver.url + "/published", "body": "${pactbroker.consumerName}"}}  # fmt: skip
            assert client.post("/webhooks", json=hook).status_code == 201
            publish_contract(client, "Foo", "1", "Bar", "over-a-socket", branch="main")  # type: ignore[arg-type]
            pact = client.get("/pacts/provider/Bar/consumer/Foo/latest")
            assert pact.status_code == 200
            assert pact.json()["consumer"] == {"name": "Foo"}
        # the background worker of the served app runs the triggered webhook
        deadline = time.monotonic() + 15
        while not receiver.requests and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [r["body"] for r in receiver.requests] == ["Foo"]
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=20)
    assert f"Broker data: SQLite file {database}" in output
    assert database.exists()


def test_serve_without_arguments_uses_a_sqlite_file_in_the_data_directory(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import uvicorn
    from click.testing import CliRunner

    from accord.cli import broker as broker_cli
    from accord.cli.broker import broker_group

    served = {}

    def listen(host: str, port: int) -> socket.socket:
        served.update(host=host, port=port)  # the defaults; bind an ephemeral port instead
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        return listener

    monkeypatch.setattr(broker_cli, "_listening_socket", listen)
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: None)
    for name in ("ACCORD_BROKER_DATABASE_URL", "PACT_BROKER_DATABASE_URL", "PACT_BROKER_BASIC_AUTH_USERNAME",
                 "ACCORD_BROKER_TOKENS"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    result = CliRunner().invoke(broker_group, ["serve"])
    assert result.exit_code == 0, result.output
    expected = tmp_path / "accord" / "broker.sqlite3"
    assert f"Broker data: SQLite file {expected}" in result.output
    assert expected.exists()
    assert served == {"host": "127.0.0.1", "port": 9292}


def test_serve_reads_the_pact_broker_database_url(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import uvicorn
    from click.testing import CliRunner

    from accord.cli.broker import broker_group

    monkeypatch.setattr(uvicorn, "run", lambda app, **_: None)
    monkeypatch.delenv("ACCORD_BROKER_DATABASE_URL", raising=False)
    monkeypatch.setenv("PACT_BROKER_DATABASE_URL", f"sqlite:///{tmp_path / 'pb.sqlite3'}")
    result = CliRunner().invoke(broker_group, ["serve", "--port", str(free_port())])
    assert result.exit_code == 0, result.output
    assert f"SQLite file {tmp_path / 'pb.sqlite3'}" in result.output


def test_db_upgrade_and_check(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from accord.cli.broker import broker_group

    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    runner = CliRunner()
    before = runner.invoke(broker_group, ["db", "check", "--database-url", url])
    assert before.exit_code == 1 and "Target database is not up to date" in before.output
    assert runner.invoke(broker_group, ["db", "upgrade", "--database-url", url]).exit_code == 0
    after = runner.invoke(broker_group, ["db", "check", "--database-url", url])
    assert after.exit_code == 0, after.output


def test_openapi_document_lists_the_routes(sqlite_broker) -> None:  # type: ignore[no-untyped-def]
    paths = sqlite_broker.client.get("/openapi.json").json()["paths"]
    for path in (
        "/contracts/publish",
        "/pacts/provider/{provider}/for-verification",
        "/matrix",
        "/can-i-deploy",
    ):
        assert path in paths


def test_settings_from_the_environment() -> None:
    from accord.broker.settings import Settings

    settings = Settings.from_env({
        "PACT_BROKER_DATABASE_URL": "postgres://u:p@db/broker",
        "PACT_BROKER_BASIC_AUTH_READ_ONLY_USERNAME": "r", "PACT_BROKER_BASIC_AUTH_READ_ONLY_PASSWORD": "s",
        "PACT_BROKER_ALLOW_PUBLIC_READ": "true", "PACT_BROKER_VERIFIED_BY_OTHER_BRANCH_LOOKBACK_DAYS": "7",
    })  # fmt: skip
    assert settings.resolved_database_url == "postgresql+psycopg://u:p@db/broker"
    assert settings.read_user is not None and settings.read_user.username == "r"
    assert settings.public_read and settings.verified_by_other_branch_lookback_days == 7
    assert (
        Settings.from_env(
            {"ACCORD_BROKER_DATABASE_URL": "sqlite:///a", "PACT_BROKER_DATABASE_URL": "sqlite:///b"}
        ).database_url
        == "sqlite:///a"
    )


def test_serve_with_workers_hands_uvicorn_the_factory(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import uvicorn
    from click.testing import CliRunner

    from accord.cli.broker import broker_group

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    monkeypatch.setenv("ACCORD_BROKER_DATABASE_URL", "")
    port = str(free_port())
    result = CliRunner().invoke(
        broker_group, ["serve", "--workers", "2", "--port", port, "--database-url", url]
    )
    assert result.exit_code == 0, result.output
    [(target, options)] = calls
    assert target == "accord.broker.app:app_from_env"
    assert options["factory"] is True and options["workers"] == 2
    assert isinstance(options["fd"], int), "workers share one TCP_NODELAY listening socket"
    assert os.environ["ACCORD_BROKER_DATABASE_URL"] == url


def test_serve_on_a_port_in_use_fails_before_touching_the_database(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from accord.cli.broker import broker_group

    database = tmp_path / "never.sqlite3"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            broker_group, ["serve", "--port", str(port), "--database-url", f"sqlite:///{database}"]
        )
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "choose another --port" in result.output
    assert not database.exists()
