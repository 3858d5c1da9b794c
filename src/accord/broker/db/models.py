"""The broker's tables (design note §4). Pact content is stored once per (consumer, provider,
sha) in `pact_versions`; `pact_publications` link consumer versions to that content, and
verifications hang off the content, so identical content published again is "pre-verified".

Version order is the creation sequence: the autoincrement `versions.id`. Branch heads are the
branch_version added last (highest `branch_versions.id`), so no denormalised "latest" rows need
updating under concurrent publication. Environments, deployed and released versions are here
for the default/deployed/released selectors; their API arrives with part 2 (issue 6).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from accord.broker.db.base import Base


def _fk(target: str) -> ForeignKey:
    return ForeignKey(target, ondelete="CASCADE")


class Pacticipant(Base):
    __tablename__ = "pacticipants"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(255))
    repository_url: Mapped[str | None] = mapped_column(Text)
    repository_name: Mapped[str | None] = mapped_column(String(255))
    repository_namespace: Mapped[str | None] = mapped_column(String(255))
    main_branch: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Version(Base):
    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("pacticipant_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # also the version order
    pacticipant_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    number: Mapped[str] = mapped_column(String(255))
    build_url: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Branch(Base):
    __tablename__ = "branches"
    __table_args__ = (UniqueConstraint("pacticipant_id", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pacticipant_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    name: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class BranchVersion(Base):
    __tablename__ = "branch_versions"
    __table_args__ = (
        UniqueConstraint("branch_id", "version_id"),
        # the hot path of pact_broker#872: which branches does this version belong to
        Index(None, "version_id", "branch_name"),
        Index(None, "pacticipant_id", "branch_name", "id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # highest id per branch = head
    branch_id: Mapped[int] = mapped_column(_fk("branches.id"))
    version_id: Mapped[int] = mapped_column(_fk("versions.id"))
    pacticipant_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    branch_name: Mapped[str] = mapped_column(String(255))
    auto_created: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Tag(Base):
    __tablename__ = "tags"
    __table_args__ = (Index(None, "pacticipant_id", "name", "version_id"),)
    version_id: Mapped[int] = mapped_column(_fk("versions.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(255), primary_key=True)
    pacticipant_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class PactVersion(Base):
    """Deduplicated pact content."""

    __tablename__ = "pact_versions"
    __table_args__ = (UniqueConstraint("consumer_id", "provider_id", "sha"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consumer_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    provider_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    sha: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)
    interactions_count: Mapped[int] = mapped_column(Integer, default=0)
    messages_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class PactPublication(Base):
    """One consumer version's pact with one provider (the latest revision only)."""

    __tablename__ = "pact_publications"
    __table_args__ = (
        UniqueConstraint("consumer_version_id", "provider_id"),
        Index(None, "provider_id", "created_at"),
        Index(
            "ix_pact_publications_provider_consumer_version",
            "provider_id",
            "consumer_id",
            "consumer_version_id",
        ),
        Index(None, "pact_version_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consumer_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    provider_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    consumer_version_id: Mapped[int] = mapped_column(_fk("versions.id"))
    pact_version_id: Mapped[int] = mapped_column(_fk("pact_versions.id"))
    revision_number: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Verification(Base):
    __tablename__ = "verifications"
    __table_args__ = (
        Index(
            "ix_verifications_provider_success_wip",
            "provider_id",
            "provider_version_id",
            "success",
            "wip",
            "pact_version_id",
        ),
        Index(None, "pact_version_id", "success", "provider_version_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # the global result number
    pact_version_id: Mapped[int] = mapped_column(_fk("pact_versions.id"))
    consumer_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    provider_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    provider_version_id: Mapped[int] = mapped_column(_fk("versions.id"))
    success: Mapped[bool] = mapped_column(Boolean)
    build_url: Mapped[str | None] = mapped_column(Text)
    test_results: Mapped[object | None] = mapped_column(JSON)
    verified_by: Mapped[object | None] = mapped_column(JSON)
    wip: Mapped[bool] = mapped_column(Boolean, default=False)
    pact_pending: Mapped[bool | None] = mapped_column(Boolean)
    consumer_version_selectors: Mapped[object | None] = mapped_column(JSON)
    tag_names: Mapped[str | None] = mapped_column(Text)
    execution_date: Mapped[datetime] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Integration(Base):
    __tablename__ = "integrations"
    __table_args__ = (UniqueConstraint("consumer_id", "provider_id"), Index(None, "provider_id"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consumer_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    provider_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Environment(Base):
    __tablename__ = "environments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(255))
    production: Mapped[bool] = mapped_column(Boolean, default=False)
    contacts: Mapped[object | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class DeployedVersion(Base):
    __tablename__ = "deployed_versions"
    __table_args__ = (
        Index("ix_deployed_versions_current", "environment_id", "pacticipant_id", "undeployed_at"),
        Index(None, "version_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(64), unique=True)
    version_id: Mapped[int] = mapped_column(_fk("versions.id"))
    pacticipant_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    environment_id: Mapped[int] = mapped_column(ForeignKey("environments.id"))
    target: Mapped[str | None] = mapped_column(String(255))
    undeployed_at: Mapped[datetime | None] = mapped_column(DateTime)
    auto_created: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ReleasedVersion(Base):
    __tablename__ = "released_versions"
    __table_args__ = (
        UniqueConstraint("version_id", "environment_id"),
        Index(
            "ix_released_versions_current", "environment_id", "pacticipant_id", "support_ended_at"
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(64), unique=True)
    version_id: Mapped[int] = mapped_column(_fk("versions.id"))
    pacticipant_id: Mapped[int] = mapped_column(_fk("pacticipants.id"))
    environment_id: Mapped[int] = mapped_column(ForeignKey("environments.id"))
    support_ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Webhook(Base):
    """A webhook definition. Part 1 stores and serves definitions; executing them on events is
    not implemented yet (the publish notices say no enabled webhooks ran)."""

    __tablename__ = "webhooks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(64), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    consumer_id: Mapped[int | None] = mapped_column(_fk("pacticipants.id"))
    provider_id: Mapped[int | None] = mapped_column(_fk("pacticipants.id"))
    consumer_label: Mapped[str | None] = mapped_column(String(255))
    provider_label: Mapped[str | None] = mapped_column(String(255))
    events: Mapped[object] = mapped_column(JSON)
    request: Mapped[object] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Label(Base):
    """A label on a pacticipant (webhooks can target consumers/providers by label)."""

    __tablename__ = "labels"
    __table_args__ = (Index(None, "name"),)
    pacticipant_id: Mapped[int] = mapped_column(_fk("pacticipants.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(255), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class TriggeredWebhook(Base):
    """One webhook to run for one event: the outbox row a worker in any instance claims."""

    __tablename__ = "triggered_webhooks"
    __table_args__ = (Index("ix_triggered_webhooks_due", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(64), unique=True)
    webhook_id: Mapped[int] = mapped_column(_fk("webhooks.id"))
    event_name: Mapped[str] = mapped_column(String(100))
    parameters: Mapped[object] = mapped_column(JSON)  # template values at trigger time
    consumer_version_id: Mapped[int | None] = mapped_column(_fk("versions.id"))
    status: Mapped[str] = mapped_column(String(20))  # not_run | retrying | success | failure
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class WebhookExecution(Base):
    __tablename__ = "webhook_executions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    triggered_webhook_id: Mapped[int] = mapped_column(_fk("triggered_webhooks.id"), index=True)
    success: Mapped[bool] = mapped_column(Boolean)
    logs: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
