"""Tracking categories: QuickBooks classes and departments, Xero tracking options, analytic accounts."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel
from ledgerbridge.unified.status import RecordStatusField


class TrackingCategory(UnifiedModel):
    name: str | None = None
    status: RecordStatusField | None = None
    category_type: str | None = Field(
        default=None,
        description="CLASS or DEPARTMENT (QuickBooks), TRACKING_OPTION (Xero), or the provider's own word.",
    )
    parent_category: UUID | None = None


class TrackingCategoryOutput(TrackingCategory, RecordEnvelope):
    pass
