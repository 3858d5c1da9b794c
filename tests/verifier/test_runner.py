"""The verifier end to end against real providers: ASGI, WSGI and a loopback HTTP server give the
same results; failures name consumer, interaction and field; headers, filters, generators."""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from accord.model import Request
from accord.verifier import VerificationReport, Verifier
from tests.verifier.pacts import pact_document, user_interaction, write_pact
from tests.verifier.providers import UserStore, fastapi_app, flask_app, serve_wsgi

USER_EXISTS = [{"name": "a user exists", "params": {"id": 1, "name": "Ann"}}]


def users_pact(tmp_path: Path) -> Path:
    return write_pact(
        tmp_path,
        pact_document(
            [
                user_interaction("a request for user 1", states=USER_EXISTS),
                user_interaction(
                    "a request for a missing user",
                    user_id=2,
                    body={"error": "not found"},
                ),
            ]
        ),
    )


def run(kind: str, pact: Path, store: UserStore, **options: Any) -> VerificationReport:
    with ExitStack() as stack:
        if kind == "asgi":
            verifier = Verifier("UserService", app=fastapi_app(store), **options)
        elif kind == "wsgi":
            verifier = Verifier("UserService", app=flask_app(store), **options)
        else:
            url = stack.enter_context(serve_wsgi(flask_app(store)))
            verifier = Verifier("UserService", base_url=url, **options)
        verifier.add_source(pact)
        verifier.state_handlers(
            generic=lambda state, action, params: _user_state(store, state, action, params)
        )
        return verifier.verify()


def _user_state(store: UserStore, state: str, action: str, params: dict[str, Any]) -> None:
    if state == "a user exists" and action == "setup":
        store.users[params["id"]] = params["name"]
    elif action == "teardown":
        store.users.clear()


def outcome(report: VerificationReport) -> list[tuple[str, bool, list[str]]]:
    return [
        (r.description, r.ok, [f.headline(r.consumer) for f in r.failures])
        for r in report.interactions
    ]


KINDS = ["asgi", "wsgi", "http"]


def test_asgi_wsgi_and_http_give_identical_results(tmp_path: Path) -> None:
    document = pact_document(
        [
            user_interaction("a request for user 1", states=USER_EXISTS),
            user_interaction(
                "a request for a missing user", user_id=2, body={"error": "not found"}
            ),
        ]
    )
    document["interactions"][1]["response"]["status"] = 404
    pact = write_pact(tmp_path, document)
    passing = {kind: outcome(run(kind, pact, UserStore())) for kind in KINDS}
    assert passing["asgi"] == passing["wsgi"] == passing["http"]
    assert [ok for _, ok, _ in passing["asgi"]] == [True, True]

    renamed = {kind: run(kind, pact, UserStore(rename_user_id=True)) for kind in KINDS}
    results = {kind: outcome(report) for kind, report in renamed.items()}
    assert results["asgi"] == results["wsgi"] == results["http"]
    assert results["asgi"][0] == (
        "a request for user 1",
        False,
        ["OrderService expects $.body.userId (missing)"],
    )
    assert all(report.exit_code == 1 for report in renamed.values())


def test_failure_report_names_consumer_interaction_and_field(tmp_path: Path) -> None:
    from rich.console import Console

    console = Console(record=True, width=200, color_system=None)
    report = run("asgi", users_pact(tmp_path), UserStore(rename_user_id=True), console=console)
    text = console.export_text()
    assert report.exit_code == 1
    assert "Verifying a pact between OrderService and UserService" in text
    assert "✗ a request for user 1 given a user exists" in text
    assert "OrderService expects $.body.userId (missing)" in text
    assert "1) OrderService → UserService: a request for user 1 given a user exists" in text
    assert "Body had differences" in text
    # the missing user interaction expected 200 and got 404
    assert "Response status did not match" in text
    assert "FAILED: 2 interactions from 1 consumer, 2 failed, 0 pending failed" in text


