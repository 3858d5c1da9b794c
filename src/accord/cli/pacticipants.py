"""`accord create-or-update-pacticipant` and `accord describe-pacticipant`."""

from __future__ import annotations

import click

from accord.broker_client.pacticipants import (
    PacticipantFields,
    create_or_update_pacticipant,
    describe_pacticipant,
)
from accord.cli._broker_options import (
    BrokerConnection,
    broker_errors,
    broker_options,
    output_option,
)
from accord.cli._output import print_json, print_properties, success


@click.command("create-or-update-pacticipant")
@click.option("--name", required=True, help="Pacticipant name (case-sensitive).")
@click.option("--display-name", help="Name shown to people.")
@click.option("--main-branch", help="The repository's main branch (used by mainBranch selectors).")
@click.option("--repository-url", help="URL of the pacticipant's repository.")
@output_option("text", "json", default="text")
@broker_options
def create_or_update_pacticipant_command(
    name: str,
    display_name: str | None,
    main_branch: str | None,
    repository_url: str | None,
    output: str,
    broker: BrokerConnection,
) -> None:
    """Create a pacticipant, or update the given fields of an existing one."""
    fields = PacticipantFields(
        name=name.strip(),
        display_name=display_name,
        main_branch=main_branch,
        repository_url=repository_url,
    )
    with broker_errors(output), broker.client() as hal:
        change = create_or_update_pacticipant(hal, fields)
    if output == "json":
        print_json(change.response.data)
        return
    success(f'Pacticipant "{fields.name}" {change.action} in {broker.base_url}')


@click.command("describe-pacticipant")
@click.option("--name", required=True, help="Pacticipant name (case-sensitive).")
@output_option("text", "json", default="text")
@broker_options
def describe_pacticipant_command(name: str, output: str, broker: BrokerConnection) -> None:
    """Show a pacticipant: names, main branch, repository and labels."""
    with broker_errors(output), broker.client() as hal:
        found = describe_pacticipant(hal, name)
    if output == "json":
        print_json(found.data)
        return
    properties = dict(found.data)
    labels = (found.data.get("_embedded") or {}).get("labels") or []
    if labels:
        properties["labels"] = [label.get("name") for label in labels if isinstance(label, dict)]
    print_properties(properties)
