"""`accord pact validate` and `accord pact convert`: work on pact files without a broker."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from accord.errors import InvalidPact
from accord.model import SpecVersion, dumps_pact, load_pact


@click.group("pact")
def pact_group() -> None:
    """Check and convert pact files."""


@pact_group.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check FILES and list every problem with its JSON path (exit 1 if any is invalid)."""
    failed = False
    for path in files:
        try:
            pact = load_pact(path, strict=True)
        except InvalidPact as error:
            failed = True
            click.echo(str(error), err=True)
            continue
        click.echo(
            f"{path}: valid {pact.spec.label} pact between {pact.consumer} and {pact.provider} "
            f"({len(pact.interactions)} interactions)"
        )
    sys.exit(1 if failed else 0)


@pact_group.command("convert")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--to",
    "target",
    required=True,
    type=click.Choice(["v2", "v3", "v4"]),
    help="Spec version to write.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here instead of stdout.",
)
def convert(file: Path, target: str, output: Path | None) -> None:
    """Rewrite FILE in another pact specification version."""
    try:
        text = dumps_pact(load_pact(file), SpecVersion.parse(target))
    except InvalidPact as error:
        raise click.ClickException(str(error)) from None
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output} ({target})")
    json.loads(text)  # never emit something that is not JSON
