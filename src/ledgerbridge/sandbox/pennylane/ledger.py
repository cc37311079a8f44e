"""The ledger entries Pennylane books for a supplier invoice, in its purchase journal (HA): each line's amount
before tax debited to its expense account, the VAT to deductible VAT (445660), the total credited to the
supplier's account (401…). Read back at ``GET /ledger_entries/{id}``; that is where a line's account shows."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .directory import create_ledger_account
from .money import text
from .state import Company, Record, Store

API = "/api/external/v2"
PURCHASES = ("HA", "Achats", "purchase")
DEFAULT_EXPENSE = ("606300", "Petit équipement")
VAT = ("445660", "TVA déductible sur autres biens et services")
SUPPLIERS = ("401000", "Fournisseurs")


def _account(store: Store, company: Company, number: str, label: str) -> Record:
    for account in company.table("ledger_accounts").values():
        if account["number"] == number:
            return account
    return create_ledger_account(store, company, {"number": number, "label": label})


def _journal(store: Store, company: Company) -> Record:
    code, label, kind = PURCHASES
    for journal in company.table("journals").values():
        if journal["code"] == code:
            return journal
    journal = {"code": code, "id": store.new_id(), "label": label, "type": kind}
    company.table("journals")[journal["id"]] = journal
    return journal


def _line(store: Store, account: Record, label: str, debit: Decimal, credit: Decimal) -> Record:
    return {"id": store.new_id(), "debit": text(debit), "credit": text(credit), "label": label,
            "ledger_account": {"id": account["id"], "number": account["number"],
                               "url": f"{API}/ledger_accounts/{account['id']}"}}


def book_supplier_invoice(store: Store, company: Company, invoice: Record,
                          lines: list[tuple[str, Decimal, Decimal, int | None]]) -> Record:
    """Book ``invoice``: ``lines`` are (label, amount before tax, tax, expense account id or None)."""
    supplier = company.table("suppliers")[invoice["supplier"]["id"]]
    entry_lines = []
    for label, before, _tax, account_id in lines:
        account = (company.table("ledger_accounts").get(account_id) if account_id is not None
                   else _account(store, company, *DEFAULT_EXPENSE))
        assert account is not None
        entry_lines.append(_line(store, account, label, before, Decimal(0)))
    tax = sum((line[2] for line in lines), Decimal(0))
    if tax:
        entry_lines.append(_line(store, _account(store, company, *VAT), "TVA", tax, Decimal(0)))
    payable_id = (supplier.get("ledger_account") or {}).get("id")
    payable = company.table("ledger_accounts").get(payable_id) if payable_id else _account(store, company, *SUPPLIERS)
    assert payable is not None
    total = sum((line[1] + line[2] for line in lines), Decimal(0))
    entry_lines.append(_line(store, payable, supplier["name"], Decimal(0), total))
    journal = _journal(store, company)
    entry: dict[str, Any] = {
        "id": invoice["ledger_entry"]["id"], "label": invoice["label"] or invoice["invoice_number"],
        "piece_number": invoice["invoice_number"], "date": invoice["date"], "due_date": invoice["deadline"],
        "invoice_number": invoice["invoice_number"], "created_at": invoice["created_at"],
        "updated_at": invoice["updated_at"], "journal": {"id": journal["id"], "url": f"{API}/journals/{journal['id']}"},
        "categories": [], "attachment": None, "ledger_entry_lines": entry_lines,
    }
    company.table("ledger_entries")[entry["id"]] = entry
    return entry


def create_entry(store: Store, company: Company, body: dict[str, Any]) -> Record:
    """``POST /ledger_entries``: a manual entry, in a journal of the company, balanced, on existing accounts."""
    from .errors import bad_request, unprocessable

    journal = company.table("journals").get(int(body["journal_id"]))
    if journal is None:
        raise unprocessable(f"Journal {body['journal_id']} does not exist")
    lines = []
    for given in body["ledger_entry_lines"]:
        account = company.table("ledger_accounts").get(int(given["ledger_account_id"]))
        if account is None:
            raise unprocessable(f"Ledger account {given['ledger_account_id']} does not exist")
        try:
            debit, credit = Decimal(str(given["debit"])), Decimal(str(given["credit"]))
        except ArithmeticError:
            raise bad_request("debit and credit must be decimal amounts", field="ledger_entry_lines") from None
        if debit < 0 or credit < 0 or (debit and credit):
            raise unprocessable("A line is either a debit or a credit, never negative")
        lines.append(_line(store, account, str(given.get("label") or body["label"]), debit, credit))
    if len(lines) < 2:
        raise unprocessable("An entry needs at least two lines")
    if sum(Decimal(line["debit"]) for line in lines) != sum(Decimal(line["credit"]) for line in lines):
        raise unprocessable("Entry lines are not balanced")
    entry: Record = {
        "id": store.new_id(), "label": str(body["label"]), "piece_number": body.get("piece_number"),
        "date": body["date"], "due_date": body.get("due_date"), "invoice_number": None,
        "journal": {"id": journal["id"], "url": f"{API}/journals/{journal['id']}"},
        "categories": [], "attachment": None, "ledger_entry_lines": lines,
    }
    return store.insert(company, "ledger_entries", entry)


def listed(entry: Record) -> Record:
    """An entry as ``GET /ledger_entries`` lists it: no lines, the journal's id alongside."""
    shown = {k: v for k, v in entry.items() if k != "ledger_entry_lines"}
    return {**shown, "journal_id": entry["journal"]["id"], "ledger_attachment_filename": None}


