"""The modern DSL end to end: serve(), reports, generators, query/header matchers, status codes."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from accord import MismatchError, Pact, generate, match
from accord.errors import InvalidMatcher


def _call(
    url: str, *, method: str = "GET", body: object = None, headers: dict[str, str] | None = None
):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read() or b"null"), dict(response.headers)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read() or b"null"), dict(error.headers)


def test_mismatched_request_report_names_interaction_path_expected_and_actual():
    pact = Pact("web", "users")
    (
        pact.upon_receiving("a request to update a user")
        .with_request("PUT", "/users/1")
        .with_body({"user": {"email": match.regex("mary@example.com", pattern=r"[^@]+@[^@]+")}})
        .will_respond_with(200)
    )
    with pytest.raises(MismatchError) as caught, pact.serve() as url:
        status, body, _ = _call(
            url / "users/1",
            method="PUT",
            body={"user": {"email": "mary.example.com"}},
            headers={"Content-Type": "application/json"},
        )
        assert status == 500
        assert body["mismatches"][0]["field"] == "$.body.user.email"
    text = str(caught.value)
    assert isinstance(caught.value, AssertionError)
    assert "Mismatched request for 'a request to update a user' (PUT /users/1)" in text
    assert "$.body.user.email: expected 'mary@example.com', got 'mary.example.com'" in text
    assert "Expected 'mary.example.com' to match '[^@]+@[^@]+'" in text


def test_a_failing_test_body_gets_the_mock_report_as_a_note():
    pact = Pact("web", "users")
    pact.upon_receiving("a request for user 1").with_request("GET", "/users/1").will_respond_with(
        200
    )
    with pytest.raises(AssertionError) as caught, pact.serve() as url:
        status, _, _ = _call(url / "users/2")
        assert status == 200
    assert any(
        "Unexpected GET request received: /users/2" in note for note in caught.value.__notes__
    )


def test_query_header_and_path_matchers(tmp_path):
    pact = Pact("web", "users", pact_dir=tmp_path)
    (
        pact.upon_receiving("a search")
        .with_request("GET", match.regex("/users/42", pattern=r"/users/\d+"))
        .with_query("page", match.regex("1", pattern=r"\d+"))
        .with_query({"tag": ["a", "b"]})
        .with_header("X-Request-Id", match.uuid())
        .will_respond_with(match.status_code("success", 200))
        .with_header("X-Total", "1")
        .with_body(match.each_like({"id": match.integer(1)}))
    )
    with pact.serve() as url:
        status, body, headers = _call(
            url / "users/7?page=3&tag=a&tag=b",
            headers={"X-Request-Id": "0b2ad7c4-3a4e-4f2b-9a61-0d3f1b9c2e77"},
        )
    assert (status, body, headers["X-Total"]) == (200, [{"id": 1}], "1")
    written = json.loads((tmp_path / "web-users.json").read_text())["interactions"][0]
    assert written["request"]["matchingRules"]["path"]["matchers"][0]["regex"] == r"/users/\d+"
    assert written["request"]["query"] == {"page": ["1"], "tag": ["a", "b"]}
    assert written["response"]["matchingRules"]["status"]["matchers"] == [
        {"match": "statusCode", "status": "success"}
    ]


def test_response_generators_are_applied_by_the_mock_server():
    pact = Pact("web", "orders")
    (
        pact.upon_receiving("an order")
        .with_request("GET", "/orders/1")
        .will_respond_with(200)
        .with_body(
            {
                "self": generate.mock_server_url(
                    r".*(/orders/\d+)$", "http://example.com/orders/1"
                ),
                "token": generate.random_hexadecimal(12),
            }
        )
    )
    with pact.serve() as url:
        _, body, _ = _call(url / "orders/1")
    assert body["self"] == f"{url}/orders/1"
    assert len(body["token"]) == 12


def test_write_file_refuses_after_a_failed_session(tmp_path):
    pact = Pact("web", "users")
    pact.upon_receiving("x").with_request("GET", "/x").will_respond_with(200)
    with pact.serve(raises=False):
        pass
    with pytest.raises(MismatchError, match="not writing the pact"):
        pact.write_file(tmp_path)


def test_cors_preflight_with_serve():
    pact = Pact("web", "users")
    pact.upon_receiving("x").with_request("GET", "/x").will_respond_with(200)
    with pact.serve(cors=True) as url:
        request = urllib.request.Request(
            url / "x",
            method="OPTIONS",
            headers={"Origin": "http://app", "Access-Control-Request-Method": "GET"},
        )
        with urllib.request.urlopen(request) as response:
            assert response.status == 204
            assert response.headers["Access-Control-Allow-Origin"] == "http://app"
        _call(url / "x")


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: Pact("", "p"), "consumer='' is empty"),
        (lambda: Pact("c", "p").upon_receiving("d", "Kafka"), "interaction='Kafka' is unknown"),
        (lambda: Pact("c", "p").upon_receiving(""), "description='' is empty"),
        (lambda: Pact("c", "p").upon_receiving("d").given(""), "state='' is not a state name"),
        (lambda: Pact("c", "p").upon_receiving("d").given("s", when=object()), "are not JSON"),
        (
            lambda: Pact("c", "p").upon_receiving("d").with_request("GET /x"),
            "is not an HTTP method",
        ),
        (
            lambda: Pact("c", "p").upon_receiving("d").will_respond_with("200"),
            "status='200' is not an int",
        ),
        (
            lambda: Pact("c", "p").upon_receiving("d").will_respond_with(999),
            "status=999 is not an HTTP status code; pass one between 100 and 599",
        ),
        (
            lambda: Pact("c", "p").upon_receiving("d").will_respond_with(True),
            "status=True is not an int",
        ),
        (
            lambda: Pact("c", "p").upon_receiving("d").with_request("GET", "users/1"),
            "path='users/1' does not start with '/'; use '/users/1'",
        ),
    ],
)
def test_dsl_arguments_are_checked_at_the_call(call, words):
    with pytest.raises(InvalidMatcher, match=words.replace("(", r"\(").replace(")", r"\)")):
        call()


def test_sync_message_handler_receives_the_responses(tmp_path):
    pact = Pact("client", "calculator", pact_dir=tmp_path)
    (
        pact.upon_receiving("an addition", interaction="Sync")
        .with_body({"add": [1, 2]})
        .will_respond_with()
        .with_body({"sum": match.integer(3)})
    )
    seen = []
    pact.verify(lambda body, metadata: seen.append(body), kind="Sync")
    assert seen == [{"sum": 3}]
    written = json.loads((tmp_path / "client-calculator.json").read_text())["interactions"][0]
    assert written["type"] == "Synchronous/Messages"
    assert written["response"][0]["contents"]["content"] == {"sum": 3}


def test_raw_rules_and_generators_for_what_helpers_cannot_say(tmp_path):
    pact = Pact("web", "users", pact_dir=tmp_path)
    (
        pact.upon_receiving("raw")
        .with_request("GET", "/raw")
        .will_respond_with(200)
        .with_body({"id": 1})
        .with_matching_rules({"body": {"$.id": {"matchers": [{"match": "integer"}]}}})
        .with_generators({"body": {"$.id": {"type": "RandomInt", "min": 5, "max": 5}}})
    )
    with pact.serve() as url:
        assert _call(url / "raw")[1] == {"id": 5}
    response = json.loads((tmp_path / "web-users.json").read_text())["interactions"][0]["response"]
    assert response["matchingRules"]["body"]["$.id"]["matchers"] == [{"match": "integer"}]
    with pytest.raises(InvalidMatcher, match=r"with_generators\(\): .*unknown generator type"):
        pact.upon_receiving("bad").with_generators({"body": {"$.x": {"type": "Nope"}}}).build()


def test_served_url_has_the_attributes_pact_python_code_expects():
    pact = Pact("web", "users")
    pact.upon_receiving("x").with_request("GET", "/x").will_respond_with(200)
    with pact.serve() as server:
        assert server.url == str(server) == f"http://{server.host}:{server.port}"
        assert _call(server / "/x")[0] == 200
        assert [type(r).__name__ for r in server.report.results] == ["Matched"]


def test_pact_python_spellings_work_too(tmp_path):
    pact = Pact("web", "files").with_specification("V4")
    (
        pact.upon_receiving("an upload")
        .test_name("test_upload")
        .with_request("POST", "/files")
        .with_query_parameter("name", "a.bin")
        .with_query_parameters({"overwrite": "true"})
        .with_binary_body(b"\x00\x01", "application/octet-stream")
        .will_respond_with(204)
    )
    (interaction,) = pact.interactions()
    assert interaction.request.query == {"name": ["a.bin"], "overwrite": ["true"]}
    assert interaction.request.body.content == b"\x00\x01"
    assert interaction.comments == {"testname": "test_upload"}
