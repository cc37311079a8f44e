"""Adaptive polling: per connection and object, the interval and the time of its next scheduled pass.

Revision ID: 0009_poll_schedule
Revises: 0008_dashboard_sessions

Existing connections have no rows: each object gets one after its next pass (until then it is polled at the
project's pull frequency, as before).
"""

import sqlalchemy as sa
from alembic import op

from ledgerbridge.store.types import UTCDateTime

revision = "0009_poll_schedule"
down_revision = "0008_dashboard_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "poll_schedule",
        sa.Column("connection_id", sa.String(36), nullable=False),
        sa.Column("object_type", sa.String(50), nullable=False),
        sa.Column("project_id", sa.String(36), nullable=False),
        sa.Column("interval", sa.Integer, nullable=False),
        sa.Column("due_at", UTCDateTime, nullable=False),
        sa.Column("changed_at", UTCDateTime),
        sa.PrimaryKeyConstraint("connection_id", "object_type", name="pk_poll_schedule"),
        sa.ForeignKeyConstraint(["connection_id"], ["connections.id"], ondelete="CASCADE",
                                name="fk_poll_schedule_connection_id_connections"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE",
                                name="fk_poll_schedule_project_id_projects"),
    )
    op.create_index("ix_poll_schedule_due_at", "poll_schedule", ["due_at"])


def downgrade() -> None:
    op.drop_table("poll_schedule")
