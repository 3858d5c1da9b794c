"""Provider states of the official broker client's pact with the broker
(../shared/broker-client-pacts/Pact_Broker_Client_V2-Pact_Broker.json), one handler per state,
built on the TestDataBuilder. Every setup starts from an empty database, so interactions without
a state (the generic handler) also see a clean broker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import delete

from accord.broker.db.models import Environment, Pacticipant, Webhook
from tests.broker.builder import TestDataBuilder

FOO_VERSION = "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30"
TEST_ENV_UUID = "cb632df3-0a0d-4227-aac3-60114dd36479"
NAMED_TEST_ENV_UUID = "16926ef3-590f-4e3f-838e-719717aa88c9"
WEBHOOK_UUID = "696c5f93-1b7f-44bc-8d03-59440fcaa9a0"
DEPLOYED_UUID = "ff3adecf-cfc5-4653-a4e3-f1861092f8e0"
CONTACTS = [{"name": "Foo team", "details": {"emailAddress": "foo@bar.com"}}]
REPOSITORY = "git@git.realestate.com.au:business-systems/pricing-service"


def wipe(td: TestDataBuilder) -> None:
    def action(ctx: Any) -> None:
        for model in (Webhook, Pacticipant, Environment):
            ctx.session.execute(delete(model))

    td._do(action)


def condor_pact(td: TestDataBuilder, number: str = "1.3.0", tags: list[str] | None = None) -> None:
    """Condor's pact with the Pricing Service; empty, as the client's pact expects `[]`."""
    (td.create_consumer("Condor").create_provider("Pricing Service").use_consumer("Condor")
       .create_consumer_version(number, tag_names=tags).create_pact(interactions=[]))  # fmt: skip


def foo_bar(td: TestDataBuilder, consumer: str = "Foo") -> TestDataBuilder:
    return td.create_consumer(consumer).create_provider("Bar").use_consumer(consumer)


def handlers(td: TestDataBuilder) -> dict[str, Callable[[], None]]:
    """State name → setup function (each wipes first)."""
    setups: dict[str, Callable[[TestDataBuilder], Any]] = {
        # index relations: nothing to set up
        "the pacticipant relations are present": lambda t: None,
        "the pb:environments relation exists in the index resource": lambda t: None,
        "the pb:latest-tagged-version relation exists in the index resource": lambda t: None,
        "the pb:latest-version relation exists in the index resource": lambda t: None,
        "the pb:pacticipant-branch relation exists in the index resource": lambda t: None,
        "the pb:pacticipant-version and pb:environments relations exist in the index resource": lambda t: None,
        "the pb:publish-contracts relations exists in the index resource": lambda t: None,
        # pacticipants
        "'Condor' does not exist in the pact-broker": lambda t: None,
        "the 'Pricing Service' does not exist in the pact-broker": lambda t: None,
        "no pact between Condor and the Pricing Service exists": lambda t: None,
        "the 'Pricing Service' already exists in the pact-broker": lambda t: (
            t.create_pacticipant_with("Pricing Service", repositoryUrl=REPOSITORY)
             .create_provider("Pricing Service").create_provider_version("1.3.0")),
        "the 'Pricing Service' and 'Condor' already exist in the pact-broker": lambda t: (
            t.create_pacticipant("Pricing Service").create_pacticipant("Condor")),
        "'Condor' exists in the pact-broker": lambda t: t.create_consumer("Condor").create_consumer_version("1.3.0"),
        "a pacticipant with name Foo exists": lambda t: t.create_pacticipant("Foo"),
        "'Condor' exists in the pact-broker with the latest version 1.2.3": lambda t: (
            t.create_consumer("Condor").create_consumer_version("1.2.3")),
        "'Condor' exists in the pact-broker with the latest tagged 'production' version 1.2.3": lambda t: (
            t.create_consumer("Condor").create_consumer_version("1.2.3", tag_names=["production"])),
        "'Condor' exists in the pact-broker with version 1.3.0, tagged with 'prod'": lambda t: (
            t.create_consumer("Condor").create_consumer_version("1.3.0", tag_names=["prod"])),
        "a branch named main exists for pacticipant Foo": lambda t: t.create_consumer("Foo").create_consumer_version("1", branch="main"),
        # pacts
        "a pact between Condor and the Pricing Service exists": condor_pact,
        "a latest pact between Condor and the Pricing Service exists": condor_pact,
        "the 'Pricing Service' and 'Condor' already exist in the pact-broker, and Condor already has a pact published for version 1.3.0": condor_pact,
        "tagged as prod pact between Condor and the Pricing Service exists": lambda t: condor_pact(t, tags=["prod"]),
        "a pact between Condor and the Pricing Service exists for the production version of Condor": lambda t: condor_pact(t, tags=["prod"]),
        # verifications (used by the matrix interactions of part 2)
        "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6": lambda t: (
            foo_bar(t).create_consumer_version("1.2.3").create_pact().create_verification(provider_version="4.5.6")),
        "the pact for Foo Thing version 1.2.3 has been verified by Bar version 4.5.6": lambda t: (
            foo_bar(t, "Foo Thing").create_consumer_version("1.2.3").create_pact().create_verification(provider_version="4.5.6")),
        "the pact for Foo version 1.2.3 and 1.2.4 has been verified by Bar version 4.5.6": lambda t: (
            foo_bar(t).create_consumer_version("1.2.3").create_pact().create_verification(provider_version="4.5.6")
             .create_consumer_version("1.2.4").create_pact().create_verification(provider_version="4.5.6")),
        "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6 and version 5.6.7": lambda t: (
            foo_bar(t).create_consumer_version("1.2.3").create_pact().create_verification(provider_version="4.5.6")
             .create_verification(provider_version="5.6.7")),
        "the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 (tagged prod) and version 5.6.7": lambda t: (
            foo_bar(t).create_consumer_version("1.2.3").create_pact()
             .create_verification(provider_version="4.5.6", tag_names=["prod"]).create_verification(provider_version="5.6.7")),
        "the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6, and 1.2.4 unsuccessfully by 9.9.9": lambda t: (
            foo_bar(t).create_consumer_version("1.2.3").create_pact().create_verification(provider_version="4.5.6")
             .create_consumer_version("1.2.4").create_pact().create_verification(provider_version="9.9.9", success=False)),
        "the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 with tag prod, and 1.2.4 unsuccessfully by 9.9.9": lambda t: (
            foo_bar(t).create_consumer_version("1.2.3").create_pact().create_verification(provider_version="4.5.6", tag_names=["prod"])
             .create_consumer_version("1.2.4").create_pact().create_verification(provider_version="9.9.9", success=False)),
        "provider Bar version 4.5.6 has a successful verification for Foo version 1.2.3 tagged prod and a failed verification for version 3.4.5 tagged prod": lambda t: (
            foo_bar(t).create_consumer_version("1.2.3", tag_names=["prod"]).create_pact().create_verification(provider_version="4.5.6")
             .create_consumer_version("3.4.5", tag_names=["prod"]).create_pact().create_verification(provider_version="4.5.6", success=False)),
        # environments and versions
        "an environment exists": lambda t: t.create_environment("test", uuid=TEST_ENV_UUID, contacts=CONTACTS),
        "an environment with name test exists": lambda t: t.create_environment("test", uuid=TEST_ENV_UUID),
        "an environment with name test and UUID 16926ef3-590f-4e3f-838e-719717aa88c9 exists": lambda t: (
            t.create_environment("test", uuid=NAMED_TEST_ENV_UUID)),
        f"version {FOO_VERSION} of pacticipant Foo exists with a test environment available for deployment": lambda t: (
            t.create_consumer("Foo").create_consumer_version(FOO_VERSION).create_environment("test", uuid=TEST_ENV_UUID)),
        f"version {FOO_VERSION} of pacticipant Foo exists with a test environment available for release": lambda t: (
            t.create_consumer("Foo").create_consumer_version(FOO_VERSION).create_environment("test", uuid=TEST_ENV_UUID)),
        f"version {FOO_VERSION} of pacticipant Foo exists with 2 environments that aren't test available for deployment": lambda t: (
            t.create_consumer("Foo").create_consumer_version(FOO_VERSION).create_environment("prod").create_environment("dev")),
        "an version is deployed to environment with UUID 16926ef3-590f-4e3f-838e-719717aa88c9 with target customer-1": lambda t: (
            t.create_environment("test", uuid=NAMED_TEST_ENV_UUID).create_consumer("Foo").create_consumer_version("1")
             .create_deployed_version_for_consumer_version(environment="test", target="customer-1")),
        "a currently deployed version exists": lambda t: (
            t.create_environment("test", uuid=NAMED_TEST_ENV_UUID).create_consumer("Foo").create_consumer_version("2")
             .create_deployed_version_for_consumer_version(environment="test", target="customer-1", uuid=DEPLOYED_UUID)),
        # webhooks
        f"a webhook with the uuid {WEBHOOK_UUID} exists": lambda t: (
            t.create_pacticipant("Pricing Service").create_pacticipant("Condor")
             .create_webhook(uuid=WEBHOOK_UUID, consumer="Condor", provider="Pricing Service")),
    }  # fmt: skip

    def wrap(setup: Callable[[TestDataBuilder], Any]) -> Callable[[], None]:
        def handler() -> None:
            wipe(td)
            setup(td)

        return handler

    return {name: wrap(setup) for name, setup in setups.items()}


def generic(td: TestDataBuilder) -> Callable[..., None]:
    """For interactions without a state: start from an empty broker."""

    def handler(action: str = "setup") -> None:
        if action == "setup":
            wipe(td)

    return handler
