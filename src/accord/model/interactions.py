"""Interactions: HTTP request/response pairs, asynchronous messages and synchronous messages."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from accord.model.bodies import Body
from accord.model.generators import Generators
from accord.model.http import Request, Response
from accord.model.rules import MatchingRules


class InteractionType(enum.StrEnum):
    """The V4 `type` of an interaction."""

    HTTP = "Synchronous/HTTP"
    ASYNC_MESSAGE = "Asynchronous/Messages"
    SYNC_MESSAGE = "Synchronous/Messages"


@dataclass(frozen=True, kw_only=True)
class ProviderState:
    """A state the provider must be in, with optional parameters."""

    name: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class MessageContents:
    """The payload of a message: contents, metadata, and their rules and generators."""

    contents: Body = field(default_factory=Body.missing)
    metadata: dict[str, Any] = field(default_factory=dict)
    matching_rules: MatchingRules = field(default_factory=MatchingRules)
    generators: Generators = field(default_factory=Generators)

    def content_type(self) -> str | None:
        for key in ("contentType", "content-type", "Content-Type", "content_type"):
            value = self.metadata.get(key)
            if isinstance(value, str):
                return value
        return self.contents.content_type


@dataclass(frozen=True, kw_only=True)
class Interaction:
    """Fields every interaction has. `extra` keeps unknown V4 attributes for a faithful round trip."""

    description: str
    provider_states: tuple[ProviderState, ...] = ()
    key: str | None = None
    pending: bool = False
    comments: dict[str, Any] = field(default_factory=dict)
    plugin_configuration: dict[str, Any] = field(default_factory=dict)
    interaction_markup: dict[str, Any] | None = None
    transport: str | None = None
    # An `_id` written by the Pact Broker or pact-jvm; kept so results can refer to it.
    id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def type(self) -> InteractionType:
        raise NotImplementedError

    def state_names(self) -> list[str]:
        return [state.name for state in self.provider_states]

    def identity(self) -> tuple[str, tuple[str, ...]]:
        """Description and state names: two interactions with the same identity are the same one."""
        return self.description, tuple(self.state_names())


@dataclass(frozen=True, kw_only=True)
class HttpInteraction(Interaction):
    request: Request = field(default_factory=Request)
    response: Response = field(default_factory=Response)

    @property
    def type(self) -> InteractionType:
        return InteractionType.HTTP


@dataclass(frozen=True, kw_only=True)
class AsyncMessage(Interaction):
    message: MessageContents = field(default_factory=MessageContents)

    @property
    def type(self) -> InteractionType:
        return InteractionType.ASYNC_MESSAGE


@dataclass(frozen=True, kw_only=True)
class SyncMessage(Interaction):
    request: MessageContents = field(default_factory=MessageContents)
    response: tuple[MessageContents, ...] = ()

    @property
    def type(self) -> InteractionType:
        return InteractionType.SYNC_MESSAGE


AnyInteraction = HttpInteraction | AsyncMessage | SyncMessage
