"""Attachments of documents: ``/{Collection}/{id}/Attachments[/{FileName or AttachmentID}]``.

As Xero's accounting OpenAPI describes them (``createInvoiceAttachmentByFileName`` and its siblings):

- ``PUT`` or ``POST`` ``…/Attachments/{FileName}`` with the raw bytes as the body (any Content-Type; it becomes
  the ``MimeType``) answers ``{"Attachments": [{AttachmentID, FileName, Url, MimeType, ContentLength}]}``; a file
  of the same name on the same document is replaced (same AttachmentID), as Xero does;
- ``GET …/Attachments`` lists a document's files; ``GET …/Attachments/{FileName|AttachmentID}`` answers the bytes;
- the document gets ``HasAttachments: true``; an empty body is a 400 ValidationException, a body over
  ``MAX_BYTES`` a 413, an unknown document a 404.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from starlette.responses import Response

from .errors import XeroError, json_response, not_found, single_validation
from .registry import kind

if TYPE_CHECKING:
    from .app import Ctx

MAX_BYTES = 25 * 1024 * 1024  # Xero: files up to 25 MB
# Collections whose documents take attachments (of those this sandbox has)
COLLECTIONS = frozenset({"Invoices", "Contacts", "Accounts", "CreditNotes", "BankTransactions", "ManualJournals",
                         "PurchaseOrders"})
_SCHEMA = ("CREATE TABLE IF NOT EXISTS attachments (tenant TEXT, coll TEXT, parent TEXT, id TEXT, file_name TEXT, "
           "mime TEXT, content BLOB, PRIMARY KEY (tenant, coll, parent, id))")


def _table(ctx: Ctx) -> Any:
    db = ctx.sb.store.db
    db.execute(_SCHEMA)
    return db


def _element(ctx: Ctx, coll: str, parent: str, row: tuple[Any, ...]) -> dict[str, Any]:
    attachment_id, file_name, mime, size = row
    base = str(ctx.request.base_url).rstrip("/")
    out = {"AttachmentID": attachment_id, "FileName": file_name,
           "Url": f"{base}/api.xro/2.0/{coll}/{parent}/Attachments/{quote(file_name, safe='')}",
           "MimeType": mime, "ContentLength": size}
    if ctx.flag("IncludeOnline") and coll == "Invoices":
        out["IncludeOnline"] = True
    return out


def _updated_ms(ctx: Ctx, parent: dict[str, Any]) -> int:
    """The document's own UpdatedDateUTC is kept: Xero does not document that a new file changes it."""
    value = str(parent.get("UpdatedDateUTC") or "")
    if value.startswith("/Date("):
        return int(value[6:].split("+")[0].split(")")[0])
    return ctx.sb.store.stamp_ms()


def _rows(ctx: Ctx, coll: str, parent: str) -> list[tuple[Any, ...]]:
    return list(_table(ctx).execute(
        "SELECT id, file_name, mime, length(content) FROM attachments WHERE tenant=? AND coll=? AND parent=? "
        "ORDER BY rowid", (ctx.tenant, coll, parent)))


async def handle(ctx: Ctx) -> Response:
    k = kind(ctx.segs[0])
    if k.name not in COLLECTIONS or len(ctx.segs) > 4:
        raise not_found()
    parent = ctx.sb.store.get(ctx.tenant, k.name, ctx.segs[1])
    if parent is None:
        raise not_found()
    parent_id = str(parent[k.id_field]).lower()
    envelope = ctx.envelope  # Id, Status, ProviderName, DateTimeUTC around the list
    if len(ctx.segs) == 3:
        if ctx.method != "GET":
            raise not_found()
        return json_response(envelope("Attachments", [_element(ctx, k.name, parent_id, r)
                                                      for r in _rows(ctx, k.name, parent_id)]))
    name = unquote(ctx.segs[3])
    if ctx.method == "GET":
        found = _table(ctx).execute(
            "SELECT mime, content FROM attachments WHERE tenant=? AND coll=? AND parent=? AND (id=? OR file_name=?)",
            (ctx.tenant, k.name, parent_id, name.lower(), name)).fetchone()
        if found is None:
            raise not_found()
        return Response(bytes(found[1]), media_type=found[0])
    if ctx.method not in ("PUT", "POST"):
        raise not_found()
    content = await ctx.request.body()
    if not content:
        raise single_validation("The attachment has no content", {"FileName": name})
    if len(content) > MAX_BYTES:
        raise XeroError(413, "The file is too large", text=True)
    mime = (ctx.request.headers.get("content-type") or "application/octet-stream").partition(";")[0].strip()
    db = _table(ctx)
    existing = db.execute("SELECT id FROM attachments WHERE tenant=? AND coll=? AND parent=? AND file_name=?",
                          (ctx.tenant, k.name, parent_id, name)).fetchone()
    attachment_id = existing[0] if existing else str(uuid.uuid4())
    with ctx.sb.store.transaction():  # the file and the document's flag, together
        db.execute("INSERT OR REPLACE INTO attachments VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (ctx.tenant, k.name, parent_id, attachment_id, name, mime, content))
        if not parent.get("HasAttachments"):
            flagged = {**parent, "HasAttachments": True}
            ctx.sb.store.put(ctx.tenant, k.name, parent_id, flagged, updated_ms=_updated_ms(ctx, parent),
                             **k.columns(flagged))
    row = (attachment_id, name, mime, len(content))
    return json_response(envelope("Attachments", [_element(ctx, k.name, parent_id, row)]))
