"""The connection options every broker command shares, and the error handling around its work.

Flags and environment variables are those of the official Pact CLI (`-b/--broker-base-url` or
PACT_BROKER_BASE_URL, `-u`, `-p`, `-k`), so a pipeline moves over by changing the program name.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NoReturn, TypeVar
from urllib.parse import urlsplit

import click

from accord.broker_client.hal import HAL_ACCEPT, BrokerAuth, HalClient
from accord.errors import AccordError

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, kw_only=True)
class BrokerConnection:
    """Where the broker is and who we are; `client()` opens a HAL client for one command."""

    base_url: str
    username: str | None = None
    password: str | None = None
    token: str | None = None

    def client(self) -> HalClient:
        auth = BrokerAuth(username=self.username, password=self.password, token=self.token)
        return HalClient(self.base_url, auth=auth, accept=HAL_ACCEPT)


def broker_options(command: F) -> F:
    """Add the connection options; the command receives them as one `broker` argument."""

    @functools.wraps(command)
    def wrapper(**options: Any) -> Any:
        username = options.pop("broker_username")
        token = options.pop("broker_token")
        if username and token:
            raise click.UsageError(
                "give either a username and password or a bearer token, not both "
                "(--broker-username / PACT_BROKER_USERNAME and --broker-token / PACT_BROKER_TOKEN)"
            )
        options["broker"] = BrokerConnection(
            base_url=_checked_url(options.pop("broker_base_url")),
            username=username,
            password=options.pop("broker_password"),
            token=token,
        )
        return command(**options)

    decorators = [
        click.option(
            "--broker-base-url",
            "-b",
            envvar="PACT_BROKER_BASE_URL",
            show_envvar=True,
            required=True,
            metavar="URL",
            help="Base URL of the Pact Broker, e.g. http://localhost:9292.",
        ),
        click.option(
            "--broker-username",
            "-u",
            envvar="PACT_BROKER_USERNAME",
            show_envvar=True,
            help="Pact Broker basic auth username.",
        ),
        click.option(
            "--broker-password",
            "-p",
            envvar="PACT_BROKER_PASSWORD",
            show_envvar=True,
            help="Pact Broker basic auth password.",
        ),
        click.option(
            "--broker-token",
            "-k",
            envvar="PACT_BROKER_TOKEN",
            show_envvar=True,
            help="Pact Broker bearer token (instead of username and password).",
        ),
    ]
    for decorate in reversed(decorators):
        wrapper = decorate(wrapper)
    return wrapper  # type: ignore[return-value]


def _checked_url(url: str) -> str:
    """The broker URL without a trailing slash; a usage error unless it is an http(s) URL."""
    try:
        parts = urlsplit(url.strip())
        valid = parts.scheme in {"http", "https"} and bool(parts.hostname)
    except ValueError:
        valid = False
    if not valid:
        raise click.BadParameter(
            f"{url!r} is not an http(s) URL; give the broker's base URL, "
            "e.g. http://localhost:9292",
            param_hint="'-b' / '--broker-base-url' (or PACT_BROKER_BASE_URL)",
        )
    return url.strip().rstrip("/")


def output_option(*choices: str, default: str) -> Callable[[F], F]:
    """`-o/--output`: a readable rendering by default, or the broker's JSON."""
    return click.option(
        "--output",
        "-o",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="How to print the result: "
        + ", ".join(f"{choice} ({_OUTPUT_MEANINGS[choice]})" for choice in choices)
        + ".",
    )


_OUTPUT_MEANINGS = {
    "text": "readable text",
    "table": "a readable table",
    "json": "the broker's JSON",
    "id": "the version number only",
}


@contextmanager
def broker_errors(output: str = "text", *, exit_code: int = 1) -> Iterator[None]:
    """Turn Accord's errors into a message (JSON with `-o json`) and an exit code, never a
    traceback; click's own usage errors pass through untouched."""
    try:
        yield
    except AccordError as error:
        fail(str(error), output=output, exit_code=exit_code)
    except click.ClickException:
        raise
    except Exception as error:
        # A broker answer of a shape we did not expect (or a bug): still a message, not a
        # traceback, and enough to report it.
        fail(
            f"unexpected {type(error).__name__} while talking to the Pact Broker: {error}",
            output=output,
            exit_code=exit_code,
        )


def fail(message: str, *, output: str = "text", exit_code: int = 1) -> NoReturn:
    if output == "json":
        click.echo(json.dumps({"error": {"message": message}}, indent=2))
    else:
        click.secho(f"error: {message}", fg="red", err=True)
    sys.exit(exit_code)
