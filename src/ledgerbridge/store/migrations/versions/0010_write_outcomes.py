"""Idempotency keys remember a create's provider call, so a lost answer is resolved instead of forgotten.

Revision ID: 0010_write_outcomes
Revises: 0009_poll_schedule
"""

import sqlalchemy as sa
from alembic import op

from ledgerbridge.store.types import UTCDateTime

revision = "0010_write_outcomes"
down_revision = "0009_poll_schedule"
branch_labels = None
depends_on = None

COLUMNS = ("state", "object_type", "provider_key", "request", "sent_at")


def upgrade() -> None:
    op.add_column("idempotency_keys", sa.Column("state", sa.String(20)))
    op.add_column("idempotency_keys", sa.Column("object_type", sa.String(50)))
    op.add_column("idempotency_keys", sa.Column("provider_key", sa.String(255)))
    op.add_column("idempotency_keys", sa.Column("request", sa.Text))
    op.add_column("idempotency_keys", sa.Column("sent_at", UTCDateTime))


def downgrade() -> None:
    with op.batch_alter_table("idempotency_keys") as batch:
        for column in reversed(COLUMNS):
            batch.drop_column(column)
