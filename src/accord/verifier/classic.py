"""The classic Python Pact verifier API, so code written for it runs with only its import changed.

    verifier = Verifier(provider="UserService", provider_base_url="http://localhost:8000")
    exit_code, output = verifier.verify_pacts("./pacts/consumer-userservice.json",
                                              provider_states_setup_url=".../_pact/provider_states")
    assert exit_code == 0, output

Keyword arguments the classic tools took and Accord has no use for (`log_dir`, `log_level`) are
accepted and ignored; unknown ones are an error naming the accepted set.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from accord.broker_client import ConsumerVersionSelector, tag_selectors
from accord.verifier.publishing import PublishOptions
from accord.verifier.sources import BrokerSource, PactSource, source_for

if TYPE_CHECKING:
    from accord.verifier.verifier import Verifier

_ACCEPTED = {
    "headers",
    "timeout",
    "consumer_tags",
    "consumer_version_tags",
    "provider_tags",
    "provider_states_setup_url",
    "verbose",
    "publish_version",
    "provider_app_version",
    "publish_verification_results",
    "consumer_version_selectors",
    "provider_version_branch",
    "provider_branch",
    "build_url",
    "log_dir",
    "log_level",
}


class ClassicVerifierMethods:
    """`verify_pacts` and `verify_with_broker`, both returning `(exit_code, output)`."""

    def verify_pacts(
        self,
        *pacts: str,
        enable_pending: bool = False,
        include_wip_pacts_since: str | None = None,
        **kwargs: Any,
    ) -> tuple[int, str]:
        """Verify local pact files, directories or URLs."""
        _check(kwargs)
        if not pacts:
            raise ValueError("verify_pacts needs at least one pact file, directory or URL")
        return _classic_run(cast("Verifier", self), [source_for(p) for p in pacts], kwargs)

    def verify_with_broker(
        self,
        enable_pending: bool = False,
        include_wip_pacts_since: str | None = None,
        broker_url: str | None = None,
        broker_username: str | None = None,
        broker_password: str | None = None,
        broker_token: str | None = None,
        **kwargs: Any,
    ) -> tuple[int, str]:
        """Verify the pacts a Pact Broker selects (PACT_BROKER_* variables fill the gaps)."""
        import os

        _check(kwargs)
        url = broker_url or os.environ.get("PACT_BROKER_BASE_URL")
        if not url:
            raise ValueError("verify_with_broker needs broker_url=... or PACT_BROKER_BASE_URL")
        selectors = [
            ConsumerVersionSelector.from_json(json.loads(s) if isinstance(s, str) else s)
            for s in kwargs.get("consumer_version_selectors") or []
        ]
        selectors += tag_selectors(
            kwargs.get("consumer_tags") or kwargs.get("consumer_version_tags") or []
        )
        source = BrokerSource(
            url=url,
            username=broker_username or os.environ.get("PACT_BROKER_USERNAME"),
            password=broker_password or os.environ.get("PACT_BROKER_PASSWORD"),
            token=broker_token or os.environ.get("PACT_BROKER_TOKEN"),
            selectors=tuple(selectors),
            provider_branch=kwargs.get("provider_version_branch") or kwargs.get("provider_branch"),
            provider_tags=tuple(kwargs.get("provider_tags") or ()),
            include_pending=enable_pending,
            include_wip_since=include_wip_pacts_since,
        )
        return _classic_run(cast("Verifier", self), [source], kwargs)


def _check(kwargs: dict[str, Any]) -> None:
    unknown = sorted(set(kwargs) - _ACCEPTED)
    if unknown:
        raise TypeError(
            f"unknown verifier option(s) {', '.join(unknown)}; accepted: {', '.join(sorted(_ACCEPTED))}"
        )


def _classic_run(
    verifier: Verifier, sources: Sequence[PactSource], kwargs: dict[str, Any]
) -> tuple[int, str]:
    from accord.verifier.verifier import captured_console

    saved = (
        dict(verifier.headers),
        verifier.request_timeout,
        list(verifier.state_urls),
        verifier.publish_options,
        verifier.verbose,
    )
    try:
        for header in kwargs.get("headers") or []:
            name, _, value = str(header).partition(":")
            verifier.headers[name.strip()] = value.strip()
        if kwargs.get("timeout"):
            verifier.request_timeout = float(kwargs["timeout"])
        if kwargs.get("provider_states_setup_url"):
            # The classic tools POSTed {consumer, state, states} and had no teardown.
            verifier.state_change_url(kwargs["provider_states_setup_url"], body_style="classic")
        version = kwargs.get("publish_version") or kwargs.get("provider_app_version")
        if kwargs.get("publish_verification_results") and version:
            verifier.publish_options = PublishOptions(
                provider_version=str(version),
                branch=kwargs.get("provider_version_branch") or kwargs.get("provider_branch"),
                tags=tuple(kwargs.get("provider_tags") or ()),
                build_url=kwargs.get("build_url"),
            )
        verifier.verbose = bool(kwargs.get("verbose", verifier.verbose))
        console, buffer = captured_console()
        report = verifier._run(sources, console=console)
        return report.exit_code, buffer.getvalue()
    finally:
        (
            verifier.headers,
            verifier.request_timeout,
            verifier.state_urls,
            verifier.publish_options,
            verifier.verbose,
        ) = saved
