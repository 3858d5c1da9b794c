"""The `POST /contracts/publish` response: notices, the deprecated `logs` copy, and links."""

from __future__ import annotations

from typing import Any

from accord.broker.api import urls
from accord.broker.api.hal import link
from accord.broker.services.contracts import PublishedContracts


def published(base: str, result: PublishedContracts) -> dict[str, Any]:
    name, number = result.pacticipant, result.version.number
    version_body: dict[str, Any] = {
        "number": number,
        "_links": {"self": link(urls.version(base, name, number))},
    }
    if result.branch:
        version_body["branch"] = result.branch
    if result.version.build_url:
        version_body["buildUrl"] = result.version.build_url
    return {
        "notices": result.notices,
        "logs": [
            {"level": n["type"], "message": n["text"], "deprecationWarning": "Replaced by notices"}
            for n in result.notices
        ],
        "_embedded": {
            "pacticipant": {"name": name, "_links": {"self": link(urls.pacticipant(base, name))}},
            "version": version_body,
        },
        "_links": {
            "pb:pacticipant": link(urls.pacticipant(base, name), title="Pacticipant", name=name),
            "pb:pacticipant-version": link(
                urls.version(base, name, number), title="Pacticipant version", name=number
            ),
            "pb:pacticipant-version-tags": [
                link(urls.tag(base, name, number, tag), title="Tag", name=tag)
                for tag in result.tags
            ],
            "pb:contracts": [
                link(
                    urls.pact_by_version(base, r.view.provider.name, name, number),
                    title="Pact",
                    name=r.view.name,
                )
                for r in result.results
            ],
        },
    }
