"""Sync passes (per-page checkpoints, full reconciles) and per-project pull frequencies.

Revision ID: 0002_sync
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from ledgerbridge.store.types import UTCDateTime

revision = "0002_sync"
down_revision = "0001"
branch_labels = None
depends_on = None

UUID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "sync_passes",
        sa.Column("connection_id", UUID, sa.ForeignKey("connections.id", ondelete="CASCADE"), nullable=False),
        sa.Column("object_type", sa.String(50), nullable=False),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("full", sa.Boolean, nullable=False),
        sa.Column("since", UTCDateTime),
        sa.Column("started_at", UTCDateTime),
        sa.Column("pages", sa.Integer, nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("newest", UTCDateTime),
        sa.Column("last_full_at", UTCDateTime),
        sa.PrimaryKeyConstraint("connection_id", "object_type", name="pk_sync_passes"),
    )
    op.create_table(
        "pull_frequencies",
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("crm", sa.Integer, nullable=False),
        sa.Column("accounting", sa.Integer, nullable=False),
        sa.Column("filestorage", sa.Integer, nullable=False),
        sa.Column("ecommerce", sa.Integer, nullable=False),
        sa.Column("ticketing", sa.Integer, nullable=False),
        sa.Column("modified_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("project_id", name="pk_pull_frequencies"),
    )


def downgrade() -> None:
    op.drop_table("pull_frequencies")
    op.drop_table("sync_passes")
