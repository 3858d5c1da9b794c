"""Pacticipant documents."""

from __future__ import annotations

from typing import Any

from accord.broker.api import urls
from accord.broker.api.hal import curies, link, timestamps
from accord.broker.db.models import Pacticipant, Version


def pacticipant(
    base: str, row: Pacticipant, latest: Version | None = None, labels: list[str] | None = None
) -> dict[str, Any]:
    href = urls.pacticipant(base, row.name)
    body: dict[str, Any] = {
        "name": row.name,
        "displayName": row.display_name,
        "repositoryUrl": row.repository_url,
        "repositoryName": row.repository_name,
        "repositoryNamespace": row.repository_namespace,
        "mainBranch": row.main_branch,
        **timestamps(row.created_at, row.updated_at),
        "_embedded": {
            "labels": [
                {"name": name, "_links": {"self": link(f"{href}/labels/{urls.enc(name)}")}}
                for name in labels or []
            ]
        },
        "_links": {
            "self": link(href, title=row.name),
            "pb:versions": link(urls.versions(base, row.name)),
            "pb:branches": link(f"{href}/branches"),
            "pb:version": link(f"{href}/versions/{{version}}", templated=True),
            "pb:version-tag": link(f"{href}/versions/{{version}}/tags/{{tag}}", templated=True),
            "pb:branch-version": link(
                f"{href}/branches/{{branch}}/versions/{{version}}", templated=True
            ),
            "pb:label": link(f"{href}/labels/{{label}}", templated=True),
            "versions": link(urls.versions(base, row.name)),
            "curies": curies(base),
        },
    }
    if latest is not None:
        embedded = {
            "number": latest.number,
            "_links": {"self": link(urls.version(base, row.name, latest.number))},
        }
        body["_embedded"]["latestVersion"] = embedded
        body["_embedded"]["latest-version"] = embedded  # older name, in the Ruby client's pact
    return body


def pacticipants(base: str, rows: list[tuple[Pacticipant, Version | None]]) -> dict[str, Any]:
    items = [pacticipant(base, row, latest) for row, latest in rows]
    links = [
        link(urls.pacticipant(base, row.name), title=row.name, name=row.name) for row, _ in rows
    ]
    return {
        "_embedded": {"pacticipants": items},
        "pacticipants": items,  # deprecated duplicate, still read by old clients
        "_links": {
            "self": link(f"{base}/pacticipants"),
            "pb:pacticipants": [{**entry, "title": "Pacticipant"} for entry in links],
            "pacticipants": links,
            "pb:pacticipants-with-label": link(
                f"{base}/pacticipants/label/{{label}}", templated=True
            ),
            "curies": curies(base),
        },
    }
