"""Pact JSON (any spec version) → model. Every problem is collected with its JSON path."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from accord.errors import Issue
from accord.model.bodies import Body
from accord.model.codec._bodies import read_body
from accord.model.codec._fields import (
    header_content_type,
    metadata_content_type,
    read_headers,
    read_participant,
    read_query,
    read_states,
)
from accord.model.codec._rules import read_generators, read_matching_rules
from accord.model.http import Request, Response
from accord.model.interactions import (
    AnyInteraction,
    AsyncMessage,
    HttpInteraction,
    InteractionType,
    MessageContents,
    SyncMessage,
)
from accord.model.pact import Pact
from accord.model.spec import SpecVersion

_COMMON_KEYS = {
    "type",
    "description",
    "key",
    "pending",
    "comments",
    "pluginConfiguration",
    "interactionMarkup",
    "transport",
    "providerState",
    "providerStates",
    "provider_state",
    "_id",
}
_HTTP_KEYS = _COMMON_KEYS | {"request", "response"}
_ASYNC_KEYS = _COMMON_KEYS | {"contents", "metadata", "metaData", "matchingRules", "generators"}
_SYNC_KEYS = _COMMON_KEYS | {"request", "response"}
_TOP_KEYS = {"consumer", "provider", "interactions", "messages", "metadata"}


def detect_spec(data: Mapping[str, Any]) -> SpecVersion:
    """The spec version declared in metadata, else guessed from the document's shape."""
    metadata = data.get("metadata")
    if isinstance(metadata, Mapping):
        for key in ("pactSpecification", "pact-specification", "pactSpecificationVersion"):
            declared = metadata.get(key)
            if isinstance(declared, Mapping):
                declared = declared.get("version")
            if isinstance(declared, str):
                try:
                    return SpecVersion.parse(declared)
                except ValueError:
                    pass
    interactions = data.get("interactions")
    if isinstance(interactions, list) and any(
        isinstance(i, Mapping) and "type" in i for i in interactions
    ):
        return SpecVersion.V4
    if "messages" in data:
        return SpecVersion.V3
    if isinstance(interactions, list) and any(
        isinstance(i, Mapping) and "providerStates" in i for i in interactions
    ):
        return SpecVersion.V3
    return SpecVersion.V2


def read_pact(data: Any, issues: list[Issue], spec: SpecVersion | None = None) -> Pact | None:
    """Read a whole pact document; returns None only when the top level is unusable."""
    if not isinstance(data, Mapping):
        issues.append(Issue("$", f"a pact must be a JSON object, got {type(data).__name__}"))
        return None
    spec = spec or detect_spec(data)
    consumer = read_participant(data, "consumer", issues)
    provider = read_participant(data, "provider", issues)
    interactions: list[AnyInteraction] = []
    for key, read in (("interactions", read_interaction), ("messages", _read_async_message)):
        raw = data.get(key, [])
        if not isinstance(raw, list):
            issues.append(Issue(f"$.{key}", f"must be an array, got {type(raw).__name__}"))
            raw = []
        for index, item in enumerate(raw):
            interaction = read(item, spec, f"$.{key}[{index}]", issues)
            if interaction is not None:
                interactions.append(interaction)
    if "interactions" not in data and "messages" not in data:
        issues.append(
            Issue("$", "a pact needs an 'interactions' (or, for V3 messages, 'messages') array")
        )
    metadata = data.get("metadata", {})
    if not isinstance(metadata, Mapping):
        issues.append(Issue("$.metadata", f"must be an object, got {type(metadata).__name__}"))
        metadata = {}
    metadata = dict(metadata)
    if "pact-specification" in metadata and "pactSpecification" not in metadata:
        metadata["pactSpecification"] = metadata.pop("pact-specification")
    extra = {key: value for key, value in data.items() if key not in _TOP_KEYS}
    for role in ("consumer", "provider"):
        participant = data.get(role)
        if isinstance(participant, Mapping) and set(participant) - {"name"}:
            extra[f"__{role}"] = {k: v for k, v in participant.items() if k != "name"}
    return Pact(
        consumer=consumer,
        provider=provider,
        interactions=tuple(interactions),
        metadata=metadata,
        spec=spec,
        extra=extra,
    )


