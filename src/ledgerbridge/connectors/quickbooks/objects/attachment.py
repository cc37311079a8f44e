"""Attachments ⇄ QBO Attachable: read, create (one multipart upload: the file and its Attachable together).

``POST /upload`` takes parts ``file_metadata_0`` (the Attachable JSON, linked to the record named) and
``file_content_0`` (the bytes), and answers ``{"AttachableResponse": [{"Attachable": {…}}]}``; a file QBO refuses
comes back as a Fault inside that 200. The upload carries ``requestid`` like any QBO write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult
from ledgerbridge.connectors.quickbooks.client import request_id
from ledgerbridge.connectors.quickbooks.entities import Entity, EntityReader, each
from ledgerbridge.connectors.quickbooks.errors import upload_fault
from ledgerbridge.connectors.quickbooks.mapping import attachment as mapping
from ledgerbridge.unified.attachment import AttachmentInput
from ledgerbridge.wire import dumps

if TYPE_CHECKING:
    from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector

READER = EntityReader((Entity(mapping.ENTITY),), each(mapping.to_unified))


async def create(connector: QuickBooksConnector, body: AttachmentInput, refs: Refs, request_key: str) -> WriteResult:
    content = body.content
    files = {
        "file_metadata_0": (None, dumps(mapping.to_remote(body, refs)).encode(), "application/json"),
        "file_content_0": (body.file_name, content.data, content.content_type),
    }
    answers = (await connector.client.upload(files, requestid=request_id(request_key))).get("AttachableResponse")
    answer = (answers or [{}])[0]
    answer = answer if isinstance(answer, dict) else {}
    if "Attachable" not in answer:
        raise upload_fault(answer)
    created = dict(answer["Attachable"])
    return WriteResult(mapping.to_unified(created, connector.context), connector.not_stored("attachment", body))


DECLARATION = ObjectDeclaration(
    "attachment",
    list=READER.pages,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many,
    create=create,
    unsupported_fields=frozenset({"field_mappings"}),
)
