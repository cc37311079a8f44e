"""The Xero connector against the Xero sandbox, over httpx.ASGITransport: no mocks of our own code.

Every PUT/POST the connector sends is validated against Xero's official OpenAPI request schema by
:class:`ContractTransport` before the sandbox sees it, so a mapping that drifts from the contract fails here.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from ledgerbridge import wire
from ledgerbridge.connectors.base import ConnectionContext, Ref, Refs
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.xero import XeroConnector
from ledgerbridge.errors import ProviderRejected, ValidationFailed
from ledgerbridge.sandbox.faults import Fault
from ledgerbridge.sandbox.xero import XeroSandbox, create_app
from ledgerbridge.sandbox.xero.contract import spec, validate_request
from ledgerbridge.unified.contact import ContactInput
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceStatus, InvoiceType

SEED = Path("/work/shared/seeds/000_a47f6db0a09e3f9d.txt")
PREFIX = "/api.xro/2.0"
# Known gap in the official OpenAPI: Invoice.Status lacks VOIDED, Xero's documented way to cancel an AUTHORISED
# invoice (xero-python allows it). The connector's undo sends exactly this and nothing else.
VOID_BODY = re.compile(r'^\{"Invoices":\[\{"InvoiceID":"[0-9a-f-]+","Status":"VOIDED"\}\]\}$')


def _template(method: str, path: str) -> str:
    """The OpenAPI path template a concrete path matches: /Invoices/abc → /Invoices/{InvoiceID}."""
    rel = path[path.lower().index(PREFIX.lower()) + len(PREFIX):]
    for template, item in spec()["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", re.escape(template).replace(r"\{", "{").replace(r"\}", "}")) + "$"
        if method.lower() in item and re.match(pattern, rel, re.I):
            return template
    raise AssertionError(f"{method} {rel} is not in the Xero OpenAPI")


class ContractTransport(httpx.AsyncBaseTransport):
    """Validates every accounting write against the contract, records every request, can lose responses."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.requests: list[httpx.Request] = []
        self.lose: list[tuple[str, str]] = []  # (method, path fragment): forward, then drop the answer once

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        content = await request.aread()
        self.requests.append(request)
        if request.method in ("PUT", "POST") and PREFIX in request.url.path and not VOID_BODY.match(content.decode()):
            validate_request(request.method, _template(request.method, request.url.path), wire.loads(content))
        response = await self.inner.handle_async_request(request)
        for lost in list(self.lose):
            if request.method == lost[0] and lost[1] in request.url.path and response.status_code < 500:
                self.lose.remove(lost)
                await response.aread()
                raise httpx.ReadError("connection dropped after the request was processed", request=request)
        return response

    def writes(self, fragment: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method in ("PUT", "POST") and fragment in r.url.path]


class Env:
    def __init__(self) -> None:
        self.sb = XeroSandbox()
        self.tenant = self.sb.create_tenant()
        self.sb.seed_demo(self.tenant)
        self.sb.register_client("ledgerbridge", "s3cret")
        tokens = self.sb.issue_tokens("ledgerbridge", [self.tenant])
        self.transport = ContractTransport(httpx.ASGITransport(app=create_app(self.sb)))
        self.http = ProviderHttp(transports={"xero": self.transport})
        self.saved: list[dict[str, Any]] = []
        self.context = ConnectionContext(uuid.uuid4(), uuid.uuid4(), "xero", {
            "client_id": "ledgerbridge", "client_secret": "s3cret", "access_token": tokens["access_token"],
            "refresh_token": tokens["refresh_token"], "expires_at": time.time() + 1800, "tenant_id": self.tenant,
            "api_base": "http://xero/api.xro/2.0", "token_url": "http://xero/identity/connect/token",
        }, self._save)
        self.connector = XeroConnector(self.context, self.http)

    async def _save(self, credentials: dict[str, Any]) -> None:
        self.saved.append(credentials)

    async def records(self, object_name: str, since: dt.datetime | None = None) -> list[Any]:
        return [r for page in [p async for p in self.connector.pages(object_name, since)] for r in page]

    async def refs(self) -> tuple[Refs, dict[str, uuid.UUID]]:
        """What the service would resolve: every synced record of the settings objects, by a readable name."""
        resolved: dict[uuid.UUID, Ref] = {}
        names: dict[str, uuid.UUID] = {}
        for object_name in ("contact", "account", "item", "tax_rate", "tracking_category"):
            for record in await self.records(object_name):
                unified_id = self.context.ref(object_name, record.remote_key)
                resolved[unified_id] = Ref(object_name, record.remote_key, record.remote_id,
                                           record.data.model_dump(mode="json"))
                label = getattr(record.data, "account_number", None) if object_name == "account" else None
                label = label or getattr(record.data, "name", None) or getattr(record.data, "description", None)
                names[f"{object_name}:{label}"] = unified_id
                names[f"{object_name}:{record.remote_key}"] = unified_id
        return Refs(resolved), names


