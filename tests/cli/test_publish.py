"""`accord publish` and `accord list-latest-pact-versions`: against a running broker, and against
the official client's pact (the request must be the one the Pact CLI sends)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from tests.cli.broker_support import OFFICIAL_PACT, official_pact, write_pact
from tests.cli.conftest import Accord, RunningBroker


def test_publish_records_version_branch_tags_build_url_and_every_pact(
    accord: Accord, running_broker: RunningBroker, names: Any, tmp_path: Path
) -> None:
    consumer, users, billing = names("Orders"), names("Users"), names("Billing")
    write_pact(tmp_path / "pacts", consumer, users)
    write_pact(tmp_path / "pacts", consumer, billing)

    result = accord(
        "publish", str(tmp_path / "pacts"), "--consumer-app-version", "1.0.0",
        "--branch", "main", "--tag", "dev", "--tag", "rc", "--build-url", "https://ci/1",
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert (
        f"Pact successfully published for {consumer} version 1.0.0 and provider {users}."
        in result.output
    )
    version = running_broker.json(f"/pacticipants/{consumer}/versions/1.0.0")
    assert version["buildUrl"] == "https://ci/1"
    assert [b["name"] for b in version["_embedded"]["branchVersions"]] == ["main"]
    assert sorted(t["name"] for t in version["_embedded"]["tags"]) == ["dev", "rc"]
    for provider in (users, billing):
        pact = running_broker.json(f"/pacts/provider/{provider}/consumer/{consumer}/version/1.0.0")
        assert pact["interactions"][0]["description"] == "a request for a user"


def test_publish_detects_commit_branch_and_build_url_from_ci_variables(
    accord: Accord, running_broker: RunningBroker, names: Any, tmp_path: Path
) -> None:
    consumer = names("Orders")
    pact_file = write_pact(tmp_path, consumer, names("Users"))
    github = {
        "GITHUB_SHA": "0a1b2c3d",
        "GITHUB_REF": "refs/heads/feat/x",
        "GITHUB_HEAD_REF": "",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "acme/orders",
        "GITHUB_RUN_ID": "42",
    }

    result = accord("publish", str(pact_file), "--auto-detect-version-properties", env=github)

    assert result.exit_code == 0, result.output
    version = running_broker.json(f"/pacticipants/{consumer}/versions/0a1b2c3d")
    assert version["buildUrl"] == "https://github.com/acme/orders/actions/runs/42"
    assert [b["name"] for b in version["_embedded"]["branchVersions"]] == ["feat/x"]


def test_publish_merges_files_for_the_same_pair_and_prints_json(
    accord: Accord, running_broker: RunningBroker, names: Any, tmp_path: Path
) -> None:
    consumer, provider = names("Orders"), names("Users")
    write_pact(tmp_path / "a", consumer, provider, description="first")
    write_pact(tmp_path / "b", consumer, provider, description="second")

    result = accord("publish", str(tmp_path / "a"), str(tmp_path / "b"), "-a", "2", "-o", "json")

    assert result.exit_code == 0, result.output
    [answer] = json.loads(result.stdout)
    assert answer["_embedded"]["version"]["number"] == "2"
    pact = running_broker.json(f"/pacts/provider/{provider}/consumer/{consumer}/version/2")
    assert [i["description"] for i in pact["interactions"]] == ["first", "second"]


def test_changed_content_for_a_published_version_is_refused_with_the_brokers_message(
    accord: Accord, running_broker: RunningBroker, names: Any, tmp_path: Path
) -> None:
    consumer, provider = names("Orders"), names("Users")
    write_pact(tmp_path / "old", consumer, provider, description="old")
    write_pact(tmp_path / "new", consumer, provider, description="new")
    assert accord("publish", str(tmp_path / "old"), "-a", "3").exit_code == 0

    result = accord("publish", str(tmp_path / "new"), "-a", "3")

    assert result.exit_code == 1
    assert "HTTP 409" in result.stderr
    assert "Cannot change the content of the pact" in result.stderr
    pact = running_broker.json(f"/pacts/provider/{provider}/consumer/{consumer}/version/3")
    assert [i["description"] for i in pact["interactions"]] == ["old"]


def test_publish_needs_a_version_and_existing_files(accord: Accord, tmp_path: Path) -> None:
    pact_file = write_pact(tmp_path, "A", "B")
    no_version = accord("publish", str(pact_file))
    assert no_version.exit_code == 2
    assert "--consumer-app-version is required" in no_version.output

    missing = accord("publish", str(tmp_path / "nope.json"), "-a", "1")
    assert missing.exit_code == 1
    assert "nope.json' does not exist" in missing.stderr


def test_unreachable_broker_is_an_error_message(tmp_path: Path) -> None:
    pact_file = write_pact(tmp_path, "A", "B")
    result = Accord("http://127.0.0.1:9")("publish", str(pact_file), "-a", "1")
    assert result.exit_code == 1
    assert "could not reach the Pact Broker" in result.stderr


def test_list_latest_pact_versions(accord: Accord, names: Any, tmp_path: Path) -> None:
    consumer, provider = names("Orders"), names("Users")
    write_pact(tmp_path, consumer, provider)
    assert accord("publish", str(tmp_path), "-a", "7.1").exit_code == 0

    table = accord("list-latest-pact-versions")
    as_json = accord("list-latest-pact-versions", "--output", "json")

    assert table.exit_code == 0, table.output
    [line] = [line for line in table.stdout.splitlines() if consumer in line]
    assert line.split()[:3] == [consumer, "7.1", provider]
    pacts = json.loads(as_json.stdout)["pacts"]
    assert any(p["_embedded"]["consumer"]["name"] == consumer for p in pacts)


# ---- the official client's pact ---------------------------------------------------------------

_PUBLISH_INDEX = (
    "a request for the index resource",
    "the pb:publish-contracts relations exists in the index resource",
)


def test_publish_sends_what_the_official_client_sends(tmp_path: Path) -> None:
    # The file whose compact JSON the official client base64-encodes in its pact, pretty-printed:
    # formatting must not change what is sent.
    pact_file = tmp_path / "Foo-Bar.json"
    pact_file.write_text(json.dumps(_published_pact(), indent=2))

    with official_pact(_PUBLISH_INDEX, ("a request to publish contracts", None)) as url:
        result = Accord(url)(
            "publish", str(pact_file), "--consumer-app-version",
            "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30", "--branch", "main", "--tag", "dev",
            "--build-url", "http://build", "--merge",
        )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert "some message" in result.stdout


def _published_pact() -> Any:
    pact = json.loads(OFFICIAL_PACT.read_text())
    [publish] = [
        i for i in pact["interactions"] if i["description"] == "a request to publish contracts"
    ]
    content = publish["request"]["body"]["contracts"][0]["content"]
    return json.loads(base64.b64decode(content))
