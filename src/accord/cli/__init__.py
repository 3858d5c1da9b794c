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
    # Pact Broker client commands, named and flagged as in the official Pact CLI
    "publish": "accord.cli.publish:publish",
    "list-latest-pact-versions": "accord.cli.publish:list_latest_pact_versions_command",
    "can-i-deploy": "accord.cli.can_i_deploy:can_i_deploy_command",
    "record-deployment": "accord.cli.deployments:record_deployment_command",
    "record-undeployment": "accord.cli.deployments:record_undeployment_command",
    "record-release": "accord.cli.deployments:record_release_command",
    "record-support-ended": "accord.cli.deployments:record_support_ended_command",
    "create-environment": "accord.cli.environments:create_environment_command",
    "update-environment": "accord.cli.environments:update_environment_command",
    "list-environments": "accord.cli.environments:list_environments_command",
    "describe-environment": "accord.cli.environments:describe_environment_command",
    "delete-environment": "accord.cli.environments:delete_environment_command",
    "create-or-update-pacticipant": "accord.cli.pacticipants:create_or_update_pacticipant_command",
    "describe-pacticipant": "accord.cli.pacticipants:describe_pacticipant_command",
    "create-version-tag": "accord.cli.versions:create_version_tag_command",
    "describe-version": "accord.cli.versions:describe_version_command",
    "create-or-update-webhook": "accord.cli.webhooks:create_or_update_webhook_command",
    "test-webhook": "accord.cli.webhooks:test_webhook_command",
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


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
)
@click.version_option(package_name="accord", prog_name="accord")
def main() -> None:
    """Accord: consumer-driven contract testing, compatible with Pact."""
