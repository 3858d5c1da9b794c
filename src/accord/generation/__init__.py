"""accord.generation: turn a pact's generators into concrete values.

The mock server (consumer side) calls `generate_response`, a consumer building message examples
calls `generate_message`, and the verifier (provider side) calls `generate_request` and
`generate_message`, each with the matching `GeneratorMode`. `generate_value` produces one value.

    from accord.generation import GeneratorMode, generate_request
    ready = generate_request(request, mode=GeneratorMode.PROVIDER, context={"id": 42})

`context` holds provider-state values for ProviderState generators (the states' params overlaid
with what state handlers returned; a nested "providerState" mapping is also read) and the mock
server's base URL for MockServerURL generators (`{"mockServer": {"url": ...}}` or
`{"mockServerUrl": ...}`); `baseDate`, `baseTime` and `baseDateTime` replace "now" for the date
and time generators. Pass `rng=random.Random(seed)` for reproducible values.

Standard library only, and independent of accord.matching.
"""

from __future__ import annotations

from accord.generation.apply import generate_message, generate_request, generate_response
from accord.generation.values import GeneratorMode, applies_in, generate_value

__all__ = [
    "GeneratorMode",
    "applies_in",
    "generate_message",
    "generate_request",
    "generate_response",
    "generate_value",
]
