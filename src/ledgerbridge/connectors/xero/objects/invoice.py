"""Invoices (and bills) at Xero: ``/Invoices``, read and written, updated and voided under UpdatedDateUTC.

Create: validate → learn the item codes → (find the bank account) → ``PUT`` → (pay) → map back → warn. A PAID or
PARTIALLY_PAID invoice is created AUTHORISED and then paid with a Payment; if the payment fails the invoice is
voided, so a failed create leaves nothing open at Xero.

A create sets the invoice's ``Url`` (Xero's link from a document to its source system, shown in Xero as "Go to
…", never to the customer; no unified field maps to it) to a marker URL naming the write's Idempotency-Key, so a
create whose answer was lost is found again after Xero forgot the key (:func:`find_created`,
service/outcomes.py). ``Reference`` would have done too, but it is the caller's memo and printed on the invoice.

Xero has no conditional write, so update and void read the invoice, compare its ``UpdatedDateUTC`` with the
version the caller saw (412 if it moved) and only then write with ``POST /Invoices/{id}``. Voiding follows Xero's
rules: an AUTHORISED invoice becomes VOIDED; a DRAFT or SUBMITTED one can only be DELETED (it comes back with
``remote_was_deleted``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, check_version, reject
from ledgerbridge.connectors.totals import total_warnings
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.collection import INVOICES
from ledgerbridge.connectors.xero.mapping import invoice as mapping
from ledgerbridge.connectors.xero.mapping.common import text
from ledgerbridge.connectors.xero.reader import Reader
from ledgerbridge.errors import FieldError, ProviderError
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceStatus, InvoiceType

if TYPE_CHECKING:
    from ledgerbridge.connectors.xero.connector import XeroConnector

log = logging.getLogger(__name__)

_PAYING = (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID)
_DELETE_ONLY = ("DRAFT", "SUBMITTED")


async def map_rows(conn: XeroConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    """Older answers name a line's account and item by code, its tracking option by name: learn those lists."""
    lookup = await conn.learn(mapping.codes_needed(rows))
    return [mapping.to_unified(row, conn.context, lookup) for row in rows]


READER = Reader(INVOICES, map_rows)


# --- create --------------------------------------------------------------------------------------------------


async def validate(conn: XeroConnector, body: InvoiceInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body, refs)


async def create(conn: XeroConnector, body: InvoiceInput, refs: Refs, request_key: str) -> WriteResult:
    warnings = mapping.write_warnings(body)
    await conn.learn_item_codes(body.line_items, refs)
    paying = body.status in _PAYING
    # Find the bank account before writing anything: a connection without one fails with nothing created.
    pay_into = await conn.payment_account() if paying else None
    default_account = None
    bare = [i for i, line in enumerate(body.line_items) if line.account_id is None and line.item_id is None]
    if bare:
        default_account = await _default_account(conn, body.type)
        warnings.extend(
            Warning_(field=f"line_items[{i}].account_id",
                     message="no account given; Xero needs one, so the line is booked to account "
                             f"{default_account}")
            for i in bare
        )
    remote_body = mapping.to_remote(body, refs, conn.lookup, default_account)
    key = idempotency_key(request_key, "invoice")
    remote_body.setdefault("Url", marker_url(key))
    created = await conn.client.put("Invoices", remote_body, key=key)
    if paying and pay_into is not None:
        amount, warning = mapping.payment_amount(body, created)
        if warning is not None:
            warnings.append(warning)
        if amount is not None:
            created = await _pay(conn, created, amount, body, pay_into, request_key)
    record = mapping.to_unified(created, conn.context, conn.lookup)
    warned = {w.field for w in warnings}
    warnings.extend(total_warnings(body, cast(Invoice, record.data), provider="Xero", warned=warned))
    return WriteResult(record, warnings)


MARKER_URL = "https://ledgerbridge.invalid/requests/"  # .invalid (RFC 2606): names a write, links nowhere


def marker_url(key: str) -> str:
    return MARKER_URL + key


async def find_created(conn: XeroConnector, body: InvoiceInput, request_key: str,
                       since: dt.datetime) -> RemoteRecord | None:
    """The invoice a create with ``request_key`` made, found by its marker ``Url`` among the invoices changed
    since ``since`` (None: Xero has no such invoice)."""
    wanted = marker_url(idempotency_key(request_key, "invoice"))
    async for rows in conn.client.pages("Invoices", since=since):
        for row in rows:
            if row.get("Url") == wanted:
                [record] = await map_rows(conn, [row])
                return record
    return None


