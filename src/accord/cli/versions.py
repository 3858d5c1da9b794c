"""`accord describe-version` and `accord create-version-tag`."""

from __future__ import annotations

import click

from accord.broker_client.version_properties import detect_branch
from accord.broker_client.versions import create_version_tags, describe_version
from accord.cli._broker_options import (
    BrokerConnection,
    broker_errors,
    broker_options,
    output_option,
)
from accord.cli._output import print_json, print_table, success


@click.command("describe-version")
@click.option("--pacticipant", "-a", required=True, help="Name of the pacticipant.")
@click.option("--version", "-e", help="The version number to describe.")
@click.option(
    "--latest",
    "-l",
    is_flag=False,
    flag_value="",
    metavar="[TAG]",
    help="Describe the latest version (the latest with TAG if given). The default without "
    "--version.",
)
@output_option("table", "json", "id", default="table")
@broker_options
def describe_version_command(
    pacticipant: str, version: str | None, latest: str | None, output: str, broker: BrokerConnection
) -> None:
    """Describe a pacticipant version: its number, branches and tags."""
    if version and latest is not None:
        raise click.UsageError("give either --version or --latest, not both")
    with broker_errors(output), broker.client() as hal:
        found = describe_version(hal, pacticipant, version=version, tag=latest or None)
    data = found.data
    if output == "json":
        print_json(data)
        return
    if output == "id":
        click.echo(data.get("number", ""))
        return
    embedded = data.get("_embedded") or {}
    tags = " ".join(str(tag.get("name")) for tag in embedded.get("tags") or [])
    branches = " ".join(
        str(branch.get("name"))
        for branch in embedded.get("branchVersions") or embedded.get("branches") or []
    )
    print_table(["NUMBER", "BRANCHES", "TAGS"], [[data.get("number"), branches, tags]])


@click.command("create-version-tag")
@click.option("--pacticipant", "-a", required=True, help="Name of the pacticipant.")
@click.option("--version", "-e", required=True, help="The version number to tag.")
@click.option("--tag", "-t", "tags", multiple=True, help="Tag to add. Repeatable.")
@click.option(
    "--auto-create-version",
    is_flag=True,
    help="Create the version if it does not exist (otherwise that is an error).",
)
@click.option(
    "--tag-with-git-branch", "-g", is_flag=True, help="Also tag with the current git branch."
)
@broker_options
def create_version_tag_command(
    pacticipant: str,
    version: str,
    tags: tuple[str, ...],
    auto_create_version: bool,
    tag_with_git_branch: bool,
    broker: BrokerConnection,
) -> None:
    """Add tags to a pacticipant version."""
    with broker_errors(), broker.client() as hal:
        all_tags = list(tags) + ([detect_branch()] if tag_with_git_branch else [])
        results = create_version_tags(
            hal,
            pacticipant,
            version,
            list(dict.fromkeys(all_tags)),
            auto_create_version=auto_create_version,
        )
    for result in results:
        state = "" if result.created else " (it already had that tag)"
        success(f"Tagged {pacticipant} version {version} as {result.tag}{state}")
