"""Invoice and Bill mapping, fed with recorded QBO responses."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from pathlib import Path

import pytest

from ledgerbridge.connectors.base import Ref, Refs
from ledgerbridge.connectors.quickbooks.mapping import invoice as mapping
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceStatus, InvoiceType

UTC = dt.UTC


def test_invoice_130_maps_every_field(ctx, recorded, rid):
    record = mapping.to_unified("Invoice", recorded("invoice/nango-get-invoice.json")["Invoice"], ctx)
    inv = record.data
    assert (record.object, record.remote_key, record.remote_id) == ("invoice", "Invoice/130", "130")
    assert record.remote_updated_at == dt.datetime(2026, 5, 5, 10, 13, 29, tzinfo=UTC)  # 03:13:29-07:00
    assert inv.type == InvoiceType.ACCOUNTS_RECEIVABLE
    assert inv.number == "1037"
    assert inv.issue_date == dt.datetime(2026, 4, 8, tzinfo=UTC)
    assert inv.due_date == dt.datetime(2026, 5, 8, tzinfo=UTC)
    assert inv.memo == "Test update from Nango action retry"
    assert inv.currency == "USD"
    assert inv.contact_id == rid("contact", "Customer/24")
    assert inv.sub_total == Decimal("335.25")
    assert inv.total_tax_amount == Decimal("26.82")
    assert inv.total_amount == Decimal("362.07")
    assert inv.balance == Decimal("362.07")
    assert inv.total_discount is None
    assert inv.status == InvoiceStatus.OPEN
    assert inv.tracking_categories == []
    # The trailing SubTotalLineDetail line (no Id) is not a line item.
    assert [line.remote_id for line in inv.line_items] == ["1", "2", "3"]
    concrete = inv.line_items[2]
    assert concrete.id == rid("invoice_line_item", "Invoice/130#3")
    assert concrete.description == "Concrete for fountain installation"
    assert (concrete.quantity, concrete.unit_price, concrete.total_amount) == (
        Decimal(5),
        Decimal("9.5"),
        Decimal("47.5"),
    )
    assert concrete.item_id == rid("item", "Item/3")
    assert concrete.account_id == rid("account", "Account/48")
    assert concrete.tax_rate_id == rid("tax_rate", "TaxCode/TAX")
    assert all(
        isinstance(v, Decimal)
        for line in inv.line_items
        for v in (line.quantity, line.unit_price, line.total_amount)
    )


def test_discount_line_becomes_total_discount(ctx, recorded):
    rows = recorded("invoice/nango-invoices.json")["QueryResponse"]["Invoice"]
    inv = mapping.to_unified("Invoice", next(r for r in rows if r["Id"] == "49"), ctx).data
    assert inv.sub_total == Decimal("1005")
    assert inv.total_discount == Decimal("50.25")
    assert inv.total_amount == Decimal("954.75")
    assert len(inv.line_items) == 4


def test_every_recorded_invoice_maps_with_derived_status(ctx, recorded):
    rows = recorded("invoice/nango-invoices.json")["QueryResponse"]["Invoice"]
    statuses = {r["Id"]: mapping.to_unified("Invoice", r, ctx).data.status for r in rows}
    assert len(statuses) == 37
    assert statuses["10"] == InvoiceStatus.PAID  # 175 paid, balance 0
    assert statuses["13"] == InvoiceStatus.PARTIALLY_PAID  # 54, balance 4
    assert statuses["99"] == InvoiceStatus.OPEN
    for r in rows:  # no SubTotal line survives, and line sums match QBO's own subtotal row
        inv = mapping.to_unified("Invoice", r, ctx).data
        subtotal_row = next(line for line in r["Line"] if line["DetailType"] == "SubTotalLineDetail")
        assert inv.sub_total == subtotal_row["Amount"]


def test_voided_invoice_is_void(ctx, recorded):
    inv = mapping.to_unified("Invoice", recorded("invoice/qbo_api-void-invoice.json")["Invoice"], ctx).data
    assert inv.status == InvoiceStatus.VOID
    assert inv.total_amount == 0


@pytest.mark.parametrize(
    ("total", "balance", "note", "expected"),
    [
        ("100", "0", None, InvoiceStatus.PAID),
        ("100", "40", None, InvoiceStatus.PARTIALLY_PAID),
        ("100", "100", None, InvoiceStatus.OPEN),
        ("0", "0", None, InvoiceStatus.OPEN),  # a zero invoice is not "paid"
        ("0", "0", "Voided", InvoiceStatus.VOID),
        ("100", "100", "Voided", InvoiceStatus.OPEN),  # a note alone does not void
    ],
)
def test_status_derivation(total, balance, note, expected):
    assert mapping.derive_status(Decimal(total), Decimal(balance), note) == expected


def test_paid_on_date_from_latest_linked_payment(ctx):
    remote = {
        "Id": "7",
        "TotalAmt": 100,
        "Balance": 0,
        "CustomerRef": {"value": "1"},
        "LinkedTxn": [{"TxnId": "20", "TxnType": "Payment"}, {"TxnId": "21", "TxnType": "Payment"}],
        "Line": [],
    }
    dates = {"20": dt.datetime(2024, 7, 1, tzinfo=UTC), "21": dt.datetime(2024, 7, 10, tzinfo=UTC)}
    assert mapping.to_unified("Invoice", remote, ctx, payment_dates=dates).data.paid_on_date == dates["21"]
    assert mapping.to_unified("Invoice", remote, ctx).data.paid_on_date is None


def test_bill_maps_account_based_line(ctx, recorded, rid):
    record = mapping.to_unified("Bill", recorded("bill/nango-get-bill.json")["Bill"], ctx)
    bill = record.data
    assert record.remote_key == "Bill/1"
    assert bill.type == InvoiceType.ACCOUNTS_PAYABLE
    assert bill.contact_id == rid("contact", "Vendor/31")
    assert bill.status == InvoiceStatus.PAID
    assert bill.total_amount == Decimal(2000) and bill.sub_total == Decimal(2000)
    assert bill.total_tax_amount is None
    [line] = bill.line_items
    assert line.account_id == rid("account", "Account/14")
    assert line.tax_rate_id == rid("tax_rate", "TaxCode/NON")
    assert line.id == rid("invoice_line_item", "Bill/1#1")


def test_every_recorded_bill_maps(ctx, recorded):
    rows = recorded("bill/nango-bills.json")["QueryResponse"]["Bill"]
    bills = [mapping.to_unified("Bill", r, ctx).data for r in rows]
    item_lines = [line for b in bills for line in b.line_items if line.item_id is not None]
    assert len(item_lines) == 2  # the two ItemBasedExpenseLineDetail lines
    assert all(b.sub_total == b.total_amount for b in bills)  # US bills: no tax, no discount


# --- to_remote ---

CUSTOMER, VENDOR, ITEM, ACCOUNT, TAX, CLASS, CLASS2, DEPT = (uuid.uuid4() for _ in range(8))
REFS = Refs(
    {
        CUSTOMER: Ref("contact", "Customer/58", "58"),
        VENDOR: Ref("contact", "Vendor/56", "56"),
        ITEM: Ref("item", "Item/3", "3"),
        ACCOUNT: Ref("account", "Account/69", "69"),
        TAX: Ref("tax_rate", "TaxCode/TAX", "TAX"),
        CLASS: Ref("tracking_category", "Class/3", "3"),
        CLASS2: Ref("tracking_category", "Class/4", "4"),
        DEPT: Ref("tracking_category", "Department/1", "1"),
    }
)


def seed_body() -> dict:
    """The body of Panora's published create-invoice example (shared/seeds/000_…)."""
    text = Path("/work/shared/seeds/000_a47f6db0a09e3f9d.txt").read_text()
    start = text.index('{\n  "type": "Sales"')
    body, _ = json.JSONDecoder().raw_decode(text[start:])
    return body


