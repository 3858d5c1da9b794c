"""Pact files: versions, merging, conflicts, stable keys, and many concurrent writers."""

from __future__ import annotations

import json
import multiprocessing
import os

import pytest

from accord import Pact, match
from accord.consumer.pact_files import RUN_ID_VARIABLE, interaction_key, write_pact_file
from accord.errors import InvalidPact, PactMergeConflict
from accord.model import HttpInteraction, Request, load_pact
from accord.model import Pact as PactModel


def _pact(*descriptions: str, spec: str = "v4", body: object = None) -> Pact:
    pact = Pact("web", "users", spec=spec)
    for description in descriptions:
        (
            pact.upon_receiving(description)
            .given("users exist")
            .with_request("GET", f"/{description.replace(' ', '-')}")
            .will_respond_with(200)
            .with_body(body if body is not None else {"id": match.integer(1)})
        )
    return pact


@pytest.mark.parametrize(("spec", "version"), [("v2", "2.0.0"), ("v3", "3.0.0"), ("v4", "4.0")])
def test_writes_each_spec_version(tmp_path, spec, version):
    path = _pact("a", spec=spec).write_file(tmp_path)
    data = json.loads(path.read_text())
    assert path.name == "web-users.json"
    assert data["metadata"]["pactSpecification"]["version"] == version
    rules = data["interactions"][0]["response"]["matchingRules"]
    assert ("$.body.id" in rules) if spec == "v2" else ("body" in rules)


def test_v4_interactions_get_a_stable_key(tmp_path):
    first = json.loads(_pact("a").write_file(tmp_path / "1").read_text())
    second = json.loads(_pact("a").write_file(tmp_path / "2").read_text())
    key = first["interactions"][0]["key"]
    assert key == second["interactions"][0]["key"]
    assert len(key) == 16
    assert interaction_key(_pact("b").interactions()[0]) != interaction_key(
        _pact("a").interactions()[0]
    )


def test_merges_new_interactions_and_replaces_same_ones_from_an_earlier_run(tmp_path, monkeypatch):
    monkeypatch.setenv(RUN_ID_VARIABLE, "run-1")
    _pact("a", "b").write_file(tmp_path)
    monkeypatch.setenv(RUN_ID_VARIABLE, "run-2")
    _pact("b", body={"changed": True}).write_file(tmp_path)
    _pact("c").write_file(tmp_path)
    pact = load_pact(tmp_path / "web-users.json")
    assert [i.description for i in pact.interactions] == ["a", "b", "c"]
    assert pact.interaction("b").response.body.json() == {"changed": True}


def test_a_conflicting_interaction_in_the_same_run_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv(RUN_ID_VARIABLE, "run-1")
    _pact("a").write_file(tmp_path)
    _pact("a").write_file(tmp_path)  # identical: fine
    with pytest.raises(PactMergeConflict, match=r"'a' .* already written in this test run"):
        _pact("a", body={"other": 1}).write_file(tmp_path)


def test_overwrite_replaces_the_file(tmp_path):
    _pact("a").write_file(tmp_path)
    _pact("b").write_file(tmp_path, overwrite=True)
    assert [i.description for i in load_pact(tmp_path / "web-users.json").interactions] == ["b"]


def test_a_blank_pact_file_left_by_a_crash_is_replaced(tmp_path):
    (tmp_path / "web-users.json").write_text("\n  \n")
    _pact("a").write_file(tmp_path)
    assert [i.description for i in load_pact(tmp_path / "web-users.json").interactions] == ["a"]


def test_a_broken_pact_file_says_how_to_get_past_it(tmp_path):
    target = tmp_path / "web-users.json"
    target.write_text('{"consumer": {"name": "web"}, "interactions": [')
    with pytest.raises(InvalidPact) as caught:
        _pact("a").write_file(tmp_path)
    assert f"invalid pact in {target}" in str(caught.value)
    assert caught.value.__notes__ == [
        f"The new interactions are merged into the existing {target}, which is broken; delete "
        "it (the consumer tests write it again) or write with overwrite=True."
    ]


def _write_two(folder: str, worker: int) -> None:
    for number in range(2):
        interaction = HttpInteraction(
            description=f"worker {worker} request {number}",
            request=Request(method="GET", path=f"/{worker}/{number}"),
        )
        write_pact_file(
            PactModel(consumer="web", provider="users", interactions=(interaction,)), folder
        )


def test_sixteen_processes_writing_at_once_never_lose_an_interaction(tmp_path, monkeypatch):
    # Forked workers start in milliseconds; each holds the lock only while it merges.
    monkeypatch.setenv(RUN_ID_VARIABLE, "parallel")
    context = multiprocessing.get_context("fork")
    for run in range(20):
        folder = tmp_path / f"run{run}"
        workers = [context.Process(target=_write_two, args=(str(folder), n)) for n in range(16)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert [worker.exitcode for worker in workers] == [0] * 16
        pact = load_pact(folder / "web-users.json")
        assert len(pact.interactions) == 32, f"run {run} lost interactions"
        assert not [name for name in os.listdir(folder) if name.endswith(".tmp")]
