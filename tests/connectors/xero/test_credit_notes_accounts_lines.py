"""Xero connector against its sandbox: credit notes are customer credits only (supplier credits are vendor
credits), a BANK account is created with its BankAccountNumber, and an update names kept lines by LineItemID."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from ledgerbridge.connectors.base import ConnectionContext, Ref, Refs
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.xero import XeroConnector
from ledgerbridge.connectors.xero.mapping import invoice as invoice_mapping
from ledgerbridge.connectors.xero.mapping.common import Lookup
from ledgerbridge.sandbox.xero import XeroSandbox, create_app
from ledgerbridge.unified.account import AccountInput
from ledgerbridge.unified.invoice import InvoiceInput


class Connected:
    def __init__(self) -> None:
        self.sb = XeroSandbox()
        self.tenant = self.sb.create_tenant()
        self.sb.seed_demo(self.tenant)
        self.sb.register_client("ledgerbridge", "s3cret")
        tokens = self.sb.issue_tokens("ledgerbridge", [self.tenant])
        self.http = ProviderHttp(transports={"xero": httpx.ASGITransport(app=create_app(self.sb))})
        self.context = ConnectionContext(uuid.uuid4(), uuid.uuid4(), "xero", {
            "client_id": "ledgerbridge", "client_secret": "s3cret", "access_token": tokens["access_token"],
            "refresh_token": tokens["refresh_token"], "expires_at": time.time() + 1800, "tenant_id": self.tenant,
            "api_base": "http://xero/api.xro/2.0", "token_url": "http://xero/identity/connect/token",
        }, self._save)
        self.connector = XeroConnector(self.context, self.http)

    async def _save(self, credentials: dict[str, Any]) -> None:
        pass

    async def records(self, object_name: str) -> list[Any]:
        return [r for page in [p async for p in self.connector.pages(object_name)] for r in page]


@pytest.fixture
async def xero() -> AsyncIterator[Connected]:
    connected = Connected()
    yield connected
    await connected.http.aclose()


async def _credit(xero: Connected, kind: str, contact_id: str) -> str:
    created = await xero.connector.client.put("CreditNotes", {
        "Type": kind, "Contact": {"ContactID": contact_id}, "Date": "2024-03-01", "Status": "AUTHORISED",
        "LineItems": [{"Description": kind, "Quantity": Decimal(1), "UnitAmount": Decimal("12.50"),
                       "AccountCode": "200" if kind == "ACCRECCREDIT" else "400", "TaxType": "NONE"}],
    }, key=f"credit-{kind}")
    return str(created["CreditNoteID"]).lower()


async def test_credit_notes_are_customer_credits_and_vendor_credits_supplier_ones(xero: Connected) -> None:
    contact_id = str((await xero.records("contact"))[0].remote_id)
    customer_credit = await _credit(xero, "ACCRECCREDIT", contact_id)
    supplier_credit = await _credit(xero, "ACCPAYCREDIT", contact_id)

    credit_notes = {r.remote_id for r in await xero.records("credit_note")}
    vendor_credits = {r.remote_id for r in await xero.records("vendor_credit")}
    assert customer_credit in credit_notes and supplier_credit not in credit_notes
    assert supplier_credit in vendor_credits and customer_credit not in vendor_credits
    assert all(r.data.type == "ACCOUNTS_RECEIVABLE" for r in await xero.records("credit_note"))
    # Retrieving by id goes to the same collection: the other kind is not a credit note.
    assert await xero.connector.fetch("credit_note", supplier_credit) is None
    assert (await xero.connector.fetch("credit_note", customer_credit)) is not None


async def test_a_bank_account_needs_and_sends_its_bank_account_number(xero: Connected) -> None:
    missing = AccountInput.model_validate({"name": "Payroll Bank", "classification": "ASSET", "type": "BANK"})
    errors = await xero.connector.validate("account", missing, Refs())
    assert [e.field for e in errors] == ["bank_account_number"]

    expense = AccountInput.model_validate({"name": "Stationery", "classification": "EXPENSE", "type": "EXPENSE",
                                           "account_number": "463", "bank_account_number": "12-3456"})
    assert [e.field for e in await xero.connector.validate("account", expense, Refs())] == ["bank_account_number"]

    body = AccountInput.model_validate({"name": "Payroll Bank", "classification": "ASSET", "type": "BANK",
                                        "account_number": "094", "bank_account_number": "0201234567899000"})
    assert await xero.connector.validate("account", body, Refs()) == []
    created = await xero.connector.create("account", body, Refs(), request_key="bank-1")
    assert created.record.data.bank_account_number == "0201234567899000"
    assert created.record.data.account_number == "094"
    stored = xero.sb.get(xero.tenant, "Accounts", created.record.remote_id)
    assert stored is not None
    assert (stored["Type"], stored["BankAccountNumber"]) == ("BANK", "0201234567899000")


def test_an_update_names_kept_lines_by_line_item_id() -> None:
    contact, kept, line_remote = uuid.uuid4(), uuid.uuid4(), "5b1c6cbc-3f4a-4d3e-9c8e-1f2a3b4c5d6e"
    refs = Refs({contact: Ref("contact", "c1", "c1"),
                 kept: Ref("invoice_line_item", f"inv#{line_remote}", line_remote)})
    body = InvoiceInput.model_validate({"type": "ACCOUNTS_RECEIVABLE", "contact_id": str(contact), "line_items": [
        {"id": str(kept), "description": "kept", "total_amount": 10}, {"description": "new", "total_amount": 5}]})
    lines = invoice_mapping.to_remote(body, refs, Lookup(), "200")["LineItems"]
    assert [(line.get("LineItemID"), line["Description"]) for line in lines] == [(line_remote, "kept"), (None, "new")]
