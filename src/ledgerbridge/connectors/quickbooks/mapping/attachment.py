"""Attachments ⇄ QBO Attachable (the upload that creates one with its file: :mod:`..objects.attachment`).

QBO keeps files in its attachment list; an ``Attachable`` holds a file's metadata and links it to records through
``AttachableRef[].EntityRef`` ({type, value}). A file and its Attachable are created together by
``POST /v3/company/{realm}/upload``: a multipart body whose part ``file_metadata_0`` is the Attachable JSON and
``file_content_0`` the bytes (Intuit, "Attach images and notes"). The answer is
``{"AttachableResponse": [{"Attachable": {…}}]}``. The upload carries ``requestid`` like any QBO write, so a retry
returns the first answer instead of uploading twice.

Unified ↔ QBO: ``account_id`` ↔ EntityRef Account, ``invoice_id`` ↔ Invoice or Bill, ``contact_id`` ↔ Customer or
Vendor (the unified ids' remote keys say which); ``file_url`` ← ``TempDownloadUri`` (a link QBO signs for a short
while) or else ``FileAccessUri``; ``file_size`` ← ``Size``; ``content_type`` ← ``ContentType``.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, key, split_key, updated_at
from ledgerbridge.unified.attachment import Attachment, AttachmentInput

ENTITY = "Attachable"
# unified object → the QBO entities its records can be (a contact is a Customer or a Vendor)
_TARGETS: dict[str, tuple[str, ...]] = {
    "account": ("Account",),
    "invoice": ("Invoice", "Bill"),
    "contact": ("Customer", "Vendor"),
}
_FIELD_OF = {"account": "account_id", "invoice": "invoice_id", "contact": "contact_id"}


def to_remote(body: AttachmentInput, refs: Refs) -> dict[str, Any]:
    """The Attachable metadata part of the upload."""
    metadata: dict[str, Any] = {"FileName": body.file_name, "ContentType": body.content.content_type}
    for field in body.targets:
        ref = refs.get(getattr(body, field))
        if ref is not None:
            entity, remote_id = split_key(ref.remote_key)
            metadata["AttachableRef"] = [{"EntityRef": {"type": entity, "value": remote_id}, "IncludeOnSend": False}]
    return metadata


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    remote_id = str(remote["Id"])
    targets: dict[str, Any] = {}
    for link in remote.get("AttachableRef") or []:
        entity_ref = (link or {}).get("EntityRef") or {}
        entity, value = str(entity_ref.get("type") or ""), str(entity_ref.get("value") or "")
        for object_name, entities in _TARGETS.items():
            # QBO spells entity types as given on write; compare case-insensitively ("invoice", "Invoice").
            match = next((e for e in entities if e.lower() == entity.lower()), None)
            if match and value and _FIELD_OF[object_name] not in targets:
                targets[_FIELD_OF[object_name]] = ctx.ref(object_name, key(match, value))
    size = remote.get("Size")
    attachment = Attachment(
        file_name=remote.get("FileName"),
        file_url=remote.get("TempDownloadUri") or remote.get("FileAccessUri"),
        content_type=remote.get("ContentType"),
        file_size=int(size) if size not in (None, "") else None,
        **targets,
    )
    return RemoteRecord(
        object="attachment",
        remote_key=key(ENTITY, remote_id),
        remote_id=remote_id,
        data=attachment,
        remote_data=remote,
        remote_updated_at=updated_at(remote),
    )
