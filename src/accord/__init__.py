"""Accord: consumer-driven contract testing, compatible with the Pact ecosystem."""

import importlib
from typing import Any

from accord.errors import AccordError, InvalidPact, MismatchError
from accord.model import Pact as PactModel
from accord.model import SpecVersion, dump_pact, load_pact, save_pact

__version__ = "0.1.0"

__all__ = [
    "AccordError",
    "Consumer",
    "EachLike",
    "Format",
    "InvalidPact",
    "Like",
    "MessageConsumer",
    "MismatchError",
    "Pact",
    "PactModel",
    "Provider",
    "SomethingLike",
    "SpecVersion",
    "Term",
    "Verifier",
    "__version__",
    "dump_pact",
    "generate",
    "load_pact",
    "match",
    "save_pact",
]

# The consumer DSL (and with it the mock server, matching and generation) loads on first use, so
# `import accord.broker` (a separate application) and `accord --help` stay free of it.
_CONSUMER_NAMES = frozenset(
    {"Consumer", "EachLike", "Format", "Like", "MessageConsumer", "Pact", "Provider"}
    | {"SomethingLike", "Term", "generate", "match"}
)


def __getattr__(name: str) -> Any:
    if name in _CONSUMER_NAMES:
        return getattr(importlib.import_module("accord.consumer"), name)
    if name == "Verifier":
        # Also the classic `Verifier(provider=..., provider_base_url=...).verify_pacts(...)`.
        return importlib.import_module("accord.verifier").Verifier
    raise AttributeError(f"module 'accord' has no attribute {name!r}")


def __dir__() -> list[str]:
    # The lazily loaded names belong in dir() and tab completion too.
    return sorted(set(globals()) | set(__all__))
