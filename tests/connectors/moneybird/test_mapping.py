"""Pure Moneybird mapping tests on sandbox-shaped payloads (records the sandbox seeds, as Moneybird words them):
exact Decimals, per-line tax, inclusive prices, states, refs, error classification."""

from __future__ import annotations

import time
import uuid
from decimal import Decimal
from typing import Any

import httpx
import pytest

from ledgerbridge.connectors.base import ConnectionContext, Ref, Refs
from ledgerbridge.connectors.moneybird.errors import classify, unified_field
from ledgerbridge.connectors.moneybird.mapping import account, contact, credit_note, invoice, journal_entry, payment
from ledgerbridge.errors import ProviderAuthFailed, ProviderRateLimited, ProviderRejected, ProviderUnavailable
from ledgerbridge.sandbox.moneybird import MoneybirdSandbox
from ledgerbridge.sandbox.moneybird import invoices as sandbox_invoices
from ledgerbridge.unified.account import AccountClassification, AccountInput
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceStatus, InvoiceType
from ledgerbridge.unified.journal_entry import JournalEntryInput


async def _no_save(credentials: dict[str, Any]) -> None:
    return None


CTX = ConnectionContext(uuid.UUID("00000000-0000-0000-0000-00000000b1d0"), uuid.uuid4(), "moneybird", {}, _no_save)


@pytest.fixture(scope="module")
def seeded() -> tuple[MoneybirdSandbox, str]:
    sb = MoneybirdSandbox()
    admin = sb.create_administration()
    sb.seed_demo(admin)
    return sb, admin


def _sales(sb: MoneybirdSandbox, admin: str) -> list[dict[str, Any]]:
    return sb.store.all(admin, "sales_invoices")


def test_sales_invoice_totals_lines_and_refs(seeded: tuple[MoneybirdSandbox, str]) -> None:
    sb, admin = seeded
    row = next(r for r in _sales(sb, admin) if len(r["details"]) == 2 and not r["prices_are_incl_tax"])
    record = invoice.to_unified(invoice.SALES, row, CTX)
    data = record.data
    assert record.remote_key == f"sales_invoices/{row['id']}" and record.remote_id == row["id"]
    assert data.type == InvoiceType.ACCOUNTS_RECEIVABLE
    assert data.sub_total == Decimal(row["total_price_excl_tax"])
    assert data.total_amount == Decimal(row["total_price_incl_tax"])
    tax = sum((Decimal(t["tax_amount"]) for t in row["tax_totals"]), Decimal(0))
    assert data.total_tax_amount == tax and tax > 0
    assert data.memo == row["reference"] and data.contact_id == CTX.ref("contact", row["contact_id"])
    assert [line.tax_rate_id for line in data.line_items] == [CTX.ref("tax_rate", d["tax_rate_id"])
                                                              for d in row["details"]]
    assert len({line.tax_rate_id for line in data.line_items}) == 2  # 21% and 9% on one invoice
    assert data.line_items[0].total_amount == Decimal(row["details"][0]["amount_decimal"]) * Decimal(
        row["details"][0]["price"])


def test_inclusive_prices_give_lines_before_tax(seeded: tuple[MoneybirdSandbox, str]) -> None:
    sb, admin = seeded
    row = next(r for r in _sales(sb, admin) if r["prices_are_incl_tax"] and len(r["details"]) == 1)
    data = invoice.to_unified(invoice.SALES, row, CTX).data
    line = data.line_items[0]
    gross = Decimal(row["details"][0]["price"]) * Decimal(row["details"][0]["amount_decimal"])
    assert line.total_amount is not None and line.total_amount < gross
    assert data.total_amount == gross and data.sub_total == line.total_amount


def test_states_map_to_unified_statuses(seeded: tuple[MoneybirdSandbox, str]) -> None:
    sb, admin = seeded
    seen = {}
    for row in _sales(sb, admin):
        seen[(row["state"], bool(row["payments"]))] = invoice.derive_status(row)
    assert seen[("draft", False)] == InvoiceStatus.DRAFT
    assert seen[("open", False)] == InvoiceStatus.OPEN
    assert seen[("open", True)] == InvoiceStatus.PARTIALLY_PAID
    assert seen[("paid", True)] == InvoiceStatus.PAID
    assert invoice.derive_status({"state": "uncollectible"}) == InvoiceStatus.VOID
    assert invoice.derive_status({"state": "scheduled"}) == InvoiceStatus.SUBMITTED


