"""The connector against the QuickBooks sandbox, in-process (``httpx.ASGITransport``): no ports, no mocks."""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from ledgerbridge.connectors.base import ConnectionContext, Ref, Refs
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.quickbooks import QuickBooksConnector
from ledgerbridge.errors import ProviderRejected, ValidationFailed
from ledgerbridge.sandbox.faults import Fault
from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox, create_app
from ledgerbridge.unified.contact import ContactInput
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceStatus
from ledgerbridge.unified.status import RecordStatus

OBJECTS = ("invoice", "contact", "item", "account", "tax_rate", "tracking_category")


class Harness:
    """A sandbox realm, a connector on it, and the credentials the connector saved."""

    def __init__(self) -> None:
        self.sb = QuickBooksSandbox()
        self.realm = self.sb.create_realm()
        self.sb.register_client("cid", "secret")
        self.tokens = self.sb.issue_tokens("cid", self.realm)
        self.sb.seed_demo(self.realm)
        self.saved: list[dict[str, Any]] = []
        self.http = ProviderHttp(transports={"quickbooks": httpx.ASGITransport(app=create_app(self.sb))})
        self.connector = self.connect()

    def connect(self, **overrides: Any) -> QuickBooksConnector:
        async def save(credentials: dict[str, Any]) -> None:
            self.saved.append(dict(credentials))

        credentials = {
            "client_id": "cid",
            "client_secret": "secret",
            "access_token": self.tokens["access_token"],
            "refresh_token": self.tokens["refresh_token"],
            "expires_at": time.time() + 3600,
            "realm_id": self.realm,
            "api_base": "http://qbo/v3",
            "token_url": "http://qbo/oauth2/v1/tokens/bearer",
            **overrides,
        }
        context = ConnectionContext(uuid.uuid4(), uuid.uuid4(), "quickbooks", credentials, save)
        return QuickBooksConnector(context, self.http)

    def count(self, entity: str) -> int:
        return self.sb.count(self.realm, entity)

    def first(self, entity: str, **match: Any) -> dict[str, Any]:
        """The lowest-Id active sandbox record of ``entity`` (matching ``match``): real ids for refs."""
        for n in range(1, 500):
            doc = self.sb.entity(self.realm, entity, str(n))
            if doc and doc.get("Active", True) and all(doc.get(k) == v for k, v in match.items()):
                return doc
        raise LookupError(f"the demo seed has no {entity} {match}")

    def refs(self, **kinds: str) -> tuple[Refs, dict[str, uuid.UUID]]:
        """Refs for named remote keys: refs(contact="Customer/1") → (Refs, {"contact": uuid})."""
        ids = {name: uuid.uuid4() for name in kinds}
        resolved = {
            ids[name]: Ref(name.rstrip("0123456789"), key, key.split("/")[1]) for name, key in kinds.items()
        }
        return Refs(resolved), ids


@pytest.fixture
async def qbo():
    harness = Harness()
    yield harness
    await harness.http.aclose()


def seed_body() -> dict[str, Any]:
    text = Path("/work/shared/seeds/000_a47f6db0a09e3f9d.txt").read_text()
    body, _ = json.JSONDecoder().raw_decode(text[text.index('{\n  "type": "Sales"') :])
    # The service hands connectors field_mappings already mapped to provider paths; undefined slugs never reach them.
    body["field_mappings"] = {}
    return body


# --- creating invoices ---


