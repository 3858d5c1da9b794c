"""Initial schema: pacticipants, versions, branches, tags, deduplicated pact content and its
publications, verifications, integrations, environments and deployed/released versions, with
the hot-path indexes of the design note (§8, §9 item 9) from the start.

Revision ID: 0001
Revises:
Create Date: 2026-11-21 11:08:22.228589
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "environments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("display_name", sa.String(length=255), nullable=True),
        sa.Column("production", sa.Boolean(), nullable=False),
        sa.Column("contacts", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_environments")),
        sa.UniqueConstraint("name", name=op.f("uq_environments_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_environments_uuid")),
    )
    op.create_table(
        "pacticipants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("display_name", sa.String(length=255), nullable=True),
        sa.Column("repository_url", sa.Text(), nullable=True),
        sa.Column("repository_name", sa.String(length=255), nullable=True),
        sa.Column("repository_namespace", sa.String(length=255), nullable=True),
        sa.Column("main_branch", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pacticipants")),
        sa.UniqueConstraint("name", name=op.f("uq_pacticipants_name")),
    )
    op.create_table(
        "branches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pacticipant_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pacticipant_id"],
            ["pacticipants.id"],
            name=op.f("fk_branches_pacticipant_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branches")),
        sa.UniqueConstraint("pacticipant_id", "name", name=op.f("uq_branches_pacticipant_id_name")),
    )
    op.create_table(
        "integrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consumer_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consumer_id"],
            ["pacticipants.id"],
            name=op.f("fk_integrations_consumer_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["pacticipants.id"],
            name=op.f("fk_integrations_provider_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integrations")),
        sa.UniqueConstraint(
            "consumer_id", "provider_id", name=op.f("uq_integrations_consumer_id_provider_id")
        ),
    )
    with op.batch_alter_table("integrations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_integrations_provider_id"), ["provider_id"], unique=False
        )

    op.create_table(
        "pact_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consumer_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("sha", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("interactions_count", sa.Integer(), nullable=False),
        sa.Column("messages_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consumer_id"],
            ["pacticipants.id"],
            name=op.f("fk_pact_versions_consumer_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["pacticipants.id"],
            name=op.f("fk_pact_versions_provider_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pact_versions")),
        sa.UniqueConstraint(
            "consumer_id",
            "provider_id",
            "sha",
            name=op.f("uq_pact_versions_consumer_id_provider_id_sha"),
        ),
    )
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pacticipant_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=255), nullable=False),
        sa.Column("build_url", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pacticipant_id"],
            ["pacticipants.id"],
            name=op.f("fk_versions_pacticipant_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_versions")),
        sa.UniqueConstraint(
            "pacticipant_id", "number", name=op.f("uq_versions_pacticipant_id_number")
        ),
    )
    op.create_table(
        "branch_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("pacticipant_id", sa.Integer(), nullable=False),
        sa.Column("branch_name", sa.String(length=255), nullable=False),
        sa.Column("auto_created", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"],
            ["branches.id"],
            name=op.f("fk_branch_versions_branch_id_branches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pacticipant_id"],
            ["pacticipants.id"],
            name=op.f("fk_branch_versions_pacticipant_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["versions.id"],
            name=op.f("fk_branch_versions_version_id_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branch_versions")),
        sa.UniqueConstraint(
            "branch_id", "version_id", name=op.f("uq_branch_versions_branch_id_version_id")
        ),
    )
    with op.batch_alter_table("branch_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_branch_versions_pacticipant_id_branch_name_id"),
            ["pacticipant_id", "branch_name", "id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_branch_versions_version_id_branch_name"),
            ["version_id", "branch_name"],
            unique=False,
        )

    op.create_table(
        "deployed_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=64), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("pacticipant_id", sa.Integer(), nullable=False),
        sa.Column("environment_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=255), nullable=True),
        sa.Column("undeployed_at", sa.DateTime(), nullable=True),
        sa.Column("auto_created", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["environment_id"],
            ["environments.id"],
            name=op.f("fk_deployed_versions_environment_id_environments"),
        ),
        sa.ForeignKeyConstraint(
            ["pacticipant_id"],
            ["pacticipants.id"],
            name=op.f("fk_deployed_versions_pacticipant_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["versions.id"],
            name=op.f("fk_deployed_versions_version_id_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deployed_versions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_deployed_versions_uuid")),
    )
    with op.batch_alter_table("deployed_versions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_deployed_versions_current",
            ["environment_id", "pacticipant_id", "undeployed_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_deployed_versions_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "pact_publications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consumer_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("consumer_version_id", sa.Integer(), nullable=False),
        sa.Column("pact_version_id", sa.Integer(), nullable=False),
        sa.Column("revision_number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consumer_id"],
            ["pacticipants.id"],
            name=op.f("fk_pact_publications_consumer_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["consumer_version_id"],
            ["versions.id"],
            name=op.f("fk_pact_publications_consumer_version_id_versions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pact_version_id"],
            ["pact_versions.id"],
            name=op.f("fk_pact_publications_pact_version_id_pact_versions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["pacticipants.id"],
            name=op.f("fk_pact_publications_provider_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pact_publications")),
        sa.UniqueConstraint(
            "consumer_version_id",
            "provider_id",
            name=op.f("uq_pact_publications_consumer_version_id_provider_id"),
        ),
    )
    with op.batch_alter_table("pact_publications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pact_publications_pact_version_id"), ["pact_version_id"], unique=False
        )
        batch_op.create_index(
            "ix_pact_publications_provider_consumer_version",
            ["provider_id", "consumer_id", "consumer_version_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_pact_publications_provider_id_created_at"),
            ["provider_id", "created_at"],
            unique=False,
        )

    op.create_table(
        "released_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=64), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("pacticipant_id", sa.Integer(), nullable=False),
        sa.Column("environment_id", sa.Integer(), nullable=False),
        sa.Column("support_ended_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["environment_id"],
            ["environments.id"],
            name=op.f("fk_released_versions_environment_id_environments"),
        ),
        sa.ForeignKeyConstraint(
            ["pacticipant_id"],
            ["pacticipants.id"],
            name=op.f("fk_released_versions_pacticipant_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["versions.id"],
            name=op.f("fk_released_versions_version_id_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_released_versions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_released_versions_uuid")),
        sa.UniqueConstraint(
            "version_id",
            "environment_id",
            name=op.f("uq_released_versions_version_id_environment_id"),
        ),
    )
    with op.batch_alter_table("released_versions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_released_versions_current",
            ["environment_id", "pacticipant_id", "support_ended_at"],
            unique=False,
        )

    op.create_table(
        "tags",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("pacticipant_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pacticipant_id"],
            ["pacticipants.id"],
            name=op.f("fk_tags_pacticipant_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["versions.id"],
            name=op.f("fk_tags_version_id_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("version_id", "name", name=op.f("pk_tags")),
    )
    with op.batch_alter_table("tags", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tags_pacticipant_id_name_version_id"),
            ["pacticipant_id", "name", "version_id"],
            unique=False,
        )

    op.create_table(
        "verifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pact_version_id", sa.Integer(), nullable=False),
        sa.Column("consumer_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("provider_version_id", sa.Integer(), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.Column("build_url", sa.Text(), nullable=True),
        sa.Column("test_results", sa.JSON(), nullable=True),
        sa.Column("verified_by", sa.JSON(), nullable=True),
        sa.Column("wip", sa.Boolean(), nullable=False),
        sa.Column("pact_pending", sa.Boolean(), nullable=True),
        sa.Column("consumer_version_selectors", sa.JSON(), nullable=True),
        sa.Column("tag_names", sa.Text(), nullable=True),
        sa.Column("execution_date", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consumer_id"],
            ["pacticipants.id"],
            name=op.f("fk_verifications_consumer_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pact_version_id"],
            ["pact_versions.id"],
            name=op.f("fk_verifications_pact_version_id_pact_versions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["pacticipants.id"],
            name=op.f("fk_verifications_provider_id_pacticipants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["provider_version_id"],
            ["versions.id"],
            name=op.f("fk_verifications_provider_version_id_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verifications")),
    )
    with op.batch_alter_table("verifications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_verifications_pact_version_id_success_provider_version_id"),
            ["pact_version_id", "success", "provider_version_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_verifications_provider_success_wip",
            ["provider_id", "provider_version_id", "success", "wip", "pact_version_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("verifications", schema=None) as batch_op:
        batch_op.drop_index("ix_verifications_provider_success_wip")
        batch_op.drop_index(
            batch_op.f("ix_verifications_pact_version_id_success_provider_version_id")
        )

    op.drop_table("verifications")
    with op.batch_alter_table("tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tags_pacticipant_id_name_version_id"))

    op.drop_table("tags")
    with op.batch_alter_table("released_versions", schema=None) as batch_op:
        batch_op.drop_index("ix_released_versions_current")

    op.drop_table("released_versions")
    with op.batch_alter_table("pact_publications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pact_publications_provider_id_created_at"))
        batch_op.drop_index("ix_pact_publications_provider_consumer_version")
        batch_op.drop_index(batch_op.f("ix_pact_publications_pact_version_id"))

    op.drop_table("pact_publications")
    with op.batch_alter_table("deployed_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deployed_versions_version_id"))
        batch_op.drop_index("ix_deployed_versions_current")

    op.drop_table("deployed_versions")
    with op.batch_alter_table("branch_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_branch_versions_version_id_branch_name"))
        batch_op.drop_index(batch_op.f("ix_branch_versions_pacticipant_id_branch_name_id"))

    op.drop_table("branch_versions")
    op.drop_table("versions")
    op.drop_table("pact_versions")
    with op.batch_alter_table("integrations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_integrations_provider_id"))

    op.drop_table("integrations")
    op.drop_table("branches")
    op.drop_table("pacticipants")
    op.drop_table("environments")
