"""`accord verify` and the classic `verify_pacts` / `verify_with_broker` API."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from accord.cli import main
from accord.verifier import Verifier
from tests.verifier.pacts import pact_document, user_interaction, write_pact
from tests.verifier.providers import UserStore, flask_app, serve_wsgi

STATE = [{"name": "a user exists", "params": {"id": 1, "name": "Ann"}}]


@pytest.fixture
def pact(tmp_path: Path) -> Path:
    return write_pact(tmp_path, pact_document([user_interaction(states=STATE)]))


def test_cli_verifies_over_http_with_a_state_change_url(pact: Path, tmp_path: Path) -> None:
    store = UserStore()
    with serve_wsgi(flask_app(store)) as url:
        result = CliRunner().invoke(
            main,
            [
                "verify",
                str(pact),
                "--provider",
                "UserService",
                "--provider-base-url",
                url,
                "--state-change-url",
                f"{url}/_pact/provider-states",
                "--header",
                "Authorization: Bearer t0k3n",
                "--junit",
                str(tmp_path / "junit.xml"),
            ],
        )
    assert result.exit_code == 0, result.output
    assert "✓ a request for user 1 given a user exists" in result.output
    assert [call["action"] for call in store.state_calls] == ["setup", "teardown"]
    assert store.seen_headers[0]["Authorization"] == "Bearer t0k3n"
    assert ET.parse(tmp_path / "junit.xml").getroot().get("failures") == "0"


def test_cli_exits_1_and_names_consumer_interaction_and_field(pact: Path) -> None:
    store = UserStore(rename_user_id=True)
    with serve_wsgi(flask_app(store)) as url:
        result = CliRunner().invoke(
            main,
            [
                "verify",
                str(pact),
                "--provider-base-url",
                url,
                "--provider-states-setup-url",
                f"{url}/_pact/provider-states",
            ],
        )
    assert result.exit_code == 1
    assert "OrderService expects $.body.userId (missing)" in result.output
    assert "a request for user 1" in result.output


def test_cli_usage_errors(pact: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PACT_BROKER_BASE_URL", raising=False)
    runner = CliRunner()
    result = runner.invoke(main, ["verify", "--provider-base-url", "http://x"])
    assert result.exit_code == 2
    assert "nothing to verify" in result.output
    result = runner.invoke(main, ["verify", str(pact), "--publish"])
    assert result.exit_code == 2
    assert "--publish needs --provider-version" in result.output
    result = runner.invoke(
        main, ["verify", str(pact), "--provider-base-url", "http://x", "--header", "nonsense"]
    )
    assert result.exit_code == 2


def test_cli_needs_a_provider_to_replay_against(pact: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["verify", str(pact)])
    assert result.exit_code == 2
    assert "say where the provider is: --provider-base-url" in result.output
    result = runner.invoke(main, ["verify", str(pact), "--provider-base-url", "localhost:8000"])
    assert result.exit_code == 2
    assert "--provider-base-url must start with http:// or https://, got 'localhost:8000'" in (
        result.output
    )
    result = runner.invoke(
        main, ["verify", "--provider-base-url", "http://x", "--broker-url", "localhost:9292"]
    )
    assert result.exit_code == 2
    assert "--broker-url must start with http:// or https://, got 'localhost:9292'" in result.output
    result = runner.invoke(
        main,
        ["verify", "--provider-base-url", "http://x"],
        env={"PACT_BROKER_BASE_URL": "localhost:9292"},
    )
    assert result.exit_code == 2
    assert "PACT_BROKER_BASE_URL must start with http:// or https://" in result.output


def test_cli_in_process_app(pact: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    module = types.ModuleType("accord_test_provider_app")
    store = UserStore(users={1: "Ann"})
    module.create_app = lambda: flask_app(store)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    result = CliRunner().invoke(
        main, ["verify", str(pact), "--app", f"{module.__name__}:create_app()"]
    )
    assert result.exit_code == 0, result.output


def test_classic_verify_pacts_returns_exit_code_and_output(pact: Path) -> None:
    from accord import Verifier as ClassicVerifier  # only the import changes for classic code

    store = UserStore()
    with serve_wsgi(flask_app(store)) as url:
        verifier = ClassicVerifier(provider="UserService", provider_base_url=url)
        exit_code, output = verifier.verify_pacts(
            str(pact),
            provider_states_setup_url=f"{url}/_pact/provider-states",
            headers=["X-Api-Key: secret"],
            log_dir="/tmp",
        )
    assert exit_code == 0, output
    assert "a request for user 1" in output
    # the classic tools POSTed {consumer, state, states} and had no teardown
    assert store.state_calls == [
        {
            "consumer": "OrderService",
            "state": "a user exists",
            "states": ["a user exists"],
            "params": {"id": 1, "name": "Ann"},
        }
    ]
    assert store.seen_headers[0]["X-Api-Key"] == "secret"


def test_classic_rejects_unknown_options(pact: Path) -> None:
    with pytest.raises(TypeError, match="unknown verifier option"):
        Verifier(provider="UserService", provider_base_url="http://x").verify_pacts(
            str(pact), bogus=1
        )


def test_cli_broker_from_environment_with_selectors_and_publishing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.broker_client.fake_broker import BrokerPact, FakeBroker, running

    pact = BrokerPact(
        consumer="OrderService", document=pact_document([user_interaction(states=STATE)])
    )
    with running(FakeBroker(provider="UserService", pacts=[pact], token="tok")) as broker:
        monkeypatch.setenv("PACT_BROKER_BASE_URL", broker.base_url)
        monkeypatch.setenv("PACT_BROKER_TOKEN", "tok")
        store = UserStore()
        with serve_wsgi(flask_app(store)) as url:
            result = CliRunner().invoke(
                main,
                [
                    "verify",
                    "--provider",
                    "UserService",
                    "--provider-base-url",
                    url,
                    "--state-change-url",
                    f"{url}/_pact/provider-states",
                    "--consumer-version-selectors",
                    '{"mainBranch": true}',
                    "--consumer-version-selectors",
                    '{"deployedOrReleased": true}',
                    "--enable-pending",
                    "--include-wip-pacts-since",
                    "2026-01-01",
                    "--publish",
                    "--provider-version",
                    "1.0.1",
                    "--provider-branch",
                    "main",
                    "--provider-tags",
                    "a,b",
                    "--build-url",
                    "http://ci/9",
                ],
            )
    assert result.exit_code == 0, result.output
    query = next(
        body
        for method, path, body in broker.requests
        if method == "POST" and path.endswith("for-verification")
    )
    assert query == {
        "consumerVersionSelectors": [{"mainBranch": True}, {"deployedOrReleased": True}],
        "includePendingStatus": True,
        "providerVersionBranch": "main",
        "providerVersionTags": ["a", "b"],
        "includeWipPactsSince": "2026-01-01",
    }
    writes = [path for method, path, _ in broker.requests if method == "PUT"]
    assert writes == [
        "/pacticipants/UserService/branches/main/versions/1.0.1",
        "/pacticipants/UserService/versions/1.0.1/tags/a",
        "/pacticipants/UserService/versions/1.0.1/tags/b",
    ]
    published = broker.requests[-1][2]
    assert published["success"] is True and published["buildUrl"] == "http://ci/9"


def test_classic_verify_with_broker(monkeypatch: pytest.MonkeyPatch) -> None:
    from accord import Verifier as ClassicVerifier
    from tests.broker_client.fake_broker import BrokerPact, FakeBroker, running

    pact = BrokerPact(
        consumer="OrderService", document=pact_document([user_interaction(states=STATE)])
    )
    with running(
        FakeBroker(provider="UserService", pacts=[pact], username="u", password="p")
    ) as broker:
        store = UserStore()
        with serve_wsgi(flask_app(store)) as url:
            verifier = ClassicVerifier(provider="UserService", provider_base_url=url)
            exit_code, output = verifier.verify_with_broker(
                broker_url=broker.base_url,
                broker_username="u",
                broker_password="p",
                consumer_version_selectors=['{"mainBranch": true}'],
                provider_states_setup_url=f"{url}/_pact/provider-states",
                publish_version="2.0.0",
                publish_verification_results=True,
            )
    assert exit_code == 0, output
    assert broker.requests[-1][1].endswith("/verification-results")
    assert broker.requests[-1][2]["providerApplicationVersion"] == "2.0.0"


def test_no_pacts_found_fails_unless_ignored(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    runner = CliRunner()
    result = runner.invoke(
        main, ["verify", str(empty), "--provider", "UserService", "--provider-base-url", "http://x"]
    )
    assert result.exit_code == 1
    assert "no pacts were found for provider UserService" in result.output
    result = runner.invoke(
        main,
        [
            "verify",
            str(empty),
            "--provider",
            "UserService",
            "--provider-base-url",
            "http://x",
            "--ignore-no-pacts-error",
        ],
    )
    assert result.exit_code == 0, result.output


def test_cli_app_factory_takes_literal_arguments(
    pact: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import types

    module = types.ModuleType("accord_test_provider_factory")
    seen: dict[str, object] = {}

    def create_app(name: str, *, users: int) -> object:
        seen.update(name=name, users=users)
        return flask_app(UserStore(users={1: "Ann"}))

    module.create_app = create_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    result = CliRunner().invoke(
        main, ["verify", str(pact), "--app", f"{module.__name__}:create_app('svc', users=1)"]
    )
    assert result.exit_code == 0, result.output
    assert seen == {"name": "svc", "users": 1}


@pytest.mark.parametrize(
    ("reference", "words"),
    [
        ("no_colon", "must look like 'package.module:app'"),
        ("accord_no_such_module_xyz:app", "cannot import 'accord_no_such_module_xyz'"),
        ("accord.model:no_such_app", "has no attribute 'no_such_app'"),
        ("accord.model:load_pact(open('x'))", "arguments must be Python literals"),
    ],
)
def test_cli_bad_app_references_are_usage_errors(pact: Path, reference: str, words: str) -> None:
    result = CliRunner().invoke(main, ["verify", str(pact), "--app", reference])
    assert result.exit_code == 2, result.output
    assert words in result.output
    assert "Traceback" not in result.output
