"""The verification loop: for each interaction, set up states, replay, match, tear down.

Nothing here prints. Each finished InteractionResult is handed to `on_result`, so the console
report can stream while the run goes on, and every problem (a failing state handler, a provider
that does not answer) fails only its own interaction.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from accord.errors import ProviderStateError, VerificationError
from accord.generation import GeneratorMode, generate_request
from accord.matching import match_message, match_response
from accord.model import (
    AnyInteraction,
    AsyncMessage,
    HttpInteraction,
    Pact,
    ProviderState,
    Request,
    SyncMessage,
)
from accord.verifier.filters import InteractionFilter
from accord.verifier.messages import MessageProducer
from accord.verifier.results import Failure, InteractionResult, PactResult, failures_from_mismatch
from accord.verifier.sources import LoadedPact
from accord.verifier.states import (
    SETUP,
    STATE_CHANGE_FAILED,
    TEARDOWN,
    StateCall,
    StateHandler,
)
from accord.verifier.transport import ProviderTarget

REQUEST_FAILED = "Request to provider failed"
MESSAGE_FAILED = "Message producer failed"
_NO_STATE = ProviderState(name="")


@dataclass(kw_only=True)
class RunContext:
    """Everything the loop needs, gathered once per run."""

    provider: str
    target: ProviderTarget | None = None
    states: Sequence[StateHandler] = ()
    messages: MessageProducer | None = None
    filter: InteractionFilter = field(default_factory=InteractionFilter)
    on_result: Callable[[InteractionResult], None] | None = None
    warnings: list[str] = field(default_factory=list)
    _warned_states: set[str] = field(default_factory=set)


def verify_pact(loaded: LoadedPact, context: RunContext) -> PactResult:
    """Verify every accepted interaction of one pact."""
    pact = loaded.pact
    result = PactResult(
        consumer=pact.consumer,
        provider=pact.provider,
        origin=loaded.origin,
        pending=loaded.pending,
        wip=loaded.wip,
        short_description=loaded.short_description,
        notices=loaded.notices,
    )
    for interaction in pact.interactions:
        if not context.filter.accepts(interaction):
            continue
        outcome = verify_interaction(pact, interaction, context, pending=loaded.pending)
        result.interactions.append(outcome)
        if context.on_result is not None:
            context.on_result(outcome)
    return result


def verify_interaction(
    pact: Pact, interaction: AnyInteraction, context: RunContext, *, pending: bool = False
) -> InteractionResult:
    started = time.perf_counter()
    result = InteractionResult(
        consumer=pact.consumer,
        provider=pact.provider,
        description=interaction.description,
        states=tuple(interaction.state_names()),
        interaction_id=interaction.id or interaction.key,
        kind=_kind(interaction),
        pending=pending or interaction.pending,
        comments=tuple(_comment_texts(interaction.comments)),
        test_name=_test_name(interaction.comments),
    )
    states = interaction.provider_states or (_NO_STATE,)
    # Generators read the states' params, overlaid with what the handlers returned.
    values: dict[str, Any] = {}
    for state in interaction.provider_states:
        values.update(state.params)
    done: list[ProviderState] = []
    try:
        for state in states:
            values.update(_change_state(context, pact, interaction, state, SETUP))
            done.append(state)
    except ProviderStateError as error:
        # A failed setup leaves the provider in an unknown state: verify nothing, tear down
        # only what did set up.
        result.failures.append(
            Failure(category=STATE_CHANGE_FAILED, attribute="state", message=str(error))
        )
    else:
        result.failures.extend(_exercise(pact, interaction, context, values))
    for state in reversed(done):
        try:
            _change_state(context, pact, interaction, state, TEARDOWN)
        except ProviderStateError as error:
            result.failures.append(
                Failure(category=STATE_CHANGE_FAILED, attribute="state", message=str(error))
            )
    result.duration = time.perf_counter() - started
    return result


def _change_state(
    context: RunContext,
    pact: Pact,
    interaction: AnyInteraction,
    state: ProviderState,
    action: str,
) -> Mapping[str, Any]:
    handlers = [handler for handler in context.states if handler.handles(state)]
    if not handlers:
        if state.name and state.name not in context._warned_states:
            context._warned_states.add(state.name)
            context.warnings.append(
                f"no provider state callback configured for provider state {state.name!r} "
                f"(consumer {pact.consumer}, interaction {interaction.description!r})"
            )
        return {}
    values: dict[str, Any] = {}
    call = StateCall(
        state=state, action=action, consumer=pact.consumer, interaction=interaction.description
    )
    for handler in handlers:
        values.update(handler.change(call) or {})
    return values


def _exercise(
    pact: Pact, interaction: AnyInteraction, context: RunContext, values: Mapping[str, Any]
) -> list[Failure]:
    try:
        if isinstance(interaction, HttpInteraction):
            return _verify_http(pact, interaction, context, values)
        return _verify_message(pact, interaction, context, values)
    except Exception as error:  # provider unreachable, or a user callable (filter, producer) raised
        category = REQUEST_FAILED if isinstance(interaction, HttpInteraction) else MESSAGE_FAILED
        message = _describe(pact, interaction, error)
        return [Failure(category=category, attribute="request", message=message)]


def _verify_http(
    pact: Pact, interaction: HttpInteraction, context: RunContext, values: Mapping[str, Any]
) -> list[Failure]:
    if context.target is None:
        raise VerificationError(
            f"interaction {interaction.description!r} of consumer {pact.consumer} is HTTP, but no "
            "provider was given; pass base_url=... or app=... (CLI: --provider-base-url)"
        )
    request = _generated(interaction.request, values)
    actual = context.target.send(context.target.prepare(request))
    mismatches = match_response(interaction.response, actual, spec=pact.spec)
    return [failure for mismatch in mismatches for failure in failures_from_mismatch(mismatch)]


def _verify_message(
    pact: Pact,
    interaction: AsyncMessage | SyncMessage,
    context: RunContext,
    values: Mapping[str, Any],
) -> list[Failure]:
    if context.messages is None:
        raise VerificationError(
            f"interaction {interaction.description!r} of consumer {pact.consumer} is a message, "
            "but no message producer was given; register one with @verifier.message(description) "
            "or pass message_url=..."
        )
    produced = context.messages.produce(interaction, pact.consumer, values)
    expected = (
        [interaction.message]
        if isinstance(interaction, AsyncMessage)
        else list(interaction.response)
    )
    failures: list[Failure] = []
    for index, expected_message in enumerate(expected):
        if index >= len(produced):
            failures.append(
                Failure(
                    category="Body had differences",
                    attribute="body",
                    path="$",
                    message=f"expected response message {index + 1} but the producer returned {len(produced)}",
                )
            )
            continue
        mismatches = match_message(expected_message, produced[index], spec=pact.spec)
        failures.extend(f for mismatch in mismatches for f in failures_from_mismatch(mismatch))
    return failures


def _generated(request: Request, values: Mapping[str, Any]) -> Request:
    if request.generators.is_empty():
        return request  # the common case: skip the generation machinery entirely
    return generate_request(request, mode=GeneratorMode.PROVIDER, context=dict(values))


def _kind(interaction: AnyInteraction) -> str:
    if isinstance(interaction, AsyncMessage):
        return "message"
    if isinstance(interaction, SyncMessage):
        return "sync-message"
    return "http"


def _describe(pact: Pact, interaction: AnyInteraction, error: BaseException) -> str:
    return (
        f"consumer {pact.consumer}, provider {pact.provider}, interaction "
        f"{interaction.description!r}: {_reason(error)}"
    )


def _reason(error: BaseException) -> str:
    """What went wrong, naming the request when httpx failed to get an answer."""
    request = _failed_request(error)
    if request is None:
        return f"{type(error).__name__}: {error}"
    sent = f"{request.method} {request.url}"
    if isinstance(error, httpx.TimeoutException):
        timeout = request.extensions.get("timeout", {}).get("read")
        within = f" within {timeout:g} s (the request timeout)" if timeout else ""
        return f"no answer to {sent}{within}: {type(error).__name__}"
    if isinstance(error, httpx.ConnectError):
        return f"could not connect to the provider for {sent} (is it running?): {error}"
    return f"{sent} failed: {type(error).__name__}: {error}"


def _failed_request(error: BaseException) -> httpx.Request | None:
    if not isinstance(error, httpx.RequestError):
        return None
    try:
        return error.request
    except RuntimeError:  # raised without a request attached
        return None


def _comment_texts(comments: Mapping[str, Any]) -> list[str]:
    text = comments.get("text") if comments else None
    if isinstance(text, str):
        return [text]
    return [str(item) for item in text] if isinstance(text, list) else []


def _test_name(comments: Mapping[str, Any]) -> str | None:
    name = comments.get("testname") if comments else None
    return str(name) if name else None
