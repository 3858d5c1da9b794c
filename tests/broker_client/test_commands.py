"""The broker client's command functions without a broker: HAL requests through an in-process
httpx transport, publishing bodies and merges, version properties, matrix queries and retries."""

from __future__ import annotations

import base64
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from accord.broker_client.hal import HalClient
from accord.broker_client.matrix import CanIDeployQuery, VersionSelector, can_i_deploy
from accord.broker_client.publishing import (
    ConsumerVersion,
    contracts_request,
    find_pact_files,
    merged_by_provider,
    publish_pacts,
    read_pact_file,
)
from accord.broker_client.version_properties import detect_branch, detect_build_url, detect_commit
from accord.errors import BrokerClientError, PactMergeConflict

Handler = Callable[[httpx.Request], httpx.Response]


def _hal(handler: Handler) -> HalClient:
    client = httpx.Client(transport=httpx.MockTransport(handler))
    return HalClient("http://broker/base", client=client, retries=0)


# ---- HAL requests ------------------------------------------------------------------------------


def test_relative_links_patch_delete_and_query_parameters() -> None:
    seen: list[tuple[str, str, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.method, str(request.url), request.headers.get("content-type")))
        return httpx.Response(200, json={})

    hal = _hal(handler)
    hal.patch("/deployed-versions/1", {"currentlyDeployed": False})
    hal.delete("environments/2")
    hal.get("http://other/matrix", params=[("q[][pacticipant]", "Foo Bar"), ("latestby", "cvp")])

    assert seen == [
        ("PATCH", "http://broker/deployed-versions/1", "application/merge-patch+json"),
        ("DELETE", "http://broker/base/environments/2", None),
        ("GET", "http://other/matrix?q%5B%5D%5Bpacticipant%5D=Foo+Bar&latestby=cvp", None),
    ]


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ({"errors": {"name": ["is missing"], "production": ["must be a boolean"]}},
         "name: is missing; production: must be a boolean"),
        ({"errors": ["Please provide 1 or more version selectors."]},
         "Please provide 1 or more version selectors."),
        ({"error": {"message": "boom", "reference": "x1"}}, "boom"),
    ],
)  # fmt: skip
def test_broker_errors_read_as_sentences(body: dict[str, Any], shown: str) -> None:
    hal = _hal(lambda request: httpx.Response(400, json=body))
    with pytest.raises(BrokerClientError) as caught:
        hal.get("/environments")
    assert str(caught.value).endswith(f"HTTP 400: {shown}")
    assert caught.value.status == 400


# ---- publishing ----------------------------------------------------------------------------


def _pact(consumer: str, provider: str, *descriptions: str) -> dict[str, Any]:
    return {
        "consumer": {"name": consumer},
        "provider": {"name": provider},
        "interactions": [
            {
                "description": d,
                "request": {"method": "GET", "path": "/"},
                "response": {"status": 200},
            }
            for d in descriptions
        ],
        "metadata": {"pactSpecification": {"version": "2.0.0"}},
    }


def _write(path: Path, pact: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(pact))
    return path


