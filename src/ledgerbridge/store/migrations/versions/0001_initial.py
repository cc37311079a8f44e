"""Initial schema: projects, API keys, linked users, connections, records, events, idempotency, sync states.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from ledgerbridge.store.types import AutoIncrement, UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UUID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "projects",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "api_keys",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(12), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("revoked_at", UTCDateTime),
        sa.UniqueConstraint("key_hash", name="uq_api_keys_key_hash"),
    )
    op.create_index("ix_api_keys_project_id", "api_keys", ["project_id"])
    op.create_table(
        "linked_users",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("origin_user_id", sa.String(255), nullable=False),
        sa.Column("alias", sa.String(255)),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("project_id", "origin_user_id", name="uq_linked_users_project_id_origin_user_id"),
    )
    op.create_table(
        "connections",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("linked_user_id", UUID, sa.ForeignKey("linked_users.id", ondelete="SET NULL")),
        sa.Column("provider", sa.String(50), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("token", sa.String(100), nullable=False),
        sa.Column("account_id", sa.String(255)),
        sa.Column("credentials", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("modified_at", UTCDateTime, nullable=False),
        sa.Column("last_sync_at", UTCDateTime),
        sa.UniqueConstraint("token", name="uq_connections_token"),
    )
    op.create_index("ix_connections_project_id", "connections", ["project_id"])
    op.create_table(
        "records",
        sa.Column("seq", AutoIncrement, primary_key=True, autoincrement=True),
        sa.Column("id", UUID, nullable=False),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("connection_id", UUID, sa.ForeignKey("connections.id", ondelete="CASCADE"), nullable=False),
        sa.Column("object_type", sa.String(50), nullable=False),
        sa.Column("remote_id", sa.String(255), nullable=False),
        sa.Column("remote_key", sa.String(300), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("data_hash", sa.String(64), nullable=False),
        sa.Column("remote_data", sa.Text),
        sa.Column("remote_updated_at", UTCDateTime),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("modified_at", UTCDateTime, nullable=False),
        sa.Column("last_seen_at", UTCDateTime, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.UniqueConstraint("id", name="uq_records_id"),
    )
    op.create_index("ix_records_page", "records", ["connection_id", "object_type", "seq"])
    op.create_index("ix_records_remote", "records", ["connection_id", "object_type", "remote_id"])
    op.create_table(
        "events",
        sa.Column("seq", AutoIncrement, primary_key=True, autoincrement=True),
        sa.Column("id", UUID, nullable=False),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("connection_id", UUID, sa.ForeignKey("connections.id", ondelete="CASCADE")),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("method", sa.String(10)),
        sa.Column("url", sa.String(500)),
        sa.Column("detail", sa.Text),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("id", name="uq_events_id"),
    )
    op.create_index("ix_events_project", "events", ["project_id", "seq"])
    op.create_table(
        "idempotency_keys",
        sa.Column("connection_id", UUID, sa.ForeignKey("connections.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer),
        sa.Column("response", sa.Text),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("expires_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("connection_id", "key", name="pk_idempotency_keys"),
    )
    op.create_index("ix_idempotency_keys_expires_at", "idempotency_keys", ["expires_at"])
    op.create_table(
        "sync_states",
        sa.Column("connection_id", UUID, sa.ForeignKey("connections.id", ondelete="CASCADE"), nullable=False),
        sa.Column("object_type", sa.String(50), nullable=False),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("since", UTCDateTime),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("finished_at", UTCDateTime),
        sa.PrimaryKeyConstraint("connection_id", "object_type", name="pk_sync_states"),
    )


def downgrade() -> None:
    for table in ("sync_states", "idempotency_keys", "events", "records", "connections", "linked_users",
                  "api_keys", "projects"):
        op.drop_table(table)