def test_seed_body_as_sent_by_panora_is_rejected_with_named_fields():
    # Panora's example reuses one uuid for the contact and both tracking categories: the contact resolves to a
    # Customer, so the tracking categories are not tracking categories.
    body = InvoiceInput.model_validate(seed_body())
    same = body.contact_id
    errors = mapping.validate(body, Refs({same: Ref("contact", "Customer/58", "58")}))
    assert {e.field for e in errors} == {"tracking_categories[0]"}  # reported once: it is one id


def test_seed_body_to_remote():
    raw = seed_body()
    raw["contact_id"] = str(CUSTOMER)
    raw["tracking_categories"] = [str(CLASS), str(CLASS)]  # the same class twice is one class
    # What the service passes on: custom fields as provider paths (undefined slugs are dropped with a warning).
    raw["field_mappings"] = {"CustomField[DefinitionId=1,Type=StringType].StringValue": "gold"}
    body = InvoiceInput.model_validate(raw)
    assert mapping.validate(body, REFS) == []
    assert mapping.to_remote(body, REFS) == {
        "CustomField": [{"DefinitionId": "1", "Type": "StringType", "StringValue": "gold"}],
        "CustomerRef": {"value": "58"},
        "DocNumber": "INV-001",
        "TxnDate": "2024-06-15",
        "DueDate": "2024-07-15",
        "PrivateNote": "Payment for services rendered",
        "CurrencyRef": {"value": "USD"},
        "ExchangeRate": Decimal("1.2"),
        "ClassRef": {"value": "3"},
        "Line": [
            {
                "DetailType": "SalesItemLineDetail",
                "Amount": Decimal(100000),
                "Description": "Net Income",
                "SalesItemLineDetail": {"Qty": Decimal(1), "UnitPrice": Decimal(100000)},
            },
            {
                "DetailType": "DiscountLineDetail",
                "Amount": Decimal(1000),
                "DiscountLineDetail": {"PercentBased": False},
            },
        ],
    }
    fields = {w.field for w in mapping.write_warnings(body)}
    assert fields == {"accounting_period_id"}


