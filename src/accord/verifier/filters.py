"""Choosing which interactions to verify: by consumer, description and provider state.

The environment variables the Pact tools read are honoured too, so a developer can rerun one
failing interaction: `PACT_DESCRIPTION`, `PACT_PROVIDER_STATE` (regexes) and
`PACT_PROVIDER_NO_STATE=true` (only interactions without a state).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from accord.model import AnyInteraction


@dataclass(frozen=True, kw_only=True)
class InteractionFilter:
    """Keep interactions whose consumer, description and state all pass; empty keeps all."""

    consumers: Sequence[str] = ()
    description: str | None = None
    state: str | None = None
    no_state: bool = False

    @classmethod
    def from_environment(
        cls, base: InteractionFilter | None = None, environ: Mapping[str, str] | None = None
    ) -> InteractionFilter:
        """`base`, with any of the Pact filter variables in `environ` taking its place."""
        environ = os.environ if environ is None else environ
        base = base or cls()
        no_state = environ.get("PACT_PROVIDER_NO_STATE", "").strip().lower() in ("1", "true", "yes")
        return cls(
            consumers=base.consumers,
            description=environ.get("PACT_DESCRIPTION") or base.description,
            state=environ.get("PACT_PROVIDER_STATE") or base.state,
            no_state=no_state or base.no_state,
        )

    @property
    def active(self) -> bool:
        return bool(self.consumers or self.description or self.state is not None or self.no_state)

    def problems(self) -> list[str]:
        """Regexes that do not compile, named with the option and variable that set them."""
        found = []
        for what, pattern in (
            ("description filter (--filter-description, PACT_DESCRIPTION)", self.description),
            ("provider state filter (--filter-state, PACT_PROVIDER_STATE)", self.state),
        ):
            try:
                re.compile(pattern or "")
            except re.error as error:
                found.append(f"the {what} {pattern!r} is not a valid regex: {error}")
        return found

    def describe(self) -> str:
        parts = []
        if self.consumers:
            parts.append("consumer " + " or ".join(self.consumers))
        if self.description:
            parts.append(f"description matching {self.description!r}")
        if self.state == "" or self.no_state:
            parts.append("no provider state")
        elif self.state is not None:
            parts.append(f"provider state matching {self.state!r}")
        return ", ".join(parts)

    def accepts_consumer(self, name: str) -> bool:
        return not self.consumers or name in self.consumers

    def accepts(self, interaction: AnyInteraction) -> bool:
        if self.description and not re.search(self.description, interaction.description):
            return False
        names = interaction.state_names()
        if self.no_state and names:
            return False
        if self.state is not None:
            # An empty state filter selects interactions with no state, as the Rust verifier does.
            if self.state == "":
                return not names
            return any(re.search(self.state, name) for name in names)
        return True