def read_interaction(
    data: Any, spec: SpecVersion, where: str, issues: list[Issue]
) -> AnyInteraction | None:
    if not isinstance(data, Mapping):
        issues.append(Issue(where, f"an interaction must be an object, got {type(data).__name__}"))
        return None
    kind = data.get("type")
    if kind is None:
        if "contents" in data and "request" not in data:
            return _read_async_message(data, spec, where, issues)
        kind = InteractionType.HTTP.value
    try:
        interaction_type = InteractionType(kind)
    except ValueError:
        known = ", ".join(t.value for t in InteractionType)
        issues.append(
            Issue(f"{where}.type", f"unknown interaction type {kind!r}; expected one of {known}")
        )
        return None
    if interaction_type is InteractionType.ASYNC_MESSAGE:
        return _read_async_message(data, spec, where, issues)
    if interaction_type is InteractionType.SYNC_MESSAGE:
        return _read_sync_message(data, spec, where, issues)
    common = _common_fields(data, spec, where, issues, _HTTP_KEYS)
    for part in ("request", "response"):
        if part not in data:
            issues.append(Issue(f"{where}.{part}", f"an HTTP interaction needs a '{part}' object"))
    request = read_request(data.get("request", {}), spec, f"{where}.request", issues, strict=True)
    response = read_response(data.get("response", {}), spec, f"{where}.response", issues)
    return HttpInteraction(request=request, response=response, **common)


def read_request(
    data: Any, spec: SpecVersion, where: str, issues: list[Issue], *, strict: bool = False
) -> Request:
    """Read a request object; `strict` requires method and path as a pact file must have them."""
    if not isinstance(data, Mapping):
        issues.append(Issue(where, f"a request must be an object, got {type(data).__name__}"))
        return Request()
    method = data.get("method", "GET" if not strict else None)
    if not isinstance(method, str) or not method:
        issues.append(
            Issue(f"{where}.method", f"must be an HTTP method string such as 'GET', got {method!r}")
        )
        method = "GET"
    path = data.get("path", "/")
    if not isinstance(path, str):
        issues.append(Issue(f"{where}.path", f"must be a string, got {type(path).__name__}"))
        path = "/"
    headers = read_headers(data, spec, f"{where}.headers", issues)
    query = read_query(data, spec, f"{where}.query", issues)
    content_type = header_content_type(headers)
    body = read_body(data, "body", content_type, spec, where, issues)
    rules = read_matching_rules(data.get("matchingRules"), spec, f"{where}.matchingRules", issues)
    generators = read_generators(data.get("generators"), f"{where}.generators", issues)
    return Request(
        method=method.upper() if strict else method,
        path=path,
        query=query,
        headers=headers,
        body=body,
        matching_rules=rules,
        generators=generators,
    )


def read_response(data: Any, spec: SpecVersion, where: str, issues: list[Issue]) -> Response:
    if not isinstance(data, Mapping):
        issues.append(Issue(where, f"a response must be an object, got {type(data).__name__}"))
        return Response()
    status = data.get("status", 200)
    if isinstance(status, str) and status.isdigit():
        status = int(status)
    if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
        issues.append(
            Issue(
                f"{where}.status",
                f"must be an HTTP status code between 100 and 599, got {status!r}",
            )
        )
        status = 200
    headers = read_headers(data, spec, f"{where}.headers", issues)
    body = read_body(data, "body", header_content_type(headers), spec, where, issues)
    rules = read_matching_rules(data.get("matchingRules"), spec, f"{where}.matchingRules", issues)
    generators = read_generators(data.get("generators"), f"{where}.generators", issues)
    return Response(
        status=status, headers=headers, body=body, matching_rules=rules, generators=generators
    )


