"""Invoices: Tryton's ``account.invoice``, listed, created, updated and voided.

- Create: one ``create`` of the draft with its lines, then the buttons that take it to the status asked
  (``validate_invoice``, ``post``, ``cancel``) and, for PAID / PARTIALLY_PAID, Tryton's pay wizard. Tryton has no
  idempotency key, so a create that fails half-way is undone here (drafts deleted, posted invoices cancelled): a
  failed write leaves nothing behind. Tryton's warnings (a due date in the past…) are confirmed as the client's
  "Yes" would and reported as warnings.
- Update and void, under Tryton's ``write_date``: Tryton has no conditional write, so the invoice is read and its
  ``write_date`` compared with the version the caller saw (412 if it moved) before anything is written. Tryton
  edits only draft invoices (validated ones are put back to draft first; posted and paid ones are refused with a
  422, as Tryton itself would refuse them). Lines are replaced through the invoice (``("delete", old) +
  ("create", new)``) so the tax lines are recomputed (a direct line write leaves them stale, local-erp.md pitfall
  6), and the header is always written, which moves ``write_date``. Voiding clicks ``cancel``.
- Reads: editing an invoice line does not touch its invoice's ``write_date``, so a sync since a time reads the
  invoices whose lines changed too. Credit notes and vendor credits are invoices read the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, check_version, reject
from ledgerbridge.connectors.tryton.errors import TrytonWarning
from ledgerbridge.connectors.tryton.mapping import MODELS, invoice, parse_key, to_day, to_int, updated_at
from ledgerbridge.connectors.tryton.mapping.item import FIELDS as PRODUCT_FIELDS
from ledgerbridge.connectors.tryton.table import ALL, Table, changed_parents
from ledgerbridge.errors import FieldError, NotFound, ProviderError, ValidationFailed
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceStatus, InvoiceType

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector

LINE_MODEL = "account.invoice.line"
EDITABLE = ("draft", "validated")

# --- reads ----------------------------------------------------------------------------------------------------------

# How an invoice row is shown as one object: (row, its lines, the row as an invoice) → the object's model.
View = Callable[[dict[str, Any], list[dict[str, Any]], Invoice], BaseModel]


async def records(connector: TrytonConnector, table: Table, rows: list[dict[str, Any]],
                  view: View | None = None) -> list[RemoteRecord]:
    """Invoice rows with their lines, as ``table``'s records (an invoice, or what ``view`` makes of it)."""
    line_ids = [line_id for row in rows for line_id in row.get("lines") or []]
    by_invoice: dict[int, list[dict[str, Any]]] = {}
    for line in sorted(await connector.client.read(LINE_MODEL, line_ids, invoice.LINE_FIELDS),
                       key=lambda line: line["id"]):
        by_invoice.setdefault(line["invoice"], []).append(line)
    out = []
    for row in rows:
        own = by_invoice.get(row["id"], [])
        unified = invoice.to_unified(row, own, connector.context.ref)
        data = unified if view is None else view(row, own, unified)
        stamps = [row.get("write_date"), row.get("create_date"), *(line.get("write_date") for line in own)]
        out.append(table.record(row, data, updated_at(*stamps), {**row, "lines": own}))
    return out


async def lines_changed(connector: TrytonConnector, since: dt.datetime) -> list[int]:
    return await changed_parents(connector, LINE_MODEL, "invoice", since)


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    return await records(connector, TABLE, rows)


# --- checks ---------------------------------------------------------------------------------------------------------


async def validate_invoice(connector: TrytonConnector, body: InvoiceInput, refs: Refs) -> list[FieldError]:
    errors: list[FieldError] = []
    if body.contact_id is None:
        errors.append(FieldError("contact_id", "Tryton invoices need a party: give the contact"))
    elif refs.remote_id(body.contact_id) is None:
        errors.append(FieldError("contact_id", "unknown contact"))
    for index, line in enumerate(body.line_items):
        for name in ("item_id", "account_id", "tax_rate_id"):
            value = getattr(line, name)
            if value is not None and refs.remote_id(value) is None:
                errors.append(FieldError(f"line_items[{index}].{name}", "unknown id"))
    if body.status is InvoiceStatus.PARTIALLY_PAID and body.balance is None:
        errors.append(FieldError("balance", "a PARTIALLY_PAID invoice needs its balance (what is left)"))
    return errors


def line_refs(body: InvoiceInput, refs: Refs) -> list[invoice.LineRefs]:
    return [invoice.LineRefs(product=to_int(refs.remote_id(line.item_id)),
                             account=to_int(refs.remote_id(line.account_id)),
                             tax=to_int(refs.remote_id(line.tax_rate_id)))
            for line in body.line_items]


