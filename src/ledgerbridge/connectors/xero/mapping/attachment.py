"""Attachments ⇄ Xero Attachments, which always belong to a document: an invoice, a contact or an account. Pure.

The remote key is ``{collection}/{document id}/{AttachmentID}`` (lower case), so one attachment can be re-read.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.mapping.common import RefMaker
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.attachment import Attachment, AttachmentInput

# unified object of the document → (Xero collection, unified field); in the order a sync reads them
PARENTS: dict[str, tuple[str, str]] = {
    "invoice": ("Invoices", "invoice_id"),
    "contact": ("Contacts", "contact_id"),
    "account": ("Accounts", "account_id"),
}
_OBJECT_OF = {collection.lower(): name for name, (collection, _) in PARENTS.items()}


def validate(body: AttachmentInput) -> list[FieldError]:
    if not body.targets:
        return [FieldError(field, "Xero attaches files to a document: give one of account_id, invoice_id, contact_id")
                for field in ("account_id", "invoice_id", "contact_id")]
    return []


def parent(body: AttachmentInput) -> tuple[str, str]:
    """(Xero collection, unified field) of the document a new attachment goes on (``validate`` found one)."""
    field = body.targets[0]
    return PARENTS[field.removesuffix("_id")][0], field


def to_unified(remote: dict[str, Any], collection: str, parent_id: str, ctx: RefMaker) -> RemoteRecord:
    attachment_id = str(remote["AttachmentID"]).lower()
    object_name = _OBJECT_OF[collection.lower()]
    size = remote.get("ContentLength")
    attachment = Attachment(
        file_name=remote.get("FileName"),
        file_url=remote.get("Url"),
        content_type=remote.get("MimeType"),
        file_size=int(size) if size not in (None, "") else None,
        **{PARENTS[object_name][1]: ctx.ref(object_name, parent_id.lower())},
    )
    return RemoteRecord(
        object="attachment",
        remote_key=f"{collection}/{parent_id}/{attachment_id}".lower(),
        remote_id=attachment_id,
        data=attachment,
        remote_data=remote,
    )


def split_key(remote_key: str) -> tuple[str, str, str]:
    """(Xero collection, document id, AttachmentID) of a remote key."""
    collection, parent_id, attachment_id = remote_key.split("/")
    return PARENTS[_OBJECT_OF[collection]][0], parent_id, attachment_id