async def test_create_seed_invoice_paid(qbo):
    # Panora's example with a real customer (its contact uuid means nothing here), its duplicated tracking
    # category dropped, and a real item on its line (see the no-item test below).
    customer, item = qbo.first("Customer"), qbo.first("Item")
    refs, ids = qbo.refs(contact=f"Customer/{customer['Id']}", item=f"Item/{item['Id']}")
    raw = seed_body()
    raw["contact_id"], raw["tracking_categories"] = str(ids["contact"]), []
    raw["line_items"][0]["item_id"] = str(ids["item"])
    invoices, payments = qbo.count("Invoice"), qbo.count("Payment")

    result = await qbo.connector.create(
        "invoice", InvoiceInput.model_validate(raw), refs, request_key="seed-1"
    )

    inv = result.record.data
    assert result.record.remote_key.startswith("Invoice/")
    assert inv.sub_total == Decimal(100000)
    assert inv.total_discount == Decimal(1000)
    assert inv.total_amount == Decimal(99000)  # QBO's figure: 100000 - 1000, no tax on a NON line
    assert inv.balance == 0 and inv.status == InvoiceStatus.PAID  # the payment was recorded
    assert inv.paid_on_date == dt.datetime(2024, 7, 10, tzinfo=dt.UTC)
    assert inv.issue_date == dt.datetime(2024, 6, 15, tzinfo=dt.UTC)
    assert inv.contact_id == qbo.connector.context.ref("contact", f"Customer/{customer['Id']}")
    warnings = {w.field: w.message for w in result.warnings}
    assert set(warnings) == {
        "sub_total",
        "total_tax_amount",
        "total_amount",
        "accounting_period_id",
    }
    assert warnings["total_amount"].startswith("you sent 11000; QuickBooks computed 99000")
    assert (qbo.count("Invoice"), qbo.count("Payment")) == (invoices + 1, payments + 1)
    stored = qbo.sb.entity(qbo.realm, "Invoice", result.record.remote_id)
    assert Decimal(str(stored["Balance"])) == 0
    # A later read (sync) maps the same record, paid_on_date included (looked up from the linked payment).
    fetched = await qbo.connector.fetch("invoice", result.record.remote_key)
    assert fetched is not None and fetched.data == inv
    listed = [r for p in [p async for p in qbo.connector.pages("invoice")] for r in p]
    assert next(r for r in listed if r.remote_key == result.record.remote_key).data == inv


async def test_seed_line_without_item_uses_default_item(qbo):
    customer = qbo.first("Customer")
    refs, ids = qbo.refs(contact=f"Customer/{customer['Id']}")
    raw = seed_body()
    raw["contact_id"], raw["tracking_categories"] = str(ids["contact"]), []
    result = await qbo.connector.create(
        "invoice", InvoiceInput.model_validate(raw), refs, request_key="seed-no-item"
    )
    [line] = result.record.data.line_items
    assert line.item_id == qbo.connector.context.ref("item", "Item/1")  # QBO's default "Services" item
    assert line.total_amount == Decimal(100000)


async def test_receivable_line_with_item_tax_and_open_status(qbo):
    customer, item = qbo.first("Customer"), qbo.first("Item")
    refs, ids = qbo.refs(
        contact=f"Customer/{customer['Id']}", item=f"Item/{item['Id']}", tax_rate="TaxCode/NON"
    )
    body = InvoiceInput(
        type="ACCOUNTS_RECEIVABLE",
        contact_id=ids["contact"],
        number="LB-1",
        issue_date="2024-06-15",
        line_items=[
            {
                "description": "Work",
                "quantity": "2",
                "unit_price": "12.25",
                "item_id": ids["item"],
                "tax_rate_id": ids["tax_rate"],
            }
        ],
    )
    result = await qbo.connector.create("invoice", body, refs, request_key="open-1")
    inv = result.record.data
    assert result.warnings == []
    assert inv.status == InvoiceStatus.OPEN and inv.number == "LB-1"
    assert inv.total_amount == Decimal("24.50") and inv.balance == Decimal("24.50")
    [line] = inv.line_items
    assert (line.quantity, line.unit_price, line.total_amount) == (
        Decimal(2),
        Decimal("12.25"),
        Decimal("24.50"),
    )
    assert line.item_id == qbo.connector.context.ref("item", f"Item/{item['Id']}")


async def test_partially_paid_records_the_difference(qbo):
    customer, item = qbo.first("Customer"), qbo.first("Item")
    refs, ids = qbo.refs(contact=f"Customer/{customer['Id']}", item=f"Item/{item['Id']}")
    body = InvoiceInput(
        type="Sales",
        contact_id=ids["contact"],
        status="PARTIALLY_PAID",
        balance="30",
        line_items=[{"total_amount": "100", "item_id": ids["item"]}],
    )
    result = await qbo.connector.create("invoice", body, refs, request_key="partial-1")
    assert result.record.data.status == InvoiceStatus.PARTIALLY_PAID
    assert result.record.data.balance == Decimal(30)
    assert result.warnings == []