def test_custom_headers_and_request_filter_change_what_is_sent(tmp_path: Path) -> None:
    store = UserStore(users={1: "Ann"})

    def add_trace(request: Request) -> Request:
        headers = dict(request.headers or {})
        headers["X-Trace"] = ["abc"]
        return replace(request, headers=headers)

    verifier = Verifier(
        "UserService",
        app=fastapi_app(store),
        headers={"Authorization": "Bearer fresh-token"},
        request_filter=add_trace,
    )
    verifier.add_source(write_pact(tmp_path, pact_document([user_interaction()])))
    assert verifier.verify().success
    assert store.seen_headers[0]["authorization"] == "Bearer fresh-token"
    assert store.seen_headers[0]["x-trace"] == "abc"


def test_provider_state_values_feed_request_generators(tmp_path: Path) -> None:
    store = UserStore(users={42: "Ann"})
    interaction = user_interaction(
        "a request for the new user",
        user_id=42,
        states=[{"name": "a user was created"}],
        path="/users/1",
        generators={"path": {"type": "ProviderState", "expression": "/users/${id}"}},
    )
    verifier = Verifier("UserService", app=fastapi_app(store))
    verifier.add_source(write_pact(tmp_path, pact_document([interaction])))

    @verifier.state("a user was created")
    def created() -> dict[str, Any]:
        return {"id": 42}

    report = verifier.verify()
    assert report.success, outcome(report)


def test_pending_failures_are_reported_but_do_not_fail(tmp_path: Path) -> None:
    document = pact_document([user_interaction(states=USER_EXISTS, pending=True)])
    report = run("asgi", write_pact(tmp_path, document), UserStore(rename_user_id=True))
    assert report.exit_code == 0
    assert len(report.pending_failures) == 1
    assert report.pending_failures[0].categories() == ["Body had differences"]


def test_filters_by_consumer_description_and_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    users_pact(tmp_path)
    write_pact(tmp_path, pact_document([user_interaction("other")], consumer="Billing"))
    store = UserStore(users={1: "Ann"})

    def described(**filters: Any) -> list[str]:
        verifier = Verifier("UserService", app=fastapi_app(store)).add_source(tmp_path)
        verifier.filter(**filters)
        return [r.description for r in verifier.verify().interactions]

    assert described(consumers=["Billing"]) == ["other"]
    assert described(description="missing") == ["a request for a missing user"]
    assert described(state="user exists") == ["a request for user 1"]
    assert described(no_state=True) == ["other", "a request for a missing user"]
    monkeypatch.setenv("PACT_DESCRIPTION", "^other$")
    assert described() == ["other"]
    monkeypatch.delenv("PACT_DESCRIPTION")
    monkeypatch.setenv("PACT_PROVIDER_STATE", "exists")
    assert described() == ["a request for user 1"]
    monkeypatch.delenv("PACT_PROVIDER_STATE")
    monkeypatch.setenv("PACT_PROVIDER_NO_STATE", "true")
    assert described() == ["other", "a request for a missing user"]


def test_directory_source_skips_pacts_for_other_providers(tmp_path: Path) -> None:
    write_pact(tmp_path, pact_document([user_interaction()]))
    write_pact(tmp_path, pact_document([user_interaction("x")], provider="Payments"))
    verifier = Verifier("UserService", app=fastapi_app(UserStore(users={1: "Ann"})))
    report = verifier.add_source(tmp_path).verify()
    assert [r.description for r in report.interactions] == ["a request for user 1"]


def test_unreachable_provider_fails_each_interaction_and_the_run_continues(tmp_path: Path) -> None:
    from tests.support import free_port

    verifier = Verifier("UserService", base_url=f"http://127.0.0.1:{free_port()}")
    report = verifier.add_source(users_pact(tmp_path)).verify()
    assert len(report.interactions) == 2
    assert all(r.categories() == ["Request to provider failed"] for r in report.interactions)
    failure = report.interactions[0].failures[0]
    assert "consumer OrderService, provider UserService, interaction 'a request for user 1'" in (
        failure.message
    )
    assert f"could not connect to the provider for GET {verifier_url(verifier)}/users/1" in (
        failure.message
    )
    assert failure.headline("OrderService") == failure.message  # not "expects request: ..."


