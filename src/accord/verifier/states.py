"""Provider states: putting the provider into the state an interaction needs, and back.

Two kinds of handler, used the same way by the runner:

* `CallableStates`: Python functions registered by state name (decorator or mapping), or one
  generic function for every state. A generator function sets up before its `yield` and tears
  down after it, like a pytest fixture; what it yields (or a plain function returns) is the map
  of provider-state values that `${name}` generators in the request use.
* `StateChangeUrl`: a URL the verifier POSTs to, in the Pact form
  `{"state", "params", "action": "setup"|"teardown"}` or the classic Python form
  `{"consumer", "state", "states"}` that `/_pact/provider_states` endpoints expect.

Any failure (exception, timeout, HTTP error) becomes a ProviderStateError naming the consumer,
the interaction, the state and the action.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from accord.errors import ProviderStateError
from accord.model import ProviderState
from accord.verifier.deadlines import DeadlineExceeded, call_with_deadline

SETUP = "setup"
TEARDOWN = "teardown"
STATE_CHANGE_FAILED = "State change request failed"


@dataclass(frozen=True, kw_only=True)
class StateCall:
    """One state change: which state, which action, for whom."""

    state: ProviderState
    action: str
    consumer: str
    interaction: str


class StateHandler(Protocol):
    """Something that can change provider state; returns provider-state values (or None)."""

    def change(self, call: StateCall) -> Mapping[str, Any] | None: ...

    def handles(self, state: ProviderState) -> bool: ...


def state_error(call: StateCall, reason: str) -> ProviderStateError:
    state = call.state.name or "(no state)"
    return ProviderStateError(
        f"{STATE_CHANGE_FAILED}: {call.action} of provider state {state!r} for consumer "
        f"{call.consumer}, interaction {call.interaction!r}: {reason}"
    )


class CallableStates:
    """Python state handlers by name, plus an optional generic handler for any state."""

    def __init__(
        self,
        handlers: Mapping[str, Callable[..., Any]] | None = None,
        *,
        generic: Callable[..., Any] | None = None,
        timeout: float | None = 30.0,
    ) -> None:
        self._setup: dict[str, Callable[..., Any]] = dict(handlers or {})
        self._teardown: dict[str, Callable[..., Any]] = {}
        self.generic = generic
        self.timeout = timeout
        # Generators started at setup and resumed at teardown, by (consumer, interaction, state);
        # a stack, because one interaction may name the same state twice with other params.
        self._open: dict[tuple[str, str, str], list[Iterator[Any]]] = {}

    def register(
        self,
        name: str,
        setup: Callable[..., Any] | None = None,
        *,
        teardown: Callable[..., Any] | None = None,
    ) -> None:
        if setup is not None:
            self._setup[name] = setup
        if teardown is not None:
            self._teardown[name] = teardown

    def handles(self, state: ProviderState) -> bool:
        return self.generic is not None or state.name in self._setup or state.name in self._teardown

    def change(self, call: StateCall) -> Mapping[str, Any] | None:
        key = (call.consumer, call.interaction, call.state.name)
        if call.action == TEARDOWN and self._open.get(key):
            generator = self._open[key].pop()
            self._run(call, lambda: next(generator, None))
            return None
        function = (self._setup if call.action == SETUP else self._teardown).get(call.state.name)
        if (
            function is None
            and call.action == TEARDOWN
            and _wants_action(self._setup.get(call.state.name))
        ):
            function = self._setup[call.state.name]
        if function is None:
            function = self.generic
        if function is None:
            return None
        result = self._run(call, lambda: _apply(function, call))
        if inspect.iscoroutine(result):
            # `async def` handlers run to completion on a fresh event loop in this thread.
            coroutine = result
            result = self._run(call, lambda: asyncio.run(coroutine))
        if inspect.isgenerator(result):
            values = self._run(call, lambda: next(result, None))
            self._open.setdefault(key, []).append(result)
            result = values
        return _values(call, result)

    def _run(self, call: StateCall, work: Callable[[], Any]) -> Any:
        try:
            return call_with_deadline(work, self.timeout)
        except DeadlineExceeded:
            raise state_error(
                call, f"handler did not finish within {self.timeout:g} s (state_timeout)"
            ) from None
        except Exception as error:
            raise state_error(call, f"handler raised {error!r}{_raised_at(error)}") from error

    def close(self) -> None:
        """Forget generators left open by a run that stopped early."""
        self._open.clear()


class StateChangeUrl:
    """A provider endpoint that changes state when POSTed to."""

    def __init__(
        self,
        url: str,
        *,
        post: Callable[[str, Any, float | None], httpx.Response],
        body_style: str = "pact",
        teardown: bool = True,
        timeout: float | None = 30.0,
    ) -> None:
        if body_style not in ("pact", "classic"):
            raise ValueError(f"body_style must be 'pact' or 'classic', got {body_style!r}")
        self.url = url
        self.body_style = body_style
        self.teardown = teardown
        self.timeout = timeout
        self._post = post

    def handles(self, state: ProviderState) -> bool:
        return True

    def change(self, call: StateCall) -> Mapping[str, Any] | None:
        # No state means nothing to set up; older endpoints answer "" with an error.
        if not call.state.name or (call.action == TEARDOWN and not self.teardown):
            return None
        if self.body_style == "classic":
            if call.action == TEARDOWN:
                return None  # the classic protocol has no teardown
            body: dict[str, Any] = {
                "consumer": call.consumer,
                "state": call.state.name,
                "states": [call.state.name],
                "params": call.state.params,
            }
        else:
            body = {"state": call.state.name, "params": call.state.params, "action": call.action}
        try:
            answer = self._post(self.url, body, self.timeout)
        except httpx.HTTPError as error:
            raise state_error(call, f"POST {self.url} failed: {error!r}") from error
        except Exception as error:
            # An in-process app (--app) raises its own exceptions through the transport.
            raise state_error(
                call, f"POST {self.url}: the provider app raised {error!r}{_raised_at(error)}"
            ) from error
        if answer.status_code >= 400:
            raise state_error(
                call, f"POST {self.url} answered HTTP {answer.status_code}: {answer.text[:300]!r}"
            )
        try:
            data = answer.json() if answer.content.strip() else None
        except ValueError:
            data = None  # a non-JSON answer carries no values; that is fine
        return data if isinstance(data, dict) else None


def _raised_at(error: BaseException) -> str:
    """Where the handler raised (its innermost Python frame), so the user can go there."""
    frame = error.__traceback__
    if frame is None:
        return ""
    while frame.tb_next is not None:
        frame = frame.tb_next
    code = frame.tb_frame.f_code
    return f" at {code.co_filename}:{frame.tb_lineno} in {code.co_name}"


def _wants_action(function: Callable[..., Any] | None) -> bool:
    return function is not None and "action" in _parameters(function)


def _parameters(function: Callable[..., Any]) -> Mapping[str, inspect.Parameter]:
    try:
        return inspect.signature(function).parameters
    except (TypeError, ValueError):
        return {}


def _apply(function: Callable[..., Any], call: StateCall) -> Any:
    """Call with what the function asks for by name; a lone positional parameter gets params."""
    offered = {
        "state": call.state.name,
        "name": call.state.name,
        "action": call.action,
        "params": call.state.params,
        "parameters": call.state.params,
        "consumer": call.consumer,
        "interaction": call.interaction,
    }
    parameters = _parameters(function)
    named = {
        name
        for name, parameter in parameters.items()
        if parameter.kind
        in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    }
    kwargs = {name: offered[name] for name in named if name in offered}
    if kwargs or not parameters:
        return function(**kwargs)
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return function(**call.state.params)
    return function(call.state.params)


def _values(call: StateCall, result: Any) -> Mapping[str, Any] | None:
    if result is None or isinstance(result, Mapping):
        return result
    raise state_error(
        call,
        f"handler returned {result!r} ({type(result).__name__}); return a dict of provider-state "
        "values such as {'id': 42}, or None",
    )