async def _default_account(conn: XeroConnector, invoice_type: InvoiceType) -> str:
    """The account for lines without one: the connection's default_sales_account_code or
    default_purchase_account_code, else Xero's first active revenue (sales) or expense (bills) account."""
    receivable = invoice_type == InvoiceType.ACCOUNTS_RECEIVABLE
    configured = text(conn.context.credentials.get(
        "default_sales_account_code" if receivable else "default_purchase_account_code"))
    if configured:
        return configured
    account_class = "REVENUE" if receivable else "EXPENSE"
    accounts = await conn.client.get("Accounts", params={
        "where": f'Class=="{account_class}" AND Status=="ACTIVE"', "order": "Code ASC"})
    coded = [a for a in accounts if text(a.get("Code"))]
    if not coded:
        reject([FieldError("line_items.account_id", f"Xero has no active {account_class.lower()} account; "
                                                    "give each line an account_id")])
    return str(coded[0]["Code"])


async def _pay(conn: XeroConnector, created: dict[str, Any], amount: Decimal, body: InvoiceInput,
               account: dict[str, str], request_key: str) -> dict[str, Any]:
    """Record a Payment against the invoice just created, then re-read it for Xero's AmountDue and status.

    If the payment fails the invoice is voided: a failed create must leave nothing open at Xero.
    """
    payload = mapping.payment_to_remote(created, amount, body.paid_on_date or body.issue_date, account)
    try:
        await conn.client.put("Payments", payload, key=idempotency_key(request_key, "payment"))
    except Exception:
        await _void_quietly(conn, created, request_key)
        raise
    found = await conn.client.get("Invoices", str(created["InvoiceID"]), params={"unitdp": "4"})
    return found[0] if found else created


async def _void_quietly(conn: XeroConnector, created: dict[str, Any], request_key: str) -> None:
    invoice_id = str(created["InvoiceID"])
    try:
        # VOIDED is missing from the OpenAPI Status enum but is Xero's documented way to cancel an AUTHORISED
        # invoice (xero-python's Invoice.status allows it); DELETED only applies to drafts.
        await conn.client.post("Invoices", invoice_id, {"InvoiceID": invoice_id, "Status": "VOIDED"},
                               key=idempotency_key(request_key, "undo"))
    except ProviderError as exc:  # the original error matters more; this one is logged for an operator
        log.error("xero: could not void invoice %s after a failed payment: %s", invoice_id, exc)


# --- update and void -----------------------------------------------------------------------------------------


async def _current(conn: XeroConnector, remote_id: str, expected: str | None) -> dict[str, Any]:
    """The invoice as Xero has it now, if its UpdatedDateUTC is still the one the caller saw."""
    found = await conn.client.get("Invoices", remote_id)
    current = dict(found[0]) if found else {}
    check_version("Xero", "UpdatedDateUTC", conn.version(current), expected)
    return current


async def update(conn: XeroConnector, remote_key: str, body: InvoiceInput, refs: Refs, expected: str | None,
                 request_key: str) -> WriteResult:
    current = await _current(conn, remote_key, expected)
    if cast(Invoice, mapping.to_unified(current, conn.context, conn.lookup).data).type != body.type:
        reject([FieldError("type", "Xero cannot change an invoice's type")])
    await conn.learn_item_codes(body.line_items, refs)
    bare = any(line.account_id is None and line.item_id is None for line in body.line_items)
    default_account = await _default_account(conn, body.type) if bare else None
    element = mapping.to_remote(body, refs, conn.lookup, default_account)
    element.pop("Status", None)  # status moves only through void (and payments), never by an edit
    element["InvoiceID"] = remote_key
    updated = await conn.client.post("Invoices", remote_key, element, key=idempotency_key(request_key, "update"))
    warnings: list[Warning_] = []
    if body.status is not None:
        warnings.append(Warning_(field="status", message="Xero changes status only by approving, paying or "
                                 "voiding; to void, DELETE the invoice"))
    return WriteResult(mapping.to_unified(updated, conn.context, conn.lookup), warnings)


async def void(conn: XeroConnector, remote_key: str, expected: str | None, request_key: str) -> WriteResult:
    current = await _current(conn, remote_key, expected)
    deleting = current.get("Status") in _DELETE_ONLY
    element = {"InvoiceID": remote_key, "Status": "DELETED" if deleting else "VOIDED"}
    changed = await conn.client.post("Invoices", remote_key, element, key=idempotency_key(request_key, "void"))
    record = mapping.to_unified(changed or current, conn.context, conn.lookup)
    if not deleting:
        return WriteResult(record)
    return WriteResult(
        dataclasses.replace(record, deleted=True),
        [Warning_(field="status", message=f"Xero cannot void a {current.get('Status')} invoice; it was deleted")],
    )


DECLARATION = ObjectDeclaration(
    name="invoice",
    list=READER.pages,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many,
    create=create,
    find_created=find_created,
    update=update,
    void=void,
    validate=validate,
    unsupported_fields=frozenset({"accounting_period_id", "field_mappings", "total_discount",
                                  "line_items[].exchange_rate"}),
)
