"""Provider verification: replay every consumer's pact against the real provider.

May import accord.broker_client, accord.matching, accord.generation, accord.model, accord.errors,
httpx and rich; never the consumer, mock or broker packages.
"""

from accord.verifier.filters import InteractionFilter
from accord.verifier.messages import CallableMessages, MessageEndpoint
from accord.verifier.results import (
    Failure,
    InteractionResult,
    PactResult,
    VerificationReport,
)
from accord.verifier.sources import (
    BrokerSource,
    DirectorySource,
    FileSource,
    LoadedPact,
    UrlSource,
)
from accord.verifier.states import CallableStates, StateChangeUrl
from accord.verifier.transport import ProviderTarget
from accord.verifier.verifier import Verifier

__all__ = [
    "BrokerSource",
    "CallableMessages",
    "CallableStates",
    "DirectorySource",
    "Failure",
    "FileSource",
    "InteractionFilter",
    "InteractionResult",
    "LoadedPact",
    "MessageEndpoint",
    "PactResult",
    "ProviderTarget",
    "StateChangeUrl",
    "UrlSource",
    "VerificationReport",
    "Verifier",
]
