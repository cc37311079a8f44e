"""Customer invoices and supplier invoices: Pennylane's business rules.

Customer invoices (``/customer_invoices``):

- created as a draft (``draft: true``, no number yet) or finalized at once; a draft is finalized with
  ``PUT /{id}/finalize``, which gives it the next number of its year (``F-2024-0007``); a number never changes;
- totals are computed from the lines, each line rounded to the cent, VAT per line from its rate code;
- a draft can be changed in full (lines created, updated, deleted with ``invoice_lines: {create, update,
  delete}``); a finalized invoice is an accounting document: only ``label``, ``external_reference`` and
  ``transaction_reference`` may change (the "Finalized Customer Invoice" update schema);
- only a draft can be deleted; a finalized invoice is cancelled by a credit note (an invoice whose lines are
  negative, pointing at it with ``credited_invoice``), which the sandbox seeds but does not create through the API;
- ``PUT /{id}/mark_as_paid`` settles a finalized invoice; ``status`` is ``draft``, then ``upcoming`` or ``late``
  (past its deadline), ``partially_paid``, ``paid``, ``cancelled`` (fully credited) or ``credit_note``.

Supplier invoices arrive at Pennylane as uploaded files (OCR), which the sandbox does not simulate: they are
seeded, read and updated (``PUT /supplier_invoices/{id}``) only.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import bad_request, not_found, unprocessable
from .money import cents, line_amounts, text, vat_percent
from .state import Company, Record, Store

API = "/api/external/v2"
FINALIZED_FIELDS = frozenset({"label", "external_reference", "transaction_reference"})
_COPIED = ("label", "pdf_invoice_free_text", "pdf_invoice_subject", "pdf_description", "special_mention",
           "external_reference", "transaction_reference")


def _decimal(value: Any, field: str) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise bad_request(f"{field} is not a decimal number", field=field) from None


def customer(company: Company, customer_id: int) -> Record:
    found = company.table("customers").get(customer_id)
    if found is None:
        raise unprocessable(f"Customer {customer_id} does not exist")
    return found


def _line(store: Store, company: Company, given: dict[str, Any], invoice_id: int, rank: int,
          old: Record | None = None) -> Record:
    """One line as Pennylane keeps it: product defaults first, then what was given, then the computed amounts."""
    merged: dict[str, Any] = {}
    if old is not None:
        merged.update(old["_given"])
    product_id = given.get("product_id", merged.get("product_id"))
    if product_id is not None:
        product = company.table("products").get(int(product_id))
        if product is None:
            raise unprocessable(f"Product {product_id} does not exist")
        merged.update({"label": product["label"], "raw_currency_unit_price": product["price_before_tax"],
                       "unit": product["unit"], "vat_rate": product["vat_rate"]})
    merged.update({k: v for k, v in given.items() if k != "id"})
    for needed in ("label", "raw_currency_unit_price", "vat_rate", "quantity"):
        if merged.get(needed) in (None, ""):
            raise bad_request(f"{needed} is required on an invoice line", field=needed, code="NotExistRequiredKey")
    quantity = _decimal(merged["quantity"], "quantity")
    merged["quantity"] = text(quantity)  # kept as text: exact, and the state is written as JSON
    price = _decimal(merged["raw_currency_unit_price"], "raw_currency_unit_price")
    try:
        vat_percent(str(merged["vat_rate"]))
    except ValueError:
        raise unprocessable(f"Unknown VAT rate {merged['vat_rate']}") from None
    discount = merged.get("discount")
    before, tax = line_amounts(quantity, price, str(merged["vat_rate"]), discount)
    stamp = old["created_at"] if old else None
    line = {
        "id": old["id"] if old else store.new_id(),
        "label": str(merged["label"]),
        "unit": merged.get("unit"),
        "quantity": text(quantity),
        "amount": text(before + tax),
        "currency_amount": text(before + tax),
        "description": merged.get("description") or "",
        "product": None if product_id is None else {"id": int(product_id), "url": f"{API}/products/{product_id}"},
        "vat_rate": str(merged["vat_rate"]),
        "currency_amount_before_tax": text(before),
        "currency_tax": text(tax),
        "tax": text(tax),
        "raw_currency_unit_price": text(price),
        "discount": discount or {"type": "relative", "value": "0"},
        "section_rank": merged.get("section_rank"),
        "imputation_dates": merged.get("imputation_dates"),
        "created_at": stamp,
        "updated_at": None,
        "_given": merged,  # what the caller set, so an update can change one field of a line
        "_rank": rank,
        "_invoice": invoice_id,
    }
    return line


def _totals(record: Record, lines: list[Record]) -> None:
    before = sum((Decimal(line["currency_amount_before_tax"]) for line in lines), Decimal(0))
    tax = sum((Decimal(line["currency_tax"]) for line in lines), Decimal(0))
    total = before + tax
    record.update({"currency_amount_before_tax": text(before), "currency_tax": text(tax), "tax": text(tax),
                   "currency_amount": text(total), "amount": text(total)})
    if record.get("paid"):
        record.update({"remaining_amount_with_tax": "0.00", "remaining_amount_without_tax": "0.00"})
    else:
        record.update({"remaining_amount_with_tax": text(total), "remaining_amount_without_tax": text(before)})


def _stamp_lines(store: Store, lines: list[Record], stamp: str) -> None:
    for line in lines:
        line["created_at"] = line["created_at"] or stamp
        line["updated_at"] = stamp


def status(record: Record, today: dt.date) -> str:
    """The status Pennylane shows, which moves with the calendar (``upcoming`` becomes ``late``)."""
    if record["draft"]:
        return "draft"
    if record["credited_invoice"] is not None:
        return "credit_note"
    if record.get("_cancelled"):
        return "cancelled"
    if record["paid"]:
        return "paid"
    if Decimal(record["remaining_amount_with_tax"] or 0) < Decimal(record["currency_amount"]):
        return "partially_paid"
    deadline = record.get("deadline")
    return "late" if deadline and dt.date.fromisoformat(deadline) < today else "upcoming"


def _number(company: Company, date: str) -> str:
    year = date[:4]
    company.numbers[year] = company.numbers.get(year, 0) + 1
    return f"F-{year}-{company.numbers[year]:04d}"


def _check_dates(body: dict[str, Any]) -> None:
    for field in ("date", "deadline"):
        if field in body:
            try:
                dt.date.fromisoformat(str(body[field]))
            except ValueError:
                raise bad_request(f"{field} is not a date", field=field, code="InvalidDateFormat") from None
    if "date" in body and "deadline" in body and body["deadline"] < body["date"]:
        raise unprocessable("Deadline must be after the invoice date")


def create_customer_invoice(store: Store, company: Company, body: dict[str, Any]) -> Record:
    _check_dates(body)
    customer(company, int(body["customer_id"]))
    if not body.get("invoice_lines"):
        raise unprocessable("An invoice needs at least one line")
    if body.get("discount") and Decimal(str(body["discount"].get("value") or 0)) != 0:
        # The contract has an invoice-level discount; the sandbox keeps to line discounts (say so, do not ignore).
        raise unprocessable("The sandbox does not apply invoice-level discounts; discount each line instead")
    invoice_id = store.new_id()
    lines = [_line(store, company, given, invoice_id, i) for i, given in enumerate(body["invoice_lines"])]
    draft = bool(body.get("draft", False))
    record: Record = {
        "id": invoice_id, "label": body.get("label"), "invoice_number": "",
        "currency": body.get("currency") or "EUR", "exchange_rate": "1.0",
        "date": body["date"], "deadline": body["deadline"], "language": body.get("language") or "fr_FR",
        "paid": False, "status": "draft",
        "discount": body.get("discount") or {"type": "relative", "value": "0"},
        "ledger_entry": {"id": store.new_id()},
        "public_file_url": None, "filename": None, "draft": True, "special_mention": body.get("special_mention"),
        "customer": {"id": int(body["customer_id"]), "url": f"{API}/customers/{body['customer_id']}"},
        "pdf_invoice_free_text": body.get("pdf_invoice_free_text") or "",
        "pdf_invoice_subject": body.get("pdf_invoice_subject") or "",
        "pdf_description": body.get("pdf_description"),
        "billing_subscription": None, "credited_invoice": None, "customer_invoice_template": None,
        "transaction_reference": body.get("transaction_reference"), "quote": None,
        "external_reference": body.get("external_reference") or "", "e_invoicing": None, "archived_at": None,
    }
    for sub in ("invoice_line_sections", "invoice_lines", "custom_header_fields", "categories", "payments",
                "matched_transactions", "appendices"):
        record[sub] = {"url": f"{API}/customer_invoices/{invoice_id}/{sub}"}
    _totals(record, lines)
    company.lines[invoice_id] = lines
    if not draft:
        _finalize(company, record)
    store.insert(company, "customer_invoices", record)
    _stamp_lines(store, lines, record["updated_at"])
    return record


def _finalize(company: Company, record: Record) -> None:
    record["draft"] = False
    record["invoice_number"] = _number(company, record["date"])
    record["filename"] = f"{record['invoice_number']}.pdf"
    record["public_file_url"] = f"https://app.pennylane.com/public/invoice/pdf?id={record['id']}"


def customer_invoice(company: Company, invoice_id: int) -> Record:
    found = company.table("customer_invoices").get(invoice_id)
    if found is None:
        raise not_found()
    return found


def update_customer_invoice(store: Store, company: Company, invoice_id: int, body: dict[str, Any]) -> Record:
    record = customer_invoice(company, invoice_id)
    if not record["draft"]:
        refused = sorted(set(body) - FINALIZED_FIELDS)
        if refused:
            raise unprocessable(f"A finalized invoice cannot be changed: {', '.join(refused)}")
    _check_dates({"date": record["date"], "deadline": record["deadline"], **body})
    if "customer_id" in body:
        customer(company, int(body["customer_id"]))
        record["customer"] = {"id": int(body["customer_id"]), "url": f"{API}/customers/{body['customer_id']}"}
    for field in ("date", "deadline", "currency", "language", *_COPIED):
        if field in body:
            record[field] = body[field] if body[field] is not None or field in ("label", "pdf_description",
                                                                                  "special_mention") else ""
    changes = body.get("invoice_lines") or {}
    lines = {line["id"]: line for line in company.lines.get(invoice_id, [])}
    for gone in changes.get("delete", []):
        if lines.pop(int(gone["id"]), None) is None:
            raise unprocessable(f"Invoice line {gone['id']} does not belong to this invoice")
    for given in changes.get("update", []):
        old = lines.get(int(given["id"]))
        if old is None:
            raise unprocessable(f"Invoice line {given['id']} does not belong to this invoice")
        lines[old["id"]] = _line(store, company, given, invoice_id, old["_rank"], old)
    rank = max((line["_rank"] for line in lines.values()), default=-1)
    for given in changes.get("create", []):
        rank += 1
        new = _line(store, company, given, invoice_id, rank)
        lines[new["id"]] = new
    if not lines:
        raise unprocessable("An invoice needs at least one line")
    ordered = sorted(lines.values(), key=lambda line: line["_rank"])
    company.lines[invoice_id] = ordered
    _totals(record, ordered)
    store.touch(company, "customer_invoices", record)
    _stamp_lines(store, [line for line in ordered if line["updated_at"] is None], record["updated_at"])
    return record


def finalize(store: Store, company: Company, invoice_id: int) -> Record:
    record = customer_invoice(company, invoice_id)
    if not record["draft"]:
        raise unprocessable("This invoice is already finalized")
    _finalize(company, record)
    return store.touch(company, "customer_invoices", record)


def mark_as_paid(store: Store, company: Company, invoice_id: int) -> None:
    record = customer_invoice(company, invoice_id)
    if record["draft"]:
        raise unprocessable("A draft invoice cannot be marked as paid; finalize it first")
    if record["paid"]:
        return
    record["paid"] = True
    record.update({"remaining_amount_with_tax": "0.00", "remaining_amount_without_tax": "0.00"})
    store.touch(company, "customer_invoices", record)


def delete(store: Store, company: Company, invoice_id: int) -> None:
    record = customer_invoice(company, invoice_id)
    if not record["draft"]:
        raise unprocessable("Only draft invoices can be deleted; cancel a finalized invoice with a credit note")
    store.delete(company, "customer_invoices", invoice_id)


def credit(store: Store, company: Company, invoice_id: int, date: str) -> Record:
    """A credit note cancelling ``invoice_id`` in full (seed only: the API makes them from the UI)."""
    original = customer_invoice(company, invoice_id)
    lines = [{"label": f"Avoir – {line['label']}", "quantity": -Decimal(line["quantity"]),
              "raw_currency_unit_price": line["raw_currency_unit_price"], "unit": line["unit"] or "piece",
              "vat_rate": line["vat_rate"]} for line in company.lines[invoice_id]]
    note = create_customer_invoice(store, company, {
        "date": date, "deadline": date, "customer_id": original["customer"]["id"], "draft": False,
        "label": f"Avoir sur {original['invoice_number']}", "invoice_lines": lines})
    note["credited_invoice"] = {"id": invoice_id, "url": f"{API}/customer_invoices/{invoice_id}"}
    original["_cancelled"] = True
    original["remaining_amount_with_tax"] = original["remaining_amount_without_tax"] = "0.00"
    store.touch(company, "customer_invoices", original)
    return store.touch(company, "customer_invoices", note)


# --- supplier invoices ------------------------------------------------------------------------------------------

SUPPLIER_FIELDS = ("date", "deadline", "invoice_number", "label", "currency", "external_reference",
                   "transaction_reference")


def create_supplier_invoice(store: Store, company: Company, supplier_id: int, *, number: str, date: str,
                            deadline: str, lines: list[tuple[str, Decimal, str]], paid: bool = False) -> Record:
    """A supplier invoice as Pennylane holds one once its file was read: (label, amount before tax, VAT code)."""
    invoice_id = store.new_id()
    before = sum((amount for _, amount, _ in lines), Decimal(0))
    tax = sum((cents(amount * vat_percent(vat) / 100) for _, amount, vat in lines), Decimal(0))
    total = before + tax
    record: Record = {
        "id": invoice_id, "label": f"Facture {number}", "invoice_number": number, "currency": "EUR",
        "amount": text(total), "currency_amount": text(total), "currency_amount_before_tax": text(before),
        "exchange_rate": "1.0", "date": date, "deadline": deadline, "currency_tax": text(tax), "tax": text(tax),
        "reconciled": paid, "accounting_status": "complete" if paid else "entry",
        "filename": f"{number}.pdf", "public_file_url": None,
        "remaining_amount_with_tax": "0.00" if paid else text(total),
        "remaining_amount_without_tax": "0.00" if paid else text(before),
        "ledger_entry": {"id": store.new_id()},
        "supplier": {"id": supplier_id, "url": f"{API}/suppliers/{supplier_id}"},
        "transaction_reference": None, "payment_status": "fully_paid" if paid else "to_be_paid",
        "external_reference": "", "e_invoicing": None, "archived_at": None,
    }
    for sub in ("invoice_lines", "categories", "payments", "matched_transactions"):
        record[sub] = {"url": f"{API}/supplier_invoices/{invoice_id}/{sub}"}
    store.insert(company, "supplier_invoices", record)
    company.lines[invoice_id] = []
    for i, (label, amount, vat) in enumerate(lines):
        line_tax = cents(amount * vat_percent(vat) / 100)
        company.lines[invoice_id].append({
            "id": store.new_id(), "label": label, "amount": text(amount + line_tax),
            "currency_amount": text(amount + line_tax), "description": "", "vat_rate": vat,
            "currency_amount_before_tax": text(amount), "currency_tax": text(line_tax), "tax": text(line_tax),
            "imputation_dates": None, "created_at": record["created_at"], "updated_at": record["updated_at"],
            "_rank": i})
    return record


def update_supplier_invoice(store: Store, company: Company, invoice_id: int, body: dict[str, Any]) -> Record:
    record = company.table("supplier_invoices").get(invoice_id)
    if record is None:
        raise not_found()
    _check_dates({"date": record["date"], "deadline": record["deadline"], **body})
    if "supplier_id" in body:
        if int(body["supplier_id"]) not in company.table("suppliers"):
            raise unprocessable(f"Supplier {body['supplier_id']} does not exist")
        record["supplier"] = {"id": int(body["supplier_id"]), "url": f"{API}/suppliers/{body['supplier_id']}"}
    for field in SUPPLIER_FIELDS:
        if field in body:
            record[field] = body[field]
    return store.touch(company, "supplier_invoices", record)
