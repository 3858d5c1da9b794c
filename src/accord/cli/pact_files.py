"""`accord pact validate` and `accord pact convert`: work on pact files without a broker."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from accord.errors import InvalidPact
from accord.model import Pact, RuleKind, SpecVersion, dumps_pact, load_pact


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
    """Rewrite FILE in another pact specification version (warning about what it cannot hold)."""
    spec = SpecVersion.parse(target)
    try:
        pact = load_pact(file)
        text = dumps_pact(pact, spec)
    except InvalidPact as error:
        raise click.ClickException(str(error)) from None
    for warning in _not_representable(pact, spec):
        click.echo(f"warning: {warning}", err=True)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output} ({target})")
    json.loads(text)  # never emit something that is not JSON


# Matchers each version defines; newer ones are written anyway, but readers of that version
# may ignore them, so the converted pact checks less than the original.
_V2_MATCHERS = {RuleKind.TYPE, RuleKind.REGEX}
_V4_ONLY_MATCHERS = {RuleKind.STATUS_CODE, RuleKind.NOT_EMPTY, RuleKind.SEMVER}


def _not_representable(pact: Pact, spec: SpecVersion) -> list[str]:
    """What `spec` cannot say about `pact`'s HTTP interactions: dropped or possibly ignored."""
    warnings: list[str] = []
    for interaction in pact.http_interactions:
        where = f"interaction {interaction.description!r}"
        parts = (interaction.request, interaction.response)
        kinds = {
            rule.kind
            for part in parts
            for category in part.matching_rules.categories()
            for rule_list in part.matching_rules.category(category).values()
            for rule in rule_list.rules
        }
        if spec < SpecVersion.V3:
            states = interaction.provider_states
            if len(states) > 1:
                warnings.append(f"{where}: {spec.label} keeps only the first provider state")
            if any(state.params for state in states):
                warnings.append(f"{where}: {spec.label} drops provider state parameters")
            if any(not part.generators.is_empty() for part in parts):
                warnings.append(f"{where}: {spec.label} drops generators")
            unknown = kinds - _V2_MATCHERS
        elif spec < SpecVersion.V4:
            unknown = kinds & _V4_ONLY_MATCHERS
        else:
            unknown = set()
        if unknown:
            names = ", ".join(sorted(kind.value for kind in unknown))
            warnings.append(
                f"{where}: matchers that {spec.label} does not define ({names}) are kept, "
                f"but {spec.label} tools may ignore them"
            )
    return warnings
