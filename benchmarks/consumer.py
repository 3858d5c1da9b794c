"""Consumer side: Accord vs pact-python 4.x (Rust FFI mock server), the same workload side by side.

Measures
1. mock server start (serve() entered, interactions loaded), median of repeated starts;
2. per-request latency with 1, 50, 200 and 1,000 registered interactions (keep-alive client,
   requests spread over all interactions);
3. a whole 1,000-interaction consumer suite: define, serve, 1,000 requests, verify, write.

pact-python's mock compares a request with every interaction, so its latency grows with the
pact. Where a full run would take too long it is measured on a sample of requests and the
suite total is extrapolated from that sample; the output says so.

Run: .venv/bin/python benchmarks/consumer.py  (pact-python comes with the `interop` extra)
"""

from __future__ import annotations

import http.client
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

SIZES = (1, 50, 200, 1000)
# Requests timed per size; pact-python is sampled more thinly where each request is slow.
ACCORD_REQUESTS = 2000
PACT_PYTHON_REQUESTS = {1: 500, 50: 200, 200: 30, 1000: 8}
RNG = random.Random(20261121)


# ---- the two implementations, behind one tiny interface ------------------------------------


class AccordSide:
    name = "Accord"

    def __init__(self) -> None:
        from accord import Pact, match

        self.Pact, self.match = Pact, match

    def define(self, count: int) -> Any:
        pact = self.Pact("bench-consumer", "bench-provider")
        for i in range(count):
            (
                pact.upon_receiving(f"a request for item {i}")
                .given("items exist")
                .with_request("GET", f"/items/{i}")
                .will_respond_with(200)
                .with_body({"id": self.match.integer(i), "name": self.match.string(f"item {i}")})
            )
        return pact

    def serve(self, pact: Any) -> AbstractContextManager[tuple[str, int]]:
        return _AccordServe(pact)

    def write(self, pact: Any, folder: str) -> None:
        pact.write_file(folder)


class _AccordServe:
    def __init__(self, pact: Any) -> None:
        self.context = pact.serve(raises=False)

    def __enter__(self) -> tuple[str, int]:
        url = self.context.__enter__()
        return "127.0.0.1", url.server.port

    def __exit__(self, *exc: Any) -> None:
        self.context.__exit__(None, None, None)


class PactPythonSide:
    name = "pact-python"

    def __init__(self) -> None:
        import pact

        self.module = pact

    def define(self, count: int) -> Any:
        match = self.module.match
        pact = self.module.Pact("bench-consumer", "bench-provider").with_specification("V4")
        for i in range(count):
            (
                pact.upon_receiving(f"a request for item {i}")
                .given("items exist")
                .with_request("GET", f"/items/{i}")
                .will_respond_with(200)
                .with_body(
                    {"id": match.int(i), "name": match.str(f"item {i}")},
                    content_type="application/json",
                )
            )
        return pact

    def serve(self, pact: Any) -> AbstractContextManager[tuple[str, int]]:
        return _PactPythonServe(pact)

    def write(self, pact: Any, folder: str) -> None:
        pact.write_file(folder, overwrite=True)


class _PactPythonServe:
    def __init__(self, pact: Any) -> None:
        self.context = pact.serve(raises=False, verbose=False)

    def __enter__(self) -> tuple[str, int]:
        server = self.context.__enter__()
        return "127.0.0.1", server.port

    def __exit__(self, *exc: Any) -> None:
        self.context.__exit__(None, None, None)


# ---- measurements ---------------------------------------------------------------------------


def _timed(action: Callable[[], Any]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def start_time(side: Any, repeats: int = 30) -> float:
    pact = side.define(1)
    samples = []
    for _ in range(repeats + 1):
        began = time.perf_counter()
        context = side.serve(pact)
        context.__enter__()
        samples.append(time.perf_counter() - began)
        context.__exit__(None, None, None)
    return statistics.median(samples[1:])  # the first start pays one-off imports


def request_latency(side: Any, count: int, requests: int) -> float:
    pact = side.define(count)
    targets = [RNG.randrange(count) for _ in range(requests)]
    with side.serve(pact) as (host, port):
        connection = http.client.HTTPConnection(host, port)
        _get(connection, "/items/0")  # warm the connection
        samples = [_timed(lambda i=i: _get(connection, f"/items/{i}")) for i in targets]
        connection.close()
    return statistics.median(samples)


def _get(connection: http.client.HTTPConnection, path: str) -> None:
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    assert response.status == 200, (path, response.status)


def whole_suite(side: Any, count: int, sample: int | None) -> tuple[float, bool]:
    """Define, serve, request every interaction once, verify, write. With `sample`, only that
    many requests are made and the request time is scaled up to `count` (an estimate)."""
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        pact = side.define(count)
        indices = list(range(count)) if sample is None else RNG.sample(range(count), sample)
        with side.serve(pact) as (host, port):
            connection = http.client.HTTPConnection(host, port)
            request_began = time.perf_counter()
            for i in indices:
                _get(connection, f"/items/{i}")
            request_time = time.perf_counter() - request_began
            connection.close()
        if sample is None:
            side.write(pact, folder)
            return time.perf_counter() - began, False
        # Unrequested interactions count as missing, so time the write on its own.
        other = time.perf_counter() - began - request_time
        other += _timed(lambda: side.write(pact, folder))
        return other + request_time * count / sample, True


def main() -> None:
    sides = [AccordSide()]
    try:
        sides.append(PactPythonSide())
    except ImportError:
        print("pact-python is not installed (pip install 'accord[interop]'); Accord only")
    print(f"Python {sys.version.split()[0]}; medians; times in milliseconds\n")

    starts = {side.name: start_time(side) for side in sides}
    print("mock server start")
    for name, seconds in starts.items():
        print(f"  {name:12} {seconds * 1000:8.3f} ms")

    print("\nper-request latency (median)")
    print(f"  {'interactions':>12} " + " ".join(f"{side.name:>14}" for side in sides) + "   ratio")
    for size in SIZES:
        row = [
            request_latency(
                side, size, ACCORD_REQUESTS if side.name == "Accord" else PACT_PYTHON_REQUESTS[size]
            )
            for side in sides
        ]
        ratio = f"{row[1] / row[0]:7.1f}x" if len(row) > 1 else ""
        print(f"  {size:>12} " + " ".join(f"{s * 1000:11.3f} ms" for s in row) + f"  {ratio}")
    if len(sides) > 1:
        print(
            "  (pact-python sampled with "
            + ", ".join(f"{n} requests at {size}" for size, n in PACT_PYTHON_REQUESTS.items())
            + ")"
        )

    print("\nwhole 1,000-interaction suite (define, serve, 1,000 requests, verify, write)")
    totals = {}
    for side in sides:
        sample = None if side.name == "Accord" else 20
        seconds, estimated = whole_suite(side, 1000, sample)
        totals[side.name] = seconds
        note = f"  (estimated from {sample} sampled requests)" if estimated else ""
        print(f"  {side.name:12} {seconds:10.2f} s{note}")
    if len(totals) > 1:
        print(f"  ratio        {totals['pact-python'] / totals['Accord']:10.0f}x")


if __name__ == "__main__":
    main()
