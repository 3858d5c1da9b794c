"""Bad input gets a 4xx whose message says what was wrong, and nothing is stored.

One table, one row per case: (id, method, path, body kwargs, status, text the body must contain).
Every case runs against a broker holding one pact (Foo v1 → Bar) and compares the row count of
every table before and after.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from sqlalchemy import func, select

from accord.broker.db.base import Base
from tests.broker.builder import pact_document
from tests.broker.conftest import Broker, make_broker


def b64(value: Any) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return base64.b64encode(raw).decode()


def contracts(**overrides: Any) -> dict[str, Any]:
    contract = {"consumerName": "Foo", "providerName": "Bar", "specification": "pact",
                "contentType": "application/json", "content": b64(pact_document("Foo", "Bar", "new"))}  # fmt: skip
    contract.update(overrides.pop("contract", {}))
    body = {"pacticipantName": "Foo", "pacticipantVersionNumber": "2", "contracts": [contract]}
    body.update(overrides)
    return {key: value for key, value in body.items() if value is not None}


PACT_PATH = "/pacts/provider/Bar/consumer/Foo/version/2"
JSON = {"Content-Type": "application/json"}
NOT_A_PACT = {"consumer": {"name": "Foo"}, "provider": {"name": "Bar"}, "interactions": "nope"}

CASES: list[tuple[str, str, str, dict[str, Any], int, str]] = [
    ("publish: malformed JSON", "POST", "/contracts/publish", {"content": b"{not json", "headers": JSON}, 400, "not valid JSON"),
    ("publish: body is an array", "POST", "/contracts/publish", {"json": []}, 400, "must be a JSON object, got list"),
    ("publish: empty body", "POST", "/contracts/publish", {"content": b"", "headers": JSON}, 400, "request body is empty"),
    ("publish: text/plain", "POST", "/contracts/publish", {"content": b"{}", "headers": {"Content-Type": "text/plain"}}, 415, "accepts application/json"),
    ("publish: no pacticipantName", "POST", "/contracts/publish", {"json": contracts(pacticipantName=None)}, 400, '"pacticipantName":["is missing"]'),
    ("publish: blank version number", "POST", "/contracts/publish", {"json": contracts(pacticipantVersionNumber=" ")}, 400, "pacticipantVersionNumber"),
    ("publish: no contracts", "POST", "/contracts/publish", {"json": contracts(contracts=[])}, 400, "expected a non-empty list of contracts"),
    ("publish: content not Base64", "POST", "/contracts/publish", {"json": contracts(contract={"content": "%%%"})}, 400, "content is not valid Base64 (at index 0)"),
    ("publish: content not JSON", "POST", "/contracts/publish", {"json": contracts(contract={"content": b64(b"<xml/>")})}, 400, "not valid JSON"),
    ("publish: content not a pact", "POST", "/contracts/publish", {"json": contracts(contract={"content": b64(NOT_A_PACT)})}, 400, "not a valid pact"),
    ("publish: consumerName differs", "POST", "/contracts/publish", {"json": contracts(contract={"consumerName": "Other"})}, 400, "consumerName ('Other') must match pacticipantName ('Foo')"),
    ("publish: name inside content differs", "POST", "/contracts/publish", {"json": contracts(contract={"content": b64(pact_document("Zed", "Bar", "x"))})}, 400, "consumer name in contract content ('Zed') must match consumerName"),
    ("publish: specification not pact", "POST", "/contracts/publish", {"json": contracts(contract={"specification": "oas"})}, 400, "specification must be 'pact'"),
    ("publish: YAML content type", "POST", "/contracts/publish", {"json": contracts(contract={"contentType": "application/yaml"})}, 400, "contentType must be 'application/json'"),
    ("publish: bad tags", "POST", "/contracts/publish", {"json": contracts(tags=[""])}, 400, "must be a list of non-blank strings"),
    ("publish: oversized body", "POST", "/contracts/publish", {"content": b"{" + b" " * 5000 + b"}", "headers": JSON}, 413, "exceeds the limit of 4096 bytes"),
    ("put pact: malformed JSON", "PUT", PACT_PATH, {"content": b"{", "headers": JSON}, 400, "not valid JSON"),
    ("put pact: not a pact", "PUT", PACT_PATH, {"json": NOT_A_PACT}, 400, "not a valid pact"),
    ("put pact: consumer name differs", "PUT", PACT_PATH, {"json": pact_document("Zed", "Bar", "x")}, 400, "consumer name in pact 'Zed' does not match name in URL path 'Foo'"),
    ("put pact: text/plain", "PUT", PACT_PATH, {"content": json.dumps(pact_document("Foo", "Bar", "x")).encode(), "headers": {"Content-Type": "text/plain"}}, 415, "expected application/json"),
    ("put pact: empty body", "PUT", PACT_PATH, {"content": b"", "headers": JSON}, 400, "expected the pact JSON"),
    ("put pact: changed content for a version", "PUT", "/pacts/provider/Bar/consumer/Foo/version/1", {"json": pact_document("Foo", "Bar", "changed")}, 409, "Cannot change the content of the pact for Foo version 1"),
    ("results: unknown pact sha", "POST", "/pacts/provider/Bar/consumer/Foo/pact-version/abc/verification-results", {"json": {"success": True, "providerApplicationVersion": "9"}}, 404, "No pact with content sha 'abc'"),
    ("results: unknown consumer", "POST", "/pacts/provider/Bar/consumer/Nobody/pact-version/abc/verification-results", {"json": {"success": True, "providerApplicationVersion": "9"}}, 404, "No consumer with name 'Nobody' found"),
    ("results: success not boolean", "POST", "/pacts/provider/Bar/consumer/Foo/pact-version/abc/verification-results", {"json": {"success": "yes", "providerApplicationVersion": "9"}}, 400, "must be true or false, got 'yes'"),
    ("results: no provider version", "POST", "/pacts/provider/Bar/consumer/Foo/pact-version/abc/verification-results", {"json": {"success": True}}, 400, "providerApplicationVersion"),
    ("results: buildUrl not a URL", "POST", "/pacts/provider/Bar/consumer/Foo/pact-version/abc/verification-results", {"json": {"success": True, "providerApplicationVersion": "9", "buildUrl": "ci#1"}}, 400, "must be an http(s) URL"),
    ("pacticipant: no name", "POST", "/pacticipants", {"json": {"repositoryUrl": "http://x"}}, 400, "is missing (a pacticipant needs a name)"),
    ("pacticipant: name with newline", "POST", "/pacticipants", {"json": {"name": "a\nb"}}, 400, "must be a single line"),
    ("pacticipant: main branch with space", "PATCH", "/pacticipants/New", {"json": {"mainBranch": "my branch"}}, 400, "cannot be blank or contain spaces"),
    ("pacticipant: PUT unknown", "PUT", "/pacticipants/Unknown", {"json": {"displayName": "U"}}, 404, "No pacticipant with name 'Unknown' found"),
    ("version: PATCH with application/json", "PATCH", "/pacticipants/Foo/versions/7", {"json": {"buildUrl": "http://ci"}}, 415, "accepts application/merge-patch+json"),
    ("version: PUT with bad tags", "PUT", "/pacticipants/Foo/versions/7", {"json": {"tags": "prod"}}, 400, 'like {\\"name\\": \\"prod\\"}'),
    ("tag: malformed body", "PUT", "/pacticipants/Foo/versions/1/tags/prod", {"content": b"{", "headers": JSON}, 400, "not valid JSON"),
    ("for-verification: text/plain", "POST", "/pacts/provider/Bar/for-verification", {"content": b"{}", "headers": {"Content-Type": "text/plain"}}, 415, "accepts application/json"),
    ("for-verification: bad WIP date", "POST", "/pacts/provider/Bar/for-verification", {"json": {"includeWipPactsSince": "last week"}}, 400, "must be an ISO-8601 date"),
    ("path with //", "GET", "/pacticipants//versions", {}, 404, "empty segment"),
    ("path with a tab", "PUT", "/pacticipants/Foo%09/versions/1", {"json": {}}, 422, "tab or newline"),
]  # fmt: skip


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Any) -> Any:
    import shutil

    path = tmp_path_factory.mktemp("bad-input") / "broker.sqlite3"
    shutil.copy(sqlite_template, path)
    broker = make_broker(f"sqlite:///{path}", max_body_bytes=4096)
    broker.td.create_pact_with_hierarchy("Foo", "1", "Bar")
    yield broker
    broker.client.close()
    broker.app.state.engine.dispose()


def row_counts(broker: Broker) -> dict[str, int]:
    with broker.app.state.session_factory() as session:
        return {
            t.name: session.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables
        }


def test_the_table_has_at_least_25_cases() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize(("method", "path", "options", "status", "message"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])  # fmt: skip
def test_bad_input_is_rejected_and_nothing_is_stored(
    seeded: Broker, method: str, path: str, options: dict[str, Any], status: int, message: str
) -> None:
    before = row_counts(seeded)
    response = seeded.client.request(method, path, **options)
    assert response.status_code == status, response.text
    assert message in response.text
    assert row_counts(seeded) == before


def test_problem_json_when_asked(seeded: Broker) -> None:
    response = seeded.client.post(
        "/contracts/publish", json=contracts(pacticipantName=None),
        headers={"Accept": "application/problem+json"},
    )  # fmt: skip
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["title"] == "Validation errors" and body["status"] == 400
    assert body["errors"][0]["pointer"] == "/pacticipantName"
    assert body["errors"][0]["detail"] == "is missing"