def test_purchase_invoice_number_is_reference_and_balance_from_payments(
        seeded: tuple[MoneybirdSandbox, str]) -> None:
    sb, admin = seeded
    rows = sb.store.all(admin, "purchase_invoices")
    paid = next(r for r in rows if r["payments"])
    data = invoice.to_unified(invoice.PURCHASE, paid, CTX).data
    assert data.type == InvoiceType.ACCOUNTS_PAYABLE and data.number == paid["reference"]
    assert data.balance == 0 and data.status == InvoiceStatus.PAID and data.memo is None
    unpaid = invoice.to_unified(invoice.PURCHASE, next(r for r in rows if not r["payments"]), CTX).data
    assert unpaid.balance == unpaid.total_amount


def test_to_remote_sends_tax_per_line_exclusive_and_destroys_dropped_lines() -> None:
    ids = {name: uuid.uuid4() for name in ("contact", "tax", "account", "line", "project")}
    refs = Refs({ids["contact"]: Ref("contact", "11", "11"), ids["tax"]: Ref("tax_rate", "22", "22"),
                 ids["account"]: Ref("account", "33", "33"),
                 ids["line"]: Ref("invoice_line_item", "sales_invoices/9#44", "44"),
                 ids["project"]: Ref("tracking_category", "55", "55")})
    body = InvoiceInput.model_validate({
        "type": "ACCOUNTS_RECEIVABLE", "contact_id": ids["contact"], "memo": "PO 12",
        "issue_date": "2026-03-01", "due_date": "2026-03-31", "line_items": [
            {"id": ids["line"], "description": "Kept", "quantity": 2, "unit_price": "12.50",
             "tax_rate_id": ids["tax"], "account_id": ids["account"], "tracking_categories": [ids["project"]]},
            {"description": "No tax given", "total_amount": "30.00"}]})
    attrs = invoice.to_remote(body, refs, {"details": [{"id": "44"}, {"id": "45"}]})
    assert attrs["contact_id"] == "11" and attrs["reference"] == "PO 12" and attrs["prices_are_incl_tax"] is False
    assert attrs["invoice_date"] == "2026-03-01" and attrs["first_due_interval"] == 30
    kept, new, dropped = attrs["details_attributes"]
    assert kept == {"id": "44", "description": "Kept", "amount": "2", "price": "12.50", "tax_rate_id": "22",
                    "ledger_account_id": "33", "project_id": "55"}
    assert new == {"description": "No tax given", "amount": "1", "price": "30.00"}
    assert dropped == {"id": "45", "_destroy": True}
    warned = {w.field for w in invoice.write_warnings(body)}
    assert "line_items[1].tax_rate_id" in warned  # Moneybird's default rate would apply: never silent


def test_inclusive_prices_are_carried_from_field_mappings() -> None:
    contact_id = uuid.uuid4()
    body = InvoiceInput.model_validate({"type": "ACCOUNTS_PAYABLE", "contact_id": contact_id, "number": "F-1",
                                        "field_mappings": {"prices_are_incl_tax": True},
                                        "line_items": [{"description": "x", "unit_price": "121.00"}]})
    attrs = invoice.to_remote(body, Refs({contact_id: Ref("contact", "1", "1")}))
    assert attrs["prices_are_incl_tax"] is True and attrs["reference"] == "F-1"


def test_paying_on_create_amounts() -> None:
    body = InvoiceInput.model_validate({"type": "ACCOUNTS_RECEIVABLE", "status": "PARTIALLY_PAID", "balance": "20",
                                        "line_items": [{"description": "x", "unit_price": "100"}]})
    assert invoice.payment_amount(body, {"total_price_incl_tax": "121.00"}) == (Decimal("101.00"), None)
    paid = body.model_copy(update={"status": InvoiceStatus.PAID})
    assert invoice.payment_amount(paid, {"total_price_incl_tax": "121.00"}) == (Decimal("121.00"), None)


def test_credit_invoice_reads_as_a_positive_credit_note(seeded: tuple[MoneybirdSandbox, str]) -> None:
    sb, admin = seeded
    row = next(r for r in _sales(sb, admin) if invoice.is_credit(r))
    data = credit_note.to_unified(row, CTX).data
    assert data.total_amount == -Decimal(row["total_price_incl_tax"]) > 0
    assert all(line.total_amount is not None and line.total_amount > 0 for line in data.line_items)