def test_pact_files_from_directories_and_files(tmp_path: Path) -> None:
    a = _write(tmp_path / "dir" / "b.json", _pact("C", "P", "x"))
    b = _write(tmp_path / "dir" / "a.json", _pact("C", "Q", "x"))
    (tmp_path / "dir" / "notes.txt").write_text("not a pact")
    single = _write(tmp_path / "one.json", _pact("C", "R", "x"))
    assert find_pact_files([tmp_path / "dir", single]) == [b, a, single]
    with pytest.raises(BrokerClientError, match="does not exist"):
        find_pact_files([tmp_path / "missing"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BrokerClientError, match=r"no pact files \(\*\.json\) found"):
        find_pact_files([empty])


def test_files_for_one_pair_merge_and_conflicts_are_named(tmp_path: Path) -> None:
    first = read_pact_file(_write(tmp_path / "1.json", _pact("C", "P", "a", "b")))
    second = read_pact_file(_write(tmp_path / "2.json", _pact("C", "P", "b", "c")))
    [merged] = merged_by_provider([first, second])
    assert [i["description"] for i in merged["interactions"]] == ["a", "b", "c"]

    changed = _pact("C", "P", "a")
    changed["interactions"][0]["response"]["status"] = 500
    third = read_pact_file(_write(tmp_path / "3.json", changed))
    with pytest.raises(PactMergeConflict, match="interaction 'a'"):
        merged_by_provider([first, third])


def test_contracts_request_is_compact_base64_json_and_leaves_out_empty_options() -> None:
    pact = _pact("Café", "P", "x")
    body = contracts_request("Café", [pact], ConsumerVersion(number=" 1 "), merge=False)
    assert body.keys() == {"pacticipantName", "pacticipantVersionNumber", "tags", "contracts"}
    assert body["pacticipantVersionNumber"] == "1"
    [contract] = body["contracts"]
    assert "onConflict" not in contract
    content = base64.b64decode(contract["content"]).decode("utf-8")
    assert content == json.dumps(pact, separators=(",", ":"), ensure_ascii=False)


def test_brokers_without_publish_contracts_get_the_old_sequence(tmp_path: Path) -> None:
    calls: list[tuple[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append((request.method, request.url.path))
        if request.url.path == "/base/":
            return httpx.Response(200, json={"_links": {
                "pb:publish-pact": {"href": "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}"},
                "pb:pacticipant-version-tag": {"href": "/pacticipants/{pacticipant}/versions/{version}/tags/{tag}"},
                "pb:pacticipant-branch-version": {"href": "/pacticipants/{pacticipant}/branches/{branch}/versions/{version}"},
            }})  # fmt: skip
        return httpx.Response(201, json={})

    pact = read_pact_file(_write(tmp_path / "p.json", _pact("C", "P", "x")))
    version = ConsumerVersion(number="1", branch="main", tags=["dev"])
    [publication] = publish_pacts(_hal(handler), [pact], version)

    assert calls[1:] == [
        ("PUT", "/pacticipants/C/branches/main/versions/1"),
        ("PUT", "/pacticipants/C/versions/1/tags/dev"),
        ("PUT", "/pacts/provider/P/consumer/C/version/1"),
    ]
    assert publication.notices[0].text.startswith("Pact successfully published for C version 1")


# ---- version properties -------------------------------------------------------------------


def test_ci_variables_win_and_refs_heads_is_dropped() -> None:
    env = {"GITHUB_SHA": "abc", "GITHUB_HEAD_REF": "", "GITHUB_REF": "refs/heads/feat/y"}
    assert detect_commit(env) == "abc"
    assert detect_branch(env) == "feat/y"
    assert detect_branch({"MY_CI_BRANCH": "trunk"}) == "trunk"
    assert detect_build_url({"BUILD_URL": "https://jenkins/1"}) == "https://jenkins/1"
    assert detect_build_url({}) is None


def test_git_is_asked_when_no_ci_variable_says(tmp_path: Path) -> None:
    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=tmp_path, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    git("init", "-q", "-b", "topic")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "x")
    assert detect_branch({}, cwd=str(tmp_path)) == "topic"
    assert detect_commit({}, cwd=str(tmp_path)) == git("rev-parse", "HEAD")
    with pytest.raises(BrokerClientError, match="cannot detect the current commit"):
        detect_commit({}, cwd=str(tmp_path.parent))


# ---- matrix ------------------------------------------------------------------------------------


def test_query_targets_and_ignores() -> None:
    foo = VersionSelector(pacticipant="Foo", version="1")
    bar = VersionSelector(pacticipant="Bar", branch="main")
    assert CanIDeployQuery(selectors=[foo, bar], to_tag="prod").params() == [
        ("q[][pacticipant]", "Foo"), ("q[][version]", "1"),
        ("q[][pacticipant]", "Bar"), ("q[][latest]", "true"), ("q[][branch]", "main"),
        ("latestby", "cvpv"), ("latest", "true"), ("tag", "prod"),
    ]  # fmt: skip
    ignoring = CanIDeployQuery(
        selectors=[foo],
        to_environment="prod",
        ignore=[VersionSelector(pacticipant="Baz", version="2")],
    )
    assert ignoring.params()[-3:] == [
        ("environment", "prod"), ("ignore[][pacticipant]", "Baz"), ("ignore[][version]", "2"),
    ]  # fmt: skip


def _matrix(deployable: bool | None, unknown: Any) -> dict[str, Any]:
    return {"summary": {"deployable": deployable, "reason": "r", "unknown": unknown}, "matrix": []}


def test_retry_while_unknown_sleeps_then_asks_until_known() -> None:
    answers = [_matrix(None, 1), _matrix(None, 1), _matrix(True, 0)]
    slept: list[float] = []
    waiting: list[str] = []
    hal = _hal(lambda request: httpx.Response(200, json=answers.pop(0)))
    query = CanIDeployQuery(selectors=[VersionSelector(pacticipant="Foo", version="1")])

    matrix = can_i_deploy(
        hal,
        query,
        retry_while_unknown=5,
        retry_interval=2,
        sleep=slept.append,
        on_wait=waiting.append,
    )

    assert matrix.deployable is True
    assert slept == [2, 2]
    assert waiting == ["Waiting for 1 verification result to be published (maximum of 10 seconds)"]


def test_retry_needs_a_broker_that_counts_unknown_results() -> None:
    hal = _hal(lambda request: httpx.Response(200, json=_matrix(None, None)))
    query = CanIDeployQuery(selectors=[VersionSelector(pacticipant="Foo", version="1")])
    with pytest.raises(BrokerClientError, match="does not count unknown verification results"):
        can_i_deploy(hal, query, retry_while_unknown=1, sleep=lambda _: None)


def test_a_broken_pact_file_is_named_before_anything_is_published(tmp_path: Path) -> None:
    from accord.errors import InvalidPact

    broken = _pact("C", "P", "x")
    broken["interactions"][0]["response"]["status"] = "abc"
    path = _write(tmp_path / "broken.json", broken)
    with pytest.raises(InvalidPact) as caught:
        read_pact_file(path)
    message = str(caught.value)
    assert message.startswith(f"invalid pact in {path}: 1 problem")
    assert "$.interactions[0].response.status: must be an HTTP status code" in message
