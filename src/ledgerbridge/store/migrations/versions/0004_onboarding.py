"""Onboarding: provider apps per project (sealed), pending OAuth flows, dashboard operators.

Revision ID: 0004_onboarding
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from ledgerbridge.store.types import UTCDateTime

revision = "0004_onboarding"
down_revision = "0001"
branch_labels = None
depends_on = None

UUID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "provider_apps",
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("provider", sa.String(50), nullable=False),
        sa.Column("settings", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("modified_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("project_id", "provider", name="pk_provider_apps"),
    )
    op.create_table(
        "oauth_flows",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("linked_user_id", UUID, sa.ForeignKey("linked_users.id", ondelete="CASCADE")),
        sa.Column("provider", sa.String(50), nullable=False),
        sa.Column("secret", sa.Text, nullable=False),
        sa.Column("expires_at", UTCDateTime, nullable=False),
        sa.Column("used_at", UTCDateTime),
    )
    op.create_index("ix_oauth_flows_expires_at", "oauth_flows", ["expires_at"])
    op.create_table(
        "operators",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("username", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("username", name="uq_operators_username"),
    )
    op.create_table(
        "operator_projects",
        sa.Column("operator_id", UUID, sa.ForeignKey("operators.id", ondelete="CASCADE"), nullable=False),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.PrimaryKeyConstraint("operator_id", "project_id", name="pk_operator_projects"),
    )


def downgrade() -> None:
    for table in ("operator_projects", "operators", "oauth_flows", "provider_apps"):
        op.drop_table(table)