@pytest.fixture
async def env() -> Any:
    environment = Env()
    yield environment
    await environment.http.aclose()


def seed_body(names: dict[str, uuid.UUID], **changes: Any) -> InvoiceInput:
    """The Panora seed request body, with ids that exist in this connection."""
    raw = SEED.read_text()
    start = raw.index('{\n  "type"')
    body = wire.loads(raw[start:raw.index("\n}\n", start) + 2])
    body.update(contact_id=str(names["contact:Bayside Club"]),
                tracking_categories=[str(names["tracking_category:Region: North"])])
    body["line_items"][0]["account_id"] = str(names["account:200"])
    body["line_items"][0]["tax_rate_id"] = str(names["tax_rate:OUTPUT2"])
    body.update(changes)
    return InvoiceInput.model_validate(body)


async def test_create_paid_invoice_from_the_panora_seed(env: Env) -> None:
    refs, names = await env.refs()
    payments = env.sb.count(env.tenant, "Payments")
    body = seed_body(names)
    result = await env.connector.create("invoice", body, refs, request_key="seed-1")
    data = result.record.data
    # Xero computed the totals itself: 100000 exclusive of 15 % GST.
    assert (data.sub_total, data.total_tax_amount, data.total_amount) == (
        Decimal("100000.00"), Decimal("15000.00"), Decimal("115000.00"))
    assert data.status == InvoiceStatus.PAID and data.balance == Decimal("0.00")
    assert data.paid_on_date == dt.datetime(2024, 7, 10, tzinfo=dt.UTC)
    assert data.type == InvoiceType.ACCOUNTS_RECEIVABLE and data.number == "INV-001" and data.currency == "USD"
    assert data.memo == "Payment for services rendered" and data.exchange_rate == "1.2"
    assert data.contact_id == names["contact:Bayside Club"]
    assert data.line_items[0].tracking_categories == [names["tracking_category:Region: North"]]
    warned = {w.field: w.message for w in result.warnings}
    assert set(warned) == {"accounting_period_id", "field_mappings", "total_discount", "tracking_categories",
                           "sub_total", "total_tax_amount", "total_amount"}
    assert warned["total_amount"] == "you sent 11000; Xero computed 115000.00"
    stored = env.sb.get(env.tenant, "Invoices", result.record.remote_id)
    assert stored is not None and stored["Status"] == "PAID" and len(stored["Payments"]) == 1
    assert env.sb.count(env.tenant, "Payments") == payments + 1
    payment_put = env.transport.writes("/Payments")[0]
    assert wire.loads(payment_put.content)["Payments"][0]["Account"] == {"Code": "090"}
    keys = {r.headers["Idempotency-Key"] for r in env.transport.writes("")}
    assert len(keys) == 2  # invoice and payment: one key each


async def test_open_payable_invoice(env: Env) -> None:
    refs, names = await env.refs()
    body = InvoiceInput.model_validate({
        "type": "ACCOUNTS_PAYABLE", "number": "BILL-7", "contact_id": names["contact:PowerDirect"],
        "issue_date": "2024-03-01", "total_amount": "57.50",
        "line_items": [{"description": "Power", "quantity": 2, "unit_price": "25.00",
                        "account_id": names["account:445"], "tax_rate_id": names["tax_rate:INPUT2"]}]})
    result = await env.connector.create("invoice", body, refs, request_key="bill-1")
    data = result.record.data
    assert data.type == InvoiceType.ACCOUNTS_PAYABLE and data.status == InvoiceStatus.OPEN
    assert (data.sub_total, data.total_tax_amount, data.total_amount, data.balance) == (
        Decimal("50.00"), Decimal("7.50"), Decimal("57.50"), Decimal("57.50"))
    assert result.warnings == []
    assert data.line_items[0].account_id == names["account:445"]
    stored = env.sb.get(env.tenant, "Invoices", result.record.remote_id)
    assert stored["Type"] == "ACCPAY" and stored["Status"] == "AUTHORISED" and stored["LineAmountTypes"] == "Exclusive"


