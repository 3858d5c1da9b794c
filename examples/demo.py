"""`make demo`: the whole contract-testing story, end to end, on an embedded broker.

1. The order service's consumer tests run against Accord's mock server and write a pact.
2. `accord broker serve` starts on an embedded SQLite file.
3. The pact is published; the user service (a real web app) is verified and the result published.
4. can-i-deploy says yes; the deployments are recorded.
5. The user service renames `userId` to `user_id`: verification fails naming the consumer and the
   field, and can-i-deploy says no.

The broker keeps running (its address is printed) until Ctrl-C, or the demo exits at once when
DEMO_EXIT=1.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".accord" / "demo"
BIN = Path(sys.executable).parent
ACCORD = [str(BIN / "accord")]


def main() -> int:
    if WORK.exists():
        shutil.rmtree(WORK)
    (WORK / "pacts").mkdir(parents=True)
    broker_port, v1_port, v2_port = _free_port(), _free_port(), _free_port()
    broker_url = f"http://127.0.0.1:{broker_port}"
    env = {**os.environ, "PACT_BROKER_BASE_URL": broker_url, "ACCORD_PACT_DIR": str(WORK / "pacts")}

    _step("1. Consumer tests (OrderService) run against Accord's mock server and write a pact")
    _run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "examples/order_service"],
        env,
    )
    for pact in sorted((WORK / "pacts").glob("*.json")):
        print(f"   wrote {pact.relative_to(ROOT)}")

    _step("2. accord broker serve, on an embedded SQLite file")
    database = f"sqlite:///{WORK / 'broker.sqlite3'}"
    serve = [*ACCORD, "broker", "serve", "--port", str(broker_port), "--database-url", database]
    print(f"$ accord {' '.join(serve[1:])}   (in the background)", flush=True)
    broker = _start(serve, env)
    try:
        _wait_for(broker_url, broker)
        _story(env, v1_port, v2_port)
        print(f"\nThe broker is running at {broker_url} (open it in a browser)")
        print(f"Its data is in {WORK.relative_to(ROOT)}")
        if os.environ.get("DEMO_EXIT") != "1":
            print("Press Ctrl-C to stop it.")
            broker.wait()
    except KeyboardInterrupt:
        pass
    finally:
        # Also after a failed step: never leave the broker running behind the user's back.
        _stop(broker)
    return 0


def _story(env: dict[str, str], v1_port: int, v2_port: int) -> None:
    with (
        _provider(v1_port, env, renamed=False) as v1_url,
        _provider(v2_port, env, renamed=True) as v2_url,
    ):
        _step("3. Publish the pact (OrderService 1.0.0 on main)")
        _run(
            [
                *ACCORD,
                "publish",
                str(WORK / "pacts"),
                "--consumer-app-version",
                "1.0.0",
                "--branch",
                "main",
            ],
            env,
        )

        _step("4. Verify UserService 1.0.0 against the broker's pacts and publish the result")
        _run(_verify(v1_url, "1.0.0"), env)

        _step("5. Create the production environment; can UserService 1.0.0 go there?")
        _run([*ACCORD, "create-environment", "--name", "production", "--production"], env)
        _run(_can_i_deploy("UserService", "1.0.0"), env, expect=0)

        _step("6. Record both deployments to production")
        _run(
            [
                *ACCORD,
                "record-deployment",
                "--pacticipant",
                "UserService",
                "--version",
                "1.0.0",
                "--environment",
                "production",
            ],
            env,
        )
        _run(_can_i_deploy("OrderService", "1.0.0"), env, expect=0)
        _run(
            [
                *ACCORD,
                "record-deployment",
                "--pacticipant",
                "OrderService",
                "--version",
                "1.0.0",
                "--environment",
                "production",
            ],
            env,
        )

        _step("7. UserService 2.0.0 renames userId to user_id: verification fails")
        _run(_verify(v2_url, "2.0.0"), env, expect=1)

        _step("8. can UserService 2.0.0 go to production? No: it would break OrderService")
        _run(_can_i_deploy("UserService", "2.0.0"), env, expect=1)


def _verify(provider_url: str, version: str) -> list[str]:
    return [
        *ACCORD, "verify", "--provider", "UserService", "--provider-base-url", provider_url,
        "--state-change-url", f"{provider_url}/_pact/provider-states",
        "--consumer-version-selectors", '{"mainBranch": true}',
        "--consumer-version-selectors", '{"deployedOrReleased": true}',
        "--publish", "--provider-version", version, "--provider-branch", "main",
    ]  # fmt: skip


def _can_i_deploy(pacticipant: str, version: str) -> list[str]:
    return [
        *ACCORD,
        "can-i-deploy",
        "--pacticipant",
        pacticipant,
        "--version",
        version,
        "--to-environment",
        "production",
    ]


@contextmanager
def _provider(port: int, env: dict[str, str], *, renamed: bool) -> Iterator[str]:
    provider_env = {**env, "USER_SERVICE_RENAMED": "1" if renamed else "0"}
    command = [
        str(BIN / "uvicorn"),
        "examples.user_service.app:app",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    process = _start(command, provider_env)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/users", process)
        yield url
    finally:
        _stop(process)


def _step(title: str) -> None:
    print(f"\n\033[1m== {title}\033[0m", flush=True)


def _run(command: list[str], env: dict[str, str], expect: int = 0) -> None:
    shown = " ".join(
        part if " " not in part and "{" not in part else repr(part) for part in command
    )
    print(f"$ {shown.replace(str(BIN) + '/', '')}", flush=True)
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    for line in (result.stdout + result.stderr).rstrip().splitlines():
        print(f"   {line}")
    print(f"   (exit code {result.returncode})", flush=True)
    if result.returncode != expect:
        raise SystemExit(f"demo step failed: expected exit code {expect}, got {result.returncode}")


def _start(command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode() if process.stderr else ""
            raise SystemExit(f"{url} did not start (exit code {process.returncode}):\n{error}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{url} did not answer within {timeout:.0f} s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


if __name__ == "__main__":
    sys.exit(main())
