"""`accord stub PACT_FILES...`: serve the responses of pact files for local development, with the
same mock server the consumer tests use (requests are matched as strictly as in a test).
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import click

from accord.errors import InvalidPact
from accord.model import HttpInteraction


@click.command("stub")
@click.argument("pact_files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("-p", "--port", default=8080, show_default=True, help="Port (0 picks a free one).")
@click.option("--cors", is_flag=True, help="Answer CORS preflight requests and allow any origin.")
@click.option(
    "-s",
    "--provider-state",
    "state_pattern",
    default=None,
    help="Serve only interactions with a provider state matching this regex (or no state); "
    "picks between interactions that share a route.",
)
def stub(
    pact_files: tuple[Path, ...], host: str, port: int, cors: bool, state_pattern: str | None
) -> None:
    """Serve the HTTP interactions of PACT_FILES (files or directories) until interrupted."""
    from accord.mock import MockServer
    from accord.model import load_pact

    if state_pattern is not None:
        try:
            re.compile(state_pattern)
        except re.error as error:
            raise click.BadParameter(
                f"{state_pattern!r} is not a valid regex: {error}", param_hint="'--provider-state'"
            ) from None
    interactions: list[HttpInteraction] = []
    files = _expand(pact_files)
    if not files:
        names = ", ".join(str(path) for path in pact_files)
        raise click.ClickException(f"no pact files (*.json) found in {names}")
    for path in files:
        try:
            pact = load_pact(path)
        except InvalidPact as error:
            raise click.ClickException(str(error)) from None
        found = [i for i in pact.http_interactions if _wanted(i, state_pattern)]
        interactions.extend(found)
        click.echo(f"{path}: {len(found)} interactions ({pact.consumer} -> {pact.provider})")
    if not interactions:
        raise click.ClickException("no HTTP interactions to serve")
    try:
        server = MockServer(interactions, host=host, port=port, cors=cors, record=False).start()
    except OSError as error:
        raise click.ClickException(error.strerror or str(error)) from None
    click.echo(f"Stub server for {len(interactions)} interactions listening on {server.url}")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        click.echo("stopping")
    finally:
        server.stop()


def _wanted(interaction: HttpInteraction, state_pattern: str | None) -> bool:
    if state_pattern is None or not interaction.provider_states:
        return True
    return any(re.search(state_pattern, name) for name in interaction.state_names())


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    return files