def test_contact_payment_account_and_journal(seeded: tuple[MoneybirdSandbox, str]) -> None:
    sb, admin = seeded
    row = sb.store.all(admin, "contacts")[0]
    data = contact.to_unified(row, CTX).data
    assert data.name == row["company_name"] and data.is_customer and data.is_supplier
    assert data.email_address == row["send_invoices_to_email"]
    pay = sb.store.all(admin, "payments")[0]
    unified = payment.to_unified(pay, CTX).data
    assert unified.total_amount == pay["price"]
    assert unified.invoice_id == CTX.ref("invoice", f"sales_invoices/{pay['invoice_id']}")
    bank = next(a for a in sb.store.all(admin, "ledger_accounts") if a["name"] == "Bank")
    assert account.to_unified(bank, CTX).data.classification == AccountClassification.ASSET
    body = account.to_remote(AccountInput(name="Reis", classification=AccountClassification.EXPENSE,
                                          account_number="4500"))
    assert body == {"rgs_code": "WBed", "ledger_account": {"name": "Reis", "account_type": "expenses",
                                                           "account_id": "4500"}}
    doc = sb.store.all(admin, "general_journal_documents")[0]
    journal = journal_entry.to_unified(doc, CTX).data
    assert sum((line.net_amount or Decimal(0) for line in journal.line_items), Decimal(0)) == 0
    a, b = uuid.uuid4(), uuid.uuid4()
    entry = JournalEntryInput.model_validate({"memo": "m", "transaction_date": "2026-01-31", "line_items": [
        {"account_id": a, "debit": "5"}, {"account_id": b, "net_amount": "-5"}]})
    remote = journal_entry.to_remote(entry, Refs({a: Ref("account", "1", "1"), b: Ref("account", "2", "2")}))
    lines = remote["general_journal_document"]["general_journal_document_entries_attributes"]
    assert [(e["debit"], e["credit"]) for e in lines] == [("5", "0"), ("0", "5")]


def _response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def test_errors_are_classified_with_moneybird_fields() -> None:
    invalid = classify(_response(422, {"error": {"details_attributes.0.tax_rate_id": ["is invalid"],
                                                 "contact_id": ["is required"]}, "details": {}}))
    assert isinstance(invalid, ProviderRejected)
    assert {f.field for f in invalid.errors} == {"line_items[0].tax_rate_id", "contact_id"}
    refused = classify(_response(422, {"error": "Sales invoice is paid", "symbolic": {"state": "paid"}}))
    assert isinstance(refused, ProviderRejected) and refused.errors[0].field == "status"
    assert isinstance(classify(_response(401, {"error": "x", "symbolic": {}})), ProviderAuthFailed)
    missing = classify(_response(404, {"error": "record not found", "symbolic": {"id": "not_found"}}))
    assert isinstance(missing, ProviderRejected) and missing.detail.status == 404
    reset = int(time.time()) + 30
    limited = classify(_response(429, "Retry later", {"Retry-After": str(reset)}))
    assert isinstance(limited, ProviderRateLimited) and 20 <= (limited.retry_after or 0) <= 31
    assert isinstance(classify(httpx.Response(503, text="<html>")), ProviderUnavailable)
    assert classify(httpx.Response(204)) is None
    assert unified_field("general_journal_document_entries.1.ledger_account_id") == "line_items[1].account_id"


def test_sandbox_late_state_is_derived_when_read() -> None:
    import datetime as dt

    row = {"state": "open", "due_date": "2026-01-01"}
    assert sandbox_invoices.visible_state(row, dt.date(2026, 1, 2)) == "late"
    assert sandbox_invoices.visible_state(row, dt.date(2026, 1, 1)) == "open"


async def test_writes_are_sent_again_only_after_a_429() -> None:
    from ledgerbridge.connectors.http import ProviderHttp
    from ledgerbridge.connectors.moneybird.client import MoneybirdClient
    from ledgerbridge.sandbox.faults import Fault
    from ledgerbridge.sandbox.moneybird import create_app

    sb = MoneybirdSandbox()
    admin = sb.create_administration()
    sb.register_client("c", "s")
    token = sb.issue_tokens("c")
    calls: list[str] = []

    class Counting(httpx.ASGITransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            calls.append(request.method)
            return await super().handle_async_request(request)

    http = ProviderHttp({"moneybird": Counting(app=create_app(sb))})
    context = ConnectionContext(uuid.uuid4(), uuid.uuid4(), "moneybird", {
        "access_token": token["access_token"], "refresh_token": token["refresh_token"], "client_id": "c",
        "client_secret": "s", "token_url": "http://mb/oauth/token", "administration_id": admin,
        "api_base": "http://mb/api/v2", "rate_per_minute": 1000}, _no_save)
    client = MoneybirdClient(context, http)
    body = {"contact": {"company_name": "Retry B.V."}}
    sb.faults.add(Fault(kind="status", status=429, times=1, retry_after=0, path_contains="/contacts"))
    created = await client.write("POST", "contacts", body=body)
    assert created["company_name"] == "Retry B.V." and calls == ["POST", "POST"]
    calls.clear()
    sb.faults.add(Fault(kind="status", status=503, times=1, path_contains="/contacts"))
    with pytest.raises(ProviderUnavailable):
        await client.write("POST", "contacts", body=body)
    assert calls == ["POST"] and sb.count(admin, "contacts") == 1
    await http.aclose()
