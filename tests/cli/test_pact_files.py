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