async def test_item_line_sends_the_item_code(env: Env) -> None:
    refs, names = await env.refs()
    item_id = names["item:Fish out of Water: Finding Your Brand"]
    body = InvoiceInput.model_validate({"type": "Sales", "status": "DRAFT", "contact_id": names["contact:Boom FM"],
                                        "line_items": [{"quantity": 3, "unit_price": "19.95", "item_id": item_id}]})
    result = await env.connector.create("invoice", body, refs, request_key="item-1")
    sent = wire.loads(env.transport.writes("/Invoices")[0].content)["Invoices"][0]["LineItems"][0]
    assert sent["ItemCode"] == "BOOK"
    assert result.record.data.status == InvoiceStatus.DRAFT
    assert result.record.data.line_items[0].item_id == names["item:Fish out of Water: Finding Your Brand"]
    assert result.record.data.sub_total == Decimal("59.85")


async def test_contact_create(env: Env) -> None:
    body = ContactInput(name="Harbour Traders", email_address="ap@harbour.example", tax_number="99-1",
                        currency="NZD", is_supplier=True)
    result = await env.connector.create("contact", body, Refs(), request_key="contact-1")
    assert result.record.data.name == "Harbour Traders" and result.record.data.email_address == "ap@harbour.example"
    stored = env.sb.get(env.tenant, "Contacts", result.record.remote_id)
    assert stored["TaxNumber"] == "99-1" and stored["DefaultCurrency"] == "NZD"
    assert [w.field for w in result.warnings] == ["is_supplier"]
    fetched = await env.connector.fetch("contact", result.record.remote_key)
    assert fetched is not None and fetched.data.name == "Harbour Traders"


async def test_validation_error_is_surfaced_field_by_field_and_nothing_is_written(env: Env) -> None:
    refs, names = await env.refs()
    ghost = uuid.uuid4()
    ghost_ref = Ref("account", str(uuid.uuid4()), str(uuid.uuid4()), {"account_number": "999"})
    refs = Refs({**refs._resolved, ghost: ghost_ref})
    before = env.sb.count(env.tenant, "Invoices")
    body = InvoiceInput.model_validate({"type": "ACCREC", "contact_id": names["contact:Bayside Club"],
                                        "line_items": [{"total_amount": 10, "account_id": ghost}]})
    with pytest.raises(ProviderRejected) as caught:
        await env.connector.create("invoice", body, refs, request_key="bad-1")
    assert [e.field for e in caught.value.errors] == ["line_items.account_id"]
    assert "Account code '999'" in caught.value.errors[0].message
    assert env.sb.count(env.tenant, "Invoices") == before
    with pytest.raises(ValidationFailed) as invalid:  # caught before calling Xero
        await env.connector.create("invoice", InvoiceInput.model_validate(
            {"type": "ACCREC", "status": "VOID", "line_items": [{"total_amount": 1}]}), refs, request_key="bad-2")
    assert {e.field for e in invalid.value.errors} == {"contact_id", "status"}


async def test_failed_payment_voids_the_invoice(env: Env) -> None:
    refs, names = await env.refs()
    env.context.credentials["payment_account_code"] = "200"  # a revenue account: Xero refuses payments into it
    payments = env.sb.count(env.tenant, "Payments")
    body = seed_body(names)
    with pytest.raises(ProviderRejected) as caught:
        await env.connector.create("invoice", body, refs, request_key="pay-fails")
    assert "Account type is invalid" in caught.value.message
    created = wire.loads(env.transport.writes("/Invoices")[0].content)["Invoices"][0]
    assert created["InvoiceNumber"] == "INV-001"
    voided = [i for i in env.sb.store.query(env.tenant, "Invoices", keys=["INV-001"])[0]]
    assert [i["Status"] for i in voided] == ["VOIDED"]
    assert env.sb.count(env.tenant, "Payments") == payments


async def test_rate_limited_then_success_honours_retry_after(env: Env) -> None:
    env.sb.faults.add(Fault(kind="status", status=429, retry_after=1, path_contains="/Contacts", times=1))
    started = time.monotonic()
    records = await env.records("contact")
    assert time.monotonic() - started >= 1.0
    assert len(records) == 8
    assert len([r for r in env.transport.requests if "/Contacts" in r.url.path]) == 2