async def defaults(connector: TrytonConnector, body: InvoiceInput, refs: Refs,
                   lines: list[invoice.LineRefs]) -> invoice.InvoiceDefaults:
    """What Tryton's forms would fill in (no on_change runs over RPC); refuses what Tryton would store wrong."""
    client = connector.client
    out = body.type is InvoiceType.ACCOUNTS_RECEIVABLE
    company = await connector.company()
    if body.currency:
        found = await client.search_read("currency.currency", [("code", "=", body.currency)], ["id"])
        if not found:
            reject([FieldError("currency", f"{body.currency} is not a currency of this Tryton database")])
        currency = found[0]["id"]
    else:
        currency = (await connector.company_currency())["id"]
    journals = await client.search_read("account.journal", [("type", "=", "revenue" if out else "expense")], ["id"],
                                        limit=1)
    if not journals:
        reject([FieldError("type", "this Tryton database has no revenue/expense journal")])
    party_id = int(refs.remote_id(body.contact_id) or 0)
    party_fields = ["addresses", "account_receivable", "account_payable", "customer_payment_term",
                    "supplier_payment_term"]
    parties = await client.search_read(MODELS["contact"], [("id", "=", party_id)], party_fields, limit=1,
                                       context=ALL)
    if not parties:
        reject([FieldError("contact_id", "the party no longer exists in Tryton")])
    party = parties[0]
    if not party["addresses"]:
        # Invoices require an address; parties created over RPC may have none.
        await client.model(MODELS["contact"], "write", [party_id], {"addresses": [("create", [{}])]}, write=True)
        party = (await client.read(MODELS["contact"], [party_id], party_fields))[0]
    config = await connector.configuration()
    party_account = (party["account_receivable"] or config["default_account_receivable"]) if out else (
        party["account_payable"] or config["default_account_payable"])
    products = sorted({r.product for r in lines if r.product is not None})
    product_rows = await client.search_read(MODELS["item"], [("id", "in", products)], PRODUCT_FIELDS,
                                            context=ALL) if products else []
    # Tryton on SQLite does not enforce foreign keys: an unknown product id would be stored as is.
    found_ids = {row["id"] for row in product_rows}
    reject([FieldError(f"line_items[{index}].item_id", f"product {ref.product} does not exist in Tryton")
            for index, ref in enumerate(lines) if ref.product is not None and ref.product not in found_ids])
    categories = await connector.categories([row["account_category"] for row in product_rows])
    return invoice.InvoiceDefaults(
        company=company,
        currency=currency,
        journal=journals[0]["id"],
        party=party_id,
        invoice_address=party["addresses"][0],
        party_account=party_account,
        default_line_account=config["default_category_account_revenue" if out else
                                    "default_category_account_expense"],
        payment_term=party["customer_payment_term" if out else "supplier_payment_term"],
        products={row["id"]: invoice.product_defaults(row, categories.get(row["account_category"]))
                  for row in product_rows},
    )


# --- writes ---------------------------------------------------------------------------------------------------------


async def create_invoice(connector: TrytonConnector, body: InvoiceInput, refs: Refs, request_key: str,
                         ) -> WriteResult:
    lines = line_refs(body, refs)
    invoice_defaults = await defaults(connector, body, refs, lines)
    target = body.status or InvoiceStatus.DRAFT
    pays = target in (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID)
    method = await connector.payment_method() if pays else None  # fail before writing anything
    if pays and method is None:
        reject([FieldError("status", "Tryton has no invoice payment method to record the payment with")])
    values, warnings = invoice.to_remote(body, invoice_defaults, lines)

    invoice_id = await connector.client.create(TABLE.model, values)
    try:
        if target is InvoiceStatus.SUBMITTED:
            await click(connector, invoice_id, "validate_invoice", warnings)
        elif target is InvoiceStatus.VOID:
            await click(connector, invoice_id, "cancel", warnings)
        elif target is not InvoiceStatus.DRAFT:
            await click(connector, invoice_id, "post", warnings)
        if pays:
            assert method is not None
            await pay_as_asked(connector, invoice_id, body, method, warnings)
    except BaseException:
        await undo(connector, invoice_id)
        raise

    record = await TABLE.read_back(connector, invoice_id)
    warnings += invoice.total_warnings(body, cast(Invoice, record.data))
    return WriteResult(record=record, warnings=warnings)


