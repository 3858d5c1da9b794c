"""The 17 matrix / can-i-deploy scenarios of design note §7.1, on SQLite and PostgreSQL.

Every scenario asserts `deployable`, the summary counts and the reason text. Where the note calls a
result "not deployable" without saying false or unknown (8, 10, 11, 12), the tests pin the
tri-state of §5.4 step 8: a required row without a verification makes it null (unknown), as in
scenario 2; only a failed verification makes it false.
"""

from __future__ import annotations

from typing import Any

from tests.broker.conftest import Broker


def ask(broker: Broker, path: str) -> dict[str, Any]:
    response = broker.client.get(path)
    assert response.status_code == 200, response.text
    return response.json()


def summary(body: dict[str, Any]) -> tuple[Any, int, int, int]:
    s = body["summary"]
    return s["deployable"], s["success"], s["failed"], s["unknown"]


def pairs(body: dict[str, Any]) -> list[tuple[str, str, str, str | None]]:
    return sorted(
        (r["consumer"]["name"], r["consumer"]["version"]["number"], r["provider"]["name"],
         r["provider"]["version"]["number"] if r["provider"]["version"] else None)
        for r in body["matrix"]
    )  # fmt: skip


def _foo_bar_verified_and_deployed(broker: Broker) -> None:
    (broker.td.create_environment("production").create_consumer("Foo").create_provider("Bar")
       .use_consumer("Foo").create_consumer_version("1").create_pact()
       .create_verification(provider_version="10")
       .create_deployed_version_for_provider_version(environment="production"))  # fmt: skip


def test_01_happy_path_to_an_environment(broker: Broker) -> None:
    _foo_bar_verified_and_deployed(broker)
    body = ask(broker, "/can-i-deploy?pacticipant=Foo&version=1&environment=production")
    assert summary(body) == (True, 1, 0, 0)
    assert (
        body["summary"]["reason"]
        == "All required verification results are published and successful"
    )


def test_02_second_provider_missing_from_the_environment_and_ignore(broker: Broker) -> None:
    _foo_bar_verified_and_deployed(broker)
    (broker.td.create_provider("Baz").use_consumer("Foo").create_pact(provider="Baz")
       .create_verification(provider_version="99", success=False))  # fmt: skip
    body = ask(broker, "/can-i-deploy?pacticipant=Foo&version=1&environment=production")
    assert summary(body) == (None, 1, 0, 1)
    assert ("There is no verified pact between version 1 of Foo and a version of Baz currently in production "
            "(no version is currently recorded as deployed/released in this environment)") in body["summary"]["reason"]  # fmt: skip
    ignored = ask(
        broker, "/can-i-deploy?pacticipant=Foo&version=1&environment=production&ignore[]=Baz"
    )
    assert ignored["summary"]["deployable"] is True and ignored["summary"]["ignored"] == 1
    assert ignored["matrix"][-1]["ignored"] is True


def _provider_versions(broker: Broker, first_ok: bool) -> None:
    (broker.td.create_environment("test").create_consumer("Foo").create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("1").create_pact()
       .create_verification(provider_version="2", success=first_ok)
       .create_deployed_version_for_provider_version(environment="test")
       .create_verification(provider_version="3", success=not first_ok))  # fmt: skip


def test_03_only_the_deployed_provider_version_counts(broker: Broker) -> None:
    _provider_versions(broker, first_ok=True)
    assert (
        ask(broker, "/can-i-deploy?pacticipant=Foo&version=1&environment=test")["summary"][
            "deployable"
        ]
        is True
    )


def test_03_mirror_deployed_failure_counts(broker: Broker) -> None:
    _provider_versions(broker, first_ok=False)
    body = ask(broker, "/can-i-deploy?pacticipant=Foo&version=1&environment=test")
    assert summary(body) == (False, 0, 1, 0)
    assert "The verification for the pact between version 1 of Foo and" in body["summary"]["reason"]


def test_04_provider_not_in_the_environment(broker: Broker) -> None:
    (broker.td.create_environment("test").create_pact_with_hierarchy("Foo", "1", "Bar")
       .create_verification(provider_version="2"))  # fmt: skip
    assert summary(ask(broker, "/can-i-deploy?pacticipant=Foo&version=1&environment=test")) == (
        None,
        0,
        0,
        1,
    )
    body = ask(broker, "/can-i-deploy?pacticipant=Bar&version=2&environment=test")
    assert body["summary"]["deployable"] is True
    assert body["summary"]["reason"] == "There are no missing dependencies"