async def test_retried_write_after_503_or_lost_answer_writes_once(env: Env) -> None:
    refs, names = await env.refs()
    before = env.sb.count(env.tenant, "Invoices")
    env.sb.faults.add(Fault(kind="status", status=503, path_contains="/Invoices", method="PUT", times=1))
    env.transport.lose.append(("PUT", "/Invoices"))  # the second attempt is processed but its answer is lost
    body = InvoiceInput.model_validate({"type": "ACCREC", "contact_id": names["contact:Bayside Club"],
                                        "line_items": [{"total_amount": 10, "account_id": names["account:200"]}]})
    result = await env.connector.create("invoice", body, refs, request_key="retry-1")
    puts = env.transport.writes("/Invoices")
    assert len(puts) == 3 and len({r.headers["Idempotency-Key"] for r in puts}) == 1
    assert env.sb.count(env.tenant, "Invoices") == before + 1
    assert result.record.data.total_amount == Decimal("11.50")


async def test_expired_token_is_refreshed_and_saved(env: Env) -> None:
    old = dict(env.context.credentials)
    env.context.credentials["expires_at"] = time.time() - 10
    assert len(await env.records("account")) > 0
    assert env.saved and env.saved[-1]["access_token"] != old["access_token"]
    assert env.saved[-1]["refresh_token"] != old["refresh_token"]  # Xero rotates refresh tokens
    # A 401 mid-life (revoked early) refreshes once and retries.
    env.sb.faults.add(Fault(kind="status", status=401, path_contains="/TaxRates", times=1))
    assert len(await env.records("tax_rate")) == 6
    assert len(env.saved) == 2


async def test_pages_incremental_with_if_modified_since(env: Env) -> None:
    env.connector.page_size = 3
    pages = [page async for page in env.connector.pages("contact")]
    assert [len(p) for p in pages] == [3, 3, 2]
    since = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)  # seeded contacts date from 2024
    await env.connector.create("contact", ContactInput(name="New Co"), Refs(), request_key="c-new")
    changed = await env.records("contact", since)
    assert [r.data.name for r in changed] == ["New Co"]
    last = [r for r in env.transport.requests if r.method == "GET" and "/Contacts" in r.url.path][-1]
    assert last.headers["If-Modified-Since"] == since.replace(microsecond=0, tzinfo=None).isoformat()
    assert last.url.params["page"] == "1" and last.url.params["pageSize"] == "3"


async def test_settings_lists_and_fetch(env: Env) -> None:
    accounts = await env.records("account")
    bank = next(a for a in accounts if a.data.account_number == "090")
    assert bank.data.classification.value == "ASSET" and bank.data.type == "BANK"
    items = await env.records("item")
    book = next(i for i in items if i.data.name.startswith("Fish"))
    assert book.data.unit_price == Decimal("19.95") and book.data.purchase_price == Decimal("12.50")
    assert book.data.sales_account == env.context.ref("account", next(
        a.remote_key for a in accounts if a.data.account_number == "200"))
    rates = {r.remote_key: r for r in await env.records("tax_rate")}
    assert rates["OUTPUT2"].data.effective_tax_rate == Decimal(15)
    tracking = await env.records("tracking_category")
    assert sorted(r.data.name for r in tracking if r.data.category_type == "TRACKING_OPTION") == [
        "Department: Administration", "Department: Engineering", "Department: Sales", "Region: North",
        "Region: South"]
    north = next(r for r in tracking if r.data.name == "Region: North")
    fetched = await env.connector.fetch("tracking_category", north.remote_key)
    assert fetched is not None and fetched.data == north.data
    assert (await env.connector.fetch("account", bank.remote_key)).data == bank.data
    assert (await env.connector.fetch("tax_rate", "OUTPUT2")).remote_id == "OUTPUT2"


async def test_invoice_pages_and_fetch_unknown_is_none(env: Env) -> None:
    invoices = await env.records("invoice")
    assert len(invoices) == env.sb.count(env.tenant, "Invoices") > 12 and all(i.data.line_items for i in invoices)
    statuses = {i.data.status for i in invoices}
    assert {InvoiceStatus.DRAFT, InvoiceStatus.SUBMITTED} <= statuses
    one = await env.connector.fetch("invoice", invoices[0].remote_key)
    assert one is not None and one.data == invoices[0].data
    assert await env.connector.fetch("invoice", str(uuid.uuid4())) is None
    assert await env.connector.fetch("contact", str(uuid.uuid4())) is None
    assert await env.connector.fetch("tracking_category", f"{uuid.uuid4()}/{uuid.uuid4()}") is None
    get = next(r for r in env.transport.requests if r.method == "GET" and "/Invoices" in r.url.path)
    assert get.headers["xero-tenant-id"] == env.tenant and get.headers["Accept"] == "application/json"
