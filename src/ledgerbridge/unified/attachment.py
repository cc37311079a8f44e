"""Files attached to records (QuickBooks Attachable)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import AnyHttpUrl, Field

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel, Warning_


class AttachmentFields(UnifiedModel):
    file_name: str | None = None
    file_url: str | None = None
    account_id: UUID | None = None


class AttachmentInput(AttachmentFields):
    file_name: str = Field(min_length=1, max_length=1000)
    file_url: AnyHttpUrl
    field_mappings: dict[str, Any] = Field(default_factory=dict)


class Attachment(AttachmentFields):
    pass


class AttachmentOutput(Attachment, RecordEnvelope):
    warnings: list[Warning_] | None = None
