"""A fluent test-data builder that narrates broker scenarios through the services, so derived
state (content SHAs, branch heads, integrations) stays as real publications make it:

    (td.create_consumer("Foo", main_branch="main")
       .create_provider("Bar")
       .create_consumer_version("1", branch="main")
       .create_pact()                                   # Foo v1 -> Bar
       .create_verification(provider_version="2", branch="main"))   # Bar v2 verifies it

Each step runs in its own committed transaction. The clock is shared with the app under test,
advances a millisecond per reading (so "before"/"after" comparisons are strict) and can jump.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, Self

from sqlalchemy.orm import Session, sessionmaker

from accord.broker.context import Context
from accord.broker.selection import metadata
from accord.broker.services import (
    branches,
    environments,
    pacticipants,
    pacts,
    tags,
    verifications,
    versions,
    webhooks,
)
from accord.broker.settings import Settings


class Clock:
    """A controllable clock: each reading is 1 ms after the previous one."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 3, 1, 12, 0, 0)

    def __call__(self) -> datetime:
        self.current += timedelta(milliseconds=1)
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


_counter = itertools.count(1)


def pact_document(consumer: str, provider: str, key: str) -> dict[str, Any]:
    """A small valid V3 pact whose content (and so sha) is determined by `key`."""
    return {
        "consumer": {"name": consumer},
        "provider": {"name": provider},
        "interactions": [
            {
                "description": f"a request for {key}",
                "request": {"method": "GET", "path": f"/things/{key}"},
                "response": {"status": 200, "body": {"key": key}},
            }
        ],
        "metadata": {"pactSpecification": {"version": "3.0.0"}},
    }