def test_05_provider_against_several_consumer_versions_in_an_environment(broker: Broker) -> None:
    td = broker.td
    (td.create_environment("prod").create_consumer("Foo").create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("1").create_pact().create_deployed_version_for_consumer_version(environment="prod", target="1")
       .create_verification(provider_version="10")
       .create_consumer_version("2").create_pact().create_deployed_version_for_consumer_version(environment="prod", target="2"))  # fmt: skip
    body = ask(broker, "/can-i-deploy?pacticipant=Bar&version=10&environment=prod")
    assert body["summary"]["deployable"] is None, "Foo v2's pact is not verified: unknown"
    assert "one of the versions of Foo currently in prod (2)" in body["summary"]["reason"]
    td.create_verification(provider_version="10")  # Bar v10 verifies Foo v2's pact
    assert summary(ask(broker, "/can-i-deploy?pacticipant=Bar&version=10&environment=prod")) == (
        True,
        2,
        0,
        0,
    )


def _two_live_providers(
    broker: Broker, *, release: bool, instances: bool, both_pass: bool = False
) -> None:
    td = broker.td
    td.create_environment("prod").create_pact_with_hierarchy("Foo", "1", "Bar")
    for number, ok in (("10", both_pass), ("11", True)):
        td.create_verification(provider_version=number, success=ok)
        if release:
            td.create_released_version_for_provider_version(environment="prod")
        else:
            td.create_deployed_version_for_provider_version(
                environment="prod", target=f"instance-{number}" if instances else None
            )


def test_06_several_provider_versions_released(broker: Broker) -> None:
    _two_live_providers(broker, release=True, instances=False)
    cvpv = ask(broker, "/matrix?q[][pacticipant]=Foo&q[][version]=1&latestby=cvpv&environment=prod")
    assert cvpv["summary"]["deployable"] is False
    cvp = ask(broker, "/matrix?q[][pacticipant]=Foo&q[][version]=1&latestby=cvp&environment=prod")
    assert cvp["summary"]["deployable"] is True, (
        "latestby is honoured as sent (cvp collapses: issue #903)"
    )


def test_06_several_provider_versions_deployed_on_instances(broker: Broker) -> None:
    _two_live_providers(broker, release=False, instances=True)
    assert (
        ask(broker, "/can-i-deploy?pacticipant=Foo&version=1&environment=prod")["summary"][
            "deployable"
        ]
        is False
    )


def test_06_both_deployed_and_passing(broker: Broker) -> None:
    _two_live_providers(broker, release=False, instances=True, both_pass=True)
    assert summary(ask(broker, "/can-i-deploy?pacticipant=Foo&version=1&environment=prod")) == (
        True,
        2,
        0,
        0,
    )


def test_06_deployments_without_instance_replace_each_other(broker: Broker) -> None:
    _two_live_providers(broker, release=False, instances=False)
    assert summary(ask(broker, "/can-i-deploy?pacticipant=Foo&version=1&environment=prod")) == (
        True,
        1,
        0,
        0,
    )


def test_07_old_consumer_version_does_not_need_a_newer_provider(broker: Broker) -> None:
    td = broker.td
    (td.create_pact_with_hierarchy("Foo", "1", "Bar").create_verification(provider_version="2", tag_names=["prod"])
       .create_consumer_version("2").create_pact().create_verification(provider_version="3")
       .create_provider("Wiffle").use_consumer("Foo").create_pact(provider="Wiffle").create_verification(provider_version="10"))  # fmt: skip
    body = ask(
        broker, "/matrix?q[][pacticipant]=Foo&q[][version]=1&latest=true&tag=prod&latestby=cvp"
    )
    assert summary(body) == (True, 1, 0, 0)


def test_08_new_provider_added(broker: Broker) -> None:
    td = broker.td
    (td.create_consumer("c1").create_provider("p1").use_consumer("c1")
       .create_consumer_version("1", tag_names=["test"]).create_pact()
       .create_verification(provider_version="1", tag_names=["test"])
       .create_consumer_version("2").create_pact(provider="p1")
       .create_provider("p2").use_consumer("c1").create_pact(provider="p2").create_verification(provider_version="1"))  # fmt: skip
    body = ask(
        broker, "/matrix?q[][pacticipant]=c1&q[][version]=2&latest=true&tag=test&latestby=cvp"
    )
    # Neither of c1 v2's pacts is verified by a provider version tagged test: unknown, not false.
    assert summary(body) == (None, 0, 0, 2)
    assert body["summary"]["reason"].splitlines() == [
        "There is no verified pact between version 2 of c1 and the latest version of p2 with tag test (no such version exists)",
        "There is no verified pact between version 2 of c1 and the latest version of p1 with tag test (1)",
    ]
    other = ask(
        broker, "/matrix?q[][pacticipant]=p2&q[][version]=1&latest=true&tag=test&latestby=cvp"
    )
    assert summary(other) == (True, 0, 0, 0)
    assert other["summary"]["reason"] == "There are no missing dependencies"


