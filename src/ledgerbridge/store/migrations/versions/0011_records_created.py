"""An index for the ``created_after`` list filter, as ``modified_after`` has (ix_records_modified).

Revision ID: 0011_records_created
Revises: 0010_write_outcomes
"""

from alembic import op

revision = "0011_records_created"
down_revision = "0010_write_outcomes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_records_created", "records", ["connection_id", "object_type", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_records_created", table_name="records")
