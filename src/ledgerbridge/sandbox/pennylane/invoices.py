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

Supplier invoices arrive at Pennylane as documents: ``POST /file_attachments`` uploads the file, then
``POST /supplier_invoices/import`` books it with the figures read off it, which must add up (each file once: 409
the second time). Pennylane's own reading of uploaded files (OCR) is not simulated. They are then read and
their header changed (``PUT /supplier_invoices/{id}``); each is booked in the purchase journal (:mod:`.ledger`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import PennylaneError, bad_request, not_found, unprocessable
from .ledger import book_customer_invoice, book_supplier_invoice
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
    if not record["draft"]:
        book_customer_invoice(store, company, record, lines)
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
    store.touch(company, "customer_invoices", record)
    book_customer_invoice(store, company, record, company.lines.get(invoice_id, []))
    return record


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
                            deadline: str, lines: list[tuple[str, Decimal, str]] | list[dict[str, Any]],
                            paid: bool = False, label: str | None = None, external_reference: str = "",
                            file: Record | None = None) -> Record:
    """A supplier invoice as Pennylane holds one once its file was read, and its ledger entry.

    ``lines`` are (label, amount before tax, VAT code) — the seed, VAT computed to the cent — or import lines
    (``currency_amount`` with tax, ``currency_tax``, ``vat_rate``, ``ledger_account_id``) taken as stated.
    """
    booked: list[tuple[str, Decimal, Decimal, int | None, str]] = []
    for line in lines:
        if isinstance(line, tuple):
            line_label, before, vat = line
            booked.append((line_label, before, cents(before * vat_percent(vat) / 100), None, vat))
        else:
            total, line_tax = Decimal(str(line["currency_amount"])), Decimal(str(line["currency_tax"]))
            account = line.get("ledger_account_id")
            booked.append((str(line.get("label") or number), total - line_tax, line_tax,
                           None if account is None else int(account), str(line["vat_rate"])))
    invoice_id = store.new_id()
    before = sum((b[1] for b in booked), Decimal(0))
    tax = sum((b[2] for b in booked), Decimal(0))
    total = before + tax
    record: Record = {
        "id": invoice_id, "label": label if label is not None else f"Facture {number}", "invoice_number": number,
        "currency": "EUR", "amount": text(total), "currency_amount": text(total),
        "currency_amount_before_tax": text(before), "exchange_rate": "1.0", "date": date, "deadline": deadline,
        "currency_tax": text(tax), "tax": text(tax), "reconciled": paid,
        "accounting_status": "complete" if paid else "entry",
        "filename": (file or {}).get("filename") or f"{number}.pdf", "public_file_url": (file or {}).get("url"),
        "remaining_amount_with_tax": "0.00" if paid else text(total),
        "remaining_amount_without_tax": "0.00" if paid else text(before),
        "ledger_entry": {"id": store.new_id()},
        "supplier": {"id": supplier_id, "url": f"{API}/suppliers/{supplier_id}"},
        "transaction_reference": None, "payment_status": "fully_paid" if paid else "to_be_paid",
        "external_reference": external_reference, "e_invoicing": None, "archived_at": None,
    }
    for sub in ("invoice_lines", "categories", "payments", "matched_transactions"):
        record[sub] = {"url": f"{API}/supplier_invoices/{invoice_id}/{sub}"}
    store.insert(company, "supplier_invoices", record)
    company.lines[invoice_id] = [{
        "id": store.new_id(), "label": line_label, "amount": text(b + t), "currency_amount": text(b + t),
        "description": "", "vat_rate": vat, "currency_amount_before_tax": text(b), "currency_tax": text(t),
        "tax": text(t), "imputation_dates": None, "created_at": record["created_at"],
        "updated_at": record["updated_at"], "_rank": i} for i, (line_label, b, t, _, vat) in enumerate(booked)]
    book_supplier_invoice(store, company, record, [(b[0], b[1], b[2], b[3]) for b in booked])
    return record


def import_supplier_invoice(store: Store, company: Company, body: dict[str, Any]) -> Record:
    """``POST /supplier_invoices/import``: the invoice's figures as the caller read them off its file, checked
    to add up (Pennylane does not compute a supplier invoice, it books what the document says)."""
    _check_dates(body)
    files = company.table("file_attachments")
    file = files.get(int(body["file_attachment_id"]))
    if file is None:
        raise not_found()
    if file.get("_used"):
        raise PennylaneError(409, {"error": "This file is already attached to an invoice", "status": 409})
    if int(body["supplier_id"]) not in company.table("suppliers"):
        raise unprocessable(f"Supplier {body['supplier_id']} does not exist")
    before = _decimal(body["currency_amount_before_tax"], "currency_amount_before_tax")
    tax = _decimal(body["currency_tax"], "currency_tax")
    total = _decimal(body["currency_amount"], "currency_amount")
    lines = body["invoice_lines"]
    if not lines:
        raise unprocessable("An invoice needs at least one line")
    if before + tax != total:
        raise unprocessable("currency_amount must be currency_amount_before_tax plus currency_tax")
    if sum((_decimal(line["currency_amount"], "currency_amount") for line in lines), Decimal(0)) != total or sum(
            (_decimal(line["currency_tax"], "currency_tax") for line in lines), Decimal(0)) != tax:
        raise unprocessable("Entry lines are not balanced: the lines do not add up to the invoice's amounts")
    for line in lines:
        try:
            vat_percent(str(line["vat_rate"]))
        except ValueError:
            raise unprocessable(f"Unknown VAT rate {line['vat_rate']}") from None
        account = line.get("ledger_account_id")
        if account is not None and int(account) not in company.table("ledger_accounts"):
            raise unprocessable(f"Ledger account {account} does not exist")
    file["_used"] = True
    return create_supplier_invoice(
        store, company, int(body["supplier_id"]), number=str(body.get("invoice_number") or ""),
        date=body["date"], deadline=body["deadline"], lines=lines, label=body.get("label"),
        external_reference=str(body.get("external_reference") or ""), file=file)


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
