"""Attachments at Xero, which always belong to a document: an invoice, a contact or an account.

Create: ``PUT /{Invoices|Contacts|Accounts}/{id}/Attachments/{FileName}`` with the raw bytes as the body and the
file's Content-Type; the answer is ``{"Attachments": [{AttachmentID, FileName, Url, MimeType, ContentLength}]}``
(Xero accounting OpenAPI, ``createInvoiceAttachmentByFileName``). Xero keeps one file per name per document: a
second upload under the same name replaces the first. The call carries an ``Idempotency-Key`` like every write.

Read: Xero has no list of all attachments. A sync lists the documents with ``HasAttachments`` (invoices,
contacts, accounts) and reads ``GET /{collection}/{id}/Attachments`` for each. Whether adding a file moves the
document's ``UpdatedDateUTC`` is not documented, so that pass does not use If-Modified-Since.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.errors import is_not_found
from ledgerbridge.connectors.xero.mapping import attachment as mapping
from ledgerbridge.errors import FieldError, ProviderRejected
from ledgerbridge.unified.attachment import AttachmentInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector


async def _attached_to(conn: XeroConnector, collection: str, parent_id: str) -> list[RemoteRecord]:
    rows = await conn.client.attachments(collection, parent_id)
    return [mapping.to_unified(row, collection, parent_id, conn.context) for row in rows]


async def list_attachments(conn: XeroConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    """Every attachment of every invoice, contact and account that has any: one page per document page."""
    for collection, _ in mapping.PARENTS.values():
        id_field = collection[:-1] + "ID"  # InvoiceID, ContactID, AccountID
        params = {"where": "HasAttachments==true"}
        if collection == "Accounts":  # not paged by Xero: one call
            documents = [await conn.client.get(collection, params=params)]
        else:
            if collection == "Invoices":
                params["summaryOnly"] = "true"  # the lines are not needed to know which invoices have files
            documents = [rows async for rows in conn.client.pages(collection, page_size=conn.page_size,
                                                                   params=params)]
        for rows in documents:
            records: list[RemoteRecord] = []
            for row in rows:
                records += await _attached_to(conn, collection, str(row[id_field]).lower())
            if records:
                yield records


async def fetch(conn: XeroConnector, remote_key: str) -> RemoteRecord | None:
    collection, parent_id, attachment_id = mapping.split_key(remote_key)
    try:
        found = await _attached_to(conn, collection, parent_id)
    except ProviderRejected as exc:
        if is_not_found(exc):
            return None
        raise
    return next((r for r in found if r.remote_id == attachment_id), None)


async def validate(conn: XeroConnector, body: AttachmentInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body)


async def create(conn: XeroConnector, body: AttachmentInput, refs: Refs, request_key: str) -> WriteResult:
    collection, field = mapping.parent(body)
    parent_id = refs.remote_id(getattr(body, field)) or ""
    created = await conn.client.attach(collection, parent_id, body.file_name, body.content.data,
                                       content_type=body.content.content_type,
                                       key=idempotency_key(request_key, "attachment"))
    return WriteResult(mapping.to_unified(created, collection, parent_id, conn.context))


DECLARATION = ObjectDeclaration(
    name="attachment",
    list=list_attachments,
    fetch=fetch,
    create=create,
    validate=validate,
    unsupported_fields=frozenset({"field_mappings"}),
)
