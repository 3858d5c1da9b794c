"""`accord verify`: verify a provider against pact files, directories, URLs or a Pact Broker.

Wiring only: flags and environment are turned into a `Verifier`, which does the work.
"""

from __future__ import annotations

import ast
import importlib
import os
import sys
from typing import Any

import click

from accord.broker_client import parse_selectors, tag_selectors
from accord.errors import AccordError
from accord.verifier import Verifier


def _split_commas(values: tuple[str, ...]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _parse_header(text: str) -> tuple[str, str]:
    for separator in (":", "="):
        name, found, value = text.partition(separator)
        if found and name.strip():
            return name.strip(), value.strip()
    raise click.BadParameter(
        f"{text!r} is not a header; write it as 'Name: value' or Name=value", param_hint="--header"
    )


def _load_app(reference: str) -> Any:
    """Import 'module:app' or call 'module:factory(...)' whose arguments are Python literals."""
    module_name, _, attribute = reference.partition(":")
    if not module_name or not attribute:
        raise click.BadParameter(
            f"{reference!r} must look like 'package.module:app' (or ':create_app()' for a factory)",
            param_hint="--app",
        )
    name, parenthesis, call = attribute.partition("(")
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    if parenthesis:
        try:
            parsed = ast.parse(f"factory({call}", mode="eval").body
            assert isinstance(parsed, ast.Call)
            args = [ast.literal_eval(arg) for arg in parsed.args]
            kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in parsed.keywords if kw.arg}
        except (SyntaxError, ValueError, AssertionError):
            raise click.BadParameter(
                f"cannot read the factory call in {reference!r}: its arguments must be Python "
                "literals, e.g. 'app:create_app(debug=True)'",
                param_hint="--app",
            ) from None
    sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise click.BadParameter(
            f"cannot import {module_name!r}: {error}", param_hint="--app"
        ) from None
    target = getattr(module, name.strip(), None)
    if target is None:
        raise click.BadParameter(
            f"module {module_name!r} has no attribute {name.strip()!r}", param_hint="--app"
        )
    return target(*args, **kwargs) if parenthesis else target


@click.command("verify")
@click.argument("sources", nargs=-1, metavar="[PACT_FILES_DIRS_OR_URLS]...")
@click.option("--provider", "-n", help="Name of the provider being verified (needed for a broker).")
@click.option(
    "--provider-base-url", help="Base URL of the running provider, e.g. http://localhost:8000."
)
@click.option(
    "--app",
    "app_ref",
    help="Verify an ASGI/WSGI app in-process: 'module:app' or 'module:factory()'.",
)
@click.option(
    "--provider-states-setup-url",
    "--state-change-url",
    "state_url",
    help="URL the verifier POSTs provider-state changes to.",
)
@click.option(
    "--state-change-body",
    type=click.Choice(["pact", "classic"]),
    default="pact",
    show_default=True,
    help="pact: {state, params, action}; classic: {consumer, state, states}.",
)
@click.option(
    "--state-change-teardown/--no-state-change-teardown",
    default=True,
    show_default=True,
    help="Also POST teardown calls after each interaction.",
)
@click.option("--message-url", help="Provider endpoint that returns the message for a description.")
@click.option("--broker-url", help="Pact Broker base URL [env PACT_BROKER_BASE_URL].")
@click.option("--broker-username", "--user", help="[env PACT_BROKER_USERNAME]")
@click.option("--broker-password", "--password", help="[env PACT_BROKER_PASSWORD]")
@click.option("--broker-token", "--token", help="Bearer token [env PACT_BROKER_TOKEN].")
@click.option(
    "--consumer-version-selectors",
    "selectors",
    multiple=True,
    help="A selector as JSON, e.g. '{\"mainBranch\": true}'. Repeatable.",
)
@click.option(
    "--consumer-version-tags",
    multiple=True,
    help="Legacy: verify the latest pact with these tags (comma separated).",
)
@click.option(
    "--enable-pending", is_flag=True, help="Pending pacts are reported but do not fail the run."
)
@click.option(
    "--include-wip-pacts-since",
    help="Include work-in-progress pacts published since this date (YYYY-MM-DD).",
)
@click.option(
    "--filter-consumer", "-c", multiple=True, help="Only verify pacts of this consumer. Repeatable."
)
@click.option(
    "--filter-description",
    help="Only interactions whose description matches this regex [env PACT_DESCRIPTION].",
)
@click.option(
    "--filter-state",
    help="Only interactions with a provider state matching this regex [env PACT_PROVIDER_STATE].",
)
@click.option(
    "--filter-no-state",
    is_flag=True,
    help="Only interactions without a provider state [env PACT_PROVIDER_NO_STATE].",
)
@click.option(
    "--header",
    "-H",
    "headers",
    multiple=True,
    help="Extra request header 'Name: value' (e.g. a fresh token). Repeatable.",
)
@click.option("--publish", is_flag=True, help="Publish verification results to the broker.")
@click.option("--provider-version", help="Provider version the results are recorded against.")
@click.option(
    "--provider-branch",
    help="Provider branch (sent for pending/WIP selection and recorded when publishing).",
)
@click.option(
    "--provider-tags", multiple=True, help="Provider version tags (comma separated, repeatable)."
)
@click.option("--build-url", help="CI build URL recorded with the results.")
@click.option(
    "--junit", "junit_file", type=click.Path(dir_okay=False), help="Write a JUnit XML report here."
)
@click.option(
    "--json", "json_file", type=click.Path(dir_okay=False), help="Write a JSON report here."
)
@click.option(
    "--request-timeout",
    type=float,
    default=5.0,
    show_default=True,
    help="Seconds to wait for each provider response.",
)
@click.option(
    "--state-timeout",
    type=float,
    default=30.0,
    show_default=True,
    help="Seconds to wait for each state change.",
)
@click.option(
    "--disable-ssl-verification", is_flag=True, help="Do not verify the provider's TLS certificate."
)
@click.option(
    "--ssl-certificate",
    type=click.Path(exists=True, dir_okay=False),
    help="CA bundle (PEM) that signs the provider's TLS certificate.",
)
@click.option(
    "--ignore-no-pacts-error",
    is_flag=True,
    help="Succeed (with a warning) when no pacts are found.",
)
@click.option("--verbose", "-v", is_flag=True, help="Show the time each interaction took.")
def verify(**options: Any) -> None:
    """Verify a provider against its consumers' pacts; exits 1 when a (non-pending) pact breaks."""
    if options["publish"] and not options["provider_version"]:
        raise click.UsageError("--publish needs --provider-version (the version being verified)")
    if options["provider_base_url"] and options["app_ref"]:
        raise click.UsageError("give either --provider-base-url or --app, not both")
    if not (options["provider_base_url"] or options["app_ref"] or options["message_url"]):
        raise click.UsageError(
            "say where the provider is: --provider-base-url http://localhost:8000, "
            "--app package.module:app, or --message-url for message pacts"
        )
    for option, url in (
        ("--provider-base-url", options["provider_base_url"]),
        ("--broker-url", options["broker_url"]),
    ):
        if url and not url.startswith(("http://", "https://")):
            raise click.UsageError(f"{option} must start with http:// or https://, got {url!r}")
    try:
        verifier = _build(options)
        report = verifier.verify()
    except AccordError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    sys.exit(report.exit_code)


