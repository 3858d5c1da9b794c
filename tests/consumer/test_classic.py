"""The classic (pact-python 1.x/2.x) API: code written for it runs with only the import changed."""

from __future__ import annotations

import json
import shutil
import ssl
import urllib.error
import urllib.request

import pytest

from accord import (
    Consumer,
    EachLike,
    Format,
    Like,
    MessageConsumer,
    MismatchError,
    Provider,
    SomethingLike,
    Term,
)
from accord.consumer import get_generated_values
from accord.errors import AccordError, InvalidMatcher
from tests.support import free_port


@pytest.fixture
def pact(tmp_path):
    pact = Consumer("frontend-app").has_pact_with(
        Provider("user-service"), port=free_port(), pact_dir=str(tmp_path)
    )
    pact.start_service()
    yield pact
    pact.stop_service()


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        error.close()
        return error.code


def test_a_missed_request_fails_with_the_report_and_writes_nothing(pact, tmp_path):
    pact.given("UserA exists").upon_receiving("a request for UserA").with_request(
        "get", "/users/UserA"
    ).will_respond_with(200, body={"name": "UserA"})
    with (
        pytest.raises(MismatchError, match="Expected but not received: 'a request for UserA'"),
        pact,
    ):
        pass
    assert not list(tmp_path.glob("*.json"))


def test_query_as_dict_or_string_and_term_in_the_path(pact, tmp_path):
    (
        pact.upon_receiving("a search")
        .with_request("GET", Term(r"/users/\d+", "/users/1"), query={"q": ["x"], "page": "2"})
        .will_respond_with(200)
    )
    (
        pact.upon_receiving("a filtered list")
        .with_request("GET", "/items", query="a=1&b=2")
        .will_respond_with(200)
    )
    with pact:
        assert _get(pact.uri + "/users/99?q=x&page=2") == 200
        assert _get(pact.uri + "/items?b=2&a=1") == 200
    data = json.loads((tmp_path / "frontend-app-user-service.json").read_text())
    queries = {i["description"]: i["request"]["query"] for i in data["interactions"]}
    assert queries == {"a search": "q=x&page=2", "a filtered list": "a=1&b=2"}
    (search,) = [i for i in data["interactions"] if i["description"] == "a search"]
    assert search["request"]["matchingRules"]["$.path"]["regex"] == r"/users/\d+"


def test_overwrite_mode_keeps_every_block_of_the_session(pact, tmp_path):
    for name in ("a", "b"):
        pact.upon_receiving(f"request {name}").with_request("GET", f"/{name}").will_respond_with(
            200
        )
        with pact:
            _get(f"{pact.uri}/{name}")
    data = json.loads((tmp_path / "frontend-app-user-service.json").read_text())
    assert [i["description"] for i in data["interactions"]] == ["request a", "request b"]


def test_setup_and_verify_by_hand_and_an_exception_in_the_block_writes_nothing(pact, tmp_path):
    pact.upon_receiving("x").with_request("GET", "/x").will_respond_with(200)
    with pytest.raises(ZeroDivisionError), pact:
        1 / 0  # noqa: B018
    assert not list(tmp_path.glob("*.json"))
    pact.upon_receiving("x").with_request("GET", "/x").will_respond_with(200)
    pact.setup()
    assert _get(pact.uri + "/x") == 200
    pact.verify()
    assert (tmp_path / "frontend-app-user-service.json").exists()


def test_with_pact_starts_the_service_when_nobody_did(tmp_path):
    pact = Consumer("c").has_pact_with(
        Provider("p"), port=0, pact_dir=str(tmp_path), file_write_mode="merge"
    )
    pact.upon_receiving("x").with_request("GET", "/x").will_respond_with(200)
    with pact:
        assert _get(pact.uri + "/x") == 200
    assert pact.uri.endswith(":0")  # stopped again


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")
def test_ssl_option(tmp_path):
    pact = Consumer("c").has_pact_with(
        Provider("p"), port=free_port(), ssl=True, pact_dir=str(tmp_path)
    )
    pact.start_service()
    try:
        pact.upon_receiving("x").with_request("GET", "/x").will_respond_with(200)
        with pact:
            assert pact.uri.startswith("https://")
            context = ssl._create_unverified_context()
            with urllib.request.urlopen(pact.uri + "/x", context=context) as response:
                assert response.status == 200
    finally:
        pact.stop_service()


def test_matchers_keep_their_classic_reprs_and_examples():
    body = {"id": Like(1), "tags": EachLike(Term(r"[a-z]+", "red"), minimum=2)}
    assert repr(body["tags"]) == "EachLike(Term('[a-z]+', 'red'), minimum=2)"
    assert SomethingLike is Like
    assert get_generated_values(body) == {"id": 1, "tags": ["red", "red"]}
    formats = Format()
    for name in ("identifier", "decimal", "ip_address", "hexadecimal", "ipv6_address", "uuid"):
        assert getattr(formats, name) is not None
    assert get_generated_values(formats.iso_datetime_ms) == "2000-02-01T00:00:00.000"


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: EachLike(1, minimum=0), "minimum=0 is below 1"),
        (lambda: Term(r"\d+", "abc"), "example='abc' does not match"),
        (lambda: Term("(", "x"), "not a valid regular expression"),
    ],
)
def test_classic_matchers_check_their_arguments(call, words):
    with pytest.raises(InvalidMatcher, match=words.replace("(", r"\(")):
        call()


def test_unsupported_options_say_what_to_do_instead():
    with pytest.warns(UserWarning, match="accord publish"):
        Consumer("c").has_pact_with(Provider("p"), publish_to_broker=True)
    with pytest.warns(UserWarning, match="publish_to_broker is ignored"):
        MessageConsumer("c").has_pact_with(Provider("p"), publish_to_broker=True)
    with pytest.raises(AccordError, match="'overwrite', 'merge' or 'never'"):
        Consumer("c").has_pact_with(Provider("p"), file_write_mode="append")


def test_message_given_before_or_after_expects_to_receive(tmp_path):
    pact = MessageConsumer("worker").has_pact_with(Provider("orders"), pact_dir=str(tmp_path))
    pact.given("state one").expects_to_receive("event one").with_content({"a": 1})
    pact.expects_to_receive("event two").given("state two", {"id": 2}).with_content({"b": Like(2)})
    with pact:
        assert [m["contents"] for m in pact.messages] == [{"a": 1}, {"b": 2}]
    data = json.loads((tmp_path / "worker-orders.json").read_text())
    states = {m["description"]: m["providerStates"] for m in data["messages"]}
    assert states == {
        "event one": [{"name": "state one"}],
        "event two": [{"name": "state two", "params": {"id": 2}}],
    }


def test_a_failing_block_carries_the_mock_report(pact):
    pact.upon_receiving("x").with_request("GET", "/x").will_respond_with(200)
    with pytest.raises(AssertionError) as caught, pact:
        assert _get(pact.uri + "/y") == 200
    assert any("Unexpected GET request received: /y" in note for note in caught.value.__notes__)


def test_given_before_or_after_upon_receiving(pact, tmp_path):
    pact.given("state one").upon_receiving("one").with_request("GET", "/1").will_respond_with(200)
    pact.upon_receiving("two").given("state two").with_request("GET", "/2").will_respond_with(200)
    with pact:
        _get(pact.uri + "/1")
        _get(pact.uri + "/2")
    data = json.loads((tmp_path / "frontend-app-user-service.json").read_text())
    assert {i["description"]: i["providerState"] for i in data["interactions"]} == {
        "one": "state one",
        "two": "state two",
    }
