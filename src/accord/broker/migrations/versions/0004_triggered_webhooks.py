"""Triggered webhooks (an outbox that workers in any instance claim) and their executions.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 12:16:13.146879
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "triggered_webhooks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=64), nullable=False),
        sa.Column("webhook_id", sa.Integer(), nullable=False),
        sa.Column("event_name", sa.String(length=100), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("consumer_version_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consumer_version_id"],
            ["versions.id"],
            name=op.f("fk_triggered_webhooks_consumer_version_id_versions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["webhook_id"],
            ["webhooks.id"],
            name=op.f("fk_triggered_webhooks_webhook_id_webhooks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_triggered_webhooks")),
        sa.UniqueConstraint("uuid", name=op.f("uq_triggered_webhooks_uuid")),
    )
    with op.batch_alter_table("triggered_webhooks", schema=None) as batch_op:
        batch_op.create_index(
            "ix_triggered_webhooks_due", ["status", "next_attempt_at"], unique=False
        )

    op.create_table(
        "webhook_executions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("triggered_webhook_id", sa.Integer(), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.Column("logs", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["triggered_webhook_id"],
            ["triggered_webhooks.id"],
            name=op.f("fk_webhook_executions_triggered_webhook_id_triggered_webhooks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_executions")),
    )
    with op.batch_alter_table("webhook_executions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_webhook_executions_triggered_webhook_id"),
            ["triggered_webhook_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("webhook_executions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_webhook_executions_triggered_webhook_id"))

    op.drop_table("webhook_executions")
    with op.batch_alter_table("triggered_webhooks", schema=None) as batch_op:
        batch_op.drop_index("ix_triggered_webhooks_due")

    op.drop_table("triggered_webhooks")
