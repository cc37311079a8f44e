"""Filter columns on records: status, kind, contact_id, issued_at (extracted from the unified JSON on upsert).

Revision ID: 0005_filters
Revises: 0001

Existing rows get the columns empty; the next sync of each connection rewrites every record it sees, which fills
them (an upsert always writes the extracted columns). Filtering on a JSON path instead would need a different
expression per backend and could not use a plain index.
"""

import sqlalchemy as sa
from alembic import op

from ledgerbridge.store.types import UTCDateTime

revision = "0005_filters"
down_revision = "0001"
branch_labels = None
depends_on = None

_INDEXES = {
    "ix_records_modified": ["connection_id", "object_type", "modified_at"],
    "ix_records_contact": ["connection_id", "object_type", "contact_id"],
    "ix_records_issued": ["connection_id", "object_type", "issued_at"],
    "ix_records_status": ["connection_id", "object_type", "status", "kind"],
}


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("status", sa.String(255)))
        batch.add_column(sa.Column("kind", sa.String(255)))
        batch.add_column(sa.Column("contact_id", sa.String(36)))
        batch.add_column(sa.Column("issued_at", UTCDateTime))
    for name, columns in _INDEXES.items():
        op.create_index(name, "records", columns)


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name="records")
    with op.batch_alter_table("records") as batch:
        for column in ("issued_at", "contact_id", "kind", "status"):
            batch.drop_column(column)
