"""Recording what runs where: deployments (one version per application instance, replacing the
last) and releases (several supported at once), and their ends (design/broker-api.md §3.10, §3.11).

record-deployment and record-release follow the version resource's `pb:record-deployment` /
`pb:record-release` links, one per environment, picked by environment name. The ends go through
the environment: its currently-deployed / currently-supported lists, each entry PATCHed.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.broker_client.environments import environments_link, find_environment_link
from accord.broker_client.hal import HalClient, HalDocument
from accord.errors import BrokerClientError


@dataclass(frozen=True, kw_only=True)
class Recorded:
    """The broker's answer for one record; `version` is the version number it names."""

    response: HalDocument
    version: str | None = None


def record_deployment(
    hal: HalClient,
    pacticipant: str,
    version: str,
    environment: str,
    *,
    application_instance: str | None = None,
) -> Recorded:
    """Record that `version` of `pacticipant` now runs in `environment` (and instance)."""
    link = _record_link(
        hal, "pb:record-deployment", "deployment", pacticipant, version, environment
    )
    # `target` is the instance's old name; brokers from the beta only read that one.
    body = (
        {"applicationInstance": application_instance, "target": application_instance}
        if application_instance
        else {}
    )
    return Recorded(response=hal.post(link, body), version=version)


def record_release(hal: HalClient, pacticipant: str, version: str, environment: str) -> Recorded:
    """Record that `version` of `pacticipant` was released to `environment`."""
    link = _record_link(hal, "pb:record-release", "release", pacticipant, version, environment)
    return Recorded(response=hal.post(link, {}), version=version)


def record_undeployment(
    hal: HalClient,
    pacticipant: str,
    environment: str,
    *,
    application_instance: str | None = None,
) -> list[Recorded]:
    """Mark `pacticipant` as no longer deployed to `environment` (that instance, or the one
    without an instance); an error saying which instances exist when none matches."""
    environment_doc = hal.get(find_environment_link(hal, environment).href)
    link = environment_doc.link("pb:currently-deployed-deployed-versions")
    if link is None:
        raise BrokerClientError(
            f"environment {environment!r} offers no currently-deployed versions link; "
            "this Pact Broker cannot record undeployments (upgrade it to 2.80.0 or later)"
        )
    deployed = hal.get(link.href, params=[("pacticipant", pacticipant)]).embedded(
        "deployedVersions"
    )

    def instance_of(entry: dict[str, object]) -> object:
        return entry.get("applicationInstance") or entry.get("target")

    matching = [entry for entry in deployed if instance_of(entry) == application_instance]
    if not matching:
        raise BrokerClientError(
            _not_deployed(pacticipant, environment, application_instance, deployed, instance_of)
        )
    return [_end(hal, entry, {"currentlyDeployed": False}) for entry in matching]


def record_support_ended(
    hal: HalClient, pacticipant: str, version: str, environment: str
) -> list[Recorded]:
    """Mark the release of `version` of `pacticipant` in `environment` as no longer supported."""
    environment_doc = hal.get(find_environment_link(hal, environment).href)
    link = environment_doc.link("pb:currently-supported-released-versions")
    if link is None:
        raise BrokerClientError(
            f"environment {environment!r} offers no currently-supported versions link; "
            "this Pact Broker cannot record the end of support (upgrade it to 2.80.0 or later)"
        )
    params = [("pacticipant", pacticipant), ("version", version)]
    released = hal.get(link.href, params=params).embedded("releasedVersions")
    if not released:
        raise BrokerClientError(
            f"{pacticipant} version {version} is not currently released in the {environment} "
            "environment, so its support cannot end; see `accord describe-version`"
        )
    return [_end(hal, entry, {"currentlySupported": False}) for entry in released]


def _end(hal: HalClient, entry: dict[str, object], body: dict[str, bool]) -> Recorded:
    links = entry.get("_links")
    href = links.get("self", {}).get("href") if isinstance(links, dict) else None
    if not href:
        raise BrokerClientError(f"the Pact Broker listed a record without a self link: {entry}")
    response = hal.patch(str(href), body)
    version = (response.data.get("_embedded") or {}).get("version") or {}
    return Recorded(response=response, version=version.get("number"))


def _record_link(
    hal: HalClient, relation: str, action: str, pacticipant: str, version: str, environment: str
) -> str:
    index = hal.index()
    if index.link("pb:environments") is None:
        raise BrokerClientError(
            f"this Pact Broker cannot record a {action}: it has no environments "
            "(no 'pb:environments' relation); upgrade it to 2.80.0 or later"
        )
    version_url = index.require_link("pb:pacticipant-version").expand(
        pacticipant=pacticipant, version=version
    )
    version_doc = hal.get(version_url, missing_ok=True)
    if version_doc.status == 404:
        raise BrokerClientError(
            f"{pacticipant} version {version} not found in the Pact Broker; publish its pacts "
            "or verification results (or create it with `accord create-version-tag "
            "--auto-create-version`) before recording a " + action,
            status=404,
            url=version_url,
        )
    link = version_doc.link_named(relation, environment)
    if link is not None:
        return link.href
    listing = hal.get(environments_link(hal).href)
    if listing.link_named("pb:environments", environment) is None:
        raise BrokerClientError(
            f"no environment named {environment!r} in the Pact Broker; create it with "
            f"`accord create-environment --name {environment}`"
        )
    offered = ", ".join(link.name or "?" for link in version_doc.links(relation)) or "none"
    raise BrokerClientError(
        f"environment {environment!r} is not an available option for recording a {action} "
        f"of {pacticipant} version {version} (offered: {offered})"
    )


def _not_deployed(
    pacticipant: str,
    environment: str,
    instance: str | None,
    deployed: list[dict[str, object]],
    instance_of: object,
) -> str:
    assert callable(instance_of)
    if not deployed:
        return (
            f"{pacticipant} is not currently deployed to the {environment} environment, "
            "so there is no deployment to end"
        )
    instances = sorted(str(instance_of(entry)) for entry in deployed if instance_of(entry))
    choices = []
    if any(not instance_of(entry) for entry in deployed):
        choices.append("omit --application-instance")
    if instances:
        choices.append(f"give one of --application-instance {', '.join(instances)}")
    where = f"application instance {instance!r}" if instance else "no application instance"
    return (
        f"{pacticipant} is not currently deployed to {where} in the {environment} environment; "
        f"{' or '.join(choices)}"
    )
