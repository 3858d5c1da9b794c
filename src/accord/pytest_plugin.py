"""pytest plugin (entry point `accord`): a pact and a served mock server per test.

    @pytest.mark.accord(consumer="web", provider="users")
    def test_user(accord_pact, accord_mock):
        accord_pact.upon_receiving("a request for user 1").with_request("GET", "/users/1") \\
            .will_respond_with(200).with_body({"id": match.integer(1)})
        assert get_user(accord_mock.url, 1)["id"] == 1

After the test body, missing, unexpected and mismatched requests fail the test (a failure, with
the mismatch report, not an error). When the test passed, the pact is merged into the pact
directory (`--accord-pact-dir`, default `pacts/` under the rootdir) in `--accord-spec` (v4).

Importing this module costs almost nothing: Accord itself loads only when a fixture is used.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from accord.consumer import Pact
    from accord.mock import MockServer

_MOCKS = pytest.StashKey[list[Any]]()
_PASSED = pytest.StashKey[bool]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("accord", "Accord consumer pacts")
    group.addoption(
        "--accord-pact-dir",
        dest="accord_pact_dir",
        default=None,
        help="directory the accord_pact fixture writes pact files to (default: <rootdir>/pacts)",
    )
    group.addoption(
        "--accord-spec",
        dest="accord_spec",
        default=None,
        help="pact specification version to write: v2, v3 or v4 (default: v4)",
    )
    parser.addini("accord_pact_dir", "default for --accord-pact-dir")
    parser.addini("accord_spec", "default for --accord-spec")
    parser.addini("accord_consumer", "consumer name when a test has no accord marker")
    parser.addini("accord_provider", "provider name when a test has no accord marker")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "accord(consumer, provider): the pact the accord_pact fixture builds"
    )
    spec = config.getoption("accord_spec") or config.getini("accord_spec")
    if spec:
        # Checked once here, so a typo is one usage error rather than an error in every test.
        from accord.errors import UnsupportedSpecVersion
        from accord.model import SpecVersion

        try:
            SpecVersion.parse(spec)
        except UnsupportedSpecVersion as error:
            raise pytest.UsageError(f"--accord-spec / accord_spec: {error}") from None
    # One run id for the controller and its xdist workers (they inherit the environment), so
    # pact files detect two tests of this run disagreeing about one interaction.
    os.environ.setdefault("ACCORD_RUN_ID", uuid.uuid4().hex)


@pytest.fixture(scope="session")
def accord_pact_dir(pytestconfig: pytest.Config) -> Path:
    """Where pact files are written."""
    chosen = pytestconfig.getoption("accord_pact_dir") or pytestconfig.getini("accord_pact_dir")
    return Path(chosen) if chosen else pytestconfig.rootpath / "pacts"


@pytest.fixture
def accord_pact(request: pytest.FixtureRequest, accord_pact_dir: Path) -> Iterator[Pact]:
    """A fresh Pact for this test; written to the pact directory if the test passes."""
    from accord.consumer import Pact

    config = request.config
    marker = request.node.get_closest_marker("accord")
    names = dict(marker.kwargs) if marker else {}
    if marker and marker.args:
        names.update(zip(("consumer", "provider"), marker.args))
    consumer = names.get("consumer") or config.getini("accord_consumer")
    provider = names.get("provider") or config.getini("accord_provider")
    if not consumer or not provider:
        pytest.fail(
            "accord_pact needs a consumer and a provider: mark the test with "
            "@pytest.mark.accord(consumer=..., provider=...) or set accord_consumer and "
            "accord_provider in the pytest ini file",
            pytrace=False,
        )
    spec = config.getoption("accord_spec") or config.getini("accord_spec") or "v4"
    pact = Pact(consumer, provider, spec=spec)
    yield pact
    if request.node.stash.get(_PASSED, False) and pact.interactions():
        pact.write_file(accord_pact_dir)


@pytest.fixture
def accord_mock(request: pytest.FixtureRequest, accord_pact: Pact) -> Iterator[MockServer]:
    """A running mock server for `accord_pact`; it serves interactions defined at any time."""
    server = accord_pact.live_mock_server().start()
    request.node.stash.setdefault(_MOCKS, []).append((accord_pact, server))
    try:
        yield server
    finally:
        server.stop()


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> Any:
    result = yield
    # Checked here, in the call phase, so a broken contract is a test failure, not an error.
    for pact, server in pyfuncitem.stash.get(_MOCKS, []):
        report = server.report()
        pact.last_report = report
        report.raise_for_mismatches()
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.stash[_PASSED] = report.passed
    return report
