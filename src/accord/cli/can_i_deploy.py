"""`accord can-i-deploy`: may these versions be deployed (to this environment)?

Exit codes as the Pact CLI: 0 when the broker says yes, 1 when it says no or does not know yet
(or on an error); always 0 with --dry-run, which prefixes every line with `[dry-run]`.

Several pacticipants may be checked together: each `--pacticipant` starts a selector and the
`--version`/`--latest`/`--branch`/`--main-branch` after it belong to it, so the order of the
arguments matters. click keeps options per name, not in order, so the selectors are read from
the raw argument list as well (`SelectorCommand`).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import Any

import click

from accord.broker_client.matrix import CanIDeployQuery, Matrix, can_i_deploy
from accord.cli._broker_options import (
    BrokerConnection,
    broker_errors,
    broker_options,
    output_option,
)
from accord.cli._output import print_json, print_notices, print_table
from accord.cli._selectors import SelectorCommand, parse_selectors

YES = "Computer says yes \\o/"
NO = "Computer says no ¯\\_(ツ)_/¯"


@click.command("can-i-deploy", cls=SelectorCommand)
@click.option(
    "--pacticipant",
    "-a",
    multiple=True,
    required=True,
    help="A pacticipant (application) to check. Repeat for each one; give its version after it.",
)
@click.option(
    "--version",
    "-e",
    multiple=True,
    help="The version of the --pacticipant before it.",
)
@click.option(
    "--latest",
    "-l",
    multiple=True,
    is_flag=False,
    flag_value="",
    metavar="[TAG]",
    help="Use the latest version of the --pacticipant before it (the latest with TAG if given).",
)
@click.option(
    "--branch", multiple=True, help="Use the latest version from this branch of the pacticipant."
)
@click.option(
    "--all",
    "all_tags",
    multiple=True,
    metavar="TAG",
    help="Use every version of the pacticipant with TAG (not only the latest).",
)
@click.option(
    "--main-branch",
    is_flag=True,
    multiple=True,
    help="Use the latest version of the pacticipant's configured main branch.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="PACTICIPANT",
    help="Leave this pacticipant out of the decision (a --version after it ignores only that "
    "version). Repeatable. Also PACT_BROKER_CAN_I_DEPLOY_IGNORE (comma separated).",
)
@click.option(
    "--to-environment",
    metavar="ENVIRONMENT",
    help="The environment to deploy to: checks against the versions currently there.",
)
@click.option(
    "--to",
    "to_tag",
    metavar="TAG",
    help="Legacy: check against the latest versions with this tag.",
)
@click.option(
    "--retry-while-unknown",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    metavar="TIMES",
    help="Ask again up to TIMES times while verification results are missing.",
)
@click.option(
    "--retry-interval",
    type=click.FloatRange(min=0),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="Seconds between the retries of --retry-while-unknown.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    envvar="PACT_BROKER_CAN_I_DEPLOY_DRY_RUN",
    show_envvar=True,
    help="Print the answer but always exit 0 (for setting up a pipeline, or a knowing deploy).",
)
@click.option("--limit", type=int, hidden=True, help="Rows the broker may consider (legacy).")
@output_option("table", "json", default="table")
@broker_options
def can_i_deploy_command(
    to_environment: str | None,
    to_tag: str | None,
    retry_while_unknown: int,
    retry_interval: float,
    dry_run: bool,
    limit: int | None,
    output: str,
    broker: BrokerConnection,
    **_per_selector: Any,
) -> None:
    """Check whether pacticipant versions are safe to deploy, from the verification results.

    Exits 0 when the broker says yes, 1 when it says no or cannot tell yet (results missing);
    always 0 with --dry-run.

    \b
    Examples:
      accord can-i-deploy --pacticipant Orders --version 1.2.3 --to-environment production
      accord can-i-deploy -a Orders -e 1.2.3 -a Users --latest main
    """
    if to_environment is not None and not to_environment.strip():
        raise click.UsageError("--to-environment cannot be blank")
    args = click.get_current_context().meta[SelectorCommand.RAW_ARGS]
    selectors, ignored = parse_selectors(args)
    ignored += parse_selectors(_ignored_from_environment())[1]
    query = CanIDeployQuery(
        selectors=selectors,
        ignore=ignored,
        to_environment=to_environment,
        to_tag=to_tag,
        limit=limit,
    )
    with broker_errors(output, exit_code=0 if dry_run else 1), broker.client() as hal:
        matrix = can_i_deploy(
            hal,
            query,
            retry_while_unknown=0 if dry_run else retry_while_unknown,
            retry_interval=retry_interval,
            on_wait=lambda message: click.echo(message, err=True),
        )
    _report(matrix, output, dry_run=dry_run)
    sys.exit(0 if matrix.deployable is True or dry_run else 1)


def _ignored_from_environment() -> list[str]:
    names = os.environ.get("PACT_BROKER_CAN_I_DEPLOY_IGNORE", "")
    return [arg for name in names.split(",") if name.strip() for arg in ("--ignore", name.strip())]


def _report(matrix: Matrix, output: str, *, dry_run: bool) -> None:
    if output == "json":
        print_json(matrix.data)
        return
    if dry_run:
        # A dry run must never read as a real answer: every line says so.
        captured = io.StringIO()
        with contextlib.redirect_stdout(captured):
            _print_answer(matrix)
        for line in captured.getvalue().splitlines() or [""]:
            click.echo(f"[dry-run] {line}".rstrip())
        click.secho("[dry-run] Dry run enabled - ignoring any failures", fg="yellow")
        return
    _print_answer(matrix)


def _print_answer(matrix: Matrix) -> None:
    yes = matrix.deployable is True
    click.secho(YES if yes else NO, fg="green" if yes else "red")
    rows = sorted(
        matrix.rows,
        key=lambda row: (
            row.consumer.lower(),
            row.provider.lower(),
            row.consumer_version or "",
            row.provider_version or "",
        ),
    )
    numbered: list[tuple[str, bool | None]] = []
    table = []
    for row in rows:
        reference = ""
        if row.verification_url:
            numbered.append((row.verification_url, row.success))
            reference = str(len(numbered))
        success = "???" if row.success is None else str(row.success).lower()
        table.append(
            [
                row.consumer,
                row.consumer_version or "???",
                row.provider,
                row.provider_version or "???",
                success + (" [ignored]" if row.ignored else ""),
                reference,
            ]
        )
    if table:
        click.echo()
        print_table(
            ["CONSUMER", "C.VERSION", "PROVIDER", "P.VERSION", "SUCCESS?", "RESULT#"], table
        )
    if numbered:
        click.echo()
        click.echo("VERIFICATION RESULTS")
        click.echo("--------------------")
        for number, (url, passed) in enumerate(numbered, start=1):
            click.echo(f"{number}. {url} ({'success' if passed else 'failure'})")
    click.echo()
    if matrix.notices:
        print_notices(matrix.notices)
    elif matrix.reason:
        click.secho(matrix.reason, fg="green" if yes else "red")
