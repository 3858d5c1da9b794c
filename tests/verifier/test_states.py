"""Provider states: callables (plain, generator, generic), timeouts, failures, teardown order,
and a state-change URL in both body styles."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx
import pytest

from accord.errors import ProviderStateError
from accord.model import ProviderState
from accord.verifier import Verifier
from accord.verifier.states import SETUP, TEARDOWN, CallableStates, StateCall, StateChangeUrl
from tests.verifier.pacts import pact_document, user_interaction, write_pact
from tests.verifier.providers import UserStore, fastapi_app, flask_app


def call(state_name: str, action: str = SETUP, **params: Any) -> StateCall:
    return StateCall(
        state=ProviderState(name=state_name, params=params),
        action=action,
        consumer="OrderService",
        interaction="a request for user 1",
    )


def test_plain_function_receives_params_and_returns_values() -> None:
    seen = []
    states = CallableStates({"a user exists": lambda params: seen.append(params) or {"id": 7}})
    assert states.change(call("a user exists", id=7, name="Bob")) == {"id": 7}
    assert seen == [{"id": 7, "name": "Bob"}]
    # a plain function that does not ask for `action` is not called on teardown
    assert states.change(call("a user exists", TEARDOWN)) is None
    assert len(seen) == 1


def test_function_may_ask_for_state_action_and_expanded_params() -> None:
    calls = []

    def handler(state: str, action: str, params: dict[str, Any]) -> None:
        calls.append((state, action, params))

    def expanded(**params: Any) -> dict[str, Any]:
        return {"seen": sorted(params)}

    states = CallableStates({"s": handler, "e": expanded})
    states.change(call("s", SETUP, a=1))
    states.change(call("s", TEARDOWN, a=1))
    assert calls == [("s", "setup", {"a": 1}), ("s", "teardown", {"a": 1})]
    assert states.change(call("e", SETUP, x=1, y=2)) == {"seen": ["x", "y"]}


def test_generator_handler_sets_up_before_yield_and_tears_down_after() -> None:
    log = []

    def user_exists(params: dict[str, Any]) -> Any:
        log.append("setup")
        yield {"id": params["id"]}
        log.append("teardown")

    states = CallableStates({"a user exists": user_exists})
    assert states.change(call("a user exists", id=3)) == {"id": 3}
    assert log == ["setup"]
    states.change(call("a user exists", TEARDOWN, id=3))
    assert log == ["setup", "teardown"]


def test_raising_handler_names_consumer_interaction_state_and_cause() -> None:
    def broken(params: dict[str, Any]) -> None:
        raise KeyError("id")

    states = CallableStates({"a user exists": broken})
    with pytest.raises(ProviderStateError) as caught:
        states.change(call("a user exists"))
    message = str(caught.value)
    assert message.startswith(
        "State change request failed: setup of provider state 'a user exists'"
    )
    assert "consumer OrderService" in message
    assert "interaction 'a request for user 1'" in message
    assert "KeyError('id')" in message
    line = broken.__code__.co_firstlineno + 1
    assert f"KeyError('id') at {__file__}:{line} in broken" in message


def test_slow_handler_hits_its_timeout_and_later_handlers_still_run() -> None:
    release = threading.Event()
    states = CallableStates(
        {"slow": lambda: release.wait(5), "fast": lambda: {"ok": True}}, timeout=0.2
    )
    started = time.perf_counter()
    with pytest.raises(ProviderStateError, match=r"did not finish within 0\.2 s"):
        states.change(call("slow"))
    assert time.perf_counter() - started < 2
    release.set()
    assert states.change(call("fast")) == {"ok": True}
    states.close()


def test_returning_something_other_than_a_mapping_is_an_error() -> None:
    states = CallableStates({"s": lambda: 42})
    with pytest.raises(ProviderStateError, match="return a dict of provider-state values"):
        states.change(call("s"))


def test_state_change_url_pact_body_and_values() -> None:
    posted = []

    def post(url: str, body: Any, timeout: float | None) -> httpx.Response:
        posted.append((url, body))
        return httpx.Response(200, json={"id": 9})

    handler = StateChangeUrl("http://p/_pact/state", post=post)
    assert handler.change(call("a user exists", id=9)) == {"id": 9}
    handler.change(call("a user exists", TEARDOWN, id=9))
    assert posted == [
        (
            "http://p/_pact/state",
            {"state": "a user exists", "params": {"id": 9}, "action": "setup"},
        ),
        (
            "http://p/_pact/state",
            {"state": "a user exists", "params": {"id": 9}, "action": "teardown"},
        ),
    ]


def test_state_change_url_classic_body_and_no_teardown() -> None:
    posted = []

    def post(url: str, body: Any, timeout: float | None) -> httpx.Response:
        posted.append(body)
        return httpx.Response(200, text="ok")

    handler = StateChangeUrl("http://p/_pact/provider_states", post=post, body_style="classic")
    assert handler.change(call("a user exists", id=1)) is None
    assert handler.change(call("a user exists", TEARDOWN)) is None
    assert posted == [
        {
            "consumer": "OrderService",
            "state": "a user exists",
            "states": ["a user exists"],
            "params": {"id": 1},
        }
    ]


def test_state_change_url_http_error_fails_clearly() -> None:
    handler = StateChangeUrl(
        "http://p/s", post=lambda url, body, timeout: httpx.Response(500, text="boom")
    )
    with pytest.raises(ProviderStateError, match=r"POST http://p/s answered HTTP 500: 'boom'"):
        handler.change(call("a user exists"))


# ---- through the verifier: order of calls, failures do not stop the run --------------------


@pytest.fixture
def matching_stub(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about state orchestration: every response is taken as matching."""
    from accord.verifier import runner

    monkeypatch.setattr(runner, "match_response", lambda expected, actual, spec: [])


