"""Invoices at Pennylane: customer invoices (receivable; credit notes left out) and supplier invoices (payable).

A receivable invoice is created as a draft unless the caller asks for OPEN (finalized at once, numbered by
Pennylane) or PAID (finalized, then ``mark_as_paid``). A draft changes in full: its lines are replaced (the old
ones deleted, the new ones created, in one ``PUT``), then it may be finalized or paid. A finalized invoice is an
accounting document: Pennylane changes only its references and whether it is paid, so any other change is
refused naming the fields. Void deletes a draft; a finalized invoice is cancelled with a credit note, which the
API cannot make, so voiding one is refused. If-Match is checked against ``updated_at``, read just before writing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, check_version, reject
from ledgerbridge.connectors.pennylane.errors import PROVIDER
from ledgerbridge.connectors.pennylane.mapping import invoice as mapping
from ledgerbridge.connectors.pennylane.mapping.document import summary_pdf
from ledgerbridge.connectors.pennylane.reader import Reader, Source
from ledgerbridge.errors import FieldError, ProviderDetail, ProviderRejected
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceStatus, InvoiceType

if TYPE_CHECKING:
    from ledgerbridge.connectors.pennylane.connector import PennylaneConnector

RECEIVABLE = Source(mapping.CUSTOMER_INVOICES, changelog=mapping.CUSTOMER_INVOICES,
                    params={"include": "invoice_lines"})
PAYABLE = Source(mapping.SUPPLIER_INVOICES, changelog=mapping.SUPPLIER_INVOICES)
_FINALIZED_FIELDS = {"date": "issue_date", "deadline": "due_date", "customer_id": "contact_id",
                     "currency": "currency", "pdf_description": "memo"}


async def included_lines(conn: PennylaneConnector, source: Source, row: dict[str, Any],
                 included: dict[str, Any]) -> list[dict[str, Any]]:
    block = included.get(str(row["id"]))
    if block is not None and not block.get("has_more"):
        lines = list(block["items"])
    else:  # supplier invoices, or more lines than the list includes
        lines = await conn.client.all_items(f"{source.path}/{row['id']}/invoice_lines")
    return sorted(lines, key=lambda line: int(line["id"]))


async def map_page(conn: PennylaneConnector, source: Source, body: dict[str, Any]) -> list[RemoteRecord]:
    included = (body.get("included") or {}).get("invoice_lines") or {}
    records = []
    for row in body.get("items") or []:
        if source is RECEIVABLE and mapping.is_credit_note(row):
            continue
        lines = await included_lines(conn, source, row, included)
        accounts = None
        entry = (row.get("ledger_entry") or {}).get("id")
        if source is PAYABLE and entry is not None:  # a supplier invoice's lines name no account: its entry does
            accounts = mapping.line_accounts(await conn.client.get(f"ledger_entries/{entry}"))
        records.append(mapping.to_unified(row, lines, source.path, conn.context, accounts))
    return records


READER = Reader("invoice", (RECEIVABLE, PAYABLE), map_page)


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


async def validate(conn: PennylaneConnector, body: InvoiceInput, refs: Refs) -> list[FieldError]:
    errors = mapping.check(body, refs, creating=True)
    if body.status in (InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.VOID):
        errors.append(FieldError("status", "Pennylane creates an invoice as a draft, finalized or paid"))
    if body.type == InvoiceType.ACCOUNTS_PAYABLE and not body.line_items:
        errors.append(FieldError("line_items", "a supplier invoice needs its lines"))
    return errors


async def _settle(conn: PennylaneConnector, remote_id: str, body: InvoiceInput, *, draft: bool) -> None:
    """Move a receivable invoice to the status the caller asked for: finalized, then paid."""
    if draft and not mapping.wants_draft(body):
        await conn.client.put(f"customer_invoices/{remote_id}/finalize")
    if body.status == InvoiceStatus.PAID:
        await conn.client.put(f"customer_invoices/{remote_id}/mark_as_paid")


async def _read(conn: PennylaneConnector, key: str) -> RemoteRecord:
    found = await READER.fetch(conn, key)
    if found is None:
        raise ProviderRejected(ProviderDetail(PROVIDER, status=404, message=f"Pennylane has no invoice {key}"))
    return found


async def create(conn: PennylaneConnector, body: InvoiceInput, refs: Refs, request_key: str) -> WriteResult:
    if body.type == InvoiceType.ACCOUNTS_PAYABLE:
        return await _create_bill(conn, body, refs)
    created = await conn.client.post("customer_invoices", mapping.to_remote(body, refs, _today()))
    remote_id = str(created["id"])
    await _settle(conn, remote_id, body, draft=bool(created.get("draft")))
    record = await _read(conn, f"{RECEIVABLE.path}/{remote_id}")
    return WriteResult(record, mapping.write_warnings(body) + mapping.total_warnings(body, record))


async def _create_bill(conn: PennylaneConnector, body: InvoiceInput, refs: Refs) -> WriteResult:
    """Upload the bill's generated document, then import the bill with it (see :mod:`..mapping.invoice`)."""
    remote = mapping.payable_import(body, refs, 0, _today())
    contact = refs.get(body.contact_id)
    supplier = str((contact.data if contact else {}).get("name") or remote["supplier_id"])
    document = summary_pdf(mapping.summary(body, remote, supplier))
    uploaded = await conn.client.upload(f"{body.number or 'bill'}.pdf", document, "application/pdf")
    remote["file_attachment_id"] = int(uploaded["id"])
    created = await conn.client.post("supplier_invoices/import", remote)
    record = await _read(conn, f"{PAYABLE.path}/{created['id']}")
    warnings = mapping.write_warnings(body, payable=True) + mapping.total_warnings(body, record)
    if body.status not in (None, InvoiceStatus.DRAFT, InvoiceStatus.OPEN, InvoiceStatus.SUBMITTED):
        warnings.append(Warning_(field="status", message="a supplier invoice is paid at Pennylane by matching a "
                                 "bank transaction; it was created unpaid"))
    return WriteResult(record, warnings)


