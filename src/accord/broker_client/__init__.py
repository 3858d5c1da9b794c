"""A HAL client for any Pact Broker, as a provider's verifier uses it.

May import accord.model, accord.errors and httpx; never the consumer, mock, verifier or broker.
"""

from accord.broker_client.client import (
    BrokerClient,
    Notice,
    VerifiablePact,
    VerificationQuery,
    VerificationResultsPublication,
)
from accord.broker_client.hal import BrokerAuth, HalClient, HalDocument, Link
from accord.broker_client.selectors import ConsumerVersionSelector, parse_selectors, tag_selectors

__all__ = [
    "BrokerAuth",
    "BrokerClient",
    "ConsumerVersionSelector",
    "HalClient",
    "HalDocument",
    "Link",
    "Notice",
    "VerifiablePact",
    "VerificationQuery",
    "VerificationResultsPublication",
    "parse_selectors",
    "tag_selectors",
]