def read_message_contents(
    data: Any, spec: SpecVersion, where: str, issues: list[Issue]
) -> MessageContents:
    """Read message contents: `contents` (V4 also `content`/`body`), `metadata`/`metaData`, rules."""
    if not isinstance(data, Mapping):
        issues.append(
            Issue(where, f"message contents must be an object, got {type(data).__name__}")
        )
        return MessageContents()
    metadata = data.get("metadata", data.get("metaData", {}))
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, Mapping):
        issues.append(
            Issue(f"{where}.metadata", f"must be an object, got {type(metadata).__name__}")
        )
        metadata = {}
    content_type = metadata_content_type(metadata)
    key = next((k for k in ("contents", "content", "body") if k in data), "contents")
    contents = read_body(data, key, content_type, spec, where, issues)
    rules = read_matching_rules(
        data.get("matchingRules"), spec, f"{where}.matchingRules", issues, message=True
    )
    generators = read_generators(data.get("generators"), f"{where}.generators", issues)
    return MessageContents(
        contents=contents, metadata=dict(metadata), matching_rules=rules, generators=generators
    )


def _read_async_message(
    data: Any, spec: SpecVersion, where: str, issues: list[Issue]
) -> AsyncMessage | None:
    if not isinstance(data, Mapping):
        issues.append(Issue(where, f"a message must be an object, got {type(data).__name__}"))
        return None
    common = _common_fields(data, spec, where, issues, _ASYNC_KEYS)
    message = read_message_contents(data, spec, where, issues)
    return AsyncMessage(message=message, **common)


def _read_sync_message(
    data: Mapping[str, Any], spec: SpecVersion, where: str, issues: list[Issue]
) -> SyncMessage:
    common = _common_fields(data, spec, where, issues, _SYNC_KEYS)
    if "request" not in data:
        issues.append(Issue(f"{where}.request", "a synchronous message needs a 'request' object"))
    request = read_message_contents(data.get("request", {}), spec, f"{where}.request", issues)
    raw_responses = data.get("response", [])
    if isinstance(raw_responses, Mapping):
        raw_responses = [raw_responses]
    if not isinstance(raw_responses, list):
        issues.append(
            Issue(
                f"{where}.response",
                f"must be an array of messages, got {type(raw_responses).__name__}",
            )
        )
        raw_responses = []
    responses = tuple(
        read_message_contents(item, spec, f"{where}.response[{i}]", issues)
        for i, item in enumerate(raw_responses)
    )
    return SyncMessage(request=request, response=responses, **common)


def _common_fields(
    data: Mapping[str, Any], spec: SpecVersion, where: str, issues: list[Issue], known: set[str]
) -> dict[str, Any]:
    description = data.get("description")
    if not isinstance(description, str):
        issues.append(
            Issue(
                f"{where}.description",
                f"every interaction needs a description string, got {description!r}",
            )
        )
        description = ""
    pending = data.get("pending", False)
    if not isinstance(pending, bool):
        issues.append(Issue(f"{where}.pending", f"must be true or false, got {pending!r}"))
        pending = False
    comments = data.get("comments", {})
    if not isinstance(comments, Mapping):
        issues.append(
            Issue(f"{where}.comments", f"must be an object, got {type(comments).__name__}")
        )
        comments = {}
    plugin_config = data.get("pluginConfiguration", {})
    if not isinstance(plugin_config, Mapping):
        issues.append(Issue(f"{where}.pluginConfiguration", "must be an object"))
        plugin_config = {}
    key = data.get("key")
    if key is not None and not isinstance(key, str):
        issues.append(Issue(f"{where}.key", f"must be a string, got {key!r}"))
        key = None
    raw_id = data.get("_id")
    return {
        "description": description,
        "provider_states": read_states(data, where, issues),
        "key": key,
        "pending": pending,
        "comments": dict(comments),
        "plugin_configuration": dict(plugin_config),
        "interaction_markup": data.get("interactionMarkup"),
        "transport": data.get("transport"),
        "id": str(raw_id) if raw_id is not None else None,
        "extra": {k: v for k, v in data.items() if k not in known},
    }


__all__ = [
    "Body",
    "detect_spec",
    "read_interaction",
    "read_message_contents",
    "read_pact",
    "read_request",
    "read_response",
]
