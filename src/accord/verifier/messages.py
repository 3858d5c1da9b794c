"""Message producers: how the verifier obtains the message a provider would send.

Either Python callables registered by interaction description (the pytest style), or an HTTP
endpoint that returns the message for a description (the style of pact-js and pact-jvm: POST
`{"description", "providerStates"}`, message in the body, metadata as base64 JSON in the
`Pact-Message-Metadata` header).
"""

from __future__ import annotations

import base64
import inspect
import json
from collections.abc import Callable, Mapping
from typing import Any, Protocol

import httpx

from accord.errors import VerificationError
from accord.model import AsyncMessage, Body, MessageContents, SyncMessage

METADATA_HEADER = "Pact-Message-Metadata"
_ENVELOPE_KEYS = {"contents", "metadata", "contentType", "content_type"}


class MessageProducer(Protocol):
    """Produces the actual message(s) for an expected message interaction."""

    def produce(
        self, interaction: AsyncMessage | SyncMessage, consumer: str, values: Mapping[str, Any]
    ) -> list[MessageContents]: ...


class CallableMessages:
    """Producer functions by description; `generic` (if set) serves every other description.

    A function may declare any of `description`, `params`, `states`, `request` (the request
    contents of a synchronous message), `values` (provider-state values) and `consumer`; it
    returns a MessageContents, a `{"contents", "metadata", "contentType"}` dict, a
    `(contents, metadata)` tuple, bytes, text, or any JSON value (the contents).
    """

    def __init__(
        self,
        producers: Mapping[str, Callable[..., Any]] | None = None,
        *,
        generic: Callable[..., Any] | None = None,
    ) -> None:
        self.producers: dict[str, Callable[..., Any]] = dict(producers or {})
        self.generic = generic

    def register(self, description: str, producer: Callable[..., Any]) -> None:
        self.producers[description] = producer

    def produce(
        self, interaction: AsyncMessage | SyncMessage, consumer: str, values: Mapping[str, Any]
    ) -> list[MessageContents]:
        producer = self.producers.get(interaction.description, self.generic)
        if producer is None:
            known = ", ".join(repr(name) for name in self.producers) or "none"
            raise VerificationError(
                f"no message producer for {interaction.description!r} (consumer {consumer}); "
                f"register one with @verifier.message({interaction.description!r}); "
                f"registered: {known}"
            )
        expected = _expected(interaction)
        offered = {
            "description": interaction.description,
            "params": _merged_params(interaction),
            "states": [state.name for state in interaction.provider_states],
            "request": interaction.request if isinstance(interaction, SyncMessage) else None,
            "values": dict(values),
            "consumer": consumer,
        }
        parameters = inspect.signature(producer).parameters
        kwargs = {name: offered[name] for name in parameters if name in offered}
        produced = producer(**kwargs)
        if isinstance(interaction, SyncMessage) and isinstance(produced, list):
            return [to_message_contents(item, expected) for item in produced]
        return [to_message_contents(produced, expected)]


class MessageEndpoint:
    """An HTTP endpoint of the provider that answers with the message for a description."""

    def __init__(
        self, url: str, *, post: Callable[[str, Any, float | None], httpx.Response]
    ) -> None:
        self.url = url
        self._post = post

    def produce(
        self, interaction: AsyncMessage | SyncMessage, consumer: str, values: Mapping[str, Any]
    ) -> list[MessageContents]:
        body: dict[str, Any] = {
            "description": interaction.description,
            "providerStates": [
                {"name": state.name, "params": state.params}
                for state in interaction.provider_states
            ],
        }
        if isinstance(interaction, SyncMessage):
            body["request"] = _request_json(interaction.request)
        try:
            answer = self._post(self.url, body, None)
        except httpx.HTTPError as error:
            raise VerificationError(
                f"message endpoint {self.url} could not be reached for {interaction.description!r} "
                f"(consumer {consumer}): {error!r}"
            ) from error
        if answer.status_code >= 400:
            raise VerificationError(
                f"message endpoint {self.url} answered HTTP {answer.status_code} for "
                f"{interaction.description!r} (consumer {consumer}): {answer.text[:300]!r}"
            )
        metadata = _decode_metadata(answer.headers.get(METADATA_HEADER))
        content_type = answer.headers.get("content-type")
        if content_type and not any(k.lower() in ("contenttype", "content-type") for k in metadata):
            metadata["contentType"] = content_type
        return [
            MessageContents(
                contents=Body.from_bytes(answer.content, content_type), metadata=metadata
            )
        ]


def to_message_contents(value: Any, expected: MessageContents | None = None) -> MessageContents:
    """Normalise what a producer returned into MessageContents."""
    if isinstance(value, MessageContents):
        return value
    metadata: dict[str, Any] = {}
    content_type: str | None = None
    if isinstance(value, tuple) and len(value) == 2:
        value, metadata = value[0], dict(value[1] or {})
    elif isinstance(value, dict) and "contents" in value and set(value) <= _ENVELOPE_KEYS:
        metadata = dict(value.get("metadata") or {})
        content_type = value.get("contentType") or value.get("content_type")
        value = value["contents"]
    content_type = content_type or _content_type_in(metadata)
    if isinstance(value, Body):
        body = value
    elif isinstance(value, (bytes, bytearray)):
        # Bytes say nothing about their type: assume the one the consumer expects.
        hint = content_type or (expected.content_type() if expected else None)
        body = Body.from_bytes(bytes(value), hint)
    elif isinstance(value, str) and not (content_type and "json" in content_type):
        body = Body.from_text(value, content_type or "text/plain")
    else:
        body = Body.from_json(value, content_type or "application/json")
    return MessageContents(contents=body, metadata=metadata)


def _content_type_in(metadata: Mapping[str, Any]) -> str | None:
    # MessageContents knows every spelling of the content-type key.
    return MessageContents(metadata=dict(metadata)).content_type()


def _expected(interaction: AsyncMessage | SyncMessage) -> MessageContents | None:
    if isinstance(interaction, AsyncMessage):
        return interaction.message
    return interaction.response[0] if interaction.response else None


def _merged_params(interaction: AsyncMessage | SyncMessage) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for state in interaction.provider_states:
        params.update(state.params)
    return params


def _request_json(request: MessageContents) -> Any:
    body = request.contents
    if not body.is_specified:
        return None
    try:
        return body.json() if body.is_json else body.text()
    except ValueError:
        return body.base64()


def _decode_metadata(header: str | None) -> dict[str, Any]:
    if not header:
        return {}
    try:
        data = json.loads(base64.b64decode(header))
    except ValueError:
        try:
            data = json.loads(header)  # some providers send plain JSON
        except ValueError:
            return {}
    return data if isinstance(data, dict) else {}
