"""Attachments ⇄ Xero Attachments, which always belong to a document: an invoice, a contact or an account here.

Create: ``PUT /{Invoices|Contacts|Accounts}/{id}/Attachments/{FileName}`` with the raw bytes as the body and the
file's Content-Type; the answer is ``{"Attachments": [{AttachmentID, FileName, Url, MimeType, ContentLength}]}``
(Xero accounting OpenAPI, ``createInvoiceAttachmentByFileName``). Xero keeps one file per name per document: a
second upload under the same name replaces the first. The call carries an ``Idempotency-Key`` like every write.

Read: Xero has no list of all attachments. A sync lists the documents with ``HasAttachments`` (invoices,
contacts, accounts) and reads ``GET /{collection}/{id}/Attachments`` for each. Whether adding a file moves the
document's ``UpdatedDateUTC`` is not documented, so that pass does not use If-Modified-Since.

The remote key is ``{collection}/{document id}/{AttachmentID}`` (lower case), so one attachment can be re-read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from ledgerbridge.connectors.base import Refs, RemoteRecord
from ledgerbridge.connectors.xero.client import XeroClient, idempotency_key
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


def to_unified(remote: dict[str, Any], collection: str, parent_id: str, ctx: Any) -> RemoteRecord:
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
    collection, parent_id, attachment_id = remote_key.split("/")
    return PARENTS[_OBJECT_OF[collection]][0], parent_id, attachment_id


async def upload(client: XeroClient, ctx: Any, body: AttachmentInput, refs: Refs, *,
                 request_key: str) -> RemoteRecord:
    field = body.targets[0]
    object_name = field.removesuffix("_id")
    collection = PARENTS[object_name][0]
    parent_id = refs.remote_id(getattr(body, field)) or ""
    created = await client.attach(collection, parent_id, body.file_name, body.content.data,
                                  content_type=body.content.content_type,
                                  idempotency_key=idempotency_key(request_key, "attachment"))
    return to_unified(created, collection, parent_id, ctx)


async def list_for(client: XeroClient, collection: str, parent_id: str, ctx: Any) -> list[RemoteRecord]:
    return [to_unified(row, collection, parent_id, ctx) for row in await client.attachments(collection, parent_id)]


async def pages(client: XeroClient, ctx: Any, *, page_size: int) -> AsyncIterator[list[RemoteRecord]]:
    """Every attachment of every invoice, contact and account that has any: one page per document page."""
    for collection, _ in PARENTS.values():
        id_field = collection[:-1] + "ID"  # InvoiceID, ContactID, AccountID
        params = {"where": "HasAttachments==true"}
        if collection == "Accounts":  # not paged by Xero: one call
            documents = [await client.get(collection, params=params)]
        else:
            documents = [rows async for rows in client.pages(collection, page_size=page_size,
                                                              params={**params, "summaryOnly": "true"}
                                                              if collection == "Invoices" else params)]
        for rows in documents:
            records: list[RemoteRecord] = []
            for row in rows:
                records += await list_for(client, collection, str(row[id_field]).lower(), ctx)
            if records:
                yield records
