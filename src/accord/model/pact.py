"""A pact: the interactions one consumer expects of one provider."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from accord.model.interactions import AnyInteraction, HttpInteraction
from accord.model.spec import SpecVersion


@dataclass(frozen=True, kw_only=True)
class Pact:
    """Consumer, provider, interactions and metadata, with the spec version it was read as."""

    consumer: str
    provider: str
    interactions: tuple[AnyInteraction, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    spec: SpecVersion = SpecVersion.V4
    # Unknown top-level attributes and extra participant attributes, kept for round trips.
    extra: dict[str, Any] = field(default_factory=dict)

    def interaction(
        self, description: str, states: list[str] | None = None
    ) -> AnyInteraction | None:
        """The interaction with this description (and these state names, when given)."""
        for interaction in self.interactions:
            if interaction.description == description and (
                states is None or interaction.state_names() == states
            ):
                return interaction
        return None

    @property
    def http_interactions(self) -> list[HttpInteraction]:
        return [i for i in self.interactions if isinstance(i, HttpInteraction)]

    def with_interactions(self, interactions: list[AnyInteraction]) -> Pact:
        return replace(self, interactions=tuple(interactions))
