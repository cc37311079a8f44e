"""The pure Tryton mapping and wire functions: no server needed."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal

import httpx
import pytest

from ledgerbridge.connectors.tryton import codec, errors
from ledgerbridge.connectors.tryton import mapping as m
from ledgerbridge.connectors.tryton.mapping import account as account_map
from ledgerbridge.connectors.tryton.mapping import contact as contact_map
from ledgerbridge.connectors.tryton.mapping import invoice as invoice_map
from ledgerbridge.connectors.tryton.mapping import item as item_map
from ledgerbridge.connectors.tryton.mapping import tax_rate as tax_map
from ledgerbridge.errors import ProviderAuthFailed, ProviderRejected, ProviderUnavailable
from ledgerbridge.ids import record_id
from ledgerbridge.unified.account import AccountClassification
from ledgerbridge.unified.contact import ContactInput
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceStatus, InvoiceType

CONNECTION = uuid.UUID("00000000-0000-0000-0000-000000000001")


def ref(object_name, remote_key):
    return None if remote_key is None else record_id(CONNECTION, object_name, remote_key)


@pytest.mark.parametrize(("state", "total", "to_pay", "status"), [
    ("draft", Decimal(10), Decimal(0), InvoiceStatus.DRAFT),
    ("validated", Decimal(10), Decimal(0), InvoiceStatus.SUBMITTED),
    ("posted", Decimal(10), Decimal(10), InvoiceStatus.OPEN),
    ("posted", Decimal(10), Decimal(4), InvoiceStatus.PARTIALLY_PAID),
    ("posted", Decimal(-10), Decimal(-4), InvoiceStatus.PARTIALLY_PAID),
    ("paid", Decimal(10), Decimal(0), InvoiceStatus.PAID),
    ("cancelled", Decimal(10), Decimal(0), InvoiceStatus.VOID),
])
def test_invoice_status(state, total, to_pay, status):
    assert invoice_map.invoice_status(state, total, to_pay) is status


def test_keys():
    assert m.key("account.invoice", 5) == "account.invoice/5" and m.key("account.invoice", None) is None
    assert m.parse_key("account.invoice/5", "account.invoice") == 5
    assert m.parse_key("5", "account.invoice") == 5
    assert m.parse_key("party.party/5", "account.invoice") is None
    assert m.parse_key("account.invoice/x", "account.invoice") is None


def invoice_row(**changes):
    row = {
        "id": 7, "type": "out", "number": "INV/2026/3", "reference": "PO-1", "description": "Memo",
        "state": "posted", "invoice_date": dt.date(2026, 3, 1), "payment_term_date": None,
        "currency.": {"id": 1, "code": "USD"}, "party": 4, "untaxed_amount": Decimal("100.00"),
        "tax_amount": Decimal("10.00"), "total_amount": Decimal("110.00"), "amount_to_pay": Decimal("60.00"),
        "lines_to_pay.": [{"id": 9, "maturity_date": dt.date(2026, 4, 1)}, {"id": 10, "maturity_date": None}],
        "payment_lines.": [{"id": 11, "date": dt.date(2026, 3, 5)}], "reconciled": None,
    }
    return {**row, **changes}


LINES = [
    {"id": 1, "type": "line", "product": 2, "account": 30, "quantity": Decimal(1), "unit_price": Decimal("100"),
     "amount": Decimal("100.00"), "taxes": [3], "description": "Thing"},
    {"id": 2, "type": "comment", "description": "note"},
]


def test_invoice_to_unified():
    invoice = invoice_map.to_unified(invoice_row(), LINES, ref)
    assert invoice.type is InvoiceType.ACCOUNTS_RECEIVABLE
    assert invoice.status is InvoiceStatus.PARTIALLY_PAID
    assert invoice.number == "INV/2026/3" and invoice.memo == "Memo" and invoice.currency == "USD"
    assert invoice.issue_date == dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    assert invoice.due_date == dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    assert invoice.paid_on_date is None  # not fully paid yet
    assert (invoice.sub_total, invoice.total_tax_amount, invoice.total_amount, invoice.balance) == (
        Decimal("100.00"), Decimal("10.00"), Decimal("110.00"), Decimal("60.00"))
    assert invoice.contact_id == ref("contact", "party.party/4")
    line, = invoice.line_items  # comment lines are not invoice lines
    assert line.remote_id == "1" and line.item_id == ref("item", "product.product/2")
    assert line.tax_rate_id == ref("tax_rate", "account.tax/3")
    assert line.account_id == ref("account", "account.account/30")

    paid = invoice_map.to_unified(invoice_row(state="paid", amount_to_pay=Decimal(0)), LINES, ref)
    assert paid.paid_on_date == dt.datetime(2026, 3, 5, tzinfo=dt.UTC) and paid.status is InvoiceStatus.PAID
    bill = invoice_map.to_unified(invoice_row(type="in"), LINES, ref)
    assert bill.type is InvoiceType.ACCOUNTS_PAYABLE and bill.number == "PO-1"
    draft = invoice_map.to_unified(invoice_row(state="draft", amount_to_pay=Decimal(0), **{"lines_to_pay.": []},
                                             payment_term_date=dt.date(2026, 5, 1)), LINES, ref)
    assert draft.balance == Decimal("110.00") and draft.due_date == dt.datetime(2026, 5, 1, tzinfo=dt.UTC)


DEFAULTS = invoice_map.InvoiceDefaults(
    company=1, currency=1, journal=2, party=4, invoice_address=5, party_account=39, default_line_account=100,
    payment_term=10,
    products={2: invoice_map.ProductDefaults(name="Thing", uom=1, list_price=Decimal("9.5"), account_revenue=101,
                                   account_expense=108, customer_taxes=(3,), supplier_taxes=(6,))},
)


def test_invoice_to_remote():
    body = InvoiceInput.model_validate({
        "type": "Sales", "number": "X-1", "issue_date": "2026-03-01T23:00:00-05:00", "memo": "m",
        "total_discount": 5,
        "line_items": [{"item_id": str(uuid.uuid4()), "quantity": 2},
                       {"name": "Fee", "value": "12.50"},
                       {"description": "Odd", "quantity": 3, "unit_price": 1, "total_amount": 4}],
    })
    values, warnings = invoice_map.to_remote(body, DEFAULTS, [
        invoice_map.LineRefs(product=2, account=None, tax=None), invoice_map.LineRefs(None, None, None),
        invoice_map.LineRefs(None, account=77, tax=3)])
    assert values["type"] == "out" and values["journal"] == 2 and values["account"] == 39
    assert values["invoice_date"] == dt.date(2026, 3, 2)  # the UTC day
    assert values["reference"] == "X-1" and values["payment_term"] == 10
    product, fee, odd = values["lines"][0][1]
    assert product == {"type": "line", "quantity": Decimal(2), "unit_price": Decimal("9.5000"), "account": 101,
                       "currency": 1, "description": "Thing", "taxes": [("add", [3])], "product": 2, "unit": 1}
    assert (fee["unit_price"], fee["account"], fee["taxes"], fee["description"]) == (
        Decimal("12.5000"), 100, [("add", [])], "Fee")
    assert (odd["account"], odd["taxes"]) == (77, [("add", [3])])
    assert {w.field for w in warnings} == {"number", "total_discount", "line_items[2].total_amount"}

    bill, _ = invoice_map.to_remote(InvoiceInput.model_validate({
        "type": "ACCOUNTS_PAYABLE", "due_date": "2026-06-30", "line_items": [{"item_id": str(uuid.uuid4()),
                                                                             "unit_price": 3}]}),
        DEFAULTS, [invoice_map.LineRefs(2, None, None)])
    assert bill["type"] == "in" and bill["payment_term"] is None
    assert bill["payment_term_date"] == dt.date(2026, 6, 30)
    assert bill["lines"][0][1][0]["account"] == 108 and bill["lines"][0][1][0]["taxes"] == [("add", [6])]


def test_total_warnings():
    body = InvoiceInput.model_validate({"type": "Sales", "sub_total": 100, "total_amount": "110.00",
                                        "balance": 0, "line_items": [{"name": "a", "value": 100}]})
    created = invoice_map.to_unified(invoice_row(), LINES, ref)
    assert {w.field for w in invoice_map.total_warnings(body, created)} == {"balance"}


def test_contacts():
    row = {"id": 4, "name": "Acme", "active": True, "tax_identifier": None,
           "identifiers.": [{"id": 1, "code": "US-1"}], "account_receivable": None, "account_payable": 67,
           "contact_mechanisms.": [{"id": 1, "type": "phone", "value": "+1"}, {"type": "email", "value": "a@b.co"}]}
    contact = contact_map.to_unified(row, customer=True, supplier=False)
    assert (contact.name, contact.email_address, contact.tax_number) == ("Acme", "a@b.co", "US-1")
    assert contact.is_customer and contact.is_supplier  # supplier by its own payable account
    assert not contact_map.to_unified({**row, "account_payable": None}, customer=False, supplier=False).is_customer

    values = contact_map.to_remote(ContactInput(name="N", email_address="n@example.com", is_customer=True),
                                 receivable=39, payable=67)
    assert values["account_receivable"] == 39 and "account_payable" not in values
    assert values["addresses"] == [("create", [{}])]
    assert values["contact_mechanisms"] == [("create", [{"type": "email", "value": "n@example.com"}])]


def test_account_classification():
    types = {
        1: {"id": 1, "name": "Balance", "parent": None, "statement": "balance"},
        2: {"id": 2, "name": "Equity", "parent": 1, "statement": "balance"},
        3: {"id": 3, "name": "Retained earnings", "parent": 2, "statement": "balance"},
        4: {"id": 4, "name": "Current assets", "parent": 1, "statement": "balance", "assets": True},
        5: {"id": 5, "name": "Loans", "parent": 1, "statement": "balance"},
        6: {"id": 6, "name": "Sales", "parent": None, "statement": "income", "revenue": True},
        7: {"id": 7, "name": "Other", "parent": None, "statement": "income"},
        8: {"id": 8, "name": "Payables", "parent": 1, "statement": "balance", "payable": True},
    }
    expected = {3: AccountClassification.EQUITY, 4: AccountClassification.ASSET, 5: AccountClassification.LIABILITY,
                6: AccountClassification.REVENUE, 7: AccountClassification.EXPENSE,
                8: AccountClassification.LIABILITY, None: None}
    for type_id, classification in expected.items():
        assert account_map.account_classification(type_id, types) is classification
    account = account_map.to_unified({"id": 9, "name": "Cash", "code": "1.1", "type": 4, "parent": 2,
                                    "active": True, "closed": False, "balance": Decimal("5"),
                                    "currency.": {"code": "USD"}}, types, ref)
    assert account.account_number == "1.1" and account.type == "Current assets" and account.currency == "USD"
    assert account.parent_account == ref("account", "account.account/2")


def test_tax_rate_is_a_percentage():
    assert tax_map.to_unified({"type": "percentage", "rate": Decimal("0.10"), "name": "T"}).total_tax_rate == 10
    assert tax_map.to_unified({"type": "percentage", "rate": Decimal("0.0725"), "name": "T"}
                                 ).total_tax_rate == Decimal("7.25")
    assert tax_map.to_unified({"type": "fixed", "rate": None, "name": "T"}).total_tax_rate is None


def test_item():
    item = item_map.to_unified({"rec_name": "Thing", "active": False, "list_price_used": Decimal("9.5"),
                              "cost_price": Decimal(3)}, {"account_revenue": 101, "account_expense": None}, ref)
    assert item.status == "ARCHIVED" and item.unit_price == Decimal("9.5")
    assert item.sales_account == ref("account", "account.account/101") and item.purchase_account is None


def test_tryton_json_round_trip():
    value = [Decimal("1.10"), dt.date(2026, 1, 2), dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC), b"x"]
    sent = codec.dumps("m", value)
    assert b'"__class__": "Decimal", "decimal": "1.10"' in sent
    assert codec.loads(sent)["params"] == value


def response(body=None, status=200):
    return httpx.Response(status, content=json.dumps(body or {}).encode())


def test_classify():
    assert errors.classify(response({"id": 1, "result": 5})) is None
    user_error = errors.classify(response({"id": 1, "error": ["UserError", ["Bad thing.", "Fix it.", None]]}))
    assert isinstance(user_error, ProviderRejected) and user_error.detail.message == "Bad thing. Fix it."
    warning = errors.classify(response({"id": 1, "error": ["UserWarning", ["key.1", "Sure?", ""]]}))
    assert isinstance(warning, errors.TrytonWarning) and warning.name == "key.1"
    crash = errors.classify(response({"id": 1, "error": ["'NoneType' object", "Traceback…"]}))
    assert isinstance(crash, ProviderUnavailable) and "Traceback" not in crash.message
    assert isinstance(errors.classify(response(status=401)), ProviderAuthFailed)
    assert isinstance(errors.classify(response(status=503)), ProviderUnavailable)
    assert errors.classify(response(status=503)).retryable  # type: ignore[union-attr]