def test_setup_in_order_teardown_in_reverse_and_failures_isolated(tmp_path, matching_stub) -> None:
    log: list[str] = []
    states = [{"name": "first"}, {"name": "second"}]
    document = pact_document(
        [
            user_interaction("two states", states=states),
            user_interaction("setup fails", states=[{"name": "broken"}]),
            user_interaction("after the failure", states=[{"name": "first"}]),
        ]
    )
    verifier = Verifier("UserService", app=fastapi_app(UserStore(users={1: "Ann"})))
    verifier.add_source(write_pact(tmp_path, document))

    @verifier.state("first")
    def first(action: str) -> None:
        log.append(f"{action} first")

    @verifier.state("second")
    def second(action: str) -> None:
        log.append(f"{action} second")

    @verifier.state("broken")
    def broken() -> None:
        raise RuntimeError("database unavailable")

    report = verifier.verify()
    assert log == [
        "setup first",
        "setup second",
        "teardown second",
        "teardown first",
        "setup first",
        "teardown first",
    ]
    results = {r.description: r for r in report.interactions}
    assert results["two states"].ok
    assert results["after the failure"].ok
    failure = results["setup fails"].failures[0]
    assert failure.category == "State change request failed"
    assert "RuntimeError('database unavailable')" in failure.message
    assert report.exit_code == 1


@pytest.mark.parametrize("body_style", ["pact", "classic"])
@pytest.mark.parametrize("make_app", [fastapi_app, flask_app], ids=["asgi", "wsgi"])
def test_state_change_url_against_the_provider(
    tmp_path, matching_stub, body_style, make_app
) -> None:
    store = UserStore()
    document = pact_document(
        [user_interaction(states=[{"name": "a user exists", "params": {"id": 1, "name": "Ann"}}])]
    )
    verifier = Verifier("UserService", app=make_app(store))
    verifier.add_source(write_pact(tmp_path, document))
    verifier.state_change_url("/_pact/provider-states", body_style=body_style)
    report = verifier.verify()
    assert report.success
    if body_style == "pact":
        assert store.state_calls == [
            {"state": "a user exists", "params": {"id": 1, "name": "Ann"}, "action": "setup"},
            {"state": "a user exists", "params": {"id": 1, "name": "Ann"}, "action": "teardown"},
        ]
    else:
        assert store.state_calls == [
            {
                "consumer": "OrderService",
                "state": "a user exists",
                "states": ["a user exists"],
                "params": {"id": 1, "name": "Ann"},
            }
        ]


def test_missing_state_handler_is_only_a_warning(tmp_path, matching_stub) -> None:
    document = pact_document([user_interaction(states=[{"name": "a user exists"}])])
    verifier = Verifier("UserService", app=fastapi_app(UserStore(users={1: "Ann"})))
    verifier.add_source(write_pact(tmp_path, document))
    report = verifier.verify()
    assert report.success
    assert report.warnings == [
        "no provider state callback configured for provider state 'a user exists' "
        "(consumer OrderService, interaction 'a request for user 1')"
    ]


def test_handlers_run_in_the_calling_thread() -> None:
    # Thread-bound resources (a Django connection, a test transaction) must be the provider's.
    seen: list[threading.Thread] = []
    states = CallableStates({"s": lambda: seen.append(threading.current_thread())}, timeout=5)
    states.change(call("s"))
    assert seen == [threading.current_thread()]


