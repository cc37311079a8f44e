"""Files attached to records (QuickBooks Attachable, Xero Attachments).

Panora's model has ``file_name``, ``file_url`` and ``account_id`` ("it can only belong to an account").
Ledgerbridge extensions: ``invoice_id`` / ``contact_id`` name the record to attach to instead of an account, and
the output carries ``content_type`` and ``file_size`` (bytes) as the provider stored them.

On input ``file_url`` is where the bytes come from: a ``data:`` URL (``data:application/pdf;base64,JVBE…``) is
always accepted; an ``http(s)`` URL only for hosts the operator allowed (``LEDGERBRIDGE_ATTACHMENT_URL_HOSTS``).
On output it is the provider's URL of the stored file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from pydantic import Field, PrivateAttr, field_validator

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel, Warning_

# Where the bytes of a new attachment may come from; anything else (file:, ftp:, gopher:…) is refused outright.
SOURCE_SCHEMES = ("data:", "http://", "https://")
TARGET_FIELDS = ("account_id", "invoice_id", "contact_id")


@dataclass(frozen=True)
class FileContent:
    """The bytes of a new attachment, read from its ``file_url`` before any provider is called."""

    data: bytes
    content_type: str


class AttachmentFields(UnifiedModel):
    file_name: str | None = Field(default=None, examples=["invoice.pdf"])
    file_url: str | None = Field(default=None, description="Output: the provider's URL of the stored file.")
    account_id: UUID | None = Field(default=None, description="The account the file is attached to.")
    invoice_id: UUID | None = Field(
        default=None, description="Ledgerbridge extension: the invoice (or bill) the file is attached to."
    )
    contact_id: UUID | None = Field(
        default=None, description="Ledgerbridge extension: the contact the file is attached to."
    )
    content_type: str | None = Field(default=None, description="Ledgerbridge extension (output): the media type.")
    file_size: int | None = Field(default=None, description="Ledgerbridge extension (output): size in bytes.")


class AttachmentInput(AttachmentFields):
    """A new attachment. Give at most one of ``account_id``, ``invoice_id``, ``contact_id`` (Xero needs one;
    QuickBooks also keeps a file attached to nothing)."""

    file_name: str = Field(min_length=1, max_length=255, examples=["invoice.pdf"])
    file_url: str = Field(
        min_length=1,
        description="The file's content: a data: URL with base64 content (data:application/pdf;base64,…), or an "
        "http(s) URL on a host the operator allowed (LEDGERBRIDGE_ATTACHMENT_URL_HOSTS). Never a file: URL.",
        examples=["data:text/plain;base64,aGVsbG8="],
    )
    field_mappings: dict[str, Any] = Field(default_factory=dict)
    # Bytes fetched from file_url by service.attachment_source before the connector is called (not serialised).
    _content: Any = PrivateAttr(default=None)

    @field_validator("file_name")
    @classmethod
    def _plain_name(cls, value: str) -> str:
        # The name becomes part of a provider URL (Xero) or a multipart header (QuickBooks): no paths, no controls.
        if "/" in value or "\\" in value or any(ord(c) < 32 for c in value) or value.strip() in ("", ".", ".."):
            raise ValueError("must be a plain file name, without slashes or control characters")
        return value

    @field_validator("file_url")
    @classmethod
    def _source_scheme(cls, value: str) -> str:
        if not value.lower().startswith(SOURCE_SCHEMES):
            raise ValueError("must be a data: URL (base64) or an http(s) URL on an allowed host")
        return value

    @property
    def content(self) -> FileContent:
        """The file's bytes; set by the service (service.attachment_source) before a connector sees the body."""
        if not isinstance(self._content, FileContent):
            raise RuntimeError("the attachment's content was not loaded from file_url")
        return self._content

    @property
    def targets(self) -> list[str]:
        """The target fields given (more than one is refused by service.attachment_source, naming each)."""
        return [name for name in TARGET_FIELDS if getattr(self, name) is not None]


class Attachment(AttachmentFields):
    pass


class AttachmentOutput(Attachment, RecordEnvelope):
    warnings: list[Warning_] | None = None
