"""One verification run: open the connections, verify every pact, publish, report, close.

The Verifier facade collects settings; `run` turns them into live objects (the provider target,
one HTTP client for state-change and message endpoints) that exist only for the run.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx
from rich.console import Console

from accord.errors import AccordError
from accord.verifier.filters import InteractionFilter
from accord.verifier.messages import CallableMessages, MessageEndpoint, MessageProducer
from accord.verifier.output import ConsoleReporter
from accord.verifier.publishing import PublishOptions, publish_results
from accord.verifier.reports import write_json, write_junit
from accord.verifier.results import PactResult, VerificationReport
from accord.verifier.runner import RunContext, verify_pact
from accord.verifier.sources import (
    DirectorySource,
    LoadedPact,
    PactSource,
    load_directory,
    load_source,
)
from accord.verifier.states import CallableStates, StateChangeUrl, StateHandler
from accord.verifier.transport import ProviderTarget, TargetOptions, tls_verification


@dataclass(frozen=True, kw_only=True)
class StateUrlSetting:
    """A state-change URL as configured; becomes a StateChangeUrl for each run."""

    url: str
    body_style: str = "pact"
    teardown: bool = True


@dataclass(frozen=True, kw_only=True)
class RunPlan:
    """Everything a run needs, as the Verifier was configured."""

    provider: str | None
    base_url: str | None
    app: Any
    target: TargetOptions
    states: CallableStates
    state_urls: Sequence[StateUrlSetting]
    state_timeout: float | None
    messages: CallableMessages
    message_url: str | None
    filter: InteractionFilter
    publish: PublishOptions | None
    verbose: bool = False
    fail_if_no_pacts: bool = True
    junit_file: Any = None
    json_file: Any = None


def run(
    plan: RunPlan, sources: Sequence[PactSource], console: Console | None
) -> VerificationReport:
    """Verify every pact from `sources`; problems end up in the report, not as exceptions."""
    started = time.perf_counter()
    reporter = ConsoleReporter(console, verbose=plan.verbose)
    report = VerificationReport(provider=plan.provider or "")
    loaded = _load(plan, sources, report)
    if not plan.provider and loaded:
        report.provider = loaded[0].pact.provider
    interaction_filter = InteractionFilter.from_environment(plan.filter)
    report.errors.extend(interaction_filter.problems())
    with _Connections(plan, report) as connections:
        context = RunContext(
            provider=report.provider,
            target=connections.target,
            states=_state_handlers(plan, connections),
            messages=_message_producer(plan, connections),
            filter=interaction_filter,
            on_result=reporter.interaction,
            warnings=report.warnings,
        )
        runnable = connections.ready and not interaction_filter.problems()
        for item in loaded if runnable else []:
            if not context.filter.accepts_consumer(item.pact.consumer):
                continue
            reporter.pact_started(item)
            result = verify_pact(item, context)
            report.pacts.append(result)
            if plan.publish is not None:
                _publish(plan.publish, item, result, report)
            reporter.pact_finished(item, result)
        if runnable and loaded and interaction_filter.active and not report.interactions:
            _nothing_selected(plan, interaction_filter, len(loaded), report)
    plan.states.close()
    report.duration = time.perf_counter() - started
    reporter.finished(report)
    if plan.junit_file:
        write_junit(report, plan.junit_file)
    if plan.json_file:
        write_json(report, plan.json_file)
    return report


def _nothing_selected(
    plan: RunPlan, chosen: InteractionFilter, pacts: int, report: VerificationReport
) -> None:
    # Usually a typo in a filter: a green run that verified nothing would hide it.
    text = (
        f"the filters ({chosen.describe()}) matched no interaction in {pacts} "
        f"pact{'s' if pacts != 1 else ''}, so nothing was verified"
    )
    if plan.fail_if_no_pacts:
        report.errors.append(
            f"{text}; check the filters, or pass fail_if_no_pacts=False "
            "(CLI: --ignore-no-pacts-error)"
        )
    else:
        report.warnings.append(text)


class _Connections:
    """The provider target (if any) and one client for endpoints when there is no target."""

    def __init__(self, plan: RunPlan, report: VerificationReport) -> None:
        self.target: ProviderTarget | None = None
        self.ready = True
        self._timeout = plan.target.timeout
        if plan.base_url is not None or plan.app is not None:
            try:
                self.target = ProviderTarget(
                    base_url=plan.base_url, app=plan.app, options=plan.target
                )
            except AccordError as error:  # e.g. an ASGI app whose lifespan startup failed
                report.errors.append(f"could not start provider {report.provider}: {error}")
                self.ready = False
        self._http = None
        if self.target is None:
            verify = tls_verification(plan.target.verify_tls)
            self._http = httpx.Client(timeout=self._timeout, verify=verify)

    def post_json(self, url: str, body: Any, timeout: float | None) -> httpx.Response:
        if self.target is not None:
            return self.target.post_json(url, body, timeout)
        assert self._http is not None
        return self._http.post(url, json=body, timeout=timeout or self._timeout)

    def __enter__(self) -> _Connections:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.target is not None:
            self.target.close()
        if self._http is not None:
            self._http.close()


def _for(provider: str | None) -> str:
    # Files need no provider name; "for provider None" would read like a provider called None.
    return f" for provider {provider}" if provider else ""


def _load(
    plan: RunPlan, sources: Sequence[PactSource], report: VerificationReport
) -> list[LoadedPact]:
    loaded: list[LoadedPact] = []
    for source in sources:
        if isinstance(source, DirectorySource):
            # One broken file must not hide the other pacts of a shared directory.
            found, errors = load_directory(source.path, plan.provider)
            loaded.extend(found)
            report.errors.extend(errors)
            continue
        try:
            found = load_source(source, provider=plan.provider)
        except AccordError as error:
            report.errors.append(f"could not load pacts{_for(plan.provider)}: {error}")
            continue
        loaded.extend(found)
        for item in found:
            # A file or URL named explicitly is verified whatever its provider; a different name
            # is usually a typo in --provider (results would be published under it).
            if plan.provider and item.pact.provider != plan.provider:
                report.warnings.append(
                    f"the pact {item.origin} is for provider {item.pact.provider}, "
                    f"not {plan.provider}; check --provider (names are case-sensitive)"
                )
    if not sources:
        report.errors.append(
            "no pact sources were given; add a pact file, directory, URL or broker"
        )
    elif not loaded and not report.errors:
        # A provider with no pacts is usually a misconfiguration (wrong name, wrong selectors).
        text = f"no pacts were found{_for(plan.provider)}"
        if plan.fail_if_no_pacts:
            report.errors.append(
                f"{text}; check the provider name and selectors, or pass "
                "fail_if_no_pacts=False (CLI: --ignore-no-pacts-error)"
            )
        else:
            report.warnings.append(text)
    return loaded


def _state_handlers(plan: RunPlan, connections: _Connections) -> list[StateHandler]:
    handlers: list[StateHandler] = [plan.states]
    handlers.extend(
        StateChangeUrl(
            setting.url,
            post=connections.post_json,
            body_style=setting.body_style,
            teardown=setting.teardown,
            timeout=plan.state_timeout,
        )
        for setting in plan.state_urls
    )
    return handlers


def _message_producer(plan: RunPlan, connections: _Connections) -> MessageProducer:
    if plan.message_url:
        return MessageEndpoint(plan.message_url, post=connections.post_json)
    return plan.messages


def _publish(
    options: PublishOptions, item: LoadedPact, result: PactResult, report: VerificationReport
) -> None:
    client = item.broker_client()
    if client is None:
        report.warnings.append(
            f"results for the pact between {result.consumer} and {result.provider} "
            f"({item.origin}) were not published: it did not come from a Pact Broker"
        )
        return
    with client:
        warning = publish_results(item, result, options, client)
    if warning:
        report.warnings.append(warning)
