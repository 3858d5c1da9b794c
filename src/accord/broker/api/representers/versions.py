"""Version, tag, branch and branch-version documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from accord.broker.api import urls
from accord.broker.api.hal import curies, link, timestamp, timestamps
from accord.broker.db.models import Environment, Version


@dataclass
class VersionFacts:
    """What a version document shows besides the row itself (gathered by the resource)."""

    pacticipant: str
    version: Version
    tags: list[tuple[str, bool]] = field(default_factory=list)  # (name, is latest for tag)
    branches: list[tuple[str, bool]] = field(default_factory=list)  # (name, is branch head)
    pacts: list[tuple[str, str]] = field(default_factory=list)  # (provider, title)
    environments: list[Environment] = field(default_factory=list)
    # (record uuid, environment, currently deployed/supported, application instance)
    deployed: list[tuple[str, Environment, bool, str | None]] = field(default_factory=list)
    released: list[tuple[str, Environment, bool]] = field(default_factory=list)


def version(base: str, facts: VersionFacts) -> dict[str, Any]:
    name, row = facts.pacticipant, facts.version
    href = urls.version(base, name, row.number)
    branch_versions = [
        {
            "name": branch,
            "latest": head,
            "_links": {"self": link(urls.branch_version(base, name, branch, row.number))},
        }
        for branch, head in facts.branches
    ]
    return {
        "number": row.number,
        "buildUrl": row.build_url,
        **timestamps(row.created_at, row.updated_at),
        "_embedded": {
            "branchVersions": branch_versions,
            "branches": branch_versions,
            "tags": [tag(base, name, row.number, t, latest) for t, latest in facts.tags],
        },
        "_links": {
            "self": link(href, title="Version", name=row.number),
            "pb:pacticipant": link(urls.pacticipant(base, name), title="Pacticipant", name=name),
            "pb:tag": link(f"{href}/tags/{{tag}}", templated=True),
            "pb:latest-verification-results-where-pacticipant-is-consumer": link(
                f"{base}/verification-results/consumer/{urls.enc(name)}/version/"
                f"{urls.enc(row.number)}/latest",
                title="Latest verification results for consumer version",
            ),
            "pb:pact-versions": [
                link(
                    urls.pact_by_version(base, provider, name, row.number), title="Pact", name=title
                )
                for provider, title in facts.pacts
            ],
            "pb:deployed-environments": [
                {
                    **link(
                        f"{base}/deployed-versions/{uuid}",
                        title="Deployed version",
                        name=env.display_name or env.name,
                    ),
                    "currently_deployed": current,
                    **({"application_instance": instance} if instance else {}),
                }
                for uuid, env, current, instance in facts.deployed
            ],
            "pb:released-environments": [
                {
                    **link(
                        f"{base}/released-versions/{uuid}",
                        title="Released version",
                        name=env.display_name or env.name,
                    ),
                    "currently_supported": current,
                }
                for uuid, env, current in facts.released
            ],
            "pb:record-deployment": [
                link(
                    f"{href}/deployed-versions/environment/{env.uuid}",
                    title=f"Record deployment to {env.display_name or env.name}",
                    name=env.name,
                )
                for env in facts.environments
            ],
            "pb:record-release": [
                link(
                    f"{href}/released-versions/environment/{env.uuid}",
                    title=f"Record release to {env.display_name or env.name}",
                    name=env.name,
                )
                for env in facts.environments
            ],
            "curies": curies(base),
        },
    }


def versions(base: str, name: str, rows: list[VersionFacts]) -> dict[str, Any]:
    items = [version(base, facts) for facts in rows]
    return {
        "_embedded": {"versions": items},
        "_links": {
            "self": link(urls.versions(base, name), title="All application versions of " + name),
            "pb:pacticipant": link(urls.pacticipant(base, name), title="Pacticipant", name=name),
            "curies": curies(base),
        },
    }


def tag(
    base: str, name: str, number: str, tag_name: str, latest: bool | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": tag_name,
        "_links": {
            "self": link(urls.tag(base, name, number, tag_name), title="Tag", name=tag_name),
            "pb:version": link(urls.version(base, name, number), title="Version", name=number),
            "pb:pacticipant": link(urls.pacticipant(base, name), title="Pacticipant", name=name),
        },
    }
    if latest is not None:
        body["latest"] = latest
    return body


def tag_document(
    base: str, name: str, number: str, tag_name: str, created_at: Any
) -> dict[str, Any]:
    body = tag(base, name, number, tag_name)
    body["createdAt"] = timestamp(created_at)
    body["_links"]["curies"] = curies(base)
    return body


def branch(
    base: str, name: str, branch_name: str, created_at: Any, updated_at: Any
) -> dict[str, Any]:
    href = urls.branch(base, name, branch_name)
    return {
        "name": branch_name,
        **timestamps(created_at, updated_at),
        "_links": {
            "self": link(href, title="Branch", name=branch_name),
            "pb:latest-version": link(f"{href}/latest-version", title="Latest version for branch"),
            "pb:versions": link(f"{href}/versions", title="Versions for branch"),
            "pb:pacticipant": link(urls.pacticipant(base, name), title="Pacticipant", name=name),
            "curies": curies(base),
        },
    }


def branch_version(
    base: str, name: str, branch_name: str, number: str, created_at: Any
) -> dict[str, Any]:
    return {
        "name": branch_name,
        "createdAt": timestamp(created_at),
        "_links": {
            "self": link(urls.branch_version(base, name, branch_name, number), name=branch_name),
            "pb:branch": link(
                urls.branch(base, name, branch_name), title="Branch", name=branch_name
            ),
            "pb:version": link(urls.version(base, name, number), title="Version", name=number),
            "curies": curies(base),
        },
    }