def _build(options: dict[str, Any]) -> Verifier:
    env = os.environ
    username = options["broker_username"] or env.get("PACT_BROKER_USERNAME")
    password = options["broker_password"] or env.get("PACT_BROKER_PASSWORD")
    token = options["broker_token"] or env.get("PACT_BROKER_TOKEN")
    verifier = Verifier(
        options["provider"],
        base_url=options["provider_base_url"],
        app=_load_app(options["app_ref"]) if options["app_ref"] else None,
        headers=dict(_parse_header(text) for text in options["headers"]),
        request_timeout=options["request_timeout"],
        state_timeout=options["state_timeout"],
        verify_tls=False
        if options["disable_ssl_verification"]
        else (options["ssl_certificate"] or True),
        verbose=options["verbose"],
        junit_file=options["junit_file"],
        json_file=options["json_file"],
        fail_if_no_pacts=not options["ignore_no_pacts_error"],
    )
    for location in options["sources"]:
        is_url = location.startswith(("http://", "https://"))
        verifier.add_source(
            location,
            username=username if is_url else None,
            password=password if is_url else None,
            token=token if is_url else None,
        )
    # The environment's broker is used when asked for, or when nothing else was given.
    broker_url = options["broker_url"] or (
        None if options["sources"] else env.get("PACT_BROKER_BASE_URL")
    )
    if broker_url and not broker_url.startswith(("http://", "https://")):
        raise click.UsageError(
            f"PACT_BROKER_BASE_URL must start with http:// or https://, got {broker_url!r}"
        )
    if broker_url:
        selectors = parse_selectors(options["selectors"])
        selectors += tag_selectors(_split_commas(options["consumer_version_tags"]))
        verifier.add_broker(
            broker_url,
            username=username,
            password=password,
            token=token,
            selectors=selectors,
            provider_branch=options["provider_branch"],
            provider_tags=_split_commas(options["provider_tags"]),
            include_pending=options["enable_pending"],
            include_wip_since=options["include_wip_pacts_since"],
            use_env=False,
        )
    if not options["sources"] and not broker_url:
        raise click.UsageError(
            "nothing to verify: pass pact files, directories or URLs, or --broker-url "
            "(or set PACT_BROKER_BASE_URL)"
        )
    if options["state_url"]:
        verifier.state_change_url(
            options["state_url"],
            body_style=options["state_change_body"],
            teardown=options["state_change_teardown"],
        )
    if options["message_url"]:
        verifier.message_url(options["message_url"])
    verifier.filter(
        consumers=options["filter_consumer"],
        description=options["filter_description"],
        state=options["filter_state"],
        no_state=options["filter_no_state"],
    )
    if options["publish"]:
        verifier.publish(
            options["provider_version"],
            branch=options["provider_branch"],
            tags=_split_commas(options["provider_tags"]),
            build_url=options["build_url"],
        )
    return verifier
