"""`accord pact validate` and `accord pact convert` run as a user would run them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from accord.cli import main
from tests.support import BROKER_CLIENT_PACTS, FIXTURES

CLIENT_PACT = BROKER_CLIENT_PACTS / "Pact_Broker_Client_V2-Pact_Broker.json"


def test_validate_accepts_a_good_pact() -> None:
    result = CliRunner().invoke(main, ["pact", "validate", str(CLIENT_PACT)])
    assert result.exit_code == 0, result.output
    assert (
        "valid v2 pact between Pact Broker Client V2 and Pact Broker (67 interactions)"
        in result.output
    )


def test_validate_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"consumer": {}, "provider": {"name": "P"}, "interactions": [{"request": {}}]})
    )
    result = CliRunner().invoke(main, ["pact", "validate", str(bad)])
    assert result.exit_code == 1
    assert "$.consumer.name" in result.output
    assert "$.interactions[0].description" in result.output
    assert "$.interactions[0].response" in result.output


def test_validate_is_strict_about_regexes_that_do_not_compile() -> None:
    result = CliRunner().invoke(main, ["pact", "validate", str(FIXTURES / "pact-broker_c1.json")])
    assert result.exit_code == 1
    assert "invalid regular expression" in result.output


def test_convert_writes_another_version(tmp_path: Path) -> None:
    target = tmp_path / "v4.json"
    result = CliRunner().invoke(
        main, ["pact", "convert", str(CLIENT_PACT), "--to", "v4", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    written = json.loads(target.read_text())
    assert written["metadata"]["pactSpecification"]["version"] == "4.0"
    assert {i["type"] for i in written["interactions"]} == {"Synchronous/HTTP"}


def test_convert_warns_about_what_the_older_version_cannot_hold(tmp_path: Path) -> None:
    from accord import Pact, generate, match

    pact = Pact("web", "users", pact_dir=tmp_path)
    (
        pact.upon_receiving("a user")
        .given("a user exists", id=1)
        .given("the user is active")
        .with_request("GET", "/users/1")
        .will_respond_with(200)
        .with_body({"id": match.integer(1), "token": generate.uuid(), "v": match.semver("1.0.0")})
    )
    source = pact.write_file()
    runner = CliRunner()
    v2 = runner.invoke(
        main, ["pact", "convert", str(source), "--to", "v2", "-o", str(tmp_path / "2")]
    )
    assert v2.exit_code == 0, v2.output
    where = "warning: interaction 'a user': v2"
    assert f"{where} keeps only the first provider state" in v2.output
    assert f"{where} drops provider state parameters" in v2.output
    assert f"{where} drops generators" in v2.output
    assert "matchers that v2 does not define (integer, semver) are kept" in v2.output
    v3 = runner.invoke(
        main, ["pact", "convert", str(source), "--to", "v3", "-o", str(tmp_path / "3")]
    )
    assert v3.output.count("warning:") == 1
    assert "matchers that v3 does not define (semver) are kept" in v3.output
    v4 = runner.invoke(
        main, ["pact", "convert", str(source), "--to", "v4", "-o", str(tmp_path / "4")]
    )
    assert "warning" not in v4.output