def test_timeout_off_the_main_thread_falls_back_to_a_worker() -> None:
    release = threading.Event()
    states = CallableStates({"slow": lambda: release.wait(5)}, timeout=0.1)
    errors: list[BaseException] = []

    def verify_in_thread() -> None:
        try:
            states.change(call("slow"))
        except ProviderStateError as error:
            errors.append(error)

    worker = threading.Thread(target=verify_in_thread)
    worker.start()
    worker.join(5)
    release.set()
    assert len(errors) == 1
    assert "did not finish within 0.1 s" in str(errors[0])


def test_async_handler_runs_to_completion() -> None:
    async def create(params: dict[str, Any]) -> dict[str, Any]:
        return {"id": params["id"] * 2}

    assert CallableStates({"s": create}).change(call("s", id=21)) == {"id": 42}


def test_same_state_twice_with_other_params_tears_down_each(tmp_path, matching_stub) -> None:
    log: list[str] = []
    document = pact_document(
        [
            user_interaction(
                states=[
                    {"name": "a user exists", "params": {"id": 1}},
                    {"name": "a user exists", "params": {"id": 2}},
                ]
            )
        ]
    )
    verifier = Verifier("UserService", app=fastapi_app(UserStore(users={1: "Ann"})))
    verifier.add_source(write_pact(tmp_path, document))

    @verifier.state("a user exists")
    def user_exists(params: dict[str, Any]) -> Any:
        log.append(f"create {params['id']}")
        yield
        log.append(f"delete {params['id']}")

    assert verifier.verify().success
    assert log == ["create 1", "create 2", "delete 2", "delete 1"]


def _closes_after_first_answer(server: Any) -> None:
    """A provider that answers once on a kept-alive connection, then drops it when the next
    request arrives (as uvicorn does after a handler raised); later connections are served."""
    import socket
    import struct

    answer = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
    first = True
    while True:
        try:
            connection, _ = server.accept()
        except OSError:
            return
        with connection:
            while connection.recv(65536):
                connection.sendall(answer)
                if first:
                    first = False
                    connection.recv(65536)  # the next request arrives...
                    linger = struct.pack("ii", 1, 0)
                    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                    break  # ...and the connection is reset without an answer


def test_a_kept_alive_connection_the_provider_dropped_is_retried_once() -> None:
    import socket

    from accord.verifier.transport import ProviderTarget

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        thread = threading.Thread(target=_closes_after_first_answer, args=(server,), daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{server.getsockname()[1]}"
        with ProviderTarget(base_url=base) as target:
            assert target.post_json("/_pact/state", {"state": "a"}).status_code == 200
            assert target.post_json("/_pact/state", {"state": "b"}).status_code == 200
        server.shutdown(socket.SHUT_RDWR)


def test_a_failed_state_is_reported_once_per_line(tmp_path) -> None:
    from accord.errors import MismatchError

    pact = write_pact(
        tmp_path,
        pact_document([user_interaction(states=[{"name": "a user exists", "params": {}}])]),
    )
    verifier = Verifier("UserService", app=fastapi_app(UserStore()))

    @verifier.state("a user exists")
    def broken(params: dict[str, Any]) -> None:
        raise KeyError("id")

    report = verifier.add_source(pact).verify()
    with pytest.raises(MismatchError) as caught:
        report.raise_for_failures()
    line = str(caught.value).splitlines()[2]
    assert line.startswith("    State change request failed: setup of provider state")
    assert line.count("State change request failed") == 1
    assert line.count("OrderService") == 1


def test_an_in_process_app_whose_state_endpoint_raises_fails_that_interaction_only(
    tmp_path,
) -> None:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            raise RuntimeError("no lifespan")
        if scope["path"] == "/_pact/state":
            raise RuntimeError("state handler exploded")
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b'{"userId": 1, "name": "Ann"}'})

    states = [{"name": "a user exists", "params": {}}]
    interactions = [
        user_interaction("with a state", states=states),
        user_interaction("without a state"),
    ]
    pact = write_pact(tmp_path, pact_document(interactions))
    verifier = Verifier("UserService", app=app).state_change_url("/_pact/state")
    report = verifier.add_source(pact).verify()
    assert [result.ok for result in report.interactions] == [False, True]
    message = report.interactions[0].failures[0].message
    assert "POST /_pact/state: the provider app raised RuntimeError('state handler exploded')" in (
        message
    )