async def test_failed_payment_deletes_the_invoice(qbo):
    customer, item = qbo.first("Customer"), qbo.first("Item")
    refs, ids = qbo.refs(contact=f"Customer/{customer['Id']}", item=f"Item/{item['Id']}")
    body = InvoiceInput(
        type="Sales",
        contact_id=ids["contact"],
        status="PAID",
        line_items=[{"total_amount": "10", "item_id": ids["item"]}],
    )
    invoices, payments = qbo.count("Invoice"), qbo.count("Payment")
    qbo.sb.faults.add(Fault(kind="status", status=400, path_contains="/payment", method="POST"))
    with pytest.raises(ProviderRejected):
        await qbo.connector.create("invoice", body, refs, request_key="pay-fails")
    assert (qbo.count("Invoice"), qbo.count("Payment")) == (invoices, payments)  # nothing left at QBO


async def test_payable_creates_a_bill(qbo):
    vendor, account = qbo.first("Vendor"), qbo.first("Account", AccountType="Expense")
    refs, ids = qbo.refs(contact=f"Vendor/{vendor['Id']}", account=f"Account/{account['Id']}")
    body = InvoiceInput(
        type="ACCOUNTS_PAYABLE",
        contact_id=ids["contact"],
        due_date="2024-08-01",
        line_items=[{"description": "Audit", "total_amount": "150.00", "account_id": ids["account"]}],
    )
    bills = qbo.count("Bill")
    result = await qbo.connector.create("invoice", body, refs, request_key="bill-1")
    assert result.record.remote_key.startswith("Bill/")
    assert result.record.data.total_amount == Decimal(150) and result.record.data.status == InvoiceStatus.OPEN
    [line] = result.record.data.line_items
    assert line.account_id == qbo.connector.context.ref("account", f"Account/{account['Id']}")
    assert qbo.count("Bill") == bills + 1


async def test_validation_failure_calls_nobody(qbo):
    refs, ids = qbo.refs(contact="Vendor/1")
    body = InvoiceInput(
        type="ACCOUNTS_PAYABLE", contact_id=ids["contact"], line_items=[{"total_amount": "5"}]
    )
    invoices = qbo.count("Bill")
    with pytest.raises(ValidationFailed) as raised:
        await qbo.connector.create("invoice", body, refs, request_key="bad-1")
    assert [e.field for e in raised.value.errors] == ["line_items[0].account_id"]
    assert qbo.count("Bill") == invoices


async def test_qbo_validation_fault_is_rejected_and_writes_nothing(qbo):
    customer, item = qbo.first("Customer"), qbo.first("Item")
    refs, ids = qbo.refs(contact=f"Customer/{customer['Id']}", item=f"Item/{item['Id']}")
    body = InvoiceInput(
        type="Sales",
        contact_id=ids["contact"],
        number="X" * 30,
        line_items=[{"total_amount": "10", "item_id": ids["item"]}],
    )
    invoices = qbo.count("Invoice")
    with pytest.raises(ProviderRejected) as raised:
        await qbo.connector.create("invoice", body, refs, request_key="long-number")
    error = raised.value
    assert error.detail.code == "2050" and "String length" in error.detail.message
    assert [e.field for e in error.errors] == ["number"]
    assert qbo.count("Invoice") == invoices


# --- idempotency, retries, rate limits ---


def _simple_invoice(qbo: Harness) -> tuple[InvoiceInput, Refs]:
    customer, item = qbo.first("Customer"), qbo.first("Item")
    refs, ids = qbo.refs(contact=f"Customer/{customer['Id']}", item=f"Item/{item['Id']}")
    return InvoiceInput(
        type="Sales", contact_id=ids["contact"], line_items=[{"total_amount": "10", "item_id": ids["item"]}]
    ), refs


async def test_same_request_key_writes_once(qbo):
    body, refs = _simple_invoice(qbo)
    invoices = qbo.count("Invoice")
    first = await qbo.connector.create("invoice", body, refs, request_key="same")
    again = await qbo.connector.create("invoice", body, refs, request_key="same")
    assert again.record.remote_id == first.record.remote_id
    assert qbo.count("Invoice") == invoices + 1


async def test_create_retried_after_503_writes_once(qbo):
    body, refs = _simple_invoice(qbo)
    invoices = qbo.count("Invoice")
    qbo.sb.faults.add(Fault(kind="status", status=503, times=1, path_contains="/invoice", method="POST"))
    result = await qbo.connector.create("invoice", body, refs, request_key="after-503")
    assert qbo.sb.faults.injected == 1
    assert result.record.data.total_amount == Decimal(10)
    assert qbo.count("Invoice") == invoices + 1


