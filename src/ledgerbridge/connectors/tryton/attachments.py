"""Attachments ⇄ Tryton's ``ir.attachment`` on invoices, parties and accounts.

An ``ir.attachment`` belongs to one record through ``resource`` (a reference written ``"<model>,<id>"``):
``account.invoice`` ↔ ``invoice_id`` (credit notes and vendor credits are invoices too), ``party.party`` ↔
``contact_id``, ``account.account`` ↔ ``account_id``. Attachments on other records (products, moves…) are not
listed. The key is ``ir.attachment/<id>``.

- The file is stored as ``type`` "data" with its bytes in ``data`` (a Binary field: over JSON-RPC bytes travel as
  ``{"__class__": "bytes", "base64": …}``, see ``client``); ``file_size`` is Tryton's ``data_size``. A "link"
  attachment is listed with the link as ``file_url``.
- Tryton keeps no media type: ``content_type`` is read back from the file name (``mimetypes``), so a create whose
  content type the name does not imply gets a warning.
- Tryton has no URL for a stored file, so ``file_url`` is empty on data attachments.
- Tryton requires a resource: a file attached to nothing is refused (422), as on Xero.
"""

from __future__ import annotations

import mimetypes
from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.tryton.mapping import RefFn, key, updated_at
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.attachment import TARGET_FIELDS, Attachment, AttachmentInput
from ledgerbridge.unified.base import Warning_

MODEL = "ir.attachment"
MODELS = {"attachment": MODEL}
# unified target field → (unified object, Tryton model of the resource)
TARGETS: dict[str, tuple[str, str]] = {
    "invoice_id": ("invoice", "account.invoice"),
    "contact_id": ("contact", "party.party"),
    "account_id": ("account", "account.account"),
}
_BY_MODEL = {model: (field, object_name) for field, (object_name, model) in TARGETS.items()}
DOMAINS: dict[str, list[Any]] = {
    "attachment": [["OR", *(("resource", "like", f"{model},%") for _, model in TARGETS.values())]],
}
FIELDS = ["name", "type", "link", "resource", "data_size", "description", "create_date", "write_date"]
FALLBACK_TYPE = "application/octet-stream"


def content_type(file_name: str | None) -> str:
    guessed, _ = mimetypes.guess_type(file_name or "", strict=False)
    return guessed or FALLBACK_TYPE


def to_record(row: dict[str, Any], ref: RefFn) -> RemoteRecord:
    model, _, raw_id = str(row.get("resource") or "").partition(",")
    targets: dict[str, Any] = {}
    if model in _BY_MODEL and raw_id.isdigit():
        field, object_name = _BY_MODEL[model]
        targets[field] = ref(object_name, key(model, int(raw_id)))
    link = row.get("type") == "link"
    size = row.get("data_size")
    attachment = Attachment(
        file_name=row.get("name"),
        file_url=row.get("link") if link else None,
        content_type=None if link else content_type(row.get("name")),
        file_size=None if link or size is None else int(size),
        **targets,
    )
    return RemoteRecord(
        object="attachment",
        remote_key=f"{MODEL}/{row['id']}",
        remote_id=str(row["id"]),
        data=attachment,
        remote_data=row,
        remote_updated_at=updated_at(row.get("write_date"), row.get("create_date")),
    )


async def check(rpc: Any, body: AttachmentInput, refs: Refs) -> tuple[list[FieldError], str | None]:
    """The problems of ``body`` and, when there is none, the ``resource`` to attach the file to."""
    targets = body.targets
    if not targets:
        return [FieldError(name, "Tryton attaches files to a record: give one of account_id, invoice_id, contact_id")
                for name in TARGET_FIELDS], None
    if len(targets) > 1:
        return [FieldError(name, f"give at most one of {', '.join(targets)}") for name in targets], None
    field = targets[0]
    object_name, model = TARGETS[field]
    raw = refs.remote_id(getattr(body, field))
    if raw is None:  # the service already named the unknown id
        return [], None
    # ``resource`` is a reference, not a foreign key: Tryton would store an attachment on a missing record.
    rows = await rpc.model(model, "search_read", [("id", "=", int(raw))], 0, 1, None, ["id"],
                           context={"active_test": False}) if raw.isdigit() else []
    if not rows:
        return [FieldError(field, f"no such {object_name.replace('_', ' ')} in Tryton")], None
    return [], f"{model},{rows[0]['id']}"


async def create(rpc: Any, body: AttachmentInput, resource: str) -> tuple[int, list[Warning_]]:
    """Store the file on ``resource``; the new attachment's id and what Tryton could not keep."""
    content = body.content
    attachment_id, = await rpc.model(MODEL, "create", [{
        "name": body.file_name, "type": "data", "data": content.data, "resource": resource}], write=True)
    warnings = []
    kept = content_type(body.file_name)
    if content.content_type.lower() != kept:
        warnings.append(Warning_(field="content_type", message=(
            f"Tryton keeps no media type; the file reads back as {kept} (from its name), not "
            f"{content.content_type}")))
    return int(attachment_id), warnings
