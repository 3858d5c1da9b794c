"""Pact documents: the stored pact JSON merged with `createdAt` and the `pb:` links verifiers
follow (design note §3.6), and the provider/latest pact lists."""

from __future__ import annotations

from typing import Any

from accord.broker.api import urls
from accord.broker.api.hal import curies, link, timestamp
from accord.broker.services.pact_lookup import PactView


def pact(base: str, view: PactView, metadata: str | None = None) -> dict[str, Any]:
    provider, consumer = view.provider.name, view.consumer.name
    number, sha = view.consumer_version.number, view.pact_version.sha
    between = urls.pacts_between(base, provider, consumer)
    body = view.content
    body["createdAt"] = timestamp(view.publication.created_at)
    body["_links"] = {
        "self": link(urls.pact_by_version(base, provider, consumer, number), title="Pact", name=view.name),
        "pb:consumer": link(urls.pacticipant(base, consumer), title="Consumer", name=consumer),
        "pb:consumer-version": link(
            urls.version(base, consumer, number), title="Consumer version", name=number
        ),
        "pb:provider": link(urls.pacticipant(base, provider), title="Provider", name=provider),
        "pb:pact-version": link(
            urls.pact_by_sha(base, provider, consumer, sha), title="Pact content version permalink", name=sha
        ),
        "pb:latest-pact-version": link(f"{between}/latest", title="Latest version of this pact"),
        "pb:all-pact-versions": link(f"{between}/versions", title="All versions of this pact"),
        "pb:latest-untagged-pact-version": link(f"{between}/latest-untagged", title="Latest untagged version of this pact"),
        "pb:latest-tagged-pact-version": link(f"{between}/latest/{{tag}}", title="Latest tagged version of this pact", templated=True),
        "pb:previous-distinct": link(f"{urls.pact_by_version(base, provider, consumer, number)}/previous-distinct", title="Previous distinct version of this pact"),
        "pb:diff-previous-distinct": link(f"{urls.pact_by_version(base, provider, consumer, number)}/diff/previous-distinct", title="Diff with previous distinct version of this pact"),
        "pb:diff": link(f"{urls.pact_by_sha(base, provider, consumer, sha)}/diff/pact-version/{{pactVersion}}", title="Diff with another specified version of this pact", templated=True),
        "pb:pact-webhooks": link(f"{base}/webhooks/provider/{urls.enc(provider)}/consumer/{urls.enc(consumer)}", title="Webhooks for the pact between " + consumer + " and " + provider),
        "pb:consumer-webhooks": link(f"{base}/webhooks/consumer/{urls.enc(consumer)}", title="Webhooks for all pacts with consumer " + consumer),
        "pb:tag-prod-version": link(f"{urls.version(base, consumer, number)}/tags/prod", title="PUT to this resource to tag this consumer version as 'production'"),
        "pb:tag-version": link(f"{urls.version(base, consumer, number)}/tags/{{tag}}", title="PUT to this resource to tag this consumer version", templated=True),
        "pb:publish-verification-results": link(
            urls.verification_results(base, provider, consumer, sha, metadata),
            title="Publish verification results",
        ),
        "pb:latest-verification-results": link(f"{urls.pact_by_sha(base, provider, consumer, sha)}/verification-results/latest", title="Latest verification results"),
        "pb:triggered-webhooks": link(f"{urls.pact_by_version(base, provider, consumer, number)}/triggered-webhooks", title="Webhooks triggered by the publication of this pact"),
        "pb:matrix-for-consumer-version": link(f"{base}/matrix?q[][pacticipant]={urls.enc(consumer)}&q[][version]={urls.enc(number)}&latestby=cvpv", title="View matrix rows for the consumer version to which this pact belongs"),
        "curies": curies(base),
    }  # fmt: skip
    return body


def pact_list(base: str, self_href: str, provider: str, views: list[PactView]) -> dict[str, Any]:
    """`/pacts/provider/{p}[/latest[/{tag}]]` and the branch variants."""
    entries = [
        link(
            urls.pact_by_version(base, v.provider.name, v.consumer.name, v.consumer_version.number),
            title=v.name,
            name=v.consumer.name,
        )
        for v in views
    ]
    provider_link = link(urls.pacticipant(base, provider), title=provider, name=provider)
    return {
        "_links": {
            "self": link(self_href),
            "pb:provider": provider_link,
            "provider": provider_link,
            "pb:pacts": entries,
            "pacts": entries,  # the Rust verifier's legacy path iterates this one
            "curies": curies(base),
        }
    }


def consumer_pact_versions(base: str, self_href: str, views: list[PactView]) -> dict[str, Any]:
    """`/pacts/provider/{p}/consumer/{c}/versions` and the tag/branch variants."""
    entries = [
        link(
            urls.pact_by_version(base, v.provider.name, v.consumer.name, v.consumer_version.number),
            title=v.name,
            name=v.consumer_version.number,
        )
        for v in views
    ]
    return {
        "_links": {"self": link(self_href), "pb:pact-versions": entries, "curies": curies(base)}
    }


def latest_pacts(base: str, views: list[PactView]) -> dict[str, Any]:
    """`/pacts/latest`: one entry per integration (what list-latest-pact-versions prints)."""
    pacts: list[dict[str, Any]] = []
    for v in views:
        between = urls.pacts_between(base, v.provider.name, v.consumer.name)
        number = v.consumer_version.number
        pacts.append(
            {
                "createdAt": timestamp(v.publication.created_at),
                "_embedded": {
                    "consumer": {
                        "name": v.consumer.name,
                        "_links": {"self": link(urls.pacticipant(base, v.consumer.name))},
                        "_embedded": {
                            "version": {
                                "number": number,
                                "_links": {
                                    "self": link(urls.version(base, v.consumer.name, number))
                                },
                            }
                        },
                    },
                    "provider": {
                        "name": v.provider.name,
                        "_links": {"self": link(urls.pacticipant(base, v.provider.name))},
                    },
                },
                "_links": {
                    "self": [
                        link(f"{between}/latest", title="Latest version of this pact"),
                        link(
                            urls.pact_by_version(base, v.provider.name, v.consumer.name, number),
                            title=v.name,
                        ),
                    ]
                },
            }
        )
    return {
        "pacts": pacts,
        "_links": {
            "self": link(f"{base}/pacts/latest"),
            "pb:pacts": [p["_links"]["self"][1] for p in pacts],
            "curies": curies(base),
        },
    }
