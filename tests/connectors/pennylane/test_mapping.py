"""Pure mapping, against payloads shaped like the sandbox's (and so like the contract's): amounts stay the
decimal strings Pennylane wrote, receivable and payable keys and statuses, lines and their VAT codes, what a
create sends, and what the connector warns about instead of changing silently."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import httpx

from ledgerbridge.connectors.base import ConnectionContext, Ref, Refs
from ledgerbridge.connectors.pennylane.errors import classify
from ledgerbridge.connectors.pennylane.mapping import account, contact, invoice, tax_rate
from ledgerbridge.connectors.pennylane.mapping.document import summary_pdf
from ledgerbridge.errors import ProviderAuthFailed, ProviderRateLimited, ProviderRejected, ProviderUnavailable
from ledgerbridge.unified.contact import ContactInput
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceStatus, InvoiceType


async def _nothing(credentials: dict[str, Any]) -> None:
    return None


CTX = ConnectionContext(uuid.uuid4(), uuid.uuid4(), "pennylane", {}, _nothing)

RECEIVABLE: dict[str, Any] = {
    "id": 1201, "label": "Projet 7", "invoice_number": "F-2024-0007", "currency": "EUR", "amount": "2373.76",
    "currency_amount": "2373.76", "currency_amount_before_tax": "1982.00", "exchange_rate": "1.0",
    "date": "2024-03-01", "deadline": "2024-03-31", "currency_tax": "391.76", "tax": "391.76", "language": "fr_FR",
    "paid": False, "status": "late", "discount": {"type": "relative", "value": "0"}, "ledger_entry": {"id": 1300},
    "public_file_url": None, "filename": "F-2024-0007.pdf", "remaining_amount_with_tax": "2373.76",
    "remaining_amount_without_tax": "1982.00", "draft": False, "special_mention": None,
    "customer": {"id": 1036, "url": "http://p/api/external/v2/customers/1036"}, "pdf_description": "Étude",
    "credited_invoice": None, "external_reference": "INV-7", "updated_at": "2024-03-01T10:00:00.000001Z",
}
LINES = [
    {"id": 1202, "label": "Étude", "unit": "day", "quantity": "3", "amount": "2340.00", "currency_amount": "2340.00",
     "description": "", "product": {"id": 1010, "url": "…"}, "vat_rate": "FR_200",
     "currency_amount_before_tax": "1950.00", "currency_tax": "390.00", "tax": "390.00",
     "raw_currency_unit_price": "650.000000"},
    {"id": 1203, "label": "Livre", "unit": "piece", "quantity": "1", "amount": "33.76", "currency_amount": "33.76",
     "description": "", "product": None, "vat_rate": "FR_55", "currency_amount_before_tax": "32.00",
     "currency_tax": "1.76", "tax": "1.76", "raw_currency_unit_price": "32.00"},
]


def test_a_customer_invoice_keeps_pennylanes_figures_exactly() -> None:
    record = invoice.to_unified(RECEIVABLE, LINES, invoice.CUSTOMER_INVOICES, CTX)
    assert record.remote_key == "customer_invoices/1201" and record.remote_id == "1201"
    data = record.data
    assert data.type == InvoiceType.ACCOUNTS_RECEIVABLE and data.status == InvoiceStatus.OPEN
    assert data.number == "F-2024-0007" and data.memo == "Étude"
    assert (data.sub_total, data.total_tax_amount, data.total_amount) == (
        Decimal("1982.00"), Decimal("391.76"), Decimal("2373.76"))
    assert str(data.total_amount) == "2373.76"
    assert data.contact_id == CTX.ref("contact", "customers/1036")
    first, second = data.line_items
    assert first.unit_price == Decimal("650") and first.quantity == 3 and first.total_amount == Decimal("1950.00")
    assert first.item_id == CTX.ref("item", "1010") and first.tax_rate_id == CTX.ref("tax_rate", "FR_200")
    assert second.item_id is None and second.tax_rate_id == CTX.ref("tax_rate", "FR_55")


def test_a_draft_reads_our_number_back_and_statuses_map() -> None:
    draft = {**RECEIVABLE, "draft": True, "status": "draft", "invoice_number": ""}
    record = invoice.to_unified(draft, [], invoice.CUSTOMER_INVOICES, CTX)
    assert record.data.number == "INV-7" and record.data.status == InvoiceStatus.DRAFT
    for status, unified in (("paid", InvoiceStatus.PAID), ("upcoming", InvoiceStatus.OPEN),
                            ("cancelled", InvoiceStatus.VOID), ("partially_paid", InvoiceStatus.PARTIALLY_PAID)):
        assert invoice.to_unified({**RECEIVABLE, "status": status}, [], invoice.CUSTOMER_INVOICES,
                                  CTX).data.status == unified
    assert invoice.is_credit_note({**RECEIVABLE, "credited_invoice": {"id": 1, "url": "…"}})


def test_a_supplier_invoice_is_payable_and_its_lines_get_their_accounts() -> None:
    bill = {"id": 1400, "label": "Facture FA-1", "invoice_number": "FA-1", "currency": "EUR",
            "currency_amount": "120.00", "currency_amount_before_tax": "100.00", "currency_tax": "20.00",
            "date": "2024-05-02", "deadline": "2024-06-01", "remaining_amount_with_tax": "0.00",
            "payment_status": "fully_paid", "supplier": {"id": 1050, "url": "…"}, "archived_at": None,
            "exchange_rate": "1.0", "updated_at": "2024-05-02T08:00:00.000000Z"}
    entry = {"ledger_entry_lines": [
        {"id": 1, "debit": "100.00", "credit": "0.00", "label": "Fibre",
         "ledger_account": {"id": 1020, "number": "626000", "url": "…"}},
        {"id": 2, "debit": "20.00", "credit": "0.00", "label": "TVA",
         "ledger_account": {"id": 1004, "number": "445660", "url": "…"}},
        {"id": 3, "debit": "0.00", "credit": "120.00", "label": "Orange",
         "ledger_account": {"id": 1002, "number": "401000", "url": "…"}}]}
    lines = [{"id": 1401, "label": "Fibre", "quantity": None, "vat_rate": "FR_200",
              "currency_amount_before_tax": "100.00"}]
    record = invoice.to_unified(bill, lines, invoice.SUPPLIER_INVOICES, CTX, invoice.line_accounts(entry))
    assert record.remote_key == "supplier_invoices/1400"
    assert record.data.type == InvoiceType.ACCOUNTS_PAYABLE and record.data.status == InvoiceStatus.PAID
    assert record.data.contact_id == CTX.ref("contact", "suppliers/1050")
    assert record.data.line_items[0].account_id == CTX.ref("account", "1020")


def _refs() -> tuple[Refs, dict[str, uuid.UUID]]:
    ids = {name: uuid.uuid4() for name in ("customer", "supplier", "vat", "account")}
    return Refs({
        ids["customer"]: Ref("contact", "customers/1036", "1036"),
        ids["supplier"]: Ref("contact", "suppliers/1050", "1050", {"name": "Orange Business"}),
        ids["vat"]: Ref("tax_rate", "FR_55", "FR_55"),
        ids["account"]: Ref("account", "1020", "1020"),
    }), ids


def test_a_receivable_create_sends_a_draft_with_vat_codes_and_our_number_as_reference() -> None:
    refs, ids = _refs()
    body = InvoiceInput.model_validate({
        "type": "ACCOUNTS_RECEIVABLE", "number": "INV-9", "contact_id": str(ids["customer"]),
        "issue_date": "2024-03-01", "memo": "Étude", "line_items": [
            {"description": "Livre", "quantity": 2, "unit_price": "32.00", "tax_rate_id": str(ids["vat"])},
            {"description": "Conseil", "total_amount": "300.50"}]})
    remote = invoice.to_remote(body, refs, dt.date(2024, 3, 5))
    assert remote["draft"] is True and remote["customer_id"] == 1036
    assert remote["date"] == "2024-03-01" and remote["deadline"] == "2024-03-01"
    assert remote["external_reference"] == "INV-9" and remote["pdf_description"] == "Étude"
    assert remote["invoice_lines"][0] == {"label": "Livre", "quantity": Decimal(2), "raw_currency_unit_price": "32.00",
                                          "unit": "piece", "vat_rate": "FR_55"}
    # No tax rate given: sent exempt (no tax), as asked; a total without a unit price is one unit of it.
    assert remote["invoice_lines"][1]["vat_rate"] == "exempt"
    assert remote["invoice_lines"][1]["raw_currency_unit_price"] == "300.50"
    assert {w.field for w in invoice.write_warnings(body)} == {"number"}


def test_checks_before_any_call() -> None:
    refs, ids = _refs()
    wrong_party = InvoiceInput.model_validate({"type": "ACCOUNTS_RECEIVABLE", "contact_id": str(ids["supplier"]),
                                               "line_items": [{"description": "x"}]})
    fields = {e.field for e in invoice.check(wrong_party, refs, creating=True)}
    assert fields == {"contact_id", "line_items[0].unit_price"}
    not_vat = InvoiceInput.model_validate({"type": "ACCOUNTS_RECEIVABLE", "contact_id": str(ids["customer"]),
                                           "line_items": [{"unit_price": "1", "tax_rate_id": str(ids["account"])}]})
    assert [e.field for e in invoice.check(not_vat, refs, creating=True)] == ["line_items[0].tax_rate_id"]


def test_a_bill_states_its_figures_with_vat_per_line_to_the_cent() -> None:
    refs, ids = _refs()
    body = InvoiceInput.model_validate({
        "type": "ACCOUNTS_PAYABLE", "number": "FA-9", "contact_id": str(ids["supplier"]), "issue_date": "2024-05-02",
        "line_items": [{"description": "Papier", "quantity": 3, "unit_price": "10.33", "tax_rate_id": str(ids["vat"]),
                        "account_id": str(ids["account"])}]})
    remote = invoice.payable_import(body, refs, 77, dt.date(2024, 5, 3))
    assert remote["file_attachment_id"] == 77 and remote["supplier_id"] == 1050
    assert (remote["currency_amount_before_tax"], remote["currency_tax"], remote["currency_amount"]) == (
        "30.99", "1.70", "32.69")  # 5.5 % of 30.99 = 1.70445 → 1.70
    assert remote["invoice_lines"] == [{"label": "Papier", "currency_amount": "32.69", "currency_tax": "1.70",
                                        "vat_rate": "FR_55", "ledger_account_id": 1020}]
    pdf = summary_pdf(invoice.summary(body, remote, "Orange Business"))
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF") and b"FA-9" in pdf


def test_contacts_accounts_and_vat_codes() -> None:
    customer = {"id": 1036, "name": "Hôtel Bellecour SAS", "emails": ["compta@hotel.fr"], "vat_number": "FR32",
                "updated_at": "2024-01-01T00:00:00.000000Z"}
    record = contact.to_unified(customer, contact.CUSTOMERS)
    assert record.remote_key == "customers/1036" and record.data.is_customer and not record.data.is_supplier
    assert record.data.email_address == "compta@hotel.fr" and record.data.tax_number == "FR32"
    supplier = contact.to_unified({**customer, "id": 1050}, contact.SUPPLIERS)
    assert supplier.remote_key == "suppliers/1050" and supplier.data.is_supplier
    new = ContactInput.model_validate({"name": "Lumibois", "is_supplier": True})
    assert contact.target(new) == contact.SUPPLIERS
    assert contact.to_remote(new, contact.SUPPLIERS, creating=True) == {"name": "Lumibois", "emails": []}
    both = ContactInput.model_validate({"name": "Both", "is_supplier": True, "is_customer": True})
    assert contact.target(both) == contact.CUSTOMERS
    assert "billing_address" in contact.to_remote(both, contact.CUSTOMERS, creating=True)
    assert [w.field for w in contact.write_warnings(both, contact.CUSTOMERS)] == ["is_supplier"]
    assert account.classification("706000").value == "REVENUE"
    assert account.classification("401000").value == "LIABILITY"
    assert account.classification("411000").value == "ASSET"
    assert account.classification("445660").value == "ASSET"
    assert tax_rate.percent("FR_200") == 20 and tax_rate.percent("FR_55") == Decimal("5.5")
    assert tax_rate.percent("FR_1_05") == Decimal("1.05") and tax_rate.percent("exempt") == 0


def _response(status: int, body: Any = None, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def test_errors_are_classified_with_pennylanes_own_message() -> None:
    assert classify(_response(200, {})) is None
    rejected = classify(_response(422, {"error": "Only draft invoices can be deleted", "status": 422}))
    assert isinstance(rejected, ProviderRejected) and rejected.detail.message == "Only draft invoices can be deleted"
    invalid = classify(_response(400, {"message": "limit is too big", "field": "deadline", "code": "ValidateError"}))
    assert isinstance(invalid, ProviderRejected) and invalid.detail.fields[0].field == "due_date"
    assert isinstance(classify(_response(401, {"error": "The access token is invalid", "status": 401})),
                      ProviderAuthFailed)
    limited = classify(_response(429, {"error": "Too many requests", "status": 429}, {"retry-after": "3"}))
    assert isinstance(limited, ProviderRateLimited) and limited.retry_after == 3
    assert isinstance(classify(httpx.Response(502, text="<html>bad gateway</html>")), ProviderUnavailable)
    missing = classify(_response(404, {"error": "Not Found", "status": 404}))
    assert isinstance(missing, ProviderRejected) and missing.detail.status == 404


def test_a_credit_note_reads_positive_and_points_at_the_invoice_it_credits() -> None:
    from ledgerbridge.connectors.pennylane.mapping import credit_note

    note = {**RECEIVABLE, "id": 1500, "invoice_number": "F-2024-0009", "currency_amount": "-2373.76",
            "currency_amount_before_tax": "-1982.00", "currency_tax": "-391.76", "status": "credit_note",
            "remaining_amount_with_tax": "-2373.76", "credited_invoice": {"id": 1201, "url": "…"}}
    lines = [{**LINES[0], "quantity": "-3", "currency_amount_before_tax": "-1950.00"}]
    record = credit_note.to_unified(note, lines, CTX)
    assert record.remote_key == "1500" and record.data.type == "ACCOUNTS_RECEIVABLE"
    assert record.data.total_amount == Decimal("2373.76") and record.data.sub_total == Decimal("1982.00")
    assert record.data.applied_payments[0].invoice_id == CTX.ref("invoice", "customer_invoices/1201")
    assert record.data.line_items[0].quantity == 3 and record.data.line_items[0].total_amount == Decimal("1950.00")


def test_a_journal_entry_reads_debits_and_credits_and_is_written_balanced() -> None:
    from ledgerbridge.connectors.pennylane.mapping import journal_entry
    from ledgerbridge.unified.journal_entry import JournalEntryInput

    entry = {"id": 1600, "label": "Frais bancaires", "piece_number": None, "date": "2024-03-31",
             "updated_at": "2024-03-31T10:00:00.000000Z", "ledger_entry_lines": [
                 {"id": 1, "debit": "12.50", "credit": "0.00", "label": "Frais",
                  "ledger_account": {"id": 1020, "number": "627000", "url": "…"}},
                 {"id": 2, "debit": "0.00", "credit": "12.50", "label": "Banque",
                  "ledger_account": {"id": 1005, "number": "512000", "url": "…"}}]}
    record = journal_entry.to_unified(entry, CTX)
    first, second = record.data.line_items
    assert (first.debit, first.credit, second.debit, second.credit) == (
        Decimal("12.50"), 0, 0, Decimal("12.50"))
    assert first.account_id == CTX.ref("account", "1020")
    refs, ids = _refs()
    other = uuid.uuid4()
    refs = Refs({ids["account"]: Ref("account", "1020", "1020"), other: Ref("account", "1005", "1005")})
    body = JournalEntryInput.model_validate({"transaction_date": "2024-03-31", "memo": "Frais", "line_items": [
        {"account_id": str(ids["account"]), "debit": "12.50"}, {"account_id": str(other), "credit": "12.50"}]})
    assert journal_entry.check(body, refs) == []
    remote = journal_entry.to_remote(body, refs, 9)
    assert remote["journal_id"] == 9 and remote["ledger_entry_lines"] == [
        {"ledger_account_id": 1020, "debit": "12.50", "credit": "0"},
        {"ledger_account_id": 1005, "debit": "0", "credit": "12.50"}]
