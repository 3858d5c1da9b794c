"""`accord publish` and `accord list-latest-pact-versions`: pacts into the broker, and what is there."""

from __future__ import annotations

from typing import Any

import click

from accord.broker_client.publishing import (
    ConsumerVersion,
    find_pact_files,
    publish_pacts,
    read_pact_file,
)
from accord.broker_client.version_properties import (
    detect_branch,
    detect_build_url,
    detect_commit,
)
from accord.broker_client.versions import list_latest_pact_versions
from accord.cli._broker_options import (
    BrokerConnection,
    broker_errors,
    broker_options,
    output_option,
)
from accord.cli._output import print_json, print_notices, print_table, success


# `-h` is the branch here, as in the official CLI, so help is `--help` only for this command.
@click.command("publish", context_settings={"help_option_names": ["--help"]})
@click.argument("pact_locations", nargs=-1, required=True, metavar="PACT_DIRS_OR_FILES...")
@click.option(
    "--consumer-app-version", "-a", help="The consumer application version the pacts belong to."
)
@click.option("--branch", "-h", help="Repository branch of the consumer version.")
@click.option(
    "--auto-detect-version-properties",
    "-r",
    is_flag=True,
    help="Detect the version (commit), branch and build URL from CI environment variables "
    "(GitHub Actions, GitLab, Jenkins, CircleCI, Buildkite, Travis, Bitbucket, Azure DevOps, …) "
    "or git, for those not given.",
)
@click.option(
    "--tag", "-t", "tags", multiple=True, help="Tag for the consumer version. Repeatable."
)
@click.option(
    "--tag-with-git-branch", "-g", is_flag=True, help="Also tag the version with the git branch."
)
@click.option("--build-url", help="URL of the CI build that produced the pacts.")
@click.option(
    "--merge",
    is_flag=True,
    help="Merge with a pact already published for this version and provider, instead of "
    "failing on changed content (for pacts written by parallel test runs).",
)
@output_option("text", "json", default="text")
@broker_options
def publish(
    pact_locations: tuple[str, ...],
    consumer_app_version: str | None,
    branch: str | None,
    auto_detect_version_properties: bool,
    tags: tuple[str, ...],
    tag_with_git_branch: bool,
    build_url: str | None,
    merge: bool,
    output: str,
    broker: BrokerConnection,
) -> None:
    """Publish pact files (or every *.json in the given directories) to a Pact Broker.

    As in the Pact CLI, -h is --branch for this command; help is --help.

    \b
    Example:
      accord publish ./pacts --consumer-app-version 1.2.3 --branch main
    """
    with broker_errors(output):
        if auto_detect_version_properties:
            consumer_app_version = consumer_app_version or detect_commit()
            branch = branch or detect_branch()
            build_url = build_url or detect_build_url()
        if not consumer_app_version or not consumer_app_version.strip():
            raise click.UsageError(
                "--consumer-app-version is required (or --auto-detect-version-properties "
                "to use the git commit)"
            )
        all_tags = list(tags) + ([detect_branch()] if tag_with_git_branch else [])
        version = ConsumerVersion(
            number=consumer_app_version,
            branch=branch,
            tags=list(dict.fromkeys(all_tags)),
            build_url=build_url,
        )
        pacts = [read_pact_file(path) for path in find_pact_files(pact_locations)]
        with broker.client() as hal:
            publications = publish_pacts(hal, pacts, version, merge=merge)
    if output == "json":
        print_json([publication.response.data for publication in publications])
        return
    for publication in publications:
        if publication.notices:
            print_notices(publication.notices)
        else:
            success(
                f"Published the pacts of {publication.consumer} version {version.number} "
                f"to {broker.base_url}"
            )


@click.command("list-latest-pact-versions")
@output_option("table", "json", default="table")
@broker_options
def list_latest_pact_versions_command(output: str, broker: BrokerConnection) -> None:
    """List the latest pact of every consumer/provider integration."""
    with broker_errors(output), broker.client() as hal:
        listing, pacts = list_latest_pact_versions(hal)
    if output == "json":
        print_json(listing.data)
        return
    rows: list[list[Any]] = [
        [pact.consumer, pact.consumer_version, pact.provider, pact.created_at] for pact in pacts
    ]
    if not rows:
        click.echo("No pacts have been published yet.")
    print_table(["CONSUMER", "C.VERSION", "PROVIDER", "CREATED AT"], rows)
