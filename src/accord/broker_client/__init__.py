"""A HAL client for any Pact Broker: what a provider's verifier asks of it (`BrokerClient`), and
what the `accord` broker commands do (one module per concern: publishing, matrix, environments,
deployments, pacticipants, versions, webhooks). Each command function takes a `HalClient`.

May import accord.model, accord.errors and httpx; never the consumer, mock, verifier or broker.
"""

from accord.broker_client.client import (
    BrokerClient,
    Notice,
    VerifiablePact,
    VerificationQuery,
    VerificationResultsPublication,
)
from accord.broker_client.deployments import (
    record_deployment,
    record_release,
    record_support_ended,
    record_undeployment,
)
from accord.broker_client.environments import (
    EnvironmentFields,
    create_environment,
    delete_environment,
    describe_environment,
    list_environments,
    update_environment,
)
from accord.broker_client.hal import BrokerAuth, HalClient, HalDocument, Link
from accord.broker_client.matrix import CanIDeployQuery, Matrix, VersionSelector, can_i_deploy
from accord.broker_client.notices import BrokerNotice
from accord.broker_client.pacticipants import (
    PacticipantFields,
    create_or_update_pacticipant,
    describe_pacticipant,
)
from accord.broker_client.publishing import ConsumerVersion, publish_pacts, read_pact_file
from accord.broker_client.selectors import ConsumerVersionSelector, parse_selectors, tag_selectors
from accord.broker_client.versions import (
    create_version_tags,
    describe_version,
    list_latest_pact_versions,
)
from accord.broker_client.webhooks import (
    WebhookDefinition,
    create_or_update_webhook,
    execute_webhook,
)

__all__ = [
    "BrokerAuth",
    "BrokerClient",
    "BrokerNotice",
    "CanIDeployQuery",
    "ConsumerVersion",
    "ConsumerVersionSelector",
    "EnvironmentFields",
    "HalClient",
    "HalDocument",
    "Link",
    "Matrix",
    "Notice",
    "PacticipantFields",
    "VerifiablePact",
    "VerificationQuery",
    "VerificationResultsPublication",
    "VersionSelector",
    "WebhookDefinition",
    "can_i_deploy",
    "create_environment",
    "create_or_update_pacticipant",
    "create_or_update_webhook",
    "create_version_tags",
    "delete_environment",
    "describe_environment",
    "describe_pacticipant",
    "describe_version",
    "execute_webhook",
    "list_environments",
    "list_latest_pact_versions",
    "parse_selectors",
    "publish_pacts",
    "read_pact_file",
    "record_deployment",
    "record_release",
    "record_support_ended",
    "record_undeployment",
    "tag_selectors",
    "update_environment",
]
