"""Provider verification speed: Accord vs the Rust verifier (`pact verifier` from pact-python-cli).

Both verify the same N-interaction pact against the same local provider, a minimal HTTP/1.1
server that answers every request with one precomputed response, written headers and body in a
single send with TCP_NODELAY (otherwise Nagle's algorithm adds ~40 ms per exchange and hides
everything else). Prints wall time per interaction for each tool and the ratio.

    .venv/bin/python benchmarks/verify.py            # 100 and 1,000 interactions
    .venv/bin/python benchmarks/verify.py 1000       # one size
"""

from __future__ import annotations

import io
import json
import multiprocessing
import shutil
import socket
import socketserver
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console

from accord.verifier import Verifier

ROOT = Path(__file__).resolve().parent.parent
BODY = json.dumps(
    {"id": 1, "name": "widget", "price": 9.99, "tags": ["a", "b"], "active": True}
).encode()
RESPONSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
    + str(len(BODY)).encode()
    + b"\r\n\r\n"
    + BODY
)


class _Handler(socketserver.StreamRequestHandler):
    """Reads each request (line, headers, body) and sends the canned response; keeps alive."""

    def setup(self) -> None:
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().setup()

    def handle(self) -> None:
        while True:
            line = self.rfile.readline()
            if not line:
                return
            length = 0
            close = False
            while (header := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = header.decode("latin-1").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
                elif name.strip().lower() == "connection" and value.strip().lower() == "close":
                    close = True
            if length:
                self.rfile.read(length)
            self.wfile.write(RESPONSE)  # one send: headers and body together
            self.wfile.flush()
            if close:
                return


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def write_pact(directory: Path, size: int) -> Path:
    interactions = [
        {
            "type": "Synchronous/HTTP",
            "description": f"a request for item {index}",
            "request": {
                "method": "GET",
                "path": f"/items/{index}",
                "headers": {"Accept": ["application/json"]},
            },
            "response": {
                "status": 200,
                "headers": {"Content-Type": ["application/json"]},
                "body": {"contentType": "application/json", "content": json.loads(BODY)},
                "matchingRules": {
                    "body": {
                        "$.id": {"combine": "AND", "matchers": [{"match": "integer"}]},
                        "$.name": {"combine": "AND", "matchers": [{"match": "type"}]},
                        "$.tags": {"combine": "AND", "matchers": [{"match": "type", "min": 1}]},
                    }
                },
            },
        }
        for index in range(size)
    ]
    document = {
        "consumer": {"name": "BenchConsumer"},
        "provider": {"name": "BenchProvider"},
        "interactions": interactions,
        "metadata": {"pactSpecification": {"version": "4.0"}},
    }
    path = directory / f"bench-{size}.json"
    path.write_text(json.dumps(document))
    return path


def time_accord(pact: Path, port: int) -> float:
    quiet = Console(file=io.StringIO())
    verifier = Verifier("BenchProvider", base_url=f"http://127.0.0.1:{port}", console=quiet)
    verifier.add_source(pact)
    started = time.perf_counter()
    report = verifier.verify()
    elapsed = time.perf_counter() - started
    assert report.success, report.to_json()["pacts"][0]["interactions"][0]
    return elapsed


def time_rust(pact: Path, port: int) -> float | None:
    binary = shutil.which("pact", path=str(Path(sys.executable).parent)) or shutil.which("pact")
    if binary is None:
        return None
    command = [
        binary,
        "verifier",
        "--file",
        str(pact),
        "--hostname",
        "127.0.0.1",
        "--port",
        str(port),
        "--loglevel",
        "error",
    ]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(
            f"the Rust verifier failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        )
    return elapsed


def serve(ports: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Run the provider in its own process, so it never competes with a verifier for the GIL."""
    server = _Server(("127.0.0.1", 0), _Handler)
    ports.put(server.server_address[1])
    server.serve_forever()


def main(sizes: list[int]) -> None:
    ports: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    provider = multiprocessing.Process(target=serve, args=(ports,), daemon=True)
    provider.start()
    port = ports.get(timeout=30)
    print(f"{'interactions':>12} {'accord ms/int':>14} {'rust ms/int':>12} {'rust/accord':>12}")
    try:
        with tempfile.TemporaryDirectory() as directory:
            for size in sizes:
                pact = write_pact(Path(directory), size)
                time_accord(pact, port)  # warm-up: imports, first connection
                accord = min(time_accord(pact, port) for _ in range(5))
                rust = time_rust(pact, port)
                per_accord = accord / size * 1000
                if rust is None:
                    print(f"{size:>12} {per_accord:>14.3f} {'n/a':>12} {'n/a':>12}")
                else:
                    per_rust = rust / size * 1000
                    ratio = per_rust / per_accord
                    print(f"{size:>12} {per_accord:>14.3f} {per_rust:>12.2f} {ratio:>11.1f}x")
    finally:
        provider.terminate()


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000])
