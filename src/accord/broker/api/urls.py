"""Every URL the broker hands out. The only place URL shapes live; names are encoded the way
the Ruby broker does (everything but A-Za-z0-9_.~- is percent-encoded, space → %20)."""

from __future__ import annotations

from urllib.parse import quote


def enc(name: str) -> str:
    return quote(name, safe="")


def pacticipant(base: str, name: str) -> str:
    return f"{base}/pacticipants/{enc(name)}"


def version(base: str, name: str, number: str) -> str:
    return f"{pacticipant(base, name)}/versions/{enc(number)}"


def versions(base: str, name: str) -> str:
    return f"{pacticipant(base, name)}/versions"


def tag(base: str, name: str, number: str, tag_name: str) -> str:
    return f"{version(base, name, number)}/tags/{enc(tag_name)}"


def branch(base: str, name: str, branch_name: str) -> str:
    return f"{pacticipant(base, name)}/branches/{enc(branch_name)}"


def branch_version(base: str, name: str, branch_name: str, number: str) -> str:
    return f"{branch(base, name, branch_name)}/versions/{enc(number)}"


def pacts_between(base: str, provider: str, consumer: str) -> str:
    return f"{base}/pacts/provider/{enc(provider)}/consumer/{enc(consumer)}"


def pact_by_version(base: str, provider: str, consumer: str, number: str) -> str:
    return f"{pacts_between(base, provider, consumer)}/version/{enc(number)}"


def pact_by_sha(
    base: str, provider: str, consumer: str, sha: str, metadata: str | None = None
) -> str:
    url = f"{pacts_between(base, provider, consumer)}/pact-version/{sha}"
    return f"{url}/metadata/{metadata}" if metadata else url


def verification_results(
    base: str, provider: str, consumer: str, sha: str, metadata: str | None = None
) -> str:
    return f"{pact_by_sha(base, provider, consumer, sha, metadata)}/verification-results"


def verification(base: str, provider: str, consumer: str, sha: str, number: int) -> str:
    return f"{verification_results(base, provider, consumer, sha)}/{number}"


def for_verification(base: str, provider: str) -> str:
    return f"{base}/pacts/provider/{enc(provider)}/for-verification"


def provider_pacts(base: str, provider: str) -> str:
    return f"{base}/pacts/provider/{enc(provider)}"


def matrix_for(base: str, provider: str, consumer: str) -> str:
    return f"{base}/matrix/provider/{enc(provider)}/consumer/{enc(consumer)}"


def integration(base: str, provider: str, consumer: str) -> str:
    return f"{base}/integrations/provider/{enc(provider)}/consumer/{enc(consumer)}"