def created(entry: Record) -> Record:
    """An entry as ``POST /ledger_entries`` answers it."""
    shown = {k: v for k, v in entry.items() if k not in ("created_at", "updated_at")}
    shown["ledger_entry_lines"] = [{**line, "ledger_account_id": line["ledger_account"]["id"]}
                                   for line in entry["ledger_entry_lines"]]
    return {**shown, "journal_id": entry["journal"]["id"], "ledger_attachment_filename": None,
            "ledger_attachment_id": None}


SALES = ("VT", "Ventes", "sale")
REVENUE = ("706000", "Prestations de services")
VAT_COLLECTED = ("445710", "TVA collectée")
CUSTOMERS = ("411000", "Clients")


def book_customer_invoice(store: Store, company: Company, invoice: Record, lines: list[Record]) -> Record:
    """Book a finalized customer invoice in the sales journal: the total debited to the customer's account (411…),
    each line before tax credited to its product's account (706000 without one), the VAT to 445710. A credit
    note's negative amounts book the other way round."""
    customer = company.table("customers")[invoice["customer"]["id"]]
    receivable_id = (customer.get("ledger_account") or {}).get("id")
    receivable = (company.table("ledger_accounts").get(receivable_id) if receivable_id
                  else _account(store, company, *CUSTOMERS))
    assert receivable is not None

    def booked(account: Record, label: str, amount: Decimal) -> Record:  # a credit when positive
        return _line(store, account, label, max(-amount, Decimal(0)), max(amount, Decimal(0)))

    total = Decimal(invoice["currency_amount"])
    entry_lines = [_line(store, receivable, customer["name"], max(total, Decimal(0)), max(-total, Decimal(0)))]
    for line in lines:
        product = company.table("products").get((line.get("product") or {}).get("id") or 0)
        account_id = (product or {}).get("ledger_account", {}) or {}
        account = company.table("ledger_accounts").get(account_id.get("id") or 0) or _account(
            store, company, *REVENUE)
        entry_lines.append(booked(account, line["label"], Decimal(line["currency_amount_before_tax"])))
    tax = Decimal(invoice["currency_tax"])
    if tax:
        entry_lines.append(booked(_account(store, company, *VAT_COLLECTED), "TVA", tax))
    code, label, kind = SALES
    journal = next((j for j in company.table("journals").values() if j["code"] == code), None)
    if journal is None:
        journal = {"code": code, "id": store.new_id(), "label": label, "type": kind}
        company.table("journals")[journal["id"]] = journal
    entry: Record = {
        "id": invoice["ledger_entry"]["id"], "label": invoice["label"] or invoice["invoice_number"],
        "piece_number": invoice["invoice_number"], "date": invoice["date"], "due_date": invoice["deadline"],
        "invoice_number": invoice["invoice_number"],
        "journal": {"id": journal["id"], "url": f"{API}/journals/{journal['id']}"},
        "categories": [], "attachment": None, "ledger_entry_lines": entry_lines,
    }
    return store.insert(company, "ledger_entries", entry)
