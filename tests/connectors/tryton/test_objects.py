"""Contacts, accounts, items and tax rates read from (and contacts written to) a live Tryton."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledgerbridge.connectors.base import Refs
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.tryton import TrytonConnector
from ledgerbridge.errors import NotSupported, ProviderAuthFailed
from ledgerbridge.unified.account import AccountClassification
from ledgerbridge.unified.contact import ContactInput


async def everything(connector, object_name, since=None):
    return [record async for page in connector.pages(object_name, since) for record in page]


async def test_contact_create_reads_back(book):
    body = ContactInput(name="Hooli", email_address="ap@hooli.example", tax_number="US-99-1234567",
                        is_customer=True, is_supplier=False)
    result = await book.connector.create("contact", body, Refs(), request_key="k")
    contact = result.record.data
    assert result.record.remote_key.startswith("party.party/")
    assert (contact.name, contact.email_address, contact.tax_number) == ("Hooli", "ap@hooli.example",
                                                                          "US-99-1234567")
    assert (contact.is_customer, contact.is_supplier) == (True, False)
    assert (await book.connector.fetch("contact", result.record.remote_key)).data == contact
    party, = await book.rpc.read("party.party", [int(result.record.remote_id)],
                                 ["account_receivable", "addresses"])
    assert party["account_receivable"] == book.ids["accounts"]["receivable"] and party["addresses"]


async def test_contacts_are_customers_or_suppliers_by_their_invoices(book):
    before = {r.data.name: r.data for r in await everything(book.connector, "contact")}
    assert not before["Umbrella Services"].is_supplier and not before["Globex Ltd"].is_customer
    supplier_id, supplier = book.party("supplier2")
    from ledgerbridge.unified.invoice import InvoiceInput

    await book.connector.create("invoice", InvoiceInput.model_validate({
        "type": "ACCOUNTS_PAYABLE", "contact_id": str(supplier_id),
        "line_items": [{"description": "Paper", "value": 12}]}), Refs({supplier_id: supplier}), request_key="k")
    contacts = {r.data.name: r.data for r in await everything(book.connector, "contact")}
    assert contacts["Umbrella Services"].is_supplier and not contacts["Umbrella Services"].is_customer
    assert contacts["Initech Supplies"].is_supplier  # by its own payable account
    assert not contacts["Globex Ltd"].is_customer
    assert contacts["Acme Corp"].email_address == "billing@acme.example"


async def test_accounts_taxes_and_items(book):
    accounts = {r.data.account_number: r for r in await everything(book.connector, "account")}
    assert len(accounts) > 100
    assert accounts["1.2.1"].data.classification is AccountClassification.ASSET
    assert accounts["2.1.1"].data.classification is AccountClassification.LIABILITY
    assert accounts["4.1.2"].data.classification is AccountClassification.REVENUE
    assert accounts["5.1.3"].data.classification is AccountClassification.EXPENSE
    assert any(r.data.classification is AccountClassification.EQUITY for r in accounts.values())
    assert accounts["1.2.1"].data.parent_account is not None

    tax, = await everything(book.connector, "tax_rate")
    assert tax.remote_key == f"account.tax/{book.ids['tax']}"
    assert tax.data.total_tax_rate == Decimal(10) and tax.data.effective_tax_rate == Decimal(10)

    items = {r.data.name: r.data for r in await everything(book.connector, "item")}
    assert items["Consulting hour"].unit_price == Decimal("100")
    assert items["Support plan"].unit_price == Decimal("49.90")
    revenue = book.context.ref("account", f"account.account/{book.ids['accounts']['revenue']}")
    assert items["Shipping"].sales_account == revenue

    fetched = await book.connector.fetch("item", f"product.product/{book.ids['products']['shipping']}")
    assert fetched is not None and fetched.data == items["Shipping"]


async def test_tracking_categories_are_not_supported(book):
    assert not TrytonConnector.capabilities.supports("tracking_category", "list")
    with pytest.raises(NotSupported):
        await book.connector.fetch("tracking_category", "x/1")


async def test_bad_password_is_auth_failed(book):
    http = ProviderHttp()
    credentials = {**book.context.credentials, "password": "wrong"}
    connector = TrytonConnector(type(book.context)(book.context.connection_id, book.context.project_id,
                                                   "tryton", credentials, book.context.save_credentials), http)
    with pytest.raises(ProviderAuthFailed):
        await connector.fetch("contact", "party.party/1")
    await http.aclose()


async def test_expired_session_logs_in_again(book):
    from ledgerbridge.connectors.tryton import client

    user_id, token = await book.rpc.login()
    await book.rpc.call("common.db.logout")  # the server forgets the session
    assert client._SESSIONS[book.rpc._key] == (user_id, token)
    assert await book.connector.fetch("tax_rate", f"account.tax/{book.ids['tax']}") is not None
    assert client._SESSIONS[book.rpc._key] != (user_id, token)


async def test_fetch_many_reads_the_keys_tryton_has(book):
    shipping, consulting = book.ids["products"]["shipping"], book.ids["products"]["consulting"]
    keys = [f"product.product/{shipping}", str(consulting), "product.product/999999", "party.party/1"]
    found = await book.connector.fetch_many("item", keys)
    assert sorted(found) == sorted(keys[:2])  # the bare id is answered under the key asked
    assert found[keys[0]].data == (await book.connector.fetch("item", keys[0])).data
    assert found[keys[1]].remote_key == f"product.product/{consulting}"