def test_09_unknown_version(broker: Broker) -> None:
    broker.td.create_pact_with_hierarchy("Foo", "1", "Bar")
    body = ask(broker, "/matrix?q[][pacticipant]=Bar&q[][version]=5&latestby=cvp")
    assert body["summary"]["deployable"] is False
    reason = body["summary"]["reason"]
    assert reason.startswith("WARN: It is recommended to specify the environment")
    assert "No pacts or verifications have been published for version 5 of Bar" in reason


def test_10_first_deployment_of_a_consumer(broker: Broker) -> None:
    broker.td.create_pact_with_hierarchy("Foo", "1", "Bar").create_verification(
        provider_version="2"
    )
    consumer = ask(broker, "/can-i-deploy?pacticipant=Foo&version=1&to=prod")
    assert summary(consumer) == (None, 0, 0, 1)
    assert consumer["summary"]["reason"] == (
        "There is no verified pact between version 1 of Foo and the latest version of Bar with tag prod (no such version exists)"
    )
    provider = ask(broker, "/can-i-deploy?pacticipant=Bar&version=2&to=prod")
    assert summary(provider) == (True, 0, 0, 0)
    assert provider["summary"]["reason"] == "There are no missing dependencies"


def test_11_middle_tier(broker: Broker) -> None:
    td = broker.td
    (td.create_pact_with_hierarchy("Foo", "1", "Bar").create_verification(provider_version="2")
       .create_consumer("Bar").create_consumer_version("2").create_provider("Baz").use_consumer("Bar").create_pact())  # fmt: skip
    before = ask(broker, "/can-i-deploy?pacticipant=Bar&version=2&to=prod")
    assert summary(before) == (None, 0, 0, 1)
    assert before["summary"]["reason"] == (
        "There is no verified pact between version 2 of Bar and the latest version of Baz with tag prod (no such version exists)"
    )
    td.create_verification(provider_version="4", tag_names=["prod"])
    after = ask(broker, "/can-i-deploy?pacticipant=Bar&version=2&to=prod")
    assert summary(after) == (True, 1, 0, 0)
    assert (
        after["summary"]["reason"]
        == "All required verification results are published and successful"
    )


def test_12_bidirectional_pacts(broker: Broker) -> None:
    td = broker.td
    (td.create_consumer("ServiceB").create_provider("ServiceA").use_consumer("ServiceB")
       .create_consumer_version("100").create_pact().create_verification(provider_version="99")
       .create_consumer("ServiceA").create_provider("ServiceB").use_consumer("ServiceA")
       .create_consumer_version("1").create_pact().create_verification(provider_version="100"))  # fmt: skip
    both = ask(
        broker,
        "/matrix?q[][pacticipant]=ServiceA&q[][version]=1&q[][pacticipant]=ServiceB&q[][version]=100&latestby=cvpv",
    )
    # B v100 verified A v1's pact (success), but B v100's own pact was verified by A v99, not A v1.
    assert summary(both) == (None, 1, 0, 1)
    assert (
        both["summary"]["reason"]
        == "There is no verified pact between version 100 of ServiceB and version 1 of ServiceA"
    )
    alone = ask(
        broker, "/matrix?q[][pacticipant]=ServiceB&q[][version]=100&latest=true&latestby=cvp"
    )
    assert summary(alone) == (None, 1, 0, 1)
    assert alone["summary"]["reason"].splitlines() == [
        "WARN: It is recommended to specify the environment into which you are deploying. Without the environment, this result will not be reliable.",
        "There is no verified pact between version 100 of ServiceB and the latest version of ServiceA (1)",
    ]


def test_13_auto_created_provider_version_without_results(broker: Broker) -> None:
    td = broker.td
    (td.create_pact_with_hierarchy("Foo", "1", "Bar").create_verification(provider_version="1")
       .create_consumer("NotInTest").create_consumer_version("1", tag_names=["test"]).create_pact(provider="Bar")
       .create_verification(provider_version="1").create_provider_version("2"))  # fmt: skip
    body = ask(
        broker, "/matrix?q[][pacticipant]=Bar&q[][version]=2&latest=true&tag=test&latestby=cvp"
    )
    assert summary(body) == (None, 0, 0, 1)
    assert body["summary"]["reason"] == (
        "There is no verified pact between the latest version of NotInTest with tag test (1) and version 2 of Bar"
    )


