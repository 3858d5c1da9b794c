"""`accord record-deployment`, `record-undeployment`, `record-release`, `record-support-ended`:
tell the broker what runs where, so can-i-deploy checks against the right versions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from accord.broker_client.deployments import (
    record_deployment,
    record_release,
    record_support_ended,
    record_undeployment,
)
from accord.cli._broker_options import (
    BrokerConnection,
    broker_errors,
    broker_options,
    output_option,
)
from accord.cli._output import print_json, success

F = TypeVar("F", bound=Callable[..., Any])


def _pacticipant(verb: str) -> Callable[[F], F]:
    return click.option(
        "--pacticipant", "-a", required=True, help=f"Name of the pacticipant that was {verb}."
    )


def _version(verb: str) -> Callable[[F], F]:
    return click.option(
        "--version", "-e", required=True, help=f"The pacticipant version number that was {verb}."
    )


def _environment(text: str) -> Callable[[F], F]:
    return click.option("--environment", required=True, help=text)


def _application_instance(text: str) -> Callable[[F], F]:
    def decorate(command: F) -> F:
        command = click.option("--target", hidden=True, help="Old name of --application-instance.")(
            command
        )
        return click.option("--application-instance", help=text)(command)

    return decorate


@click.command("record-deployment")
@_pacticipant("deployed")
@_version("deployed")
@_environment("Name of the environment the version was deployed to.")
@_application_instance(
    "The instance deployed to, when one environment runs several instances of the application "
    "(each instance keeps its own current version)."
)
@output_option("text", "json", default="text")
@broker_options
def record_deployment_command(
    pacticipant: str,
    version: str,
    environment: str,
    application_instance: str | None,
    target: str | None,
    output: str,
    broker: BrokerConnection,
) -> None:
    """Record that a version was deployed to an environment (replacing the version there)."""
    instance = application_instance or target
    with broker_errors(output), broker.client() as hal:
        recorded = record_deployment(
            hal, pacticipant, version, environment, application_instance=instance
        )
    if output == "json":
        print_json(recorded.response.data)
        return
    suffix = f" (application instance {instance})" if instance else ""
    success(
        f"Recorded deployment of {pacticipant} version {version} to {environment} "
        f"environment{suffix} in {broker.base_url}."
    )


@click.command("record-undeployment")
@_pacticipant("undeployed")
@_environment("Name of the environment the pacticipant was removed from.")
@_application_instance("The instance it was removed from, if the deployment named one.")
@output_option("text", "json", default="text")
@broker_options
def record_undeployment_command(
    pacticipant: str,
    environment: str,
    application_instance: str | None,
    target: str | None,
    output: str,
    broker: BrokerConnection,
) -> None:
    """Record that a pacticipant no longer runs in an environment (only needed when removing
    it for good: record-deployment already replaces the previous version)."""
    instance = application_instance or target
    with broker_errors(output), broker.client() as hal:
        records = record_undeployment(hal, pacticipant, environment, application_instance=instance)
    if output == "json":
        print_json([record.response.data for record in records])
        return
    for record in records:
        version = f" version {record.version}" if record.version else ""
        suffix = f" (application instance {instance})" if instance else ""
        success(
            f"Recorded undeployment of {pacticipant}{version} from {environment} "
            f"environment{suffix} in {broker.base_url}."
        )


@click.command("record-release")
@_pacticipant("released")
@_version("released")
@_environment("Name of the environment the version was released to.")
@output_option("text", "json", default="text")
@broker_options
def record_release_command(
    pacticipant: str, version: str, environment: str, output: str, broker: BrokerConnection
) -> None:
    """Record that a version was released to an environment (several may be supported at once)."""
    with broker_errors(output), broker.client() as hal:
        recorded = record_release(hal, pacticipant, version, environment)
    if output == "json":
        print_json(recorded.response.data)
        return
    success(
        f"Recorded release of {pacticipant} version {version} to {environment} environment "
        f"in {broker.base_url}."
    )


@click.command("record-support-ended")
@_pacticipant("released")
@click.option(
    "--version", "-e", required=True, help="The pacticipant version whose support has ended."
)
@_environment("Name of the environment the release was supported in.")
@output_option("text", "json", default="text")
@broker_options
def record_support_ended_command(
    pacticipant: str, version: str, environment: str, output: str, broker: BrokerConnection
) -> None:
    """Record that a released version is no longer supported in an environment."""
    with broker_errors(output), broker.client() as hal:
        records = record_support_ended(hal, pacticipant, version, environment)
    if output == "json":
        print_json([record.response.data for record in records])
        return
    success(
        f"Recorded support ended for {pacticipant} version {version} in {environment} "
        f"environment in {broker.base_url}."
    )
