"""The `accord` command line: wiring only. Each command lives in its own module and is imported
only when that command runs, so `accord --help` stays fast and the broker's heavy dependencies
load only for `accord broker ...`.
"""

from __future__ import annotations

import importlib

import click

# command name → "module:attribute" of a click command or group
COMMANDS: dict[str, str] = {
    "pact": "accord.cli.pact_files:pact_group",
    "stub": "accord.cli.stub:stub",
    "verify": "accord.cli.verify:verify",
    "broker": "accord.cli.broker:broker_group",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module_name, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="accord", prog_name="accord")
def main() -> None:
    """Accord: consumer-driven contract testing, compatible with Pact."""
