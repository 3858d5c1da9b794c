"""The Verifier facade: say what the provider is, where pacts come from, and how to set states.

verifier = Verifier("UserService", app=create_app())
verifier.add_source("pacts/")

@verifier.state("a user exists")
def user_exists(params):
    users.add(params["id"])
    yield {"id": params["id"]}
    users.clear()

report = verifier.verify()
report.raise_for_failures()
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from rich.console import Console

from accord.broker_client import ConsumerVersionSelector
from accord.verifier.classic import ClassicVerifierMethods
from accord.verifier.filters import InteractionFilter
from accord.verifier.messages import CallableMessages
from accord.verifier.publishing import PublishOptions
from accord.verifier.results import VerificationReport
from accord.verifier.session import RunPlan, StateUrlSetting, run
from accord.verifier.sources import BrokerSource, PactSource, source_for
from accord.verifier.states import CallableStates
from accord.verifier.transport import RequestFilter, TargetOptions

F = TypeVar("F", bound=Callable[..., Any])


class Verifier(ClassicVerifierMethods):
    """Verifies a provider against its consumers' pacts. Configure, then call `verify()`.

    `provider_base_url` is the name older Python Pact tools used for `base_url`, so
    `Verifier(provider="P", provider_base_url="http://...").verify_pacts(...)` works unchanged.
    """

    def __init__(
        self,
        provider: str | None = None,
        *,
        base_url: str | None = None,
        provider_base_url: str | None = None,
        app: Any = None,
        headers: Mapping[str, str] | None = None,
        request_filter: RequestFilter | None = None,
        request_timeout: float = 5.0,
        state_timeout: float | None = 30.0,
        verify_tls: bool | str = True,
        follow_redirects: bool = False,
        console: Console | None = None,
        verbose: bool = False,
        junit_file: str | os.PathLike[str] | None = None,
        json_file: str | os.PathLike[str] | None = None,
        fail_if_no_pacts: bool = True,
    ) -> None:
        self.provider = provider
        self.base_url = base_url or provider_base_url
        self.app = app
        self.headers: dict[str, str] = dict(headers or {})
        self.request_filter = request_filter
        self.request_timeout = request_timeout
        self.verify_tls = verify_tls
        self.follow_redirects = follow_redirects
        self.console = console
        self.verbose = verbose
        self.junit_file = junit_file
        self.json_file = json_file
        self.fail_if_no_pacts = fail_if_no_pacts
        self.sources: list[PactSource] = []
        self.interaction_filter = InteractionFilter()
        self.callable_states = CallableStates(timeout=state_timeout)
        self.state_urls: list[StateUrlSetting] = []
        self.state_timeout = state_timeout
        self.callable_messages = CallableMessages()
        self.message_endpoint: str | None = None
        self.publish_options: PublishOptions | None = None

    # ---- sources --------------------------------------------------------------------------
    def add_source(
        self,
        location: str | os.PathLike[str],
        *,
        username: str | None = None,
        password: str | None = None,
        token: str | None = None,
    ) -> Verifier:
        """A pact file, a directory of pacts, or an http(s) URL (basic auth or bearer token)."""
        source = source_for(location)
        if username or token:
            from accord.verifier.sources import UrlSource

            if not isinstance(source, UrlSource):
                raise ValueError(f"credentials only apply to URLs, not to {location!r}")
            source = UrlSource(url=source.url, username=username, password=password, token=token)
        self.sources.append(source)
        return self

    def add_broker(
        self,
        url: str | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        token: str | None = None,
        selectors: Sequence[ConsumerVersionSelector | Mapping[str, Any]] = (),
        provider_branch: str | None = None,
        provider_tags: Sequence[str] = (),
        include_pending: bool = False,
        include_wip_since: str | None = None,
        use_env: bool = True,
    ) -> Verifier:
        """Pacts selected by a Pact Broker; missing settings come from `PACT_BROKER_*` variables."""
        env = os.environ if use_env else {}
        url = url or env.get("PACT_BROKER_BASE_URL")
        if not url:
            raise ValueError("add_broker needs url=... or the PACT_BROKER_BASE_URL variable")
        self.sources.append(
            BrokerSource(
                url=url,
                username=username or env.get("PACT_BROKER_USERNAME"),
                password=password or env.get("PACT_BROKER_PASSWORD"),
                token=token or env.get("PACT_BROKER_TOKEN"),
                selectors=tuple(
                    s
                    if isinstance(s, ConsumerVersionSelector)
                    else ConsumerVersionSelector.from_json(dict(s))
                    for s in selectors
                ),
                provider_branch=provider_branch,
                provider_tags=tuple(provider_tags),
                include_pending=include_pending,
                include_wip_since=include_wip_since,
            )
        )
        return self

    def filter(
        self,
        *,
        consumers: Sequence[str] = (),
        description: str | None = None,
        state: str | None = None,
        no_state: bool = False,
    ) -> Verifier:
        """Verify only matching interactions (regexes for description and state)."""
        self.interaction_filter = InteractionFilter(
            consumers=tuple(consumers), description=description, state=state, no_state=no_state
        )
        return self

    # ---- provider states ----------------------------------------------------------------------
    def state(self, name: str, *, teardown: bool = False) -> Callable[[F], F]:
        """Register a handler for a provider state: `@verifier.state("a user exists")`."""

        def register(function: F) -> F:
            if teardown:
                self.callable_states.register(name, teardown=function)
            else:
                self.callable_states.register(name, function)
            return function

        return register

    def state_handlers(
        self,
        handlers: Mapping[str, Callable[..., Any]] | None = None,
        *,
        teardown: Mapping[str, Callable[..., Any]] | None = None,
        generic: Callable[..., Any] | None = None,
    ) -> Verifier:
        """Register state handlers by name, and/or one generic handler for every state."""
        for name, function in (handlers or {}).items():
            self.callable_states.register(name, function)
        for name, function in (teardown or {}).items():
            self.callable_states.register(name, teardown=function)
        if generic is not None:
            self.callable_states.generic = generic
        return self

    def state_change_url(
        self, url: str, *, body_style: str = "pact", teardown: bool = True
    ) -> Verifier:
        """POST state changes to `url`; `body_style="classic"` sends `{consumer, state, states}`."""
        if body_style not in ("pact", "classic"):
            raise ValueError(f"body_style must be 'pact' or 'classic', got {body_style!r}")
        self.state_urls.append(StateUrlSetting(url=url, body_style=body_style, teardown=teardown))
        return self

    # ---- messages ---------------------------------------------------------------------------------
    def message(self, description: str) -> Callable[[F], F]:
        """Register the producer of a message: `@verifier.message("an order was placed")`."""

        def register(function: F) -> F:
            self.callable_messages.register(description, function)
            return function

        return register

    def message_producers(
        self,
        producers: Mapping[str, Callable[..., Any]] | None = None,
        *,
        generic: Callable[..., Any] | None = None,
    ) -> Verifier:
        for description, function in (producers or {}).items():
            self.callable_messages.register(description, function)
        if generic is not None:
            self.callable_messages.generic = generic
        return self

    def message_url(self, url: str) -> Verifier:
        """Ask the provider's HTTP endpoint for messages instead of Python producers."""
        self.message_endpoint = url
        return self

    # ---- publishing ---------------------------------------------------------------------------------
    def publish(
        self,
        provider_version: str,
        *,
        branch: str | None = None,
        tags: Sequence[str] = (),
        build_url: str | None = None,
    ) -> Verifier:
        """Publish results to the broker after verifying (only pacts that came from one)."""
        self.publish_options = PublishOptions(
            provider_version=provider_version, branch=branch, tags=tuple(tags), build_url=build_url
        )
        return self

    # ---- running ----------------------------------------------------------------------------------
    def verify(self) -> VerificationReport:
        """Verify every pact from every source; never raises for a broken pact (see the report)."""
        return self._run(self.sources, console=self.console)

    def _run(self, sources: Sequence[PactSource], *, console: Console | None) -> VerificationReport:
        plan = RunPlan(
            provider=self.provider,
            base_url=self.base_url,
            app=self.app,
            target=TargetOptions(
                headers=dict(self.headers),
                request_filter=self.request_filter,
                timeout=self.request_timeout,
                verify_tls=self.verify_tls,
                follow_redirects=self.follow_redirects,
            ),
            states=self.callable_states,
            state_urls=tuple(self.state_urls),
            state_timeout=self.state_timeout,
            messages=self.callable_messages,
            message_url=self.message_endpoint,
            filter=self.interaction_filter,
            publish=self.publish_options,
            verbose=self.verbose,
            fail_if_no_pacts=self.fail_if_no_pacts,
            junit_file=self.junit_file,
            json_file=self.json_file,
        )
        return run(plan, sources, console)


def captured_console() -> tuple[Console, io.StringIO]:
    """A plain-text console writing into a buffer (for the classic `(exit_code, output)` API)."""
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=False, color_system=None, width=120), buffer
