"""The consumer-side DSL: define interactions, exercise them against a mock, write pact files.

Two APIs over one engine: the modern `Pact` with the `match` and `generate` namespaces, and the
classic pact-python 1.x/2.x API (`Consumer`, `Provider`, `Like`, `EachLike`, `Term`, ...).

Layer 2 of the toolkit: standard library only; may import mock, matching, generation, model and
errors, never the verifier, the broker client or the broker.
"""

from accord.consumer import generate, match
from accord.consumer.classic import ClassicPact, Consumer, Provider
from accord.consumer.classic_matchers import (
    EachLike,
    Format,
    Like,
    SomethingLike,
    Term,
    get_generated_values,
)
from accord.consumer.classic_messages import MessageConsumer, MessagePact
from accord.consumer.matchers import Matcher
from accord.consumer.pact import MockServerURL, Pact
from accord.consumer.pact_files import write_pact_file

__all__ = [
    "ClassicPact",
    "Consumer",
    "EachLike",
    "Format",
    "Like",
    "Matcher",
    "MessageConsumer",
    "MessagePact",
    "MockServerURL",
    "Pact",
    "Provider",
    "SomethingLike",
    "Term",
    "generate",
    "get_generated_values",
    "match",
    "write_pact_file",
]
