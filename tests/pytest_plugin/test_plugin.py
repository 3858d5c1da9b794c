"""The pytest plugin, exercised with pytester: fixtures, options, failures and pact files."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# pytester is not loaded by default; a test module (unlike a nested conftest) may ask for it.
pytest_plugins = ["pytester"]

CLIENT = """
import json, urllib.request, urllib.error
import pytest
from accord import match

def get(url):
    try:
        with urllib.request.urlopen(url) as response:
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code
"""


def _define(name: str = "Mary") -> str:
    return f"""
    (accord_pact.upon_receiving("a request for user 1")
        .with_request("GET", "/users/1")
        .will_respond_with(200)
        .with_body({{"name": match.string({name!r})}}))
"""


def test_a_passing_test_writes_the_pact(pytester: pytest.Pytester):
    pytester.makepyfile(
        CLIENT
        + f"""
@pytest.mark.accord(consumer="web", provider="users")
def test_user(accord_pact, accord_mock):
{_define()}
    assert get(accord_mock.url + "/users/1") == {{"name": "Mary"}}
"""
    )
    result = pytester.runpytest("--accord-spec", "v3")
    result.assert_outcomes(passed=1)
    data = json.loads((pytester.path / "pacts" / "web-users.json").read_text())
    assert data["metadata"]["pactSpecification"]["version"] == "3.0.0"
    assert data["interactions"][0]["description"] == "a request for user 1"


def test_a_broken_contract_is_a_failure_with_the_report_and_writes_nothing(
    pytester: pytest.Pytester,
):
    pytester.makepyfile(
        CLIENT
        + f"""
@pytest.mark.accord("web", "users")
def test_user(accord_pact, accord_mock):
{_define()}
    assert get(accord_mock.url + "/users/2") == 500
"""
    )
    result = pytester.runpytest("--accord-pact-dir", "out")
    result.assert_outcomes(failed=1, errors=0)
    result.stdout.fnmatch_lines(
        [
            "*MismatchError: Pact between web and users: 2 problems*",
            "*Unexpected GET request received: /users/2*",
            "*Expected but not received: 'a request for user 1' (GET /users/1)*",
        ]
    )
    assert not (pytester.path / "out").exists()


def test_names_from_the_ini_file_and_pact_dir_option(pytester: pytest.Pytester):
    pytester.makeini(
        "[pytest]\naccord_consumer = app\naccord_provider = api\naccord_pact_dir = contracts\n"
    )
    pytester.makepyfile(
        CLIENT
        + f"""
def test_user(accord_pact, accord_mock):
{_define()}
    get(accord_mock.url + "/users/1")
"""
    )
    pytester.runpytest().assert_outcomes(passed=1)
    assert (pytester.path / "contracts" / "app-api.json").exists()


def test_without_names_the_fixture_explains_what_to_do(pytester: pytest.Pytester):
    pytester.makepyfile("def test_x(accord_pact):\n    pass\n")
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*@pytest.mark.accord(consumer=..., provider=...)*"])


def test_message_pacts_through_the_fixture(pytester: pytest.Pytester):
    pytester.makepyfile(
        """
import pytest
from accord import match

@pytest.mark.accord(consumer="worker", provider="orders")
def test_event(accord_pact):
    accord_pact.upon_receiving("an order event", interaction="Async").with_body(
        {"id": match.integer(1)})
    seen = []
    accord_pact.verify(lambda body, metadata: seen.append(body))
    assert seen == [{"id": 1}]
"""
    )
    pytester.runpytest().assert_outcomes(passed=1)
    assert (pytester.path / "pacts" / "worker-orders.json").exists()


def test_importing_the_plugin_does_not_load_accord():
    code = "import sys, accord.pytest_plugin; print(sorted(m for m in sys.modules if m.startswith('accord.')))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert (
        output.stdout.strip() == "['accord.errors', 'accord.model', "
        or "accord.consumer" not in output.stdout
    )
    assert "accord.consumer" not in output.stdout
    assert "accord.mock" not in output.stdout


def test_xdist_workers_merge_into_one_pact_file(pytester: pytest.Pytester):
    tests = "\n".join(
        CLIENT
        + f"""
@pytest.mark.accord(consumer="web", provider="users")
def test_user_{number}(accord_pact, accord_mock):
    (accord_pact.upon_receiving("a request for user {number}")
        .with_request("GET", "/users/{number}").will_respond_with(200))
    get(accord_mock.url + "/users/{number}")
"""
        for number in range(4)
    )
    pytester.makepyfile(tests)
    result = pytester.runpytest_subprocess("-n", "2", "-p", "xdist")
    result.assert_outcomes(passed=4)
    data = json.loads((pytester.path / "pacts" / "web-users.json").read_text())
    assert len(data["interactions"]) == 4


def test_an_unknown_spec_version_is_one_usage_error(pytester: pytest.Pytester):
    pytester.makepyfile(
        """
import pytest

@pytest.mark.accord(consumer="web", provider="users")
def test_user(accord_pact):
    pass
"""
    )
    result = pytester.runpytest("--accord-spec", "v5")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--accord-spec / accord_spec: unknown pact specification*'v5'*"])
