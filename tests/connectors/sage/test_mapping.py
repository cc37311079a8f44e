"""Pure mappings and error classification against payloads shaped as the Sage sandbox answers them."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import httpx
import pytest

from ledgerbridge.connectors.sage.connector import SageConnector
from ledgerbridge.connectors.sage.errors import classify, field_for
from ledgerbridge.connectors.sage.mapping import contact, invoice, reference, transactions
from ledgerbridge.errors import ProviderAuthFailed, ProviderRateLimited, ProviderRejected, ProviderUnavailable
from ledgerbridge.remote import Ref, Refs
from ledgerbridge.sandbox.sage import SageSandbox
from ledgerbridge.unified.contact import ContactInput
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceStatus, InvoiceType


class Ctx:
    def ref(self, object_name: str, remote_key: str | None) -> uuid.UUID | None:
        return None if not remote_key else uuid.uuid5(uuid.NAMESPACE_URL, f"{object_name}/{remote_key}")


@pytest.fixture(scope="module")
def book() -> tuple[SageSandbox, str]:
    sb = SageSandbox()
    business = sb.create_business()
    sb.seed_demo(business)
    return sb, business


def _first(sb: SageSandbox, business: str, collection: str, **where: str) -> dict[str, Any]:
    rows = sb.store.all(business, collection)
    return next(r for r in rows if all(r["status"]["id"] == v for v in where.values()))


def test_a_part_paid_sales_invoice(book: tuple[SageSandbox, str]) -> None:
    sb, business = book
    remote = _first(sb, business, "sales_invoices", status="PART_PAID")
    record = invoice.to_unified(remote, Ctx(), invoice.SALES)
    data = record.data
    assert isinstance(data, Invoice)
    assert record.remote_key == f"sales_invoices/{remote['id']}" and record.remote_id == remote["id"]
    assert data.type == InvoiceType.ACCOUNTS_RECEIVABLE and data.status == InvoiceStatus.PARTIALLY_PAID
    assert data.number == remote["invoice_number"] and data.total_amount == remote["total_amount"]
    assert data.balance == remote["outstanding_amount"] and 0 < data.balance < data.total_amount
    assert data.sub_total + data.total_tax_amount == data.total_amount  # type: ignore[operator]
    assert data.contact_id == Ctx().ref("contact", remote["contact"]["id"])
    line = data.line_items[0]
    assert line.total_amount == remote["invoice_lines"][0]["net_amount"]
    assert line.tax_rate_id == Ctx().ref("tax_rate", "GB_STANDARD")
    assert record.remote_updated_at is not None and record.remote_updated_at.tzinfo is not None


def test_a_bill_keeps_the_suppliers_number(book: tuple[SageSandbox, str]) -> None:
    sb, business = book
    remote = sb.store.all(business, "purchase_invoices")[-1]
    data = invoice.to_unified(remote, Ctx(), invoice.PURCHASES).data
    assert isinstance(data, Invoice)
    assert data.type == InvoiceType.ACCOUNTS_PAYABLE and data.number == remote["vendor_reference"]
    assert invoice.split_key(f"purchase_invoices/{remote['id']}") == ("purchase_invoices", remote["id"])


def test_invoice_to_remote_sends_tax_per_line_and_never_totals() -> None:
    customer, account, rate = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    refs = Refs({customer: Ref("contact", "c1", "c1"), account: Ref("account", "a1", "a1"),
                 rate: Ref("tax_rate", "GB_STANDARD", "GB_STANDARD")})
    body = InvoiceInput.model_validate({
        "type": "ACCOUNTS_RECEIVABLE", "number": "W-7", "contact_id": str(customer), "issue_date": "2026-11-02",
        "currency": "USD", "exchange_rate": "1.25", "memo": "Thanks", "total_amount": "999", "status": "DRAFT",
        "line_items": [{"description": "Work", "quantity": "2", "unit_price": "10.50", "account_id": str(account),
                        "tax_rate_id": str(rate), "total_amount": "20"}]})
    remote = invoice.to_remote(body, refs, ["a1"], ["Work"])
    assert remote == {"contact_id": "c1", "date": "2026-11-02", "invoice_number": "W-7", "notes": "Thanks",
                      "currency_id": "USD", "exchange_rate": Decimal("1.25"), "status_id": "DRAFT",
                      "invoice_lines": [{"description": "Work", "ledger_account_id": "a1", "quantity": Decimal(2),
                                         "unit_price": Decimal("10.50"), "tax_rate_id": "GB_STANDARD"}]}
    warnings = {w.field for w in invoice.line_warnings(body)}
    assert "line_items[0].total_amount" in warnings  # 2 × 10.50 is not 20: said, not silently changed
    assert invoice.validate(body, Refs()) [0].field == "contact_id"


def test_contacts_reference_lists_payments_and_journals(book: tuple[SageSandbox, str]) -> None:
    sb, business = book
    supplier = next(c for c in sb.store.all(business, "contacts") if c["contact_types"][0]["id"] == "VENDOR")
    data = contact.to_unified(supplier, Ctx()).data
    assert (data.is_supplier, data.is_customer) == (True, False)  # type: ignore[attr-defined]
    assert data.email_address == supplier["main_contact_person"]["email"]  # type: ignore[attr-defined]
    body = ContactInput(name="New Co", email_address="a@new.example", is_supplier=True)
    assert contact.to_remote(body)["contact_type_ids"] == ["VENDOR"]
    assert contact.write_warnings(ContactInput(name="X"))[0].field == "is_customer"

    bank = next(a for a in sb.store.all(business, "ledger_accounts") if a["nominal_code"] == 4000)
    assert reference.account_to_unified(bank, Ctx()).data.classification == "REVENUE"  # type: ignore[attr-defined]
    rate = sb.store.get(business, "tax_rates", "GB_STANDARD")
    assert reference.tax_rate_to_unified(rate or {}, Ctx()).data.total_tax_rate == Decimal(20)  # type: ignore[attr-defined]
    payment = sb.store.all(business, "contact_payments")[0]
    mapped = transactions.payment_to_unified(payment, Ctx()).data
    artefact = payment["allocated_artefacts"][0]["artefact"]["id"]
    assert mapped.line_items[0].related_object_id == Ctx().ref("invoice", f"sales_invoices/{artefact}")  # type: ignore[attr-defined]
    journal = transactions.journal_to_unified(sb.store.all(business, "journals")[0], Ctx()).data
    assert sum(line.net_amount for line in journal.line_items) == 0  # type: ignore[attr-defined]


def test_the_version_is_the_same_whatever_the_number_spelling(book: tuple[SageSandbox, str]) -> None:
    sb, business = book
    remote = sb.store.all(business, "sales_invoices")[0]
    as_floats = {**remote, "total_amount": float(remote["total_amount"])}
    version = SageConnector.version(SageConnector.__new__(SageConnector), remote)
    assert version == SageConnector.version(SageConnector.__new__(SageConnector), as_floats)
    assert version is not None and version.startswith(remote["updated_at"])
    changed = {**remote, "notes": "edited within the same second"}
    assert SageConnector.version(SageConnector.__new__(SageConnector), changed) != version


def _answer(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def test_classify_maps_sources_onto_our_fields() -> None:
    rejected = classify(_answer(422, [
        {"$severity": "error", "$dataCode": "RecordInvalid", "$message": "Contact is not a customer",
         "$source": "contact_id"},
        {"$severity": "error", "$dataCode": "RecordInvalid", "$message": "Ledger account does not exist",
         "$source": "invoice_lines.1.ledger_account_id"}]))
    assert isinstance(rejected, ProviderRejected)
    assert [(f.field, f.message) for f in rejected.detail.fields] == [
        ("contact_id", "Contact is not a customer"), ("line_items[1].account_id", "Ledger account does not exist")]
    assert field_for("invoice_number") == "number" and field_for("mystery") == "body"
    limited = classify(_answer(429, [{"$severity": "error", "$dataCode": "TooManyRequests", "$message": "slow",
                                      "$source": ""}], {"Retry-After": "7"}))
    assert isinstance(limited, ProviderRateLimited) and limited.retry_after == 7
    assert isinstance(classify(_answer(401, [{"$severity": "error", "$dataCode": "AuthenticationFailed",
                                              "$message": "expired", "$source": ""}])), ProviderAuthFailed)
    assert isinstance(classify(_answer(502, {"oops": 1})), ProviderUnavailable)
    assert classify(_answer(404, [{"$severity": "error", "$dataCode": "RecordNotFound", "$message": "gone",
                                   "$source": ""}])).detail.status == 404  # type: ignore[union-attr]
    assert classify(_answer(200, {})) is None


def test_company_info_reads_year_end_and_currency(book: tuple[SageSandbox, str]) -> None:
    sb, business = book
    record = reference.company_to_unified(sb.store.businesses[business], sb.financial_settings(business))
    data = record.data
    assert (data.fiscal_year_end_month, data.fiscal_year_end_day, data.currency) == (3, 31, "GBP")  # type: ignore[attr-defined]
    assert data.tax_number == "GB123456789" and record.remote_updated_at <= dt.datetime.now(dt.UTC)  # type: ignore[attr-defined,operator]
