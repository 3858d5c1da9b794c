"""Publishing verification results to the broker, only when asked.

Results go back for every pact that came with a `pb:publish-verification-results` link, success
or failure, after the provider version's branch and tags are recorded (as the official clients do).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from accord.broker_client import BrokerClient, VerificationResultsPublication
from accord.errors import BrokerClientError
from accord.verifier.results import PactResult
from accord.verifier.sources import LoadedPact


@dataclass(frozen=True, kw_only=True)
class PublishOptions:
    """The provider version the results are recorded against, and its branch, tags and build."""

    provider_version: str
    branch: str | None = None
    tags: Sequence[str] = ()
    build_url: str | None = None


def publish_results(
    loaded: LoadedPact, result: PactResult, options: PublishOptions, client: BrokerClient
) -> str | None:
    """Publish one pact's results; returns a warning text when the broker refused them."""
    assert loaded.broker_document is not None, "only pacts fetched from a broker are published"
    publication = VerificationResultsPublication(
        provider=result.provider,
        provider_version=options.provider_version,
        success=all(not r.failures for r in result.interactions),
        test_results=[r.to_broker_json() for r in result.interactions],
        build_url=options.build_url,
        branch=options.branch,
        tags=tuple(options.tags),
        verifier_version=_accord_version(),
    )
    try:
        client.publish_verification_results(loaded.broker_document, publication)
    except BrokerClientError as error:
        return (
            f"publishing results for the pact between {result.consumer} and {result.provider} "
            f"failed: {error}"
        )
    result.published = True
    return None


def _accord_version() -> str:
    try:
        return version("accord")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
