"""`accord create-environment`, `update-environment`, `list-environments`,
`describe-environment`, `delete-environment`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from accord.broker_client.environments import (
    EnvironmentFields,
    create_environment,
    delete_environment,
    describe_environment,
    list_environments,
    update_environment,
)
from accord.cli._broker_options import (
    BrokerConnection,
    broker_errors,
    broker_options,
    output_option,
)
from accord.cli._output import print_json, print_properties, print_table, success

F = TypeVar("F", bound=Callable[..., Any])

_UUID = click.option(
    "--uuid", required=True, help="The environment's UUID (see list-environments)."
)


def _fields(*, name_required: bool, production_default: bool | None) -> Callable[[F], F]:
    def decorate(command: F) -> F:
        options = [
            click.option(
                "--name",
                required=name_required,
                help="Unique name used in deployment commands, without spaces (e.g. production).",
            ),
            click.option("--display-name", help="Name shown to people (e.g. Production)."),
            click.option(
                "--production/--no-production",
                default=production_default,
                show_default=production_default is not None,
                help="Whether this is a production environment"
                + ("." if production_default is not None else " (unchanged if not given)."),
            ),
            click.option("--contact-name", help="Team or person responsible for the environment."),
            click.option("--contact-email-address", help="Their email address."),
        ]
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _environment_fields(options: dict[str, Any]) -> EnvironmentFields:
    return EnvironmentFields(
        name=options["name"],
        display_name=options["display_name"],
        production=options["production"],
        contact_name=options["contact_name"],
        contact_email=options["contact_email_address"],
    )


@click.command("create-environment")
@_fields(name_required=True, production_default=False)
@output_option("text", "json", default="text")
@broker_options
def create_environment_command(output: str, broker: BrokerConnection, **options: Any) -> None:
    """Create an environment (where versions are deployed or released)."""
    with broker_errors(output), broker.client() as hal:
        created = create_environment(hal, _environment_fields(options))
    if output == "json":
        print_json(created.data)
        return
    success(
        f"Created {options['name']} environment in {broker.base_url} with UUID "
        f"{created.data.get('uuid')}"
    )


@click.command("update-environment")
@_UUID
@_fields(name_required=False, production_default=None)
@output_option("text", "json", default="text")
@broker_options
def update_environment_command(
    uuid: str, output: str, broker: BrokerConnection, **options: Any
) -> None:
    """Change the given fields of an environment; the others stay as they are."""
    with broker_errors(output), broker.client() as hal:
        updated = update_environment(hal, uuid, _environment_fields(options))
    if output == "json":
        print_json(updated.data)
        return
    success(f"Updated {updated.data.get('name', uuid)} environment in {broker.base_url}")


@click.command("list-environments")
@output_option("table", "json", default="table")
@broker_options
def list_environments_command(output: str, broker: BrokerConnection) -> None:
    """List the environments."""
    with broker_errors(output), broker.client() as hal:
        environments = list_environments(hal)
    if output == "json":
        print_json({"_embedded": {"environments": environments}})
        return
    if not environments:
        click.echo("No environments yet; create one with `accord create-environment --name NAME`.")
    print_table(
        ["UUID", "NAME", "DISPLAY NAME", "PRODUCTION"],
        (
            [e.get("uuid"), e.get("name"), e.get("displayName"), str(e.get("production")).lower()]
            for e in environments
        ),
    )


@click.command("describe-environment")
@_UUID
@output_option("text", "json", default="text")
@broker_options
def describe_environment_command(uuid: str, output: str, broker: BrokerConnection) -> None:
    """Show an environment."""
    with broker_errors(output), broker.client() as hal:
        found = describe_environment(hal, uuid)
    if output == "json":
        print_json(found.data)
        return
    print_properties(found.data)


@click.command("delete-environment")
@_UUID
@output_option("text", "json", default="text")
@broker_options
def delete_environment_command(uuid: str, output: str, broker: BrokerConnection) -> None:
    """Delete an environment."""
    with broker_errors(output), broker.client() as hal:
        deleted = delete_environment(hal, uuid)
    if output == "json":
        print_json(deleted.data)
        return
    success(f"Deleted environment {deleted.data.get('name', uuid)} from {broker.base_url}")
