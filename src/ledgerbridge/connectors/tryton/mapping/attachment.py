"""Attachments: Tryton ``ir.attachment`` on invoices, parties and accounts ⇄ the unified attachment. Pure.

An ``ir.attachment`` belongs to one record through ``resource`` (a reference written ``"<model>,<id>"``):
``account.invoice`` ↔ ``invoice_id`` (credit notes and vendor credits are invoices too), ``party.party`` ↔
``contact_id``, ``account.account`` ↔ ``account_id``. Attachments on other records (products, moves…) are not
listed. The key is ``ir.attachment/<id>``.

- The file is stored as ``type`` "data" with its bytes in ``data`` (a Binary field: over JSON-RPC bytes travel as
  ``{"__class__": "bytes", "base64": …}``, see ``codec``); ``file_size`` is Tryton's ``data_size``. A "link"
  attachment is listed with the link as ``file_url``.
- Tryton keeps no media type: ``content_type`` is read back from the file name (``mimetypes``), so a create whose
  content type the name does not imply gets a warning.
- Tryton has no URL for a stored file, so ``file_url`` is empty on data attachments.
- Tryton requires a resource: a file attached to nothing is refused (422), as on Xero.
"""

from __future__ import annotations

import mimetypes
from typing import Any

from ledgerbridge.connectors.tryton.mapping import MODELS, RefFn, key
from ledgerbridge.unified.attachment import Attachment, AttachmentInput
from ledgerbridge.unified.base import Warning_

# unified target field → the unified object it names
TARGETS: dict[str, str] = {"invoice_id": "invoice", "contact_id": "contact", "account_id": "account"}
_BY_MODEL = {MODELS[object_name]: (field, object_name) for field, object_name in TARGETS.items()}
DOMAIN: list[Any] = [["OR", *(("resource", "like", f"{model},%") for model in _BY_MODEL)]]
FIELDS = ["name", "type", "link", "resource", "data_size", "description", "create_date", "write_date"]
FALLBACK_TYPE = "application/octet-stream"


def content_type(file_name: str | None) -> str:
    guessed, _ = mimetypes.guess_type(file_name or "", strict=False)
    return guessed or FALLBACK_TYPE


def to_unified(row: dict[str, Any], ref: RefFn) -> Attachment:
    model, _, raw_id = str(row.get("resource") or "").partition(",")
    targets: dict[str, Any] = {}
    if model in _BY_MODEL and raw_id.isdigit():
        field, object_name = _BY_MODEL[model]
        targets[field] = ref(object_name, key(model, int(raw_id)))
    link = row.get("type") == "link"
    size = row.get("data_size")
    return Attachment(
        file_name=row.get("name"),
        file_url=row.get("link") if link else None,
        content_type=None if link else content_type(row.get("name")),
        file_size=None if link or size is None else int(size),
        **targets,
    )


def to_remote(body: AttachmentInput, resource: str) -> tuple[dict[str, Any], list[Warning_]]:
    """The ``ir.attachment`` create values storing the file on ``resource``, and what Tryton cannot keep."""
    content = body.content
    values = {"name": body.file_name, "type": "data", "data": content.data, "resource": resource}
    warnings = []
    kept = content_type(body.file_name)
    if content.content_type.lower() != kept:
        warnings.append(Warning_(field="content_type", message=(
            f"Tryton keeps no media type; the file reads back as {kept} (from its name), not "
            f"{content.content_type}")))
    return values, warnings
