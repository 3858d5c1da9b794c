"""Environment, deployed-version and released-version documents."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from accord.broker.api import urls
from accord.broker.api.hal import curies, link, timestamp, timestamps
from accord.broker.db.models import (
    DeployedVersion,
    Environment,
    Pacticipant,
    ReleasedVersion,
    Version,
)


def environment(base: str, row: Environment) -> dict[str, Any]:
    href = f"{base}/environments/{row.uuid}"
    return {
        "uuid": row.uuid,
        "name": row.name,
        "displayName": row.display_name,
        "production": row.production,
        "contacts": row.contacts or [],
        **timestamps(row.created_at, row.updated_at),
        "_links": {
            "self": link(href, title="Environment", name=row.name),
            "pb:currently-deployed-deployed-versions": link(
                f"{href}/deployed-versions/currently-deployed",
                title="Versions currently deployed to this environment",
            ),
            "pb:currently-supported-released-versions": link(
                f"{href}/released-versions/currently-supported",
                title="Versions released and supported in this environment",
            ),
            "pb:environments": link(f"{base}/environments", title="Environments"),
            "curies": curies(base),
        },
    }


def environments(base: str, rows: list[Environment]) -> dict[str, Any]:
    return {
        "_embedded": {"environments": [environment(base, row) for row in rows]},
        "_links": {
            "self": link(f"{base}/environments", title="Environments"),
            "pb:createEnvironment": link(f"{base}/environments", title="Create an environment"),
            "pb:environments": [
                link(f"{base}/environments/{row.uuid}", title="Environment", name=row.name)
                for row in rows
            ],
            "curies": curies(base),
        },
    }


def _parts(
    session: Session, version_id: int, environment_id: int
) -> tuple[Version, Pacticipant, Environment]:
    version = session.get(Version, version_id)
    assert version is not None
    pacticipant = session.get(Pacticipant, version.pacticipant_id)
    found = session.get(Environment, environment_id)
    assert pacticipant is not None and found is not None
    return version, pacticipant, found


def _embedded(
    base: str, version: Version, pacticipant: Pacticipant, env: Environment
) -> dict[str, Any]:
    return {
        "version": {"number": version.number,
                    "_links": {"self": link(urls.version(base, pacticipant.name, version.number))}},
        "pacticipant": {"name": pacticipant.name, "_links": {"self": link(urls.pacticipant(base, pacticipant.name))}},
        "environment": {"uuid": env.uuid, "name": env.name, "displayName": env.display_name,
                        "_links": {"self": link(f"{base}/environments/{env.uuid}")}},
    }  # fmt: skip


def deployed_version(base: str, session: Session, row: DeployedVersion) -> dict[str, Any]:
    version, pacticipant, env = _parts(session, row.version_id, row.environment_id)
    return {
        "uuid": row.uuid,
        "currentlyDeployed": row.undeployed_at is None,
        "applicationInstance": row.target,
        "target": row.target,
        "undeployedAt": timestamp(row.undeployed_at),
        "createdAt": timestamp(row.created_at),
        "_embedded": _embedded(base, version, pacticipant, env),
        "_links": {
            "self": link(f"{base}/deployed-versions/{row.uuid}", title="Deployed version"),
            "curies": curies(base),
        },
    }


def released_version(base: str, session: Session, row: ReleasedVersion) -> dict[str, Any]:
    version, pacticipant, env = _parts(session, row.version_id, row.environment_id)
    return {
        "uuid": row.uuid,
        "currentlySupported": row.support_ended_at is None,
        "supportEndedAt": timestamp(row.support_ended_at),
        "createdAt": timestamp(row.created_at),
        "_embedded": _embedded(base, version, pacticipant, env),
        "_links": {
            "self": link(f"{base}/released-versions/{row.uuid}", title="Released version"),
            "curies": curies(base),
        },
    }
