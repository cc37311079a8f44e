"""Join the four branches added side by side (sync, webhooks, onboarding, filters) into one head again.

Revision ID: 0006_merge
Revises: 0002_sync, 0003_webhooks, 0004_onboarding, 0005_filters
"""

revision = "0006_merge"
down_revision = ("0002_sync", "0003_webhooks", "0004_onboarding", "0005_filters")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
