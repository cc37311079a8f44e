"""Attachments: Tryton's ``ir.attachment`` on invoices, parties and accounts, listed and created."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, reject
from ledgerbridge.connectors.tryton.mapping import MODELS, attachment
from ledgerbridge.connectors.tryton.table import ALL, Table
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.attachment import TARGET_FIELDS, AttachmentInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    return [TABLE.record(row, attachment.to_unified(row, connector.context.ref)) for row in rows]


@dataclass(frozen=True)
class Checked:
    errors: list[FieldError]
    resource: str | None = None  # the record to attach the file to (``"<model>,<id>"``), when there is no error


async def check(connector: TrytonConnector, body: AttachmentInput, refs: Refs) -> Checked:
    targets = body.targets
    if not targets:
        return Checked([FieldError(name, "Tryton attaches files to a record: give one of account_id, invoice_id, "
                                         "contact_id") for name in TARGET_FIELDS])
    if len(targets) > 1:
        return Checked([FieldError(name, f"give at most one of {', '.join(targets)}") for name in targets])
    field = targets[0]
    object_name = attachment.TARGETS[field]
    model = MODELS[object_name]
    raw = refs.remote_id(getattr(body, field))
    if raw is None:  # the service already named the unknown id
        return Checked([])
    # ``resource`` is a reference, not a foreign key: Tryton would store an attachment on a missing record.
    rows = await connector.client.search_read(model, [("id", "=", int(raw))], ["id"], limit=1,
                                              context=ALL) if raw.isdigit() else []
    if not rows:
        return Checked([FieldError(field, f"no such {object_name.replace('_', ' ')} in Tryton")])
    return Checked([], f"{model},{rows[0]['id']}")


async def validate_attachment(connector: TrytonConnector, body: AttachmentInput, refs: Refs) -> list[FieldError]:
    return (await check(connector, body, refs)).errors


async def create_attachment(connector: TrytonConnector, body: AttachmentInput, refs: Refs, request_key: str,
                            ) -> WriteResult:
    checked = await check(connector, body, refs)  # again: the target may be gone since validate
    reject(checked.errors)
    if checked.resource is None:  # a target id that did not resolve (the service names it before calling)
        reject([FieldError(body.targets[0], "unknown id")])
    assert checked.resource is not None
    values, warnings = attachment.to_remote(body, checked.resource)
    attachment_id = await connector.client.create(TABLE.model, values)
    return WriteResult(record=await TABLE.read_back(connector, attachment_id), warnings=warnings)


TABLE = Table("attachment", attachment.FIELDS, to_records, domain=attachment.DOMAIN)
DECLARATION = ObjectDeclaration(
    "attachment", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many,
    create=create_attachment, validate=validate_attachment,
)
