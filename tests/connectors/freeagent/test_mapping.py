"""Pure mapping against sandbox-shaped FreeAgent payloads: FreeAgent records → unified records and back."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import httpx

from ledgerbridge.connectors.base import Ref, Refs
from ledgerbridge.connectors.freeagent import errors
from ledgerbridge.connectors.freeagent.mapping import account, contact, credit_note, invoice, payment, tax_rate
from ledgerbridge.errors import ProviderAuthFailed, ProviderRateLimited, ProviderRejected, ProviderUnavailable
from ledgerbridge.unified.contact import ContactInput
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceStatus, InvoiceType
from ledgerbridge.unified.status import RecordStatus

BASE = "https://api.freeagent.com/v2"


class Ctx:
    def ref(self, object_name: str, remote_key: str | None) -> uuid.UUID | None:
        return None if remote_key is None else uuid.uuid5(uuid.NAMESPACE_URL, f"{object_name}/{remote_key}")


CTX = Ctx()
INVOICE = {
    "url": f"{BASE}/invoices/7", "contact": f"{BASE}/contacts/2", "reference": "007", "dated_on": "2024-03-01",
    "due_on": "2024-03-31", "currency": "GBP", "exchange_rate": "1.0", "net_value": "110.00",
    "sales_tax_value": "20.50", "total_value": "130.50", "paid_value": "30.50", "due_value": "100.00",
    "status": "Overdue", "notes": "Thanks", "updated_at": "2024-03-02T10:00:00.000Z",
    "invoice_items": [
        {"url": f"{BASE}/invoice_items/11", "position": 1, "item_type": "Hours", "quantity": "3", "price": "33.33",
         "description": "Design", "sales_tax_rate": "20.0", "sales_tax_value": "20.00",
         "category": f"{BASE}/categories/001"},
        {"url": f"{BASE}/invoice_items/12", "position": 2, "item_type": "Products", "quantity": "1",
         "price": "10.01", "description": "Sticker", "sales_tax_rate": "5.0", "sales_tax_value": "0.50"}],
}


def urls(collection: str, key: str | None) -> str:
    return f"{BASE}/{collection}/{key}"


def test_invoice_to_unified_keeps_freeagent_figures_and_vat_per_line():
    record = invoice.invoice_to_unified(INVOICE, CTX)
    data = record.data
    assert (record.remote_key, record.remote_id) == ("invoices/7", "7")
    assert data.type == InvoiceType.ACCOUNTS_RECEIVABLE and data.status == InvoiceStatus.PARTIALLY_PAID
    assert (data.sub_total, data.total_tax_amount, data.total_amount, data.balance) == (
        Decimal("110.00"), Decimal("20.50"), Decimal("130.50"), Decimal("100.00"))
    assert data.contact_id == CTX.ref("contact", "2") and data.memo == "Thanks" and data.exchange_rate is None
    first, second = data.line_items
    assert first.total_amount == Decimal("99.99") and first.tax_rate_id == CTX.ref("tax_rate", "20")
    assert first.account_id == CTX.ref("account", "001") and second.tax_rate_id == CTX.ref("tax_rate", "5")
    assert record.remote_updated_at == dt.datetime(2024, 3, 2, 10, tzinfo=dt.UTC)


def test_statuses():
    for freeagent, unified in (("Draft", InvoiceStatus.DRAFT), ("Sent", InvoiceStatus.OPEN),
                               ("Paid", InvoiceStatus.PAID), ("Cancelled", InvoiceStatus.VOID),
                               ("Scheduled", InvoiceStatus.OPEN)):
        assert invoice.status_of({"status": freeagent, "paid_value": "0.00"}) == unified


def refs_for(**named: tuple[str, str]) -> tuple[Refs, dict[str, uuid.UUID]]:
    ids = {name: uuid.uuid4() for name in named}
    return Refs({ids[n]: Ref(obj, key, key) for n, (obj, key) in named.items()}), ids


def test_invoice_to_remote_uses_the_collections_keys():
    refs, ids = refs_for(customer=("contact", "2"), vat=("tax_rate", "20"), sales=("account", "001"))
    body = InvoiceInput.model_validate({
        "type": "ACCOUNTS_RECEIVABLE", "contact_id": ids["customer"], "number": "INV-9", "memo": "Hi",
        "issue_date": "2024-06-15T12:00:00Z", "currency": "GBP",
        "line_items": [{"description": "Work", "quantity": 2, "unit_price": "150.25", "tax_rate_id": ids["vat"],
                        "account_id": ids["sales"]},
                       {"description": "Fee", "total_amount": "5"}]})
    remote = invoice.invoice_to_remote(body, refs, urls, dt.date(2024, 1, 1))
    assert remote == {
        "contact": f"{BASE}/contacts/2", "dated_on": "2024-06-15", "currency": "GBP", "reference": "INV-9",
        "notes": "Hi", "invoice_items": [
            {"item_type": "Services", "quantity": "2", "price": "150.25", "description": "Work",
             "sales_tax_rate": "20", "category": f"{BASE}/categories/001"},
            {"item_type": "Services", "quantity": "1", "price": "5", "description": "Fee"}]}


def test_bills_are_one_category_and_a_gross_total():
    refs, ids = refs_for(supplier=("contact", "6"), vat=("tax_rate", "20"), cost=("account", "250"))
    body = InvoiceInput.model_validate({
        "type": "ACCOUNTS_PAYABLE", "contact_id": ids["supplier"], "issue_date": "2024-06-15T00:00:00Z",
        "line_items": [{"quantity": 1, "unit_price": "42.10", "account_id": ids["cost"], "tax_rate_id": ids["vat"]},
                       {"quantity": 2, "unit_price": "1.00", "account_id": ids["cost"], "tax_rate_id": ids["vat"]}]})
    assert invoice.validate(body, refs) == []
    remote = invoice.bill_to_remote(body, refs, urls, dt.date(2024, 1, 1), "B-1")
    assert remote["total_value"] == "52.92" and remote["sale_tax_rate"] == "20"  # (42.10 + 2.00) × 1.2
    assert remote["due_on"] == "2024-07-15" and remote["category"] == f"{BASE}/categories/250"
    other = InvoiceInput.model_validate({**body.model_dump(), "line_items": [
        {"quantity": 1, "unit_price": "1", "account_id": ids["cost"]}, {"quantity": 1, "unit_price": "1"}]})
    assert [e.field for e in invoice.validate(other, refs)] == ["line_items[0].account_id"]
    refs2, ids2 = refs_for(a=("account", "250"), b=("account", "365"))
    split = InvoiceInput.model_validate({**body.model_dump(), "line_items": [
        {"quantity": 1, "unit_price": "1", "account_id": ids2["a"]},
        {"quantity": 1, "unit_price": "1", "account_id": ids2["b"]}]})
    assert [e.field for e in invoice.validate(split, refs2)] == ["line_items"]


def test_bill_reads_as_one_net_line():
    record = invoice.bill_to_unified({
        "url": f"{BASE}/bills/3", "contact": f"{BASE}/contacts/6", "reference": "SUP-1", "dated_on": "2024-01-01",
        "due_on": "2024-01-31", "category": f"{BASE}/categories/250", "total_value": "120.00",
        "sales_tax_rate": "20.0", "net_value": "100.00", "sales_tax_value": "20.00", "paid_value": "120.00",
        "due_value": "0.00", "status": "Paid"}, CTX)
    assert record.remote_key == "bills/3" and record.data.status == InvoiceStatus.PAID
    (line,) = record.data.line_items
    assert line.total_amount == Decimal("100.00") and line.account_id == CTX.ref("account", "250")


def test_contacts():
    record = contact.to_unified({"url": f"{BASE}/contacts/5", "organisation_name": "Clyde Logistics plc",
                                 "first_name": "A", "last_name": "B", "status": "Hidden"}, CTX)
    assert record.data.name == "Clyde Logistics plc" and record.data.status == RecordStatus.ARCHIVED
    assert record.data.is_customer and record.data.is_supplier
    body = ContactInput(name="Paper Supplies Ltd", email_address="orders@paper.example.com")
    assert contact.to_remote(body) == {"first_name": "Paper Supplies", "last_name": "Ltd",
                                       "email": "orders@paper.example.com"}
    assert [e.field for e in contact.validate(ContactInput(name="Acme"))] == ["name"]


def test_categories_accounts_and_rates():
    row = {"url": f"{BASE}/categories/901", "nominal_code": "901", "description": "Capital Introduced"}
    assert account.to_unified(row, account.list_of(row)).data.classification == "EQUITY"
    assert account.list_of({"nominal_code": "250"}) == "admin_expenses_categories"
    assert account.to_unified({"nominal_code": "001", "description": "Sales"},
                              "income_categories").data.classification == "REVENUE"
    assert [r.remote_key for r in tax_rate.all_rates()] == ["20", "5", "0"]


def test_payments_and_credit_notes():
    paid = payment.to_unified({"url": f"{BASE}/bank_transaction_explanations/4", "paid_bill": f"{BASE}/bills/3",
                               "gross_value": "-84.00", "dated_on": "2024-02-01"}, CTX)
    assert paid.data.type == "AP" and paid.data.total_amount == Decimal("84.00")
    assert paid.data.invoice_id == CTX.ref("invoice", "bills/3")
    note = credit_note.to_unified({"url": f"{BASE}/credit_notes/1", "reference": "CN001", "status": "Sent",
                                   "total_value": "-48.00", "credit_note_items": [
                                       {"url": f"{BASE}/credit_note_items/1", "quantity": "1", "price": "-40.00",
                                        "sales_tax_rate": "20.0"}]}, CTX)
    assert note.data.total_amount == Decimal("48.00") and note.data.line_items[0].unit_price == Decimal("40.00")


def response(status: int, body: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, content=body, headers=headers or {},
                          request=httpx.Request("POST", f"{BASE}/invoices"))


def test_errors_classify_freeagents_answers():
    rejected = errors.classify(response(422, b'{"errors":[{"message":"Reference has already been taken: '
                                             b'references must be unique"},{"message":"Contact can\'t be blank"}]}'))
    assert isinstance(rejected, ProviderRejected)
    assert [f.field for f in rejected.detail.fields] == ["number", "contact_id"]
    assert errors.is_duplicate_reference(rejected)
    limited = errors.classify(response(429, b'{"errors":{"error":{"message":"Rate limit exceeded"}}}',
                                       {"Retry-After": "7"}))
    assert isinstance(limited, ProviderRateLimited) and limited.retry_after == 7
    assert isinstance(errors.classify(response(401, b'{"errors":{"error":{"message":"x"}}}')), ProviderAuthFailed)
    missing = errors.classify(response(404, b'{"errors":{"error":{"message":"Resource not found"}}}'))
    assert missing is not None and errors.is_not_found(missing)
    assert isinstance(errors.classify(response(503, b"down")), ProviderUnavailable)
    assert errors.classify(response(200, b"{}")) is None


def test_journal_sets():
    from ledgerbridge.connectors.freeagent.mapping import journal_entry
    from ledgerbridge.unified.journal_entry import JournalEntryInput

    record = journal_entry.to_unified({"url": f"{BASE}/journal_sets/1", "dated_on": "2019-07-28",
                                       "description": "An example journal set", "journal_entries": [
                                           {"url": f"{BASE}/journal_entries/1", "category": f"{BASE}/categories/001",
                                            "debit_value": "-123.45"},
                                           {"url": f"{BASE}/journal_entries/2", "category": f"{BASE}/categories/901",
                                            "debit_value": "123.45"}]}, CTX)
    credit, debit = record.data.line_items
    assert (credit.credit, credit.debit, debit.debit) == (Decimal("123.45"), Decimal(0), Decimal("123.45"))
    refs, ids = refs_for(sales=("account", "001"), capital=("account", "901"))
    body = JournalEntryInput.model_validate({"memo": "Fix", "transaction_date": "2024-03-31T00:00:00Z",
                                             "line_items": [{"account_id": ids["capital"], "debit": "12.50"},
                                                            {"account_id": ids["sales"], "credit": "12.50"}]})
    assert journal_entry.to_remote(body, refs, urls, "2024-01-01") == {
        "dated_on": "2024-03-31", "description": "Fix", "journal_entries": [
            {"category": f"{BASE}/categories/901", "debit_value": "12.50"},
            {"category": f"{BASE}/categories/001", "debit_value": "-12.50"}]}