async def update_invoice(connector: TrytonConnector, remote_key: str, body: InvoiceInput, refs: Refs,
                         expected_version: str | None, request_key: str) -> WriteResult:
    invoice_id, current = await current_invoice(connector, remote_key, expected_version)
    errors = []
    if current["type"] != ("out" if body.type is InvoiceType.ACCOUNTS_RECEIVABLE else "in"):
        errors.append(FieldError("type", "Tryton cannot change an invoice's type"))
    if current["state"] not in EDITABLE:
        errors.append(FieldError("status", f"Tryton edits only draft invoices; this one is {current['state']}"))
    if errors:
        raise ValidationFailed("The request has invalid fields", errors=errors)
    lines = line_refs(body, refs)
    values, warnings = invoice.to_remote(body, await defaults(connector, body, refs, lines), lines)
    for fixed in ("type", "company"):
        values.pop(fixed, None)
    values["lines"] = [("delete", list(current["lines"])), *values["lines"]]
    if current["state"] == "validated":
        await connector.client.model(TABLE.model, "draft", [invoice_id], write=True)
    await connector.client.model(TABLE.model, "write", [invoice_id], values, write=True)
    if current["state"] == "validated":
        await click(connector, invoice_id, "validate_invoice", warnings)
    if body.status is not None:
        warnings.append(Warning_(field="status", message="Tryton changes status only by posting, paying or "
                                 "cancelling; to void, DELETE the invoice"))
    return WriteResult(await TABLE.read_back(connector, invoice_id), warnings)


async def void_invoice(connector: TrytonConnector, remote_key: str, expected_version: str | None,
                       request_key: str) -> WriteResult:
    invoice_id, current = await current_invoice(connector, remote_key, expected_version)
    warnings: list[Warning_] = []
    if current["state"] != "cancelled":
        await click(connector, invoice_id, "cancel", warnings)
    return WriteResult(await TABLE.read_back(connector, invoice_id), warnings)


async def current_invoice(connector: TrytonConnector, remote_key: str, expected: str | None,
                          ) -> tuple[int, dict[str, Any]]:
    """The invoice as Tryton has it now, if its ``write_date`` is still the version the caller saw."""
    invoice_id = parse_key(remote_key, TABLE.model)
    rows = await connector.client.read(TABLE.model, [invoice_id], [
        "state", "type", "lines", "write_date", "create_date"]) if invoice_id is not None else []
    if invoice_id is None or not rows:
        raise NotFound("The invoice no longer exists in Tryton")
    current = dict(rows[0])
    check_version("Tryton", "write_date", connector.version(current), expected)
    return invoice_id, current


async def click(connector: TrytonConnector, invoice_id: int, button: str, warnings: list[Warning_]) -> None:
    """Click ``button``; confirm Tryton's warnings (as the client's "Yes" would) and report them."""
    for _ in range(5):
        try:
            await connector.client.model(TABLE.model, button, [invoice_id], write=True)
            return
        except TrytonWarning as warning:
            user_id, _token = await connector.client.login()
            await connector.client.create("res.user.warning", {"user": user_id, "name": warning.name,
                                                               "always": False})
            warnings.append(Warning_(field="status", message=f"Tryton warned: {warning.detail.message}"))
    raise AssertionError("Tryton kept warning")  # pragma: no cover


async def pay_as_asked(connector: TrytonConnector, invoice_id: int, body: InvoiceInput, method: int,
                       warnings: list[Warning_]) -> None:
    """Pay a posted invoice created as PAID (all of it) or PARTIALLY_PAID (all but its ``balance``)."""
    row = (await connector.client.read(TABLE.model, [invoice_id], ["amount_to_pay", "total_amount",
                                                                   "invoice_date"]))[0]
    to_pay: Decimal = row["amount_to_pay"]
    amount = to_pay
    if body.status is InvoiceStatus.PARTIALLY_PAID:
        assert body.balance is not None
        amount = to_pay - body.balance
        if not (0 < amount < to_pay):
            warnings.append(Warning_(field="balance", message=(
                f"a balance of {body.balance} is not a partial payment of {to_pay}; no payment recorded")))
            return
    if amount == 0:
        return
    await connector.pay(invoice_id, amount, method, to_day(body.paid_on_date) or row.get("invoice_date"))


async def undo(connector: TrytonConnector, invoice_id: int) -> None:
    """Remove a half-made invoice: drafts are deleted, posted ones cancelled (Tryton keeps posted moves)."""
    client = connector.client
    try:
        state = (await client.read(TABLE.model, [invoice_id], ["state"]))[0]["state"]
        if state == "validated":
            await client.model(TABLE.model, "draft", [invoice_id], write=True)
            state = "draft"
        if state in ("draft", "cancelled"):
            await client.model(TABLE.model, "delete", [invoice_id], write=True)
        elif state == "posted":
            await client.model(TABLE.model, "cancel", [invoice_id], write=True)
    except ProviderError:
        pass  # the original failure is what the caller needs to see


TABLE = Table("invoice", invoice.FIELDS, to_records, touched=lines_changed)
DECLARATION = ObjectDeclaration(
    "invoice", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many,
    create=create_invoice, update=update_invoice, void=void_invoice, validate=validate_invoice,
    unsupported_fields=frozenset({"total_discount", "exchange_rate", "accounting_period_id", "tracking_categories",
                                  "line_items[].tracking_categories", "line_items[].exchange_rate"}),
)
