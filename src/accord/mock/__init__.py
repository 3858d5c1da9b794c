"""The mock provider: serves expected interactions and reports what the consumer really sent.

Layer 2 of the toolkit: standard library only; may import matching, generation, model and
errors, never consumer, verifier or the broker.
"""

from accord.mock.asgi import MockAsgiApp
from accord.mock.handler import InteractionIndex, WireResponse, handle
from accord.mock.results import (
    Errored,
    Matched,
    MatchResult,
    Mismatched,
    Missing,
    MockReport,
    Unexpected,
)
from accord.mock.server import MockServer

__all__ = [
    "Errored",
    "InteractionIndex",
    "MatchResult",
    "Matched",
    "Mismatched",
    "Missing",
    "MockAsgiApp",
    "MockReport",
    "MockServer",
    "Unexpected",
    "WireResponse",
    "handle",
]