def test_full_receivable_body_to_remote():
    body = InvoiceInput(
        type="ACCOUNTS_RECEIVABLE",
        contact_id=CUSTOMER,
        number="A-1",
        issue_date=dt.datetime(2024, 6, 15, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        tracking_categories=[CLASS, DEPT],
        line_items=[
            {
                "description": "Concrete",
                "quantity": "5",
                "unit_price": "9.50",
                "total_amount": "47.50",
                "item_id": ITEM,
                "tax_rate_id": TAX,
                "tracking_categories": [CLASS2],
            }
        ],
    )
    assert mapping.validate(body, REFS) == []
    remote = mapping.to_remote(body, REFS)
    assert remote["TxnDate"] == "2024-06-15"  # the caller's calendar day, not UTC's (04:30Z on the 16th)
    assert remote["ClassRef"] == {"value": "3"} and remote["DepartmentRef"] == {"value": "1"}
    assert remote["Line"] == [
        {
            "DetailType": "SalesItemLineDetail",
            "Amount": Decimal("47.50"),
            "Description": "Concrete",
            "SalesItemLineDetail": {
                "ItemRef": {"value": "3"},
                "Qty": Decimal(5),
                "UnitPrice": Decimal("9.50"),
                "TaxCodeRef": {"value": "TAX"},
                "ClassRef": {"value": "4"},
            },
        }
    ]


def test_payable_to_bill_lines():
    body = InvoiceInput(
        type="ACCOUNTS_PAYABLE",
        contact_id=VENDOR,
        tracking_categories=[CLASS],
        line_items=[
            {"total_amount": "150", "account_id": ACCOUNT, "tax_rate_id": TAX},
            {"quantity": "2", "unit_price": "10", "item_id": ITEM, "tracking_categories": [CLASS2]},
        ],
    )
    assert mapping.validate(body, REFS) == []
    remote = mapping.to_remote(body, REFS)
    assert remote["VendorRef"] == {"value": "56"}
    assert "ClassRef" not in remote  # Bill has no header class: it goes to lines without one
    assert remote["Line"] == [
        {
            "DetailType": "AccountBasedExpenseLineDetail",
            "Amount": Decimal(150),
            "AccountBasedExpenseLineDetail": {
                "AccountRef": {"value": "69"},
                "TaxCodeRef": {"value": "TAX"},
                "ClassRef": {"value": "3"},
            },
        },
        {
            "DetailType": "ItemBasedExpenseLineDetail",
            "Amount": Decimal(20),
            "ItemBasedExpenseLineDetail": {
                "ItemRef": {"value": "3"},
                "Qty": Decimal(2),
                "UnitPrice": Decimal(10),
                "ClassRef": {"value": "4"},
            },
        },
    ]


def test_receivable_line_without_item_or_quantity():
    body = InvoiceInput(type="Sales", contact_id=CUSTOMER, line_items=[{"total_amount": "12.50"}])
    [line] = mapping.to_remote(body, REFS)["Line"]
    assert line["SalesItemLineDetail"] == {"Qty": Decimal(1), "UnitPrice": Decimal("12.50")}  # no ItemRef


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {"line_items": [{"quantity": "3", "unit_price": "0.33", "total_amount": "1.00"}]},
            "line_items[0].total_amount",
        ),
        (
            {"type": "ACCOUNTS_PAYABLE", "contact_id": VENDOR, "line_items": [{"total_amount": "5"}]},
            "line_items[0].account_id",
        ),
        ({"tracking_categories": [CLASS, CLASS2]}, "tracking_categories"),
        (
            {"line_items": [{"total_amount": "5", "tracking_categories": [DEPT]}]},
            "line_items[0].tracking_categories",
        ),
        ({"contact_id": VENDOR}, "contact_id"),
        ({"contact_id": None}, "contact_id"),
        ({"line_items": [{"total_amount": "5", "item_id": ACCOUNT}]}, "line_items[0].item_id"),
        ({"line_items": [{"description": "no amount"}]}, "line_items[0].total_amount"),
    ],
)
def test_validate_names_the_bad_field(changes, field):
    raw = {
        "type": "ACCOUNTS_RECEIVABLE",
        "contact_id": CUSTOMER,
        "line_items": [{"total_amount": "5"}],
        **changes,
    }
    errors = mapping.validate(InvoiceInput.model_validate(raw), REFS)
    assert field in {e.field for e in errors}, errors


