"""Webhook endpoints and their delivery outbox; custom field definitions, per-connection mappings and values.

Revision ID: 0003_webhooks
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from ledgerbridge.store.types import AutoIncrement, UTCDateTime

revision = "0003_webhooks"
down_revision = "0001"
branch_labels = None
depends_on = None

UUID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "webhook_endpoints",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("description", sa.String(500)),
        sa.Column("secret", sa.Text, nullable=False),
        sa.Column("scope", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("modified_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_webhook_endpoints_project_id", "webhook_endpoints", ["project_id"])
    op.create_table(
        "webhook_deliveries",
        sa.Column("seq", AutoIncrement, primary_key=True, autoincrement=True),
        sa.Column("id", UUID, nullable=False),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column(
            "endpoint_id", UUID, sa.ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("event_id", UUID, nullable=False),
        sa.Column("event_type", sa.String(100), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", UTCDateTime),
        sa.Column("last_attempt_at", UTCDateTime),
        sa.Column("last_status_code", sa.Integer),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("delivered_at", UTCDateTime),
        sa.UniqueConstraint("id", name="uq_webhook_deliveries_id"),
    )
    op.create_index("ix_webhook_deliveries_due", "webhook_deliveries", ["status", "next_attempt_at"])
    op.create_index("ix_webhook_deliveries_endpoint", "webhook_deliveries", ["endpoint_id", "seq"])
    op.create_table(
        "field_definitions",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("object_type", sa.String(50), nullable=False),
        sa.Column("slug", sa.String(100), nullable=False),
        sa.Column("description", sa.String(500)),
        sa.Column("data_type", sa.String(20), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("modified_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint(
            "project_id", "object_type", "slug", name="uq_field_definitions_project_id_object_type_slug"
        ),
    )
    op.create_table(
        "field_mappings",
        sa.Column(
            "definition_id", UUID, sa.ForeignKey("field_definitions.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("connection_id", UUID, sa.ForeignKey("connections.id", ondelete="CASCADE"), nullable=False),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("remote_field", sa.String(255), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("definition_id", "connection_id", name="pk_field_mappings"),
    )
    op.create_index("ix_field_mappings_connection", "field_mappings", ["connection_id"])
    op.create_table(
        "field_values",
        sa.Column("record_id", UUID, nullable=False),
        sa.Column(
            "definition_id", UUID, sa.ForeignKey("field_definitions.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("project_id", UUID, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("modified_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("record_id", "definition_id", name="pk_field_values"),
    )
    op.create_index("ix_field_values_project", "field_values", ["project_id", "record_id"])


def downgrade() -> None:
    for table in ("field_values", "field_mappings", "field_definitions", "webhook_deliveries", "webhook_endpoints"):
        op.drop_table(table)