def test_14_ignore_semantics(broker: Broker) -> None:
    (broker.td.create_pact_with_hierarchy("Foo", "1", "Bar")
       .create_verification(provider_version="2", success=False, tag_names=["prod"]))  # fmt: skip
    base = "/can-i-deploy?pacticipant=Foo&version=1&to=prod"
    failed = ask(broker, base)
    assert summary(failed) == (False, 0, 1, 0)
    assert (
        "The verification for the pact between version 1 of Foo and the latest version of Bar with tag prod (2) failed"
        in failed["summary"]["reason"]
    )
    assert ask(broker, base + "&ignore[]=Bar")["summary"]["deployable"] is True
    assert (
        ask(broker, base + "&ignore[][pacticipant]=Bar&ignore[][version]=2")["summary"][
            "deployable"
        ]
        is True
    )
    wrong = ask(broker, base + "&ignore[][pacticipant]=Bar&ignore[][version]=999")
    assert wrong["summary"]["deployable"] is False
    assert "WARN: Cannot ignore version 999 of Bar" in wrong["summary"]["reason"]
    nobody = ask(broker, base + "&ignore[]=Nobody")
    assert (
        "WARN: Cannot ignore Nobody" in nobody["summary"]["reason"]
        and nobody["summary"]["deployable"] is False
    )


def test_15_main_branches(broker: Broker) -> None:
    td = broker.td
    (td.create_consumer("Foo").create_provider("Bar", main_branch="develop").create_provider("Baz", main_branch="main")
       .use_consumer("Foo").create_consumer_version("1").create_pact(provider="Bar")
       .create_verification(provider_version="1", branch="develop").create_verification(provider_version="2", branch="develop")
       .create_verification(provider_version="3", branch="other")
       .use_consumer("Foo").create_pact(provider="Baz")
       .create_verification(provider_version="10", branch="main").create_verification(provider_version="11", branch="main")
       .create_verification(provider_version="12", branch="other"))  # fmt: skip
    body = ask(
        broker,
        "/matrix?q[][pacticipant]=Foo&q[][version]=1&mainBranch=true&latest=true&latestby=cvp",
    )
    assert pairs(body) == [("Foo", "1", "Bar", "2"), ("Foo", "1", "Baz", "11")]
    branches = {r["provider"]["name"]: r["provider"]["version"]["branch"] for r in body["matrix"]}
    assert branches == {"Bar": "develop", "Baz": "main"}


def test_16_warnings(broker: Broker) -> None:
    (broker.td.create_consumer("Foo").create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("1", tag_names=["dev"]).create_pact()
       .create_verification(provider_version="2", tag_names=["prod"]))  # fmt: skip
    single = ask(broker, "/matrix?q[][pacticipant]=Foo&q[][version]=1&latestby=cvp")
    assert single["summary"]["reason"].startswith(
        "WARN: It is recommended to specify the environment"
    )
    tag_to_tag = ask(broker, "/pacticipants/Foo/latest-version/dev/can-i-deploy/to/prod")
    lines = tag_to_tag["summary"]["reason"].split("\n")
    assert lines[0].startswith("WARN: It is recommended to specify the version number")
    assert lines[1] == "All required verification results are published and successful"


def test_17_unknown_count_maths(broker: Broker) -> None:
    td = broker.td
    (td.create_environment("prod").create_pact_with_hierarchy("Foo", "1", "Bar")
       .create_verification(provider_version="5").create_deployed_version_for_provider_version(environment="prod")
       .create_provider("Baz").use_consumer("Foo").create_pact(provider="Baz").create_provider_version("7")
       .create_deployed_version_for_provider_version(environment="prod"))  # fmt: skip
    body = ask(broker, "/can-i-deploy?pacticipant=Foo&version=1&environment=prod")
    assert summary(body) == (None, 1, 0, 1), "one of two required integrations has no result"
    td.create_verification(provider_version="7", success=False)
    body = ask(broker, "/can-i-deploy?pacticipant=Foo&version=1&environment=prod")
    assert summary(body) == (False, 1, 1, 0)
    ignored = ask(broker, "/can-i-deploy?pacticipant=Foo&version=1&environment=prod&ignore[]=Baz")
    assert ignored["summary"]["deployable"] is True and ignored["summary"]["ignored"] == 1
    # provider-only query: a consumer integration without a row costs nothing
    td.create_consumer("Quux").create_consumer_version("1").create_pact(provider="Bar")
    provider = ask(broker, "/can-i-deploy?pacticipant=Bar&version=5&environment=prod")
    assert provider["summary"]["deployable"] is True and provider["summary"]["unknown"] == 0
