"""The unmodified xero-python SDK drives the sandbox over real HTTP (uvicorn on a loopback port)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from xero_python.accounting import Account as XAccount
from xero_python.accounting import AccountingApi, Contact, Contacts, Invoice, Invoices, LineItem, Payment, Payments
from xero_python.api_client import ApiClient, Configuration
from xero_python.api_client.oauth2 import OAuth2Token, TokenApi
from xero_python.exceptions import AccountingBadRequestException, NotFoundException, RateLimitException
from xero_python.identity import IdentityApi


@pytest.fixture
def sdk(live, monkeypatch):
    CLIENT_ID, CLIENT_SECRET = live.client_id, live.client_secret
    monkeypatch.setattr(TokenApi, "refresh_token_url", f"{live.url}/identity/connect/token")
    monkeypatch.setattr(TokenApi, "revoke_token_url", f"{live.url}/identity/connect/revocation")
    token = live.sb.issue_tokens(CLIENT_ID, [live.tenant])
    token["expires_at"] = time.time() + token["expires_in"]
    token["scope"] = token["scope"].split()
    store = {"token": token}
    client = ApiClient(Configuration(oauth2_token=OAuth2Token(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)),
                       pool_threads=1, oauth2_token_getter=lambda: store["token"],
                       oauth2_token_saver=lambda t: store.update(token=t))
    client.set_oauth2_token(token)
    accounting = AccountingApi(client, base_url=f"{live.url}/api.xro/2.0")
    identity = IdentityApi(client, base_url=live.url)
    yield accounting, identity, store, live


def new_invoice(contact_id: str, qty: str = "2", unit: str = "150.25", **kw) -> Invoice:
    return Invoice(type="ACCREC", contact=Contact(contact_id=contact_id), date=date(2024, 3, 1),
                   due_date=date(2024, 3, 31), line_items=[LineItem(description="SDK line", quantity=Decimal(qty),
                                                                    unit_amount=Decimal(unit), account_code="200",
                                                                    tax_type="OUTPUT2")], **kw)


def test_connections_and_invoice_lifecycle(sdk):
    accounting, identity, _store, live = sdk
    connections = identity.get_connections()
    assert [c.tenant_id for c in connections] == [live.tenant]
    tenant = str(connections[0].tenant_id)

    contacts = accounting.create_contacts(tenant,
                                          contacts=Contacts(contacts=[Contact(name=f"SDK Co {time.time_ns()}")]))
    contact_id = contacts.contacts[0].contact_id
    created = accounting.create_invoices(tenant, invoices=Invoices(invoices=[new_invoice(contact_id)]))
    inv = created.invoices[0]
    assert (inv.sub_total, inv.total_tax, inv.total) == (Decimal("300.50"), Decimal("45.08"), Decimal("345.58"))
    assert inv.status == "DRAFT" and inv.invoice_number.startswith("INV-")
    assert inv.date == date(2024, 3, 1)  # sent as /Date(ms)/ by the SDK, parsed back from /Date(ms+0000)/

    got = accounting.get_invoice(tenant, inv.invoice_id)
    assert got.invoices[0].line_items[0].line_amount == Decimal("300.50")

    updated = accounting.update_invoice(tenant, inv.invoice_id,
                                        invoices=Invoices(invoices=[Invoice(status="AUTHORISED")]))
    assert updated.invoices[0].status == "AUTHORISED"

    drafts = accounting.get_invoices(tenant, where=f'Contact.ContactID==guid("{contact_id}")', page=1)
    assert [i.invoice_id for i in drafts.invoices] == [inv.invoice_id]
    assert drafts.pagination.item_count == 1
    by_status = accounting.get_invoices(tenant, statuses=["AUTHORISED"], page=1, page_size=1000)
    assert inv.invoice_id in {i.invoice_id for i in by_status.invoices}
    assert all(i.status == "AUTHORISED" for i in by_status.invoices)
    since = accounting.get_invoices(tenant, if_modified_since=datetime.now(UTC) - timedelta(minutes=5))
    assert inv.invoice_id in {i.invoice_id for i in since.invoices}
    future = accounting.get_invoices(tenant, if_modified_since=datetime.now(UTC) + timedelta(minutes=5))
    assert future.invoices == []

    payment = accounting.create_payment(tenant, payment=Payment(
        invoice=Invoice(invoice_id=inv.invoice_id), account=XAccount(code="090"), amount=Decimal("345.58"),
        date=date(2024, 3, 10)))
    assert payment.payments[0].amount == Decimal("345.58")
    assert accounting.get_invoice(tenant, inv.invoice_id).invoices[0].status == "PAID"
    listed = accounting.get_payments(tenant, where=f'Invoice.InvoiceID==guid("{inv.invoice_id}")')
    assert len(listed.payments) == 1

    names = accounting.get_contacts(tenant, where=f'Name=="{contacts.contacts[0].name}"')
    assert names.contacts[0].is_customer is True


def test_errors_surface_as_sdk_exceptions(sdk):
    accounting, _identity, _store, live = sdk
    with pytest.raises(AccountingBadRequestException) as exc:
        accounting.create_invoices(live.tenant, invoices=Invoices(invoices=[Invoice(type="ACCREC")]))
    assert exc.value.reason == "A Contact must be specified for this type of transaction"
    with pytest.raises(NotFoundException):
        accounting.get_invoice(live.tenant, "00000000-0000-0000-0000-000000000000")
    payments_before = live.sb.count(live.tenant, "Payments")
    # urllib3 (inside the SDK) honours Retry-After on 429 and retries 3 times, as it would against Xero;
    # a short window keeps that to ~3 s here.
    saved = live.sb.limiter.per_minute, live.sb.limiter.minute_s
    live.sb.limiter.per_minute, live.sb.limiter.minute_s = 0, 0.5
    try:
        with pytest.raises(RateLimitException) as rl:
            accounting.create_payments(live.tenant, payments=Payments(payments=[]))
        assert rl.value.rate_limit == "minute"
    finally:
        live.sb.limiter.per_minute, live.sb.limiter.minute_s = saved
    assert live.sb.count(live.tenant, "Payments") == payments_before


def test_refresh_token_flow(sdk):
    accounting, _identity, store, live = sdk
    old = dict(store["token"])
    store["token"]["expires_at"] = time.time() - 10  # the SDK refreshes by expiry before calling
    org = accounting.get_organisations(live.tenant)
    assert org.organisations[0].name == "Demo Company (Global)"
    assert store["token"]["access_token"] != old["access_token"]
    assert store["token"]["refresh_token"] != old["refresh_token"]
    # refresh tokens rotate: the old one is dead now
    import httpx
    resp = httpx.post(f"{live.url}/identity/connect/token",
                      data={"grant_type": "refresh_token", "refresh_token": old["refresh_token"],
                            "client_id": live.client_id, "client_secret": live.client_secret})
    assert resp.status_code == 400 and resp.json() == {"error": "invalid_grant"}