def verifier_url(verifier: Verifier) -> str:
    return str(verifier.base_url).rstrip("/")


def test_a_provider_that_does_not_answer_in_time_is_reported_as_a_timeout(tmp_path: Path) -> None:
    import socket

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        verifier = Verifier("UserService", base_url=f"http://127.0.0.1:{port}", request_timeout=0.2)
        report = verifier.add_source(users_pact(tmp_path)).verify()
    message = report.interactions[0].failures[0].message
    assert f"no answer to GET http://127.0.0.1:{port}/users/1 within 0.2 s" in message


def test_missing_pact_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    report = (
        Verifier("UserService", app=fastapi_app(UserStore()))
        .add_source(tmp_path / "nope.json")
        .verify()
    )
    assert report.exit_code == 1
    assert "nope.json does not exist" in report.errors[0]


def test_load_errors_without_a_provider_name_do_not_mention_provider_none(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    report = Verifier(None, app=fastapi_app(UserStore())).add_source(broken).verify()
    assert report.errors[0].startswith(f"could not load pacts: invalid pact in {broken}")
    empty = tmp_path / "empty"
    empty.mkdir()
    report = Verifier(None, app=fastapi_app(UserStore())).add_source(empty).verify()
    assert report.errors[0].startswith("no pacts were found; check the provider name")


def test_asgi_lifespan_runs_startup_before_requests_and_shutdown_after(tmp_path: Path) -> None:
    from contextlib import asynccontextmanager

    from fastapi import FastAPI

    events: list[str] = []

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        events.append("startup")
        yield
        events.append("shutdown")

    app = FastAPI(lifespan=lifespan)

    @app.get("/users/{user_id}")
    def get_user(user_id: int) -> Any:
        events.append("request")
        return {"userId": user_id, "name": "Ann"}

    report = Verifier("UserService", app=app).add_source(users_pact(tmp_path)).verify()
    assert report.interactions[0].ok
    assert events == ["startup", "request", "request", "shutdown"]


def test_failing_asgi_startup_is_reported(tmp_path: Path) -> None:
    from contextlib import asynccontextmanager

    from fastapi import FastAPI

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        raise RuntimeError("no database")
        yield

    report = (
        Verifier("UserService", app=FastAPI(lifespan=lifespan))
        .add_source(users_pact(tmp_path))
        .verify()
    )
    assert report.exit_code == 1
    assert "lifespan startup failed" in report.errors[0]


def test_slow_provider_hits_the_request_timeout(tmp_path: Path) -> None:
    import threading

    from flask import Flask

    release = threading.Event()
    app = Flask("slow")

    @app.get("/users/<int:user_id>")
    def slow(user_id: int) -> Any:
        release.wait(5)
        return {"userId": user_id, "name": "Ann"}

    with serve_wsgi(app) as url:
        verifier = Verifier("UserService", base_url=url, request_timeout=0.2)
        pact = write_pact(tmp_path, pact_document([user_interaction()]))
        report = verifier.add_source(pact).verify()
        release.set()
    [result] = report.interactions
    assert result.categories() == ["Request to provider failed"]
    assert "ReadTimeout" in result.failures[0].message


def test_raise_for_failures_is_a_pytest_failure_listing_each_problem(tmp_path: Path) -> None:
    from accord.errors import MismatchError

    passing = run("asgi", users_pact(tmp_path), UserStore())
    failing = run("asgi", users_pact(tmp_path), UserStore(rename_user_id=True))
    assert [r.ok for r in passing.interactions] == [True, False]
    with pytest.raises(AssertionError) as caught:
        failing.raise_for_failures()
    assert isinstance(caught.value, MismatchError)
    text = str(caught.value)
    assert text.splitlines()[0] == "provider UserService does not satisfy its consumers' pacts:"
    assert "  OrderService → UserService: a request for user 1 given a user exists" in text
    assert "    Body had differences: OrderService expects $.body.userId (missing)" in text


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A self-signed certificate for localhost and 127.0.0.1 (the mock server's helper)."""
    import shutil

    from accord.mock.tls import self_signed_certificate

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = self_signed_certificate(tmp_path_factory.mktemp("tls"))
    return str(cert), str(key)


def test_https_provider(tmp_path: Path, certificate: tuple[str, str]) -> None:
    pact = write_pact(tmp_path, pact_document([user_interaction()]))
    store = UserStore(users={1: "Ann"})
    with serve_wsgi(flask_app(store), certificate=certificate) as url:
        assert url.startswith("https://")
        untrusted = Verifier("UserService", base_url=url).add_source(pact).verify()
        trusted = (
            Verifier("UserService", base_url=url, verify_tls=certificate[0])
            .add_source(pact)
            .verify()
        )
        unverified = (
            Verifier("UserService", base_url=url, verify_tls=False).add_source(pact).verify()
        )
    assert untrusted.interactions[0].categories() == ["Request to provider failed"]
    assert "CERTIFICATE_VERIFY_FAILED" in untrusted.interactions[0].failures[0].message
    assert trusted.success
    assert unverified.success


def test_an_invalid_filter_regex_is_a_reported_error_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACT_PROVIDER_STATE", "[a")
    verifier = Verifier("UserService", app=fastapi_app(UserStore()))
    report = verifier.add_source(users_pact(tmp_path)).filter(description="(").verify()
    assert report.exit_code == 1 and not report.interactions
    assert report.errors == [
        "the description filter (--filter-description, PACT_DESCRIPTION) '(' is not a valid "
        "regex: missing ), unterminated subpattern at position 0",
        "the provider state filter (--filter-state, PACT_PROVIDER_STATE) '[a' is not a valid "
        "regex: unterminated character set at position 0",
    ]


def test_filters_that_select_nothing_fail_the_run_unless_no_pacts_is_allowed(
    tmp_path: Path,
) -> None:
    pact = users_pact(tmp_path)
    app = fastapi_app(UserStore())
    report = Verifier("UserService", app=app).add_source(pact).filter(consumers=["Typo"]).verify()
    assert report.exit_code == 1
    assert report.errors[0].startswith(
        "the filters (consumer Typo) matched no interaction in 1 pact, so nothing was verified"
    )
    lenient = Verifier("UserService", app=app, fail_if_no_pacts=False).add_source(pact)
    report = lenient.filter(description="^nothing$").verify()
    assert report.exit_code == 0
    assert report.warnings == [
        "the filters (description matching '^nothing$') matched no interaction in 1 pact, "
        "so nothing was verified"
    ]


def test_an_explicit_pact_for_another_provider_name_is_verified_with_a_warning(
    tmp_path: Path,
) -> None:
    pact = users_pact(tmp_path)
    app = fastapi_app(UserStore(users={1: "Ann"}))
    report = Verifier("Userservice", app=app).add_source(pact).verify()
    assert len(report.interactions) == 2
    assert (
        f"the pact {pact} is for provider UserService, not Userservice; check --provider "
        "(names are case-sensitive)"
    ) in report.warnings
    report = Verifier("UserService", app=app).add_source(pact).verify()
    assert not [text for text in report.warnings if "is for provider" in text]


def test_a_broken_file_in_a_directory_does_not_hide_the_other_pacts(tmp_path: Path) -> None:
    write_pact(tmp_path, pact_document([user_interaction()]))
    (tmp_path / "b-broken.json").write_text("{not json")
    store = UserStore(users={1: "Ann"})
    verifier = Verifier("UserService", app=flask_app(store))
    verifier.add_source(tmp_path)
    report = verifier.verify()
    assert len(report.interactions) == 1, "the good pact was still verified"
    assert report.interactions[0].ok
    assert not report.success
    assert any("b-broken.json" in error and "not valid JSON" in error for error in report.errors)