def test_exact_decimal_product_passes():
    body = InvoiceInput(
        type="Sales",
        contact_id=CUSTOMER,
        line_items=[{"quantity": "3", "unit_price": "0.333333", "total_amount": "0.999999"}],
    )
    assert mapping.validate(body, REFS) == []


def test_payment_body_links_the_invoice(recorded):
    created = recorded("invoice/qbo_api-create-invoice.json")["Invoice"]
    payment = mapping.payment_to_remote(created, Decimal("100.00"), dt.datetime(2024, 7, 10, 12, tzinfo=UTC))
    assert payment == {
        "CustomerRef": {"value": "1"},
        "TotalAmt": Decimal("100.00"),
        "TxnDate": "2024-07-10",
        "CurrencyRef": {"value": "USD"},
        "Line": [{"Amount": Decimal("100.00"), "LinkedTxn": [{"TxnId": "266", "TxnType": "Invoice"}]}],
    }


def test_write_warnings_for_statuses_qbo_cannot_create():
    draft = InvoiceInput(
        type="Sales", contact_id=CUSTOMER, status="DRAFT", line_items=[{"total_amount": "1"}]
    )
    assert [w.field for w in mapping.write_warnings(draft)] == ["status"]
    bill = InvoiceInput(
        type="Purchase",
        contact_id=VENDOR,
        status="PAID",
        paid_on_date="2024-01-02",
        line_items=[{"total_amount": "1", "account_id": ACCOUNT}],
    )
    assert [w.field for w in mapping.write_warnings(bill)] == ["status", "paid_on_date"]
