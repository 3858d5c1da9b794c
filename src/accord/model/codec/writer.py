"""Model → pact JSON in the form the official tools write for V2, V3 and V4."""

from __future__ import annotations

from typing import Any

from accord.errors import InvalidPact, Issue
from accord.model.codec._bodies import write_plain_body, write_v4_body
from accord.model.codec._rules import write_flat_rules
from accord.model.http import Request, Response, format_query_string
from accord.model.interactions import (
    AnyInteraction,
    AsyncMessage,
    HttpInteraction,
    Interaction,
    MessageContents,
    SyncMessage,
)
from accord.model.pact import Pact
from accord.model.spec import SpecVersion

_V4_MESSAGE_CATEGORIES = {"body": "content"}


def write_pact(pact: Pact, spec: SpecVersion) -> dict[str, Any]:
    """The JSON document for `pact` in `spec`; raises InvalidPact when `spec` cannot hold it."""
    _check_fits(pact, spec)
    out: dict[str, Any] = {
        "consumer": {"name": pact.consumer, **pact.extra.get("__consumer", {})},
        "provider": {"name": pact.provider, **pact.extra.get("__provider", {})},
    }
    items = [write_interaction(interaction, spec) for interaction in pact.interactions]
    if (
        spec is SpecVersion.V3
        and pact.interactions
        and all(isinstance(i, AsyncMessage) for i in pact.interactions)
    ):
        out["messages"] = items
    else:
        out["interactions"] = items
    metadata = {
        key: value for key, value in pact.metadata.items() if key != "pactSpecificationVersion"
    }
    metadata["pactSpecification"] = {"version": spec.metadata_version}
    out["metadata"] = metadata
    for key, value in pact.extra.items():
        if not key.startswith("__"):
            out[key] = value
    return out


def write_interaction(interaction: AnyInteraction, spec: SpecVersion) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if spec >= SpecVersion.V4:
        out["type"] = interaction.type.value
    out["description"] = interaction.description
    if spec >= SpecVersion.V4 and interaction.key:
        out["key"] = interaction.key
    if interaction.id is not None and spec < SpecVersion.V4:
        out["_id"] = interaction.id
    _write_states(interaction, spec, out)
    if isinstance(interaction, HttpInteraction):
        out["request"] = write_request(interaction.request, spec)
        out["response"] = write_response(interaction.response, spec)
    elif isinstance(interaction, AsyncMessage):
        out.update(write_message_contents(interaction.message, spec))
    elif isinstance(interaction, SyncMessage):
        out["request"] = write_message_contents(interaction.request, spec)
        out["response"] = [write_message_contents(item, spec) for item in interaction.response]
    if spec >= SpecVersion.V4:
        out["pending"] = interaction.pending
        if interaction.comments:
            out["comments"] = interaction.comments
        if interaction.plugin_configuration:
            out["pluginConfiguration"] = interaction.plugin_configuration
        if interaction.interaction_markup:
            out["interactionMarkup"] = interaction.interaction_markup
        if interaction.transport:
            out["transport"] = interaction.transport
    for key, value in interaction.extra.items():
        out.setdefault(key, value)
    return out


def write_request(request: Request, spec: SpecVersion) -> dict[str, Any]:
    out: dict[str, Any] = {"method": request.method, "path": request.path}
    if request.query is not None:
        out["query"] = (
            format_query_string(request.query) if spec < SpecVersion.V3 else request.query
        )
    if request.headers is not None:
        out["headers"] = _write_headers(request.headers, spec)
    if request.body.is_specified:
        out["body"] = (
            write_v4_body(request.body)
            if spec >= SpecVersion.V4
            else write_plain_body(request.body)
        )
    _write_rules_and_generators(request, spec, out)
    return out


def write_response(response: Response, spec: SpecVersion) -> dict[str, Any]:
    out: dict[str, Any] = {"status": response.status}
    if response.headers is not None:
        out["headers"] = _write_headers(response.headers, spec)
    if response.body.is_specified:
        out["body"] = (
            write_v4_body(response.body)
            if spec >= SpecVersion.V4
            else write_plain_body(response.body)
        )
    _write_rules_and_generators(response, spec, out)
    return out


def write_message_contents(message: MessageContents, spec: SpecVersion) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if message.contents.is_specified:
        if spec >= SpecVersion.V4:
            out["contents"] = write_v4_body(message.contents)
        else:
            out["contents"] = write_plain_body(message.contents)
    out["metadata"] = dict(message.metadata)
    rename = _V4_MESSAGE_CATEGORIES if spec >= SpecVersion.V4 else None
    if not message.matching_rules.is_empty():
        out["matchingRules"] = message.matching_rules.to_json(rename=rename)
    if not message.generators.is_empty():
        out["generators"] = message.generators.to_json(rename=rename)
    return out


def _write_rules_and_generators(
    part: Request | Response, spec: SpecVersion, out: dict[str, Any]
) -> None:
    if not part.matching_rules.is_empty() and spec >= SpecVersion.V2:
        if spec is SpecVersion.V2:
            out["matchingRules"] = write_flat_rules(part.matching_rules)
        else:
            out["matchingRules"] = part.matching_rules.to_json()
    if not part.generators.is_empty() and spec >= SpecVersion.V3:
        out["generators"] = part.generators.to_json()


def _write_headers(headers: dict[str, list[str]], spec: SpecVersion) -> dict[str, Any]:
    if spec >= SpecVersion.V4:
        return {name: list(values) for name, values in headers.items()}
    return {name: ", ".join(values) for name, values in headers.items()}


def _write_states(interaction: Interaction, spec: SpecVersion, out: dict[str, Any]) -> None:
    states = interaction.provider_states
    if not states:
        return
    if spec < SpecVersion.V3:
        out["providerState"] = states[0].name
        return
    out["providerStates"] = [
        {"name": state.name, **({"params": state.params} if state.params else {})}
        for state in states
    ]


def _check_fits(pact: Pact, spec: SpecVersion) -> None:
    issues: list[Issue] = []
    kinds = {type(interaction) for interaction in pact.interactions}
    for index, interaction in enumerate(pact.interactions):
        if not isinstance(interaction, HttpInteraction) and spec < SpecVersion.V3:
            issues.append(
                Issue(
                    f"$.interactions[{index}]",
                    f"message interaction {interaction.description!r} needs spec v3 or later, not {spec.label}",
                )
            )
        if isinstance(interaction, SyncMessage) and spec < SpecVersion.V4:
            issues.append(
                Issue(
                    f"$.interactions[{index}]",
                    f"synchronous message {interaction.description!r} needs spec v4, not {spec.label}",
                )
            )
    if spec is SpecVersion.V3 and len(kinds) > 1:
        issues.append(
            Issue(
                "$.interactions",
                "a v3 pact cannot mix HTTP interactions and messages; write it as v4",
            )
        )
    if issues:
        raise InvalidPact(issues, source=f"pact between {pact.consumer} and {pact.provider}")