async def test_429_waits_retry_after_then_succeeds(qbo):
    qbo.sb.faults.add(Fault(kind="status", status=429, times=1, retry_after=1, path_contains="/query"))
    started = time.monotonic()
    pages = [page async for page in qbo.connector.pages("account")]
    assert time.monotonic() - started >= 1.0  # Retry-After was honoured
    assert qbo.sb.faults.injected == 1
    assert sum(len(p) for p in pages) == qbo.count("Account")


# --- reads ---


@pytest.mark.parametrize("object_name", OBJECTS)
async def test_pages_cover_every_object(qbo, object_name):
    records = [r for page in [p async for p in qbo.connector.pages(object_name)] for r in page]
    assert records, f"the demo seed has no {object_name}"
    assert len({r.remote_key for r in records}) == len(records)
    assert all(r.object == object_name and r.remote_updated_at is not None for r in records)
    fetched = await qbo.connector.fetch(object_name, records[0].remote_key)
    assert fetched is not None and fetched.data == records[0].data


async def test_pages_are_bounded_and_complete(qbo):
    qbo.connector.page_size = 2
    pages = [page async for page in qbo.connector.pages("invoice")]
    assert max(len(p) for p in pages) <= 2 and len(pages) > 1
    assert sum(len(p) for p in pages) == qbo.count("Invoice") + qbo.count("Bill")


async def test_pages_since_and_inactive_records(qbo):
    later = time.time() + 120
    qbo.sb.clock = lambda: later  # everything written from now on is two minutes newer than the seed
    customer = qbo.first("Customer")
    qbo.sb.write(
        qbo.realm,
        "Customer",
        {"Id": customer["Id"], "SyncToken": customer["SyncToken"], "sparse": True, "Active": False},
    )
    since = dt.datetime.fromtimestamp(later - 60, dt.UTC)
    changed = [r for p in [p async for p in qbo.connector.pages("contact", since)] for r in p]
    assert [r.remote_key for r in changed] == [f"Customer/{customer['Id']}"]
    assert changed[0].data.status == RecordStatus.ARCHIVED
    everything = [r for p in [p async for p in qbo.connector.pages("contact")] for r in p]
    assert f"Customer/{customer['Id']}" in {r.remote_key for r in everything}  # inactive ones are listed too
    assert [p async for p in qbo.connector.pages("invoice", since)] == []


async def test_fetch_unknown_is_none(qbo):
    assert await qbo.connector.fetch("invoice", "Invoice/987654") is None
    assert await qbo.connector.fetch("contact", "Vendor/987654") is None
    assert await qbo.connector.fetch("invoice", "Customer/1") is None  # not an invoice entity


# --- contacts ---


async def test_create_contacts(qbo):
    vendors = qbo.count("Vendor")
    supplier = await qbo.connector.create(
        "contact",
        ContactInput(name="Ledgerbridge Supplies", is_supplier=True, email_address="ap@example.com"),
        Refs(),
        request_key="c-1",
    )
    assert supplier.record.remote_key.startswith("Vendor/") and supplier.warnings == []
    assert supplier.record.data.email_address == "ap@example.com"
    assert qbo.count("Vendor") == vendors + 1
    both = await qbo.connector.create(
        "contact",
        ContactInput(name="Both Ways Ltd", is_supplier=True, is_customer=True),
        Refs(),
        request_key="c-2",
    )
    assert both.record.remote_key.startswith("Customer/")
    assert [w.field for w in both.warnings] == ["is_supplier"]


# --- OAuth ---


async def test_expired_token_is_refreshed_and_saved(qbo):
    connector = qbo.connect(expires_at=time.time() - 10)
    old_refresh = qbo.tokens["refresh_token"]
    assert [p async for p in connector.pages("account")]
    assert len(qbo.saved) == 1
    assert qbo.saved[0]["refresh_token"] != old_refresh  # rotated, and saved before use
    assert qbo.saved[0]["access_token"] != qbo.tokens["access_token"]
    assert connector.context.credentials["refresh_token"] == qbo.saved[0]["refresh_token"]


async def test_revoked_access_token_refreshes_on_401(qbo):
    connector = qbo.connect(access_token="revoked")
    assert await connector.fetch("tax_rate", "TaxCode/NON") is not None
    assert len(qbo.saved) == 1 and qbo.saved[0]["access_token"] != "revoked"
