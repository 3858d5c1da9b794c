"""`accord record-deployment`, `record-undeployment`, `record-release`, `record-support-ended`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.broker_support import official_pact, write_pact
from tests.cli.conftest import Accord, RunningBroker

_VERSION = "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30"
_INDEX = (
    "a request for the index resource",
    "the pb:pacticipant-version and pb:environments relations exist in the index resource",
)
_WITH_TEST = f"version {_VERSION} of pacticipant Foo exists with a test environment available for "


def _environment_uuid(running_broker: RunningBroker, name: str) -> str:
    listing = running_broker.json("/environments")
    [environment] = [e for e in listing["_embedded"]["environments"] if e["name"] == name]
    return str(environment["uuid"])


def test_deploy_redeploy_and_undeploy(
    accord: Accord, running_broker: RunningBroker, names: Any, tmp_path: Path
) -> None:
    app, environment = names("Users"), names("prod")
    write_pact(tmp_path, names("Orders"), app)
    assert accord("create-or-update-pacticipant", "--name", app).exit_code == 0
    for version in ("1", "2"):
        assert (
            accord(
                "create-version-tag",
                "-a",
                app,
                "-e",
                version,
                "-t",
                "built",
                "--auto-create-version",
            ).exit_code
            == 0
        )
    assert accord("create-environment", "--name", environment).exit_code == 0
    uuid = _environment_uuid(running_broker, environment)

    first = accord("record-deployment", "-a", app, "-e", "1", "--environment", environment)
    second = accord(
        "record-deployment", "-a", app, "-e", "2", "--environment", environment,
        "--application-instance", "blue",
    )  # fmt: skip
    assert first.exit_code == 0, first.output
    assert f"Recorded deployment of {app} version 1 to {environment} environment" in first.stdout
    assert "(application instance blue)" in second.stdout
    deployed = running_broker.json(
        f"/environments/{uuid}/deployed-versions/currently-deployed", pacticipant=app
    )["_embedded"]["deployedVersions"]
    assert sorted(d["_embedded"]["version"]["number"] for d in deployed) == ["1", "2"]

    wrong = accord(
        "record-undeployment",
        "-a",
        app,
        "--environment",
        environment,
        "--application-instance",
        "green",
    )
    assert wrong.exit_code == 1
    assert "omit --application-instance or give one of --application-instance blue" in wrong.stderr

    undeployed = accord("record-undeployment", "-a", app, "--environment", environment)
    assert undeployed.exit_code == 0, undeployed.output
    assert f"Recorded undeployment of {app} version 1 from {environment}" in undeployed.stdout
    deployed = running_broker.json(
        f"/environments/{uuid}/deployed-versions/currently-deployed", pacticipant=app
    )["_embedded"]["deployedVersions"]
    assert [d["applicationInstance"] for d in deployed] == ["blue"]


def test_release_and_end_support(accord: Accord, running_broker: RunningBroker, names: Any) -> None:
    app, environment = names("Mobile"), names("store")
    assert (
        accord(
            "create-version-tag", "-a", app, "-e", "3.0", "-t", "x", "--auto-create-version"
        ).exit_code
        == 0
    )
    assert accord("create-environment", "--name", environment).exit_code == 0
    uuid = _environment_uuid(running_broker, environment)

    released = accord("record-release", "-a", app, "-e", "3.0", "--environment", environment)
    assert released.exit_code == 0, released.output
    supported = f"/environments/{uuid}/released-versions/currently-supported"
    assert (
        len(running_broker.json(supported, pacticipant=app)["_embedded"]["releasedVersions"]) == 1
    )

    ended = accord("record-support-ended", "-a", app, "-e", "3.0", "--environment", environment)
    assert ended.exit_code == 0, ended.output
    assert running_broker.json(supported, pacticipant=app)["_embedded"]["releasedVersions"] == []
    again = accord("record-support-ended", "-a", app, "-e", "3.0", "--environment", environment)
    assert again.exit_code == 1
    assert (
        f"{app} version 3.0 is not currently released in the {environment} environment"
        in again.stderr
    )


def test_recording_a_deployment_of_an_unknown_version_names_it(accord: Accord, names: Any) -> None:
    app = names("Ghost")
    result = accord("record-deployment", "-a", app, "-e", "9", "--environment", "production")
    assert result.exit_code == 1
    assert f"{app} version 9 not found in the Pact Broker" in result.stderr


# ---- the official client's pact --------------------------------------------------------------


def test_record_deployment_sends_what_the_official_client_sends() -> None:
    wanted = (
        _INDEX,
        ("a request for a pacticipant version", _WITH_TEST + "deployment"),
        ("a request to record a deployment", _WITH_TEST + "deployment"),
    )
    with official_pact(*wanted) as url:
        result = Accord(url)(
            "record-deployment", "--pacticipant", "Foo", "--version", _VERSION,
            "--environment", "test", "--application-instance", "blue",
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"Recorded deployment of Foo version {_VERSION} to test environment" in result.stdout


def test_record_release_sends_what_the_official_client_sends() -> None:
    wanted = (
        _INDEX,
        ("a request for a pacticipant version", _WITH_TEST + "release"),
        ("a request to record a release", _WITH_TEST + "deployment"),
    )
    with official_pact(*wanted) as url:
        result = Accord(url)("record-release", "-a", "Foo", "-e", _VERSION, "--environment", "test")
    assert result.exit_code == 0, result.output
    assert f"Recorded release of Foo version {_VERSION} to test environment" in result.stdout


def test_an_environment_the_version_cannot_go_to_is_explained() -> None:
    wanted = (
        _INDEX,
        (
            "a request for a pacticipant version",
            f"version {_VERSION} of pacticipant Foo exists with 2 environments that aren't test "
            "available for deployment",
        ),
        ("a request for the environments", "an environment with name test exists"),
    )
    with official_pact(*wanted) as url:
        result = Accord(url)(
            "record-deployment", "-a", "Foo", "-e", _VERSION, "--environment", "test"
        )
    assert result.exit_code == 1
    assert (
        "environment 'test' is not an available option for recording a deployment" in result.stderr
    )
    assert "(offered: prod, dev)" in result.stderr