def _finalized_changes(current: RemoteRecord, body: InvoiceInput, refs: Refs) -> list[FieldError]:
    """The changes a finalized invoice cannot take, each named."""
    remote = current.remote_data or {}
    wanted = mapping.header(body, refs, _today())
    have = {"date": remote.get("date"), "deadline": remote.get("deadline"),
            "customer_id": (remote.get("customer") or {}).get("id"), "currency": remote.get("currency"),
            "pdf_description": remote.get("pdf_description")}
    errors = [FieldError(field, "Pennylane does not change a finalized invoice; cancel it with a credit note")
              for name, field in _FINALIZED_FIELDS.items() if name in wanted and wanted[name] != have[name]]
    old: Invoice = current.data  # type: ignore[assignment]

    def lines(items: Any) -> list[tuple[Any, ...]]:
        return [(line.description, line.quantity, line.unit_price, line.tax_rate_id) for line in items]

    if lines(body.line_items) != lines(old.line_items):
        errors.append(FieldError("line_items", "Pennylane does not change the lines of a finalized invoice"))
    if body.status == InvoiceStatus.DRAFT:
        errors.append(FieldError("status", "a finalized invoice cannot go back to draft"))
    return errors


async def update(conn: PennylaneConnector, key: str, body: InvoiceInput, refs: Refs, expected: str | None,
                 request_key: str) -> WriteResult:
    current = await _read(conn, key)
    check_version("Pennylane", "updated_at", conn.version(current.remote_data), expected)
    reject(mapping.check(body, refs, creating=False))
    remote = current.remote_data or {}
    if key.startswith(PAYABLE.path + "/"):
        await conn.client.put(key, mapping.payable_update(body, refs))
        kept = Warning_(field="line_items", message="the lines of a supplier invoice are those of its document; "
                                                    "Pennylane does not change them")
        return WriteResult(await _read(conn, key), [*mapping.write_warnings(body, payable=True), kept])
    if remote.get("draft"):
        change = mapping.header(body, refs, _today())
        old: Invoice = current.data  # type: ignore[assignment]
        change["invoice_lines"] = {"delete": [{"id": int(line.remote_id)} for line in old.line_items
                                              if line.remote_id is not None],
                                   "create": mapping.remote_lines(body, refs)}
        await conn.client.put(key, change)
        await _settle(conn, current.remote_id, body, draft=True)
    else:
        reject(_finalized_changes(current, body, refs))
        reference = body.number or ""
        if body.number and reference != remote.get("external_reference") and reference != remote.get(
                "invoice_number"):
            await conn.client.put(key, {"external_reference": reference})
        if body.status == InvoiceStatus.PAID and not remote.get("paid"):
            await conn.client.put(f"{key}/mark_as_paid")
    record = await _read(conn, key)
    return WriteResult(record, mapping.write_warnings(body) + mapping.total_warnings(body, record))


async def void(conn: PennylaneConnector, key: str, expected: str | None, request_key: str) -> WriteResult:
    current = await _read(conn, key)
    check_version("Pennylane", "updated_at", conn.version(current.remote_data), expected)
    old: Invoice = current.data  # type: ignore[assignment]
    if old.type == InvoiceType.ACCOUNTS_PAYABLE or not (current.remote_data or {}).get("draft"):
        reject([FieldError("status", "Pennylane deletes draft customer invoices only; a finalized invoice is "
                                     "cancelled with a credit note, which its API cannot make")])
    await conn.client.delete(key)
    return WriteResult(dataclasses.replace(current, deleted=True))


DECLARATION = ObjectDeclaration(
    name="invoice",
    list=READER.pages, deleted=READER.deleted,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many,
    create=create,
    update=update,
    void=void,
    validate=validate,
    unsupported_fields=frozenset({"exchange_rate", "total_discount", "paid_on_date", "accounting_period_id",
                                  "tracking_categories", "field_mappings"}),
)
