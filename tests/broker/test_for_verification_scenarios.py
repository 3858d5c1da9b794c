"""Scenarios 18–25 of the design note §7.1 (pacts for verification, pending, WIP), each run on
SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from tests.broker.conftest import Broker
from tests.broker.helpers import for_verification, publish_contract, summary, verify_entry


def _since(broker: Broker, days: float = 1) -> str:
    return (broker.clock.current - timedelta(days=days)).isoformat()


# 18 -----------------------------------------------------------------------------------------
def test_18_defaults_use_the_main_branch_head(broker: Broker) -> None:
    # Foo (main branch "main"): v1 on main with a pact, v2 without a branch with a pact
    (broker.td.create_consumer("Foo", main_branch="main").create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("1", branch="main").create_pact()
       .create_consumer_version("2").create_pact())  # fmt: skip
    entries = for_verification(broker.client, "Bar")
    assert summary(entries) == [("Pact between Foo (1) and Bar", "latest from main branch")]


def test_18_defaults_fall_back_to_the_tag_named_like_the_main_branch(broker: Broker) -> None:
    (broker.td.create_consumer("Foo", main_branch="main").create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("1", tag_names=["main"]).create_pact()
       .create_consumer_version("2").create_pact())  # fmt: skip
    entries = for_verification(broker.client, "Bar")
    assert summary(entries) == [("Pact between Foo (1) and Bar", "latest with tag main")]


def test_18_defaults_without_main_branch_use_the_latest(broker: Broker) -> None:
    (broker.td.create_consumer("Foo").create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("1").create_pact()
       .create_consumer_version("2").create_pact())  # fmt: skip
    entries = for_verification(broker.client, "Bar")
    assert summary(entries) == [("Pact between Foo (2) and Bar", "latest")]


def test_18_defaults_add_deployed_versions_but_not_undeployed_ones(broker: Broker) -> None:
    (broker.td.create_environment("test").create_consumer("Foo", main_branch="main")
       .create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("1").create_pact()
       .create_deployed_version_for_consumer_version(environment="test")
       .record_undeployment_of_consumer_version(environment="test")
       .create_consumer_version("2").create_pact()
       .create_deployed_version_for_consumer_version(environment="test")
       .create_consumer_version("3", branch="main").create_pact())  # fmt: skip
    entries = for_verification(broker.client, "Bar")
    assert summary(entries) == [
        ("Pact between Foo (2) and Bar", "deployed to test"),
        ("Pact between Foo (3) and Bar", "latest from main branch"),
    ]


# 19 -----------------------------------------------------------------------------------------
def test_19_latest_per_tag_deduplicates_identical_content(broker: Broker) -> None:
    (broker.td.create_consumer("Foo").create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("1", tag_names=["prod"]).create_pact()
       .create_consumer_version("2", tag_names=["dev"]).create_pact()
       .create_consumer_version("3", tag_names=["dev"]).create_pact()
       .create_consumer("Baz").create_consumer_version("10", tag_names=["dev", "prod"])
       .create_pact(provider="Bar"))  # fmt: skip
    entries = for_verification(
        broker.client, "Bar",
        consumerVersionSelectors=[{"tag": "dev", "latest": True}, {"tag": "prod", "latest": True}],
    )  # fmt: skip
    assert summary(entries) == [
        ("Pact between Baz (10) and Bar", "latest with tag dev, latest with tag prod"),
        ("Pact between Foo (1) and Bar", "latest with tag prod"),
        ("Pact between Foo (3) and Bar", "latest with tag dev"),
    ]


# 20 -----------------------------------------------------------------------------------------
def test_20_all_versions_for_a_tag_keep_the_newest_version_per_content(broker: Broker) -> None:
    (broker.td.create_consumer("Foo").create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("prod-version-1", tag_names=["prod"]).create_pact(content="one")
       .create_consumer_version("prod-version-2", tag_names=["prod"]).create_pact(content="two")
       .create_consumer_version("prod-version-3", tag_names=["prod"]).create_pact(content="two"))  # fmt: skip
    entries = for_verification(broker.client, "Bar", consumerVersionSelectors=[{"tag": "prod"}])
    assert summary(entries) == [
        ("Pact between Foo (prod-version-1) and Bar", "one of prod"),
        ("Pact between Foo (prod-version-3) and Bar", "one of prod"),
    ]


# 21 -----------------------------------------------------------------------------------------
def test_21_deployed_selector_returns_only_currently_deployed_versions(broker: Broker) -> None:
    (broker.td.create_environment("test").create_consumer("Foo").create_provider("Bar")
       .use_consumer("Foo")
       .create_consumer_version("1").create_pact()
       .create_deployed_version_for_consumer_version(environment="test")
       .record_undeployment_of_consumer_version(environment="test")
       .create_consumer_version("2").create_pact()
       .create_deployed_version_for_consumer_version(environment="test")
       .create_consumer_version("3").create_pact())  # fmt: skip
    entries = for_verification(broker.client, "Bar", consumerVersionSelectors=[{"deployed": True}])
    assert summary(entries) == [("Pact between Foo (2) and Bar", "deployed to test")]


# 22 -----------------------------------------------------------------------------------------
def test_22_pending_lifecycle_with_branches(broker: Broker) -> None:
    client = broker.client
    publish_contract(client, "Foo", "1", "Bar", "a")
    query = {"includePendingStatus": True, "providerVersionBranch": "main"}

    [entry] = for_verification(client, "Bar", **query)
    assert entry["verificationProperties"]["pending"] is True

    verify_entry(client, entry, "2", success=False, branch="main")
    [entry] = for_verification(client, "Bar", **query)
    assert entry["verificationProperties"]["pending"] is True, "a failure never clears pending"

    verify_entry(client, entry, "2", success=True, branch="main")
    [entry] = for_verification(client, "Bar", **query)
    assert entry["verificationProperties"]["pending"] is False

    # a new branch without versions inherits every earlier success from other branches
    [entry] = for_verification(
        client, "Bar", includePendingStatus=True, providerVersionBranch="feat/foo"
    )
    assert entry["verificationProperties"]["pending"] is False


# 23 -----------------------------------------------------------------------------------------
def test_23_wip_lifecycle_with_tags(broker: Broker) -> None:
    client = broker.client
    publish_contract(client, "Foo", "1", "Bar", "master-content", tags=["master"])
    publish_contract(client, "Foo", "2", "Bar", "feature-content", tags=["feat-x"])
    query = {
        "consumerVersionSelectors": [{"tag": "master", "latest": True}],
        "providerVersionTags": ["master"],
        "includeWipPactsSince": _since(broker),
        "includePendingStatus": True,
    }
    master, wip = for_verification(client, "Bar", **query)
    assert master["shortDescription"] == "latest with tag master"
    assert "wip" not in master["verificationProperties"]
    assert wip["_links"]["self"]["name"] == "Pact between Foo (2) and Bar"
    assert wip["verificationProperties"]["wip"] is True
    assert wip["verificationProperties"]["pending"] is True

    # a success published through the WIP URL is stored as WIP: still WIP and pending
    verify_entry(client, wip, "5", success=True, tags=["master"])
    _, wip_again = for_verification(client, "Bar", **query)
    assert wip_again["verificationProperties"] == {
        **wip_again["verificationProperties"],
        "wip": True,
        "pending": True,
    }

    # master now carries the feature content: it is selected explicitly, so no WIP entries
    publish_contract(client, "Foo", "3", "Bar", "feature-content", tags=["master"])
    entries = for_verification(client, "Bar", **query)
    assert summary(entries) == [("Pact between Foo (3) and Bar", "latest with tag master")]
    assert "wip" not in entries[0]["verificationProperties"]


def test_23_wip_success_for_one_provider_tag_does_not_count_for_another(broker: Broker) -> None:
    client = broker.client
    publish_contract(client, "Foo", "1", "Bar", "feature-content", tags=["feat-x"])
    query = {"consumerVersionSelectors": [{"tag": "master", "latest": True}],
             "includeWipPactsSince": _since(broker), "includePendingStatus": True}  # fmt: skip
    [wip] = for_verification(client, "Bar", providerVersionTags=["feat-1"], **query)
    verify_entry(client, wip, "7", success=True, tags=["feat-1"])
    [still] = for_verification(client, "Bar", providerVersionTags=["feat-2"], **query)
    assert still["verificationProperties"]["wip"] is True


def test_23_matching_tag_success_on_feature_does_not_remove_wip_for_master(broker: Broker) -> None:
    td = broker.td
    (td.create_consumer("Foo").create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("1", tag_names=["feat-x"]).create_pact()
       .create_verification(provider_version="1", success=False, tag_names=["master"])
       .create_verification(provider_version="2", success=True, tag_names=["feat-x"]))  # fmt: skip
    entries = for_verification(
        broker.client, "Bar", consumerVersionSelectors=[{"tag": "master", "latest": True}],
        providerVersionTags=["master"], includeWipPactsSince=_since(broker), includePendingStatus=True,
    )  # fmt: skip
    assert [e["verificationProperties"].get("wip") for e in entries] == [True]


# 24 -----------------------------------------------------------------------------------------
def _wip_for_branch(broker: Broker, branch: str | None, days: float = 60) -> list[dict]:  # type: ignore[type-arg]
    body = {"consumerVersionSelectors": [{"mainBranch": True}], "includePendingStatus": True,
            "includeWipPactsSince": _since(broker, days)}  # fmt: skip
    if branch:
        body["providerVersionBranch"] = branch
    return [
        e
        for e in for_verification(broker.client, "Bar", **body)
        if e["verificationProperties"].get("wip")
    ]


def _feature_pact(broker: Broker) -> None:
    (broker.td.create_consumer("Foo", main_branch="main").create_provider("Bar").use_consumer("Foo")
       .create_consumer_version("1", branch="feat-a").create_pact())  # fmt: skip


def test_24_success_on_another_branch_before_this_branch_existed_is_not_wip(broker: Broker) -> None:
    _feature_pact(broker)
    broker.td.create_verification(provider_version="1", success=True, branch="dev")
    assert _wip_for_branch(broker, "feat-new-branch") == []


def test_24_failure_on_another_branch_leaves_it_wip(broker: Broker) -> None:
    _feature_pact(broker)
    broker.td.create_verification(provider_version="1", success=False, branch="dev")
    [entry] = _wip_for_branch(broker, "feat-new-branch")
    assert entry["_links"]["self"]["name"] == "Pact between Foo (1) and Bar"
    assert entry["shortDescription"] == "latest from branch feat-a"
    assert entry["verificationProperties"]["pending"] is True


def test_24_success_on_the_same_branch_older_than_30_days_is_ignored(broker: Broker) -> None:
    _feature_pact(broker)
    broker.td.create_verification(provider_version="1", success=True, branch="feat-new-branch")
    assert _wip_for_branch(broker, "feat-new-branch") == []
    broker.td.add_days(31)
    assert len(_wip_for_branch(broker, "feat-new-branch")) == 1


def test_24_success_from_a_branch_idle_for_35_days_is_ignored(broker: Broker) -> None:
    _feature_pact(broker)
    broker.td.create_verification(provider_version="1", success=True, branch="dev").add_days(35)
    assert len(_wip_for_branch(broker, "feat-new-branch")) == 1


def test_24_no_branch_and_no_tags_means_no_wip_pacts(broker: Broker) -> None:
    _feature_pact(broker)
    assert _wip_for_branch(broker, None) == []


# 25 -----------------------------------------------------------------------------------------
def test_25_selector_validation(broker: Broker) -> None:
    broker.td.create_provider("Bar")
    cases = [
        ({"mainBranch": True, "tag": "x"}, {},
         "cannot specify mainBranch=true with any other criteria apart from consumer (at index 0)"),
        ({"matchingBranch": True}, {}, "the providerVersionBranch must be specified when matchingBranch=true (at index 0)"),
        ({"tag": "a", "branch": "b"}, {}, "cannot specify both a tag and a branch (at index 0)"),
        ({"fallbackBranch": "foo", "tag": "foo"}, {},
         "a branch must be specified when a fallbackBranch is specified (at index 0)"),
        ({"mainBranch": True, "latest": False}, {}, "cannot specify mainBranch=true with latest=false (at index 0)"),
    ]  # fmt: skip
    for selector, extra, message in cases:
        response = broker.client.post(
            "/pacts/provider/Bar/for-verification",
            json={"consumerVersionSelectors": [selector], **extra},
        )
        assert response.status_code == 400, selector
        assert message in response.json()["errors"]["consumerVersionSelectors"], response.json()


def test_25_unknown_provider_is_404(broker: Broker) -> None:
    response = broker.client.post("/pacts/provider/Nope/for-verification", json={})
    assert response.status_code == 404
    assert response.json() == {"error": "No provider with name 'Nope' found"}


def test_25_get_form_adds_the_beta_warning(broker: Broker) -> None:
    broker.td.create_pact_with_hierarchy("Foo", "1", "Bar")
    response = broker.client.get(
        "/pacts/provider/Bar/for-verification?consumer_version_selectors[][latest]=true&include_pending_status=true"
    )
    assert response.status_code == 200
    [entry] = response.json()["_embedded"]["pacts"]
    first = entry["verificationProperties"]["notices"][0]["text"]
    assert first.startswith(
        "WARNING - this version of the Pact library uses a beta version of the API"
    )
    assert (
        response.json()["_links"]["self"]["href"]
        == "http://broker/pacts/provider/Bar/for-verification"
    )
