"""Invoices (and bills) at Business Central: ``salesInvoices`` and ``purchaseInvoices`` with their lines.

Create: POST the header (a Draft), then POST each line under it (the v1.0 contract's request body has no lines),
then ``Microsoft.NAV.post`` when the caller asked for an open invoice (and a customer payment of the whole amount
when they asked for a paid one); read it back with its lines. Business Central has no idempotency key: only a
sales invoice header with the caller's number is retried (the number is unique there, see
``create_numbered``); if a line or the posting fails, the draft is deleted so a failed create leaves nothing.

Update: only a Draft can change (Business Central refuses edits of a posted invoice: 422 with its message). The
header is PATCHed under ``If-Match`` (the caller's If-Match is the record's ``@odata.etag``, checked first), its
lines are replaced. Void: a Draft is deleted (``remote_was_deleted``), an Open invoice is canceled
(``Microsoft.NAV.cancel``: Canceled, a corrective credit memo is posted); a paid one cannot be.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING, Any, cast

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult, check_version, reject
from ledgerbridge.connectors.business_central.client import key_segment
from ledgerbridge.connectors.business_central.mapping import invoice as mapping
from ledgerbridge.connectors.business_central.mapping.common import etag, write_date
from ledgerbridge.connectors.business_central.reader import Reader
from ledgerbridge.connectors.totals import total_warnings
from ledgerbridge.errors import FieldError, ProviderError
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceStatus

if TYPE_CHECKING:
    from ledgerbridge.connectors.business_central.connector import BusinessCentralConnector

log = logging.getLogger(__name__)

READER = Reader((mapping.SALES, mapping.PURCHASES), mapping.to_unified, expand=mapping.LINES, keyed_by_set=True)
_POSTING = (InvoiceStatus.OPEN, InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID)


async def validate(conn: BusinessCentralConnector, body: InvoiceInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body, refs)


async def _lines(conn: BusinessCentralConnector, body: InvoiceInput, refs: Refs) -> tuple[list[dict[str, Any]],
                                                                                          list[Warning_]]:
    warnings: list[Warning_] = []
    bare = [i for i, line in enumerate(body.line_items) if line.account_id is None and line.item_id is None]
    default = None
    if bare:
        default = await conn.default_account(body.type)
        warnings.extend(Warning_(field=f"line_items[{i}].account_id", message="no account or item given; the "
                                 f"line is booked to Business Central account {default['number']}") for i in bare)
    lookup = await conn.lookup()
    return mapping.lines_to_remote(body, refs, lookup, None if default is None else str(default["id"])), warnings


async def _read(conn: BusinessCentralConnector, entity_set: str, ident: str) -> dict[str, Any]:
    row = await conn.client.get(entity_set, ident, expand=mapping.LINES[entity_set])
    return row or {}


async def create(conn: BusinessCentralConnector, body: InvoiceInput, refs: Refs, request_key: str) -> WriteResult:
    entity_set = mapping.entity_set_of(body.type)
    lines, warnings = await _lines(conn, body, refs)
    warnings = mapping.write_warnings(body) + warnings
    remote = mapping.header_to_remote(body, refs)
    if entity_set == mapping.SALES and body.number:
        header = await conn.client.create_numbered(entity_set, remote, number=body.number)
    else:
        header = await conn.client.create(entity_set, remote)
    ident = str(header["id"])
    try:
        for line in lines:
            await conn.client.create(f"{entity_set}{key_segment(ident)}/{mapping.LINES[entity_set]}", line)
        if body.status in _POSTING:
            await conn.client.action(entity_set, ident, "post")
    except ProviderError:
        await _delete_quietly(conn, entity_set, ident)
        raise
    if entity_set == mapping.SALES and body.status == InvoiceStatus.PAID:
        await _pay_in_full(conn, ident, body)
    record = mapping.to_unified(entity_set, await _read(conn, entity_set, ident), conn.context, await conn.lookup())
    warnings.extend(total_warnings(body, cast(Invoice, record.data), provider="Business Central",
                                   warned={w.field for w in warnings}))
    return WriteResult(record, warnings)


async def _pay_in_full(conn: BusinessCentralConnector, ident: str, body: InvoiceInput) -> None:
    """A sales invoice created PAID: posted, then a customer payment of its whole amount applied to it. If the
    payment fails the invoice is canceled (a posted invoice cannot be deleted), so nothing is left open."""
    posted = await conn.client.get(mapping.SALES, ident) or {}
    payment: dict[str, Any] = {"appliesToInvoiceId": ident, "amount": posted.get("totalAmountIncludingTax")}
    paid_on = write_date(body.paid_on_date or body.issue_date)
    if paid_on:
        payment["postingDate"] = paid_on
    journal = await conn.payment_journal()
    try:
        await conn.client.create(f"customerPaymentJournals{key_segment(journal)}/customerPayments", payment)
    except ProviderError:
        try:
            await conn.client.action(mapping.SALES, ident, "cancel")
        except ProviderError as exc:
            log.error("business_central: could not cancel invoice %s after a failed payment: %s", ident, exc)
        raise


async def _delete_quietly(conn: BusinessCentralConnector, entity_set: str, ident: str) -> None:
    try:
        current = await conn.client.get(entity_set, ident)
        if current is not None:
            await conn.client.delete(f"{entity_set}{key_segment(ident)}", etag=etag(current) or "*")
    except ProviderError as exc:  # the original error matters more; this one is logged for an operator
        log.error("business_central: could not delete draft %s %s after a failed create: %s", entity_set, ident, exc)


async def _current(conn: BusinessCentralConnector, remote_key: str, expected: str | None) -> tuple[
        str, str, dict[str, Any]]:
    where = READER.split(remote_key)
    if where is None:
        reject([FieldError("id", "not a Business Central invoice key")])
        raise AssertionError  # unreachable: reject raises
    entity_set, ident = where
    current = await _read(conn, entity_set, ident)
    check_version("Business Central", "@odata.etag", etag(current), expected)
    return entity_set, ident, current


async def update(conn: BusinessCentralConnector, remote_key: str, body: InvoiceInput, refs: Refs,
                 expected: str | None, request_key: str) -> WriteResult:
    entity_set, ident, current = await _current(conn, remote_key, expected)
    if mapping.entity_set_of(body.type) != entity_set:
        reject([FieldError("type", "Business Central cannot change an invoice's type")])
    lines, warnings = await _lines(conn, body, refs)
    warnings = mapping.write_warnings(body) + warnings
    path = f"{entity_set}{key_segment(ident)}"
    header = mapping.header_to_remote(body, refs)
    if header.get("number") == current.get("number"):
        header.pop("number")  # unchanged: BC refuses renaming, and resending the same number is no change
    await conn.client.patch(path, header, etag=etag(current) or "*")
    if _lines_changed(current.get(mapping.LINES[entity_set]) or [], lines, entity_set):
        # Re-read: the header's PATCH recalculates the lines, which moves their etags.
        fresh = await _read(conn, entity_set, ident)
        for old in fresh.get(mapping.LINES[entity_set]) or []:
            await conn.client.delete(f"{path}/{mapping.LINES[entity_set]}{key_segment(str(old['id']))}",
                                     etag=etag(old) or "*")
        for line in lines:
            await conn.client.create(f"{path}/{mapping.LINES[entity_set]}", line)
    if body.status in _POSTING and current.get("status") == "Draft":
        await conn.client.action(entity_set, ident, "post")
    record = mapping.to_unified(entity_set, await _read(conn, entity_set, ident), conn.context, await conn.lookup())
    return WriteResult(record, warnings)


def _lines_changed(old: list[dict[str, Any]], new: list[dict[str, Any]], entity_set: str) -> bool:
    """Whether the lines as sent differ from Business Central's (then they are replaced, else left alone)."""
    if len(old) != len(new):
        return True
    for was, sent in zip(old, new, strict=True):
        for key, value in sent.items():
            have = was.get(key)
            if key in ("quantity", mapping.PRICE[entity_set]):
                if have is None or (str(value) != str(have) and float(value) != float(have)):
                    return True
            elif str(have or "").lower() != str(value or "").lower():
                return True
    return False


