"""Classic message pacts (pact-python 1.x/2.x `MessageConsumer`).

>>> from accord import MessageConsumer, Provider, EachLike
>>> pact = MessageConsumer("orders-worker").has_pact_with(
...     Provider("orders"), file_write_mode="never")
>>> _ = (pact.given("an order exists").expects_to_receive("an order created event")
...     .with_content({"items": EachLike({"sku": "A1"})}).with_metadata({"topic": "orders"}))
>>> with pact:
...     pass  # call the consumer's message handler with pact.messages[-1] here
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from accord.consumer.classic_matchers import warn_publishing_unsupported
from accord.consumer.message_interaction import AsyncMessageBuilder, reify
from accord.consumer.pact_files import write_pact_file
from accord.errors import AccordError
from accord.model import Pact as PactModel
from accord.model import SpecVersion


class MessageConsumer:
    """The consumer of asynchronous messages; `has_pact_with` returns the message pact."""

    def __init__(
        self, name: str, service_cls: type | None = None, **_version_properties: Any
    ) -> None:
        self.name = name
        self.service_cls = service_cls or MessagePact

    def has_pact_with(
        self,
        provider: Any,
        publish_to_broker: bool = False,
        broker_base_url: str | None = None,
        broker_username: str | None = None,
        broker_password: str | None = None,
        broker_token: str | None = None,
        pact_dir: str | os.PathLike[str] | None = None,
        version: str = "3.0.0",
        file_write_mode: str = "merge",
    ) -> MessagePact:
        if publish_to_broker:
            warn_publishing_unsupported()
        return self.service_cls(  # type: ignore[no-any-return]
            self,
            provider,
            pact_dir=pact_dir if pact_dir is not None else os.getcwd(),
            version=version,
            file_write_mode=file_write_mode,
        )


class MessagePact:
    """Messages the consumer expects; written when a `with pact:` block ends without error."""

    def __init__(
        self,
        consumer: MessageConsumer,
        provider: Any,
        *,
        pact_dir: str | os.PathLike[str] | None,
        version: str = "3.0.0",
        file_write_mode: str = "merge",
    ) -> None:
        self.consumer = consumer
        self.provider = provider
        self.pact_dir = pact_dir
        self.spec = SpecVersion.parse(version)
        self.file_write_mode = file_write_mode
        self._builders: list[AsyncMessageBuilder] = []
        self._states: list[tuple[str, dict[str, Any]]] = []
        self._complete = True

    def given(self, name: str, params: Mapping[str, Any] | None = None) -> MessagePact:
        """A provider state for the message (classic code calls this before or after
        `expects_to_receive`; both orders work)."""
        if self._builders and not self._complete:
            self._builders[-1].given(name, dict(params or {}))
        else:
            self._states.append((name, dict(params or {})))
        return self

    def expects_to_receive(self, description: str) -> MessagePact:
        """Start a message with this description."""
        builder = AsyncMessageBuilder(description)
        for name, params in self._states:
            builder.given(name, params)
        self._states = []
        self._builders.append(builder)
        self._complete = False
        return self

    def with_content(self, contents: Any) -> MessagePact:
        """The message contents (may hold matchers)."""
        self._current().with_body(contents)
        self._complete = True
        return self

    def with_metadata(self, metadata: Mapping[str, Any]) -> MessagePact:
        """Metadata sent with the message."""
        self._current().with_metadata(metadata)
        return self

    def _current(self) -> AsyncMessageBuilder:
        if not self._builders:
            raise AccordError("call expects_to_receive(...) before describing the message")
        return self._builders[-1]

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Each message as the consumer would receive it: `{"contents": ..., "metaData": ...}`."""
        out = []
        for builder in self._builders:
            contents, metadata = reify(builder.build().message)
            out.append({"contents": contents, "metaData": metadata})
        return out

    def write_to_pact_file(self) -> None:
        if self.file_write_mode == "never" or self.pact_dir is None:
            return
        pact = PactModel(
            consumer=self.consumer.name,
            provider=getattr(self.provider, "name", str(self.provider)),
            interactions=tuple(builder.build() for builder in self._builders),
            spec=self.spec,
        )
        write_pact_file(
            pact, self.pact_dir, spec=self.spec, overwrite=self.file_write_mode == "overwrite"
        )

    def __enter__(self) -> MessagePact:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        try:
            if exc_type is None:
                self.write_to_pact_file()
        finally:
            self._builders = []
            self._complete = True