class TestDataBuilder:
    __test__ = False  # not a pytest test class

    def __init__(
        self, session_factory: sessionmaker[Session], settings: Settings, clock: Clock
    ) -> None:
        self.session_factory = session_factory
        self.settings = settings
        self.clock = clock
        self.consumer: str | None = None
        self.provider: str | None = None
        self.consumer_version: str | None = None
        self.provider_version: str | None = None
        self.last_content_key: str | None = None
        self.last_sha: str | None = None

    @contextmanager
    def _ctx(self) -> Iterator[Context]:
        with self.session_factory() as session:
            yield Context(session=session, settings=self.settings, clock=self.clock)
            session.commit()

    def _do(self, action: Callable[[Context], Any]) -> Any:
        with self._ctx() as ctx:
            return action(ctx)

    # -- time ------------------------------------------------------------------------------
    def set_now(self, moment: datetime) -> Self:
        self.clock.current = moment
        return self

    def add_days(self, days: float) -> Self:
        self.clock.advance(days=days)
        return self

    def subtract_days(self, days: float) -> Self:
        self.clock.advance(days=-days)
        return self

    # -- pacticipants and versions ---------------------------------------------------------
    def create_pacticipant(self, name: str, main_branch: str | None = None) -> Self:
        body = {"name": name, **({"mainBranch": main_branch} if main_branch else {})}
        self._do(lambda ctx: pacticipants.create(ctx, body))
        return self

    def create_consumer(self, name: str, main_branch: str | None = None) -> Self:
        self.consumer = name
        return self.create_pacticipant(name, main_branch)

    def create_provider(self, name: str, main_branch: str | None = None) -> Self:
        self.provider = name
        return self.create_pacticipant(name, main_branch)

    def use_consumer(self, name: str) -> Self:
        self.consumer = name
        return self

    def use_provider(self, name: str) -> Self:
        self.provider = name
        return self

    def create_consumer_version(
        self, number: str, *, branch: str | None = None, tag_names: list[str] | None = None
    ) -> Self:
        assert self.consumer, "create_consumer first"
        self.consumer_version = number
        return self._create_version(self.consumer, number, branch, tag_names)

    def create_provider_version(
        self, number: str, *, branch: str | None = None, tag_names: list[str] | None = None
    ) -> Self:
        assert self.provider, "create_provider first"
        self.provider_version = number
        return self._create_version(self.provider, number, branch, tag_names)

    def _create_version(
        self, name: str, number: str, branch: str | None, tag_names: list[str] | None
    ) -> Self:
        def action(ctx: Context) -> None:
            versions.ensure_by_name(ctx, name, number)
            if branch:
                branches.add_version(ctx, name, branch, number)
            for tag in tag_names or []:
                tags.add(ctx, name, number, tag, first_tag_as_branch=False)

        self._do(action)
        return self

    def create_consumer_version_tag(self, tag: str) -> Self:
        assert self.consumer and self.consumer_version
        consumer, number = self.consumer, self.consumer_version
        self._do(lambda ctx: tags.add(ctx, consumer, number, tag, first_tag_as_branch=False))
        return self

    def add_consumer_version_to_branch(self, branch: str) -> Self:
        assert self.consumer and self.consumer_version
        consumer, number = self.consumer, self.consumer_version
        self._do(lambda ctx: branches.add_version(ctx, consumer, branch, number))
        return self

    # -- pacts -----------------------------------------------------------------------------
    def create_pact(
        self,
        *,
        content: str | None = None,
        provider: str | None = None,
        interactions: list[Any] | None = None,
    ) -> Self:
        """Publish a pact for the current consumer version; `content` names its content (same
        name → same sha); by default every pact gets new content. `interactions` replaces the
        generated ones (e.g. `[]` for an empty pact)."""
        provider = provider or self.provider
        assert self.consumer and self.consumer_version and provider
        key = content or f"content-{next(_counter)}"
        document = pact_document(self.consumer, provider, key)
        if interactions is not None:
            document["interactions"] = interactions
        consumer, number = self.consumer, self.consumer_version
        result = self._do(lambda ctx: pacts.publish(ctx, consumer, provider, number, document))
        self.provider = provider
        self.last_content_key, self.last_sha = key, result.view.pact_version.sha
        return self

    def republish_same_pact(self) -> Self:
        """The current consumer version publishes the previous pact's content."""
        return self.create_pact(content=self.last_content_key)

    def create_pact_with_hierarchy(self, consumer: str, number: str, provider: str) -> Self:
        return (
            self.create_consumer(consumer)
            .create_provider(provider)
            .use_consumer(consumer)
            .create_consumer_version(number)
            .create_pact()
        )

    # -- verifications ---------------------------------------------------------------------
    def create_verification(
        self,
        *,
        provider_version: str,
        success: bool = True,
        branch: str | None = None,
        tag_names: list[str] | None = None,
        wip: bool = False,
    ) -> Self:
        """The current provider verifies the last published pact, as a verifier would: branch
        and tags of the provider version first, then the result."""
        assert self.provider and self.consumer and self.last_sha
        provider, consumer, sha = self.provider, self.consumer, self.last_sha
        self.provider_version = provider_version

        def action(ctx: Context) -> None:
            if branch:
                branches.add_version(ctx, provider, branch, provider_version)
            for tag in tag_names or []:
                tags.add(ctx, provider, provider_version, tag, first_tag_as_branch=False)
            meta = metadata.encode([], pending=None, wip=True) if wip else None
            body = {"success": success, "providerApplicationVersion": provider_version}
            verifications.record(ctx, provider, consumer, sha, body, meta)

        self._do(action)
        return self

    # -- webhooks --------------------------------------------------------------------------
    def create_webhook(
        self, *, uuid: str, consumer: str | None = None, provider: str | None = None
    ) -> Self:
        body: dict[str, Any] = {
            "description": "a webhook",
            "events": [{"name": "contract_content_changed"}],
            "request": {"method": "POST", "url": "https://example.org/hook"},
        }
        if consumer:
            body["consumer"] = {"name": consumer}
        if provider:
            body["provider"] = {"name": provider}
        self._do(lambda ctx: webhooks.create(ctx, body, uuid=uuid))
        return self

    def create_pacticipant_with(self, name: str, **properties: str) -> Self:
        self._do(lambda ctx: pacticipants.create(ctx, {"name": name, **properties}))
        return self

    # -- environments ----------------------------------------------------------------------
    def create_environment(
        self,
        name: str,
        *,
        production: bool = False,
        uuid: str | None = None,
        contacts: list[Any] | None = None,
    ) -> Self:
        self._do(
            lambda ctx: environments.create(
                ctx, name, production=production, uuid=uuid, contacts=contacts
            )
        )
        return self

    def create_deployed_version_for_consumer_version(
        self, *, environment: str, target: str | None = None, uuid: str | None = None
    ) -> Self:
        assert self.consumer and self.consumer_version
        consumer, number = self.consumer, self.consumer_version

        def action(ctx: Context) -> None:
            deployed = environments.record_deployment(ctx, consumer, number, environment, target)
            if uuid:
                deployed.uuid = uuid

        self._do(action)
        return self

    def create_deployed_version_for_provider_version(
        self, *, environment: str, target: str | None = None
    ) -> Self:
        assert self.provider and self.provider_version
        provider, number = self.provider, self.provider_version
        self._do(
            lambda ctx: environments.record_deployment(ctx, provider, number, environment, target)
        )
        return self

    def create_released_version_for_provider_version(self, *, environment: str) -> Self:
        assert self.provider and self.provider_version
        provider, number = self.provider, self.provider_version
        self._do(lambda ctx: environments.record_release(ctx, provider, number, environment))
        return self

    def record_undeployment_of_consumer_version(self, *, environment: str) -> Self:
        assert self.consumer and self.consumer_version
        consumer, number = self.consumer, self.consumer_version
        self._do(lambda ctx: environments.record_undeployment(ctx, consumer, number, environment))
        return self

    def create_released_version_for_consumer_version(self, *, environment: str) -> Self:
        assert self.consumer and self.consumer_version
        consumer, number = self.consumer, self.consumer_version
        self._do(lambda ctx: environments.record_release(ctx, consumer, number, environment))
        return self
