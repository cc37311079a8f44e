"""Contact, item, account, tracking category and tax rate mapping, fed with recorded QBO responses.

Class, Department, TaxCode and TaxRate exist only as XML recordings (quickbooks-ruby); their JSON here is
written by hand from those recordings and Finance.xsd (JSON names = XSD element names, refs as {"value"}).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerbridge.connectors.quickbooks.mapping import account, contact, item, tax_rate, tracking_category
from ledgerbridge.unified.account import AccountClassification
from ledgerbridge.unified.contact import ContactInput
from ledgerbridge.unified.status import AccountStatus, RecordStatus

# --- contacts ---


def test_customer(ctx, recorded):
    record = contact.to_unified("Customer", recorded("customer/nango-get-customer.json")["Customer"], ctx)
    c = record.data
    assert (record.remote_key, record.remote_id) == ("Customer/1", "1")
    assert record.remote_updated_at == dt.datetime(2026, 5, 5, 10, 13, 7, tzinfo=dt.UTC)
    assert c.name == "Test Customer Updated Final"
    assert (c.is_customer, c.is_supplier) == (True, False)
    assert c.email_address == "Birds@Intuit.com"
    assert c.currency == "USD"
    assert c.status == RecordStatus.ACTIVE


def test_vendor_and_inactive_vendor(ctx, recorded):
    v = contact.to_unified("Vendor", recorded("vendor/nango-get-vendor.json")["Vendor"], ctx)
    assert v.remote_key == "Vendor/56" and v.data.is_supplier and not v.data.is_customer
    rows = recorded("vendor/qbo_api-query-inactive-vendors.json")["QueryResponse"]["Vendor"]
    mapped = {r["Id"]: contact.to_unified("Vendor", r, ctx).data for r in rows}
    assert mapped["53"].status == RecordStatus.ARCHIVED
    assert mapped["53"].name == "United States Treasury (deleted)"
    assert sum(m.status == RecordStatus.ACTIVE for m in mapped.values()) == len(rows) - 1


def test_every_recorded_customer_maps(ctx, recorded):
    rows = recorded("customer/nango-customers.json")["QueryResponse"]["Customer"]
    keys = {contact.to_unified("Customer", r, ctx).remote_key for r in rows}
    assert len(keys) == len(rows) == 33


@pytest.mark.parametrize(
    ("flags", "entity"),
    [
        ({"is_supplier": True}, "Vendor"),
        ({"is_customer": True}, "Customer"),
        ({"is_customer": True, "is_supplier": True}, "Customer"),
        ({}, "Customer"),
    ],
)
def test_contact_entity_choice(flags, entity):
    assert contact.entity_for(ContactInput(name="X", **flags)) == entity


def test_contact_to_remote():
    body = ContactInput(
        name="Bob's Burger Joint",
        is_supplier=True,
        email_address="bob@example.com",
        currency="usd",
        tax_number="12-3456789",
        status="archived",
    )
    assert contact.to_remote(body) == {
        "DisplayName": "Bob's Burger Joint",
        "PrimaryEmailAddr": {"Address": "bob@example.com"},
        "CurrencyRef": {"value": "USD"},
        "TaxIdentifier": "12-3456789",
        "Active": False,
    }
    assert contact.to_remote(ContactInput(name="Amy", tax_number="X1")) == {
        "DisplayName": "Amy",
        "PrimaryTaxIdentifier": "X1",
    }


# --- items and accounts ---


def test_item(ctx, recorded, rid):
    record = item.to_unified(recorded("item/nango-get-item.json")["Item"], ctx)
    assert record.remote_key == "Item/19"
    assert record.data.name == "Test Service Item"
    assert record.data.unit_price == Decimal(0)
    assert record.data.sales_account == rid("account", "Account/85")
    assert record.data.purchase_account is None
    rows = recorded("item/nango-items.json")["QueryResponse"]["Item"]
    pump = item.to_unified(next(r for r in rows if r["Id"] == "11"), ctx).data
    assert (pump.unit_price, pump.purchase_price) == (Decimal(15), Decimal(10))
    assert pump.purchase_account == rid("account", "Account/80")


def test_accounts(ctx, recorded, rid):
    a = account.to_unified(recorded("account/nango-get-account.json")["Account"], ctx)
    assert a.remote_key == "Account/1"
    assert a.data.classification == AccountClassification.REVENUE
    assert a.data.type == "Income" and a.data.status == AccountStatus.ACTIVE
    assert a.data.current_balance == Decimal(0) and a.data.currency == "USD"
    gone = account.to_unified(recorded("account/qbo_api-deactivate-account.json")["Account"], ctx).data
    assert gone.status == AccountStatus.INACTIVE and gone.name == "Fees Billed (deleted)"
    rows = recorded("account/nango-accounts.json")["QueryResponse"]["Account"]
    sub = account.to_unified(next(r for r in rows if r["Id"] == "69"), ctx).data
    assert sub.parent_account == rid("account", "Account/12")  # ParentRef without a name


# --- tracking categories (hand-built JSON from quickbooks-ruby XML) ---

QA_CLASS = {
    "domain": "QBO",
    "sparse": False,
    "Id": "4",
    "SyncToken": "0",
    "MetaData": {"CreateTime": "2014-04-16T05:40:50-07:00", "LastUpdatedTime": "2014-04-16T05:40:50-07:00"},
    "Name": "QA",
    "SubClass": True,
    "ParentRef": {"value": "3"},
    "FullyQualifiedName": "QA",
    "Active": True,
}
DELETED_CLASS = {
    "domain": "QBO",
    "sparse": False,
    "Id": "3000000000000299495",
    "SyncToken": "0",
    "MetaData": {"CreateTime": "2014-04-16T05:40:25-07:00", "LastUpdatedTime": "2014-04-16T05:40:25-07:00"},
    "Name": "Design (Deleted)",
    "SubClass": False,
    "FullyQualifiedName": "Design",
    "Active": False,
}
QA_DEPARTMENT = {
    "domain": "QBO",
    "sparse": False,
    "Id": "3",
    "SyncToken": "3",
    "MetaData": {"CreateTime": "2013-08-13T11:52:48-07:00", "LastUpdatedTime": "2013-08-13T11:58:58-07:00"},
    "Name": "QA Department",
    "SubDepartment": True,
    "ParentRef": {"value": "2"},
    "FullyQualifiedName": "Support Department:QA Department",
    "Active": True,
}


def test_class_and_department(ctx, rid):
    qa = tracking_category.to_unified("Class", QA_CLASS, ctx)
    assert qa.remote_key == "Class/4"
    assert (qa.data.name, qa.data.category_type, qa.data.status) == ("QA", "CLASS", RecordStatus.ACTIVE)
    assert qa.data.parent_category == rid("tracking_category", "Class/3")
    assert tracking_category.to_unified("Class", DELETED_CLASS, ctx).data.status == RecordStatus.ARCHIVED
    dept = tracking_category.to_unified("Department", QA_DEPARTMENT, ctx)
    assert dept.remote_key == "Department/3" and dept.data.category_type == "DEPARTMENT"
    assert dept.data.parent_category == rid("tracking_category", "Department/2")
    assert dept.remote_updated_at == dt.datetime(2013, 8, 13, 18, 58, 58, tzinfo=dt.UTC)


# --- tax codes and their rates ---

COUNTY_SERVICES = {
    "domain": "QBO",
    "sparse": False,
    "Id": "5",
    "SyncToken": "0",
    "MetaData": {"CreateTime": "2013-03-18T22:06:43-07:00", "LastUpdatedTime": "2013-03-18T22:06:43-07:00"},
    "Name": "County services",
    "Description": "County services",
    "Active": True,
    "Taxable": True,
    "TaxGroup": True,
    "SalesTaxRateList": {
        "TaxRateDetail": [
            {
                "TaxRateRef": {"value": "15", "name": "Palo Alto City Services"},
                "TaxTypeApplicable": "TaxOnAmount",
                "TaxOrder": 0,
            },
            {
                "TaxRateRef": {"value": "1", "name": "Mountain View"},
                "TaxTypeApplicable": "TaxOnAmount",
                "TaxOrder": 0,
            },
            {
                "TaxRateRef": {"value": "10", "name": "Redwood City Services"},
                "TaxTypeApplicable": "TaxOnAmount",
                "TaxOrder": 0,
            },
        ]
    },
    "PurchaseTaxRateList": {},
}
TAX = {
    "Id": "TAX",
    "MetaData": {"CreateTime": "2012-05-10T00:15:18-07:00", "LastUpdatedTime": "2012-05-10T00:15:18-07:00"},
    "Name": "TAX",
    "Description": "TAX",
    "Taxable": True,
    "TaxGroup": False,
}
NON = {**TAX, "Id": "NON", "Name": "NON", "Description": "NON", "Taxable": False}
SANTA_CLARA_RATE = {
    "Id": "9",
    "Name": "Santa Clara County",
    "Description": "Sales Tax",
    "Active": True,
    "RateValue": Decimal("0.5"),
    "AgencyRef": {"value": "3"},
    "SpecialTaxType": "NONE",
}


def test_tax_code_rate_is_sum_of_its_rates(ctx):
    rates = {"15": Decimal("0.25"), "1": Decimal(10), "10": Decimal("1.125")}
    record = tax_rate.to_unified(COUNTY_SERVICES, ctx, rates)
    assert record.remote_key == "TaxCode/5"
    assert record.data.description == "County services"
    assert record.data.total_tax_rate == Decimal("11.375")
    assert record.data.effective_tax_rate == Decimal("11.375")
    assert tax_rate.rate_ids(COUNTY_SERVICES) == ["15", "1", "10"]
    assert tax_rate.rate_value(SANTA_CLARA_RATE) == Decimal("0.5")


def test_tax_code_with_unknown_rate_has_no_rate(ctx):
    assert tax_rate.to_unified(COUNTY_SERVICES, ctx, {"15": Decimal(1)}).data.total_tax_rate is None


def test_us_pseudo_tax_codes(ctx):
    # Line TaxCodeRefs say "TAX"/"NON": their ids must match what invoice lines refer to.
    tax = tax_rate.to_unified(TAX, ctx, {})
    assert tax.remote_key == "TaxCode/TAX" and tax.data.total_tax_rate is None  # automated sales tax decides
    assert tax_rate.to_unified(NON, ctx, {}).data.total_tax_rate == Decimal(0)
