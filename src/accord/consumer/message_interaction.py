"""Message interactions: asynchronous messages (V3+) and V4 synchronous request/response messages.

The consumer's handler is called with the reified example (generators applied, JSON decoded),
which is how a message pact proves the consumer can process what the provider will send. A
handler that raises fails the test, and then no pact file is written.

>>> from accord import Pact, match
>>> pact = Pact("orders-worker", "orders")
>>> (pact.upon_receiving("an order created event", interaction="Async")
...     .with_body({"id": match.integer(1), "items": match.each_like({"sku": "A1"})})
...     .with_metadata({"topic": "orders"}))
AsyncMessageBuilder('an order created event')
>>> pact.verify(lambda body, metadata: None)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from accord.consumer._builder import (
    InteractionBuilder,
    make_body,
    merge_generators,
    parse_raw_generators,
)
from accord.consumer.extract import extract_into
from accord.model import AsyncMessage, Body, Generators, MatchingRules, MessageContents, SyncMessage


class _Contents:
    """Body and metadata of one message while it is built."""

    def __init__(self) -> None:
        self.body: Any = None
        self.body_set = False
        self.content_type: str | None = None
        self.metadata: dict[str, Any] = {}
        self.raw_generators: list[Mapping[str, Any]] = []

    def build(self) -> MessageContents:
        rules, generators = MatchingRules(), Generators()
        for raw in self.raw_generators:
            merge_generators(generators, parse_raw_generators(raw))
        body = Body.missing()
        if self.body_set:
            body = make_body(self.body, self.content_type, rules, generators)
        metadata = {
            key: extract_into(value, "metadata", rules, generators, root=(key,))
            for key, value in self.metadata.items()
        }
        if body.content_type and not any(
            k.lower() in ("contenttype", "content-type") for k in metadata
        ):
            metadata["contentType"] = body.content_type
        return MessageContents(
            contents=body, metadata=metadata, matching_rules=rules, generators=generators
        )


class AsyncMessageBuilder(InteractionBuilder):
    """Build an asynchronous message: contents plus metadata."""

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self._message = _Contents()

    def __repr__(self) -> str:
        return f"AsyncMessageBuilder({self.description!r})"

    def with_body(self, body: Any, content_type: str | None = None) -> Self:
        """The message contents: a dict/list (JSON, may hold matchers), str or bytes."""
        self._message.body, self._message.body_set = body, True
        self._message.content_type = content_type
        return self

    with_content = with_body

    def with_metadata(self, metadata: Mapping[str, Any] | None = None, **values: Any) -> Self:
        """Message metadata (values may be matchers): `.with_metadata(topic="orders")`."""
        self._message.metadata.update({**(metadata or {}), **values})
        return self

    def with_generators(self, generators: Mapping[str, Any]) -> Self:
        """Raw generators in pact-file form: `{"body": {"$.id": {"type": "RandomInt"}}}`."""
        self._message.raw_generators.append(generators)
        return self

    def build(self) -> AsyncMessage:
        return AsyncMessage(
            description=self.description,
            provider_states=tuple(self.states),
            key=self.key,
            pending=self.pending,
            comments=dict(self.comments),
            message=self._message.build(),
        )


class SyncMessageBuilder(InteractionBuilder):
    """Build a V4 synchronous message: one request message and one or more response messages."""

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self._request = _Contents()
        self._responses: list[_Contents] = []

    def __repr__(self) -> str:
        return f"SyncMessageBuilder({self.description!r})"

    def _current(self) -> _Contents:
        return self._responses[-1] if self._responses else self._request

    def with_body(self, body: Any, content_type: str | None = None) -> Self:
        """Contents of the request message, or of the latest response after `will_respond_with`."""
        current = self._current()
        current.body, current.body_set, current.content_type = body, True, content_type
        return self

    with_content = with_body

    def with_metadata(self, metadata: Mapping[str, Any] | None = None, **values: Any) -> Self:
        self._current().metadata.update({**(metadata or {}), **values})
        return self

    def with_generators(self, generators: Mapping[str, Any]) -> Self:
        """Raw generators (pact-file form) for the current request or response message."""
        self._current().raw_generators.append(generators)
        return self

    def will_respond_with(self) -> Self:
        """Start a response message; call again for each further response."""
        self._responses.append(_Contents())
        return self

    def build(self) -> SyncMessage:
        return SyncMessage(
            description=self.description,
            provider_states=tuple(self.states),
            key=self.key,
            pending=self.pending,
            comments=dict(self.comments),
            request=self._request.build(),
            response=tuple(item.build() for item in self._responses),
        )


def reify(
    contents: MessageContents, context: Mapping[str, Any] | None = None
) -> tuple[Any, dict[str, Any]]:
    """The message as a consumer receives it: generators applied, JSON decoded, text as str."""
    if not contents.generators.is_empty():
        from accord.generation import GeneratorMode, generate_message

        contents = generate_message(
            contents, mode=GeneratorMode.CONSUMER, context=dict(context or {})
        )
    body = contents.contents
    metadata = dict(contents.metadata)
    if not body.is_specified:
        return None, metadata
    if body.is_json:
        try:
            return body.json(), metadata
        except ValueError:
            pass
    if body.is_binary():
        return body.content, metadata
    return body.text(), metadata
