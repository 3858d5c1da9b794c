"""`accord create-or-update-webhook URL` and `accord test-webhook`.

The webhook's request is described with curl's switches (-X, -H, -d), as with the official Pact
CLI. The webhook's own credentials are `--user name:password`: `-u` stays the broker's username,
as on every other broker command.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from accord.broker_client.webhooks import (
    EVENTS,
    WebhookDefinition,
    create_or_update_webhook,
    execute_webhook,
)
from accord.cli._broker_options import (
    BrokerConnection,
    broker_errors,
    broker_options,
    output_option,
)
from accord.cli._output import print_json, success

F = TypeVar("F", bound=Callable[..., Any])


def _headers(values: tuple[str, ...]) -> dict[str, str]:
    headers = {}
    for value in values:
        name, found, content = value.partition(":")
        if not found or not name.strip():
            raise click.BadParameter(
                f"{value!r} is not a header; write it as 'Name: value'", param_hint="--header"
            )
        headers[name.strip()] = content.strip()
    return headers


def _data(value: str | None) -> str | None:
    if value is None or not value.startswith("@"):
        return value
    path = Path(value[1:])
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise click.BadParameter(f"cannot read {path}: {error}", param_hint="--data") from error


def _event_options(command: F) -> F:
    """One flag per webhook event, e.g. --contract-published."""
    for event in reversed(EVENTS):
        flag = "--" + event.replace("_", "-")
        command = click.option(flag, event, is_flag=True, help=f"Fire on the {event} event.")(
            command
        )
    return command


@click.command("create-or-update-webhook")
@click.argument("url")
@click.option("--uuid", required=True, help="UUID of the webhook (at least 16 characters).")
@click.option(
    "--request", "-X", "method", required=True, help="HTTP method of the webhook request."
)
@click.option(
    "--header", "-H", "headers", multiple=True, help="Request header 'Name: value'. Repeatable."
)
@click.option("--data", "-d", help="Request body: JSON or text, or @FILE to read it from a file.")
@click.option(
    "--user",
    "user",
    help="Webhook basic auth as 'username:password' (curl's -u; here -u is the broker's user).",
)
@click.option("--consumer", help="Only for pacts of this consumer.")
@click.option("--consumer-label", help="Only for consumers with this label.")
@click.option("--provider", help="Only for pacts with this provider.")
@click.option("--provider-label", help="Only for providers with this label.")
@click.option("--description", help="What the webhook is for.")
@_event_options
@output_option("text", "json", default="text")
@broker_options
def create_or_update_webhook_command(
    url: str,
    uuid: str,
    method: str,
    headers: tuple[str, ...],
    data: str | None,
    user: str | None,
    consumer: str | None,
    consumer_label: str | None,
    provider: str | None,
    provider_label: str | None,
    description: str | None,
    output: str,
    broker: BrokerConnection,
    **events: bool,
) -> None:
    """Create a webhook with the given UUID, or replace the one that has it.

    \b
    Example:
      accord create-or-update-webhook https://ci.example/build --uuid 3f5e2c1d9a8b7c6d5e4f \\
        -X POST -H "Content-Type: application/json" -d '{"ref": "main"}' \\
        --provider Users --contract-requiring-verification-published
    """
    username, _, password = (user or "").partition(":")
    webhook = WebhookDefinition(
        url=url,
        method=method,
        events=[name for name in EVENTS if events.get(name)],
        headers=_headers(headers),
        body=_data(data),
        username=username or None,
        password=password or None,
        description=description,
        consumer=consumer,
        consumer_label=consumer_label,
        provider=provider,
        provider_label=provider_label,
    )
    with broker_errors(output), broker.client() as hal:
        change = create_or_update_webhook(hal, uuid, webhook)
    if output == "json":
        print_json(change.response.data)
        return
    name = change.response.data.get("description") or description or uuid
    success(f"Webhook {name!r} {change.action}")


@click.command("test-webhook")
@click.option("--uuid", required=True, help="UUID of the webhook to run.")
@output_option("text", "json", default="text")
@broker_options
def test_webhook_command(uuid: str, output: str, broker: BrokerConnection) -> None:
    """Run a webhook now, once, and print its logs."""
    with broker_errors(output), broker.client() as hal:
        result = execute_webhook(hal, uuid)
    if output == "json":
        print_json(result.data)
        return
    click.echo(result.data.get("logs") or "(the broker returned no logs)")