async def void(conn: BusinessCentralConnector, remote_key: str, expected: str | None,
               request_key: str) -> WriteResult:
    entity_set, ident, current = await _current(conn, remote_key, expected)
    lookup = await conn.lookup()
    if current.get("status") == "Draft":
        await conn.client.delete(f"{entity_set}{key_segment(ident)}", etag=etag(current) or "*")
        record = mapping.to_unified(entity_set, current, conn.context, lookup)
        return WriteResult(dataclasses.replace(record, deleted=True), [Warning_(
            field="status", message="Business Central cannot void a draft invoice; it was deleted")])
    if entity_set == mapping.PURCHASES:
        reject([FieldError("status", "the Business Central v1.0 API cannot cancel a posted purchase invoice")])
    await conn.client.action(entity_set, ident, "cancel")
    return WriteResult(mapping.to_unified(entity_set, await _read(conn, entity_set, ident), conn.context, lookup))


DECLARATION = ObjectDeclaration(
    name="invoice",
    list=READER.pages,
    fetch=READER.fetch,
    create=create,
    update=update,
    void=void,
    validate=validate,
    unsupported_fields=frozenset({"accounting_period_id", "field_mappings", "exchange_rate",
                                  "tracking_categories", "total_discount", "line_items[].exchange_rate",
                                  "line_items[].tracking_categories"}),
)
