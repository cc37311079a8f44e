"""Dashboard sessions kept server-side (revocable), and failed logins for throttling.

Revision ID: 0008_dashboard_sessions
Revises: 0007_records_storage
"""

import sqlalchemy as sa
from alembic import op

from ledgerbridge.store.types import UTCDateTime

revision = "0008_dashboard_sessions"
down_revision = "0007_records_storage"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dashboard_sessions",
        sa.Column("id_hash", sa.String(64), nullable=False),
        sa.Column("operator_id", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("expires_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id_hash", name="pk_dashboard_sessions"),
        sa.ForeignKeyConstraint(["operator_id"], ["operators.id"], ondelete="CASCADE",
                                name="fk_dashboard_sessions_operator_id_operators"),
    )
    op.create_index("ix_dashboard_sessions_operator_id", "dashboard_sessions", ["operator_id"])
    op.create_index("ix_dashboard_sessions_expires_at", "dashboard_sessions", ["expires_at"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("failed_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_failures"),
    )
    op.create_index("ix_login_failures_subject", "login_failures", ["subject", "failed_at"])


def downgrade() -> None:
    op.drop_table("login_failures")
    op.drop_table("dashboard_sessions")
