"""Payments, expenses, purchase orders, contact details and reports: the pure mappers of objects/, and the
warnings for fields QuickBooks cannot store."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from ledgerbridge.connectors.base import ConnectionContext, Ref, Refs
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.quickbooks import QuickBooksConnector
from ledgerbridge.connectors.quickbooks.mapping import (
    address,
    credit_note,
    expense,
    invoice,
    payment,
    phone_number,
    purchase_order,
    report,
)
from ledgerbridge.unified.expense import ExpenseInput
from ledgerbridge.unified.payment import PaymentInput
from ledgerbridge.unified.purchase_order import PurchaseOrderInput

INVOICE, BILL, CUSTOMER, BANK, CARD, INCOME = (uuid.uuid4() for _ in range(6))
REFS = Refs({
    INVOICE: Ref("invoice", "Invoice/130", "130"),
    BILL: Ref("invoice", "Bill/7", "7"),
    CUSTOMER: Ref("contact", "Customer/58", "58"),
    BANK: Ref("account", "Account/35", "35", {"type": "Bank"}),
    CARD: Ref("account", "Account/41", "41", {"type": "Credit Card"}),
    INCOME: Ref("account", "Account/79", "79", {"type": "Income"}),
})


def test_payment_read(ctx, recorded, rid):
    record = payment.to_unified(recorded("payment/nango-get-payment.json")["Payment"], ctx)
    assert (record.remote_key, record.remote_id) == ("Payment/170", "170")
    assert record.data.total_amount == Decimal(100)
    assert record.data.contact_id == rid("contact", "Customer/2")
    assert record.data.account_id == rid("account", "Account/35")
    assert record.data.status == "POSTED"


def test_payment_of_a_bill_or_ap_is_refused():
    body = PaymentInput(type="AP", total_amount=Decimal(5),
                        line_items=[{"applied_amount": Decimal(5), "related_object_id": BILL}])
    fields = [e.field for e in payment.validate(body, REFS)]
    assert fields == ["line_items[0].related_object_id", "type"]


def test_payment_body():
    body = PaymentInput(contact_id=CUSTOMER, account_id=BANK, total_amount=Decimal("12.50"), reference="R1",
                        line_items=[{"applied_amount": Decimal("12.50"), "related_object_id": INVOICE}])
    assert payment.validate(body, REFS) == []
    remote = payment.to_remote(body, REFS, "58")
    assert remote["CustomerRef"] == {"value": "58"} and remote["DepositToAccountRef"] == {"value": "35"}
    assert remote["Line"] == [{"Amount": Decimal("12.50"), "LinkedTxn": [{"TxnId": "130", "TxnType": "Invoice"}]}]


def test_expense_account_must_be_bank_or_card():
    lines = [{"net_amount": Decimal(3), "account_id": INCOME}]
    refused = expense.validate(ExpenseInput(account_id=INCOME, line_items=lines), REFS)
    assert [e.field for e in refused] == ["account_id"]
    assert expense.validate(ExpenseInput(account_id=BANK, line_items=lines), REFS) == []
    assert expense.to_remote(ExpenseInput(account_id=CARD, line_items=lines), REFS)["PaymentType"] == "CreditCard"
    assert expense.to_remote(ExpenseInput(account_id=BANK, line_items=lines), REFS)["PaymentType"] == "Cash"


def test_a_card_refund_reads_as_a_negative_expense(ctx, recorded):
    # QBO states a credit-card credit (Credit: true) with positive amounts: money coming back, not spent.
    rows = recorded("purchase/nango-purchases.json")["QueryResponse"]["Purchase"]
    refund = expense.to_unified(next(r for r in rows if r.get("Credit") is True), ctx).data
    assert (refund.total_amount, refund.sub_total) == (Decimal(-900), Decimal(-900))
    assert [line.net_amount for line in refund.line_items] == [Decimal(-900)]
    spent = expense.to_unified(next(r for r in rows if not r.get("Credit")), ctx).data
    assert spent.total_amount is not None and spent.total_amount > 0


def test_purchase_order_vendor_must_be_a_vendor():
    body = PurchaseOrderInput(vendor=CUSTOMER, line_items=[{"total_line_amount": Decimal(1), "account_id": BANK}])
    assert [e.field for e in purchase_order.validate(body, REFS)] == ["vendor"]


def test_contact_details_come_out_of_the_customer(ctx, recorded, rid):
    remote = recorded("customer/qbo_api-get-customer-5.json")["Customer"]
    addresses = address.to_unified("Customer", remote, ctx)
    assert [a.remote_key for a in addresses] == ["Customer/5#BillAddr", "Customer/5#ShipAddr"]
    assert addresses[0].data.city == "Tucson" and addresses[0].data.contact_id == rid("contact", "Customer/5")
    [phone] = phone_number.to_unified("Customer", remote, ctx)
    assert (phone.remote_key, phone.data.number, phone.data.type) == ("Customer/5#PrimaryPhone", "(520) 420-5638",
                                                                      "PRIMARY")


def _section(group: str, title: str, rows: list[tuple[str, str, str]], total: str) -> dict:
    return {"type": "Section", "group": group, "Header": {"ColData": [{"value": title}, {"value": ""}]},
            "Rows": {"Row": [{"type": "Data", "ColData": [{"value": n, "id": i}, {"value": v}]} for n, i, v in rows]},
            "Summary": {"ColData": [{"value": f"Total {title}"}, {"value": total}]}}


def test_balance_sheet_as_at_its_end(ctx, rid):
    answer = {"Header": {"ReportName": "BalanceSheet", "Currency": "USD", "EndPeriod": "2026-03-31",
                         "Time": "2026-04-01T10:00:00-07:00"},
              "Rows": {"Row": [_section("TotalAssets", "Assets", [("Checking", "35", "1200.50")], "1200.50"),
                               _section("Liabilities", "Liabilities", [("Card", "41", "200.25")], "200.25")]}}
    record = report.balance_sheet(answer, ctx, None, dt.date(2026, 3, 31))
    assert record.remote_key == "BalanceSheet::2026-03-31"
    assert record.data.net_assets == Decimal("1000.25")
    assert record.data.date == dt.datetime(2026, 3, 31, tzinfo=dt.UTC)
    [asset] = record.data.assets
    assert (asset.name, asset.value, asset.account_id) == ("Checking", Decimal("1200.50"), rid("account", "Account/35"))
    assert report.as_at(dt.date(2026, 3, 31)) == {"end_date": "2026-03-31"}


def test_income_statement_of_a_recorded_empty_period(ctx, recorded):
    answer = recorded("report/qbo_api-report-profitandloss.json")
    record = report.income_statement(answer, ctx, dt.date(2015, 1, 1), dt.date(2015, 7, 31))
    assert record.object == "income_statement"
    assert record.remote_key == "ProfitAndLoss:2015-01-01:2015-07-31"
    assert record.data.start_period == dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
    assert record.data.income == [] and record.data.net_income is None
    assert report.period(dt.date(2015, 1, 1), None) == {"start_date": "2015-01-01"}


def test_fields_quickbooks_cannot_store_are_warned(ctx):
    connector = QuickBooksConnector(
        ConnectionContext(ctx.connection_id, ctx.project_id, "quickbooks", {"realm_id": "1", "api_base": "http://x"},
                          ctx.save_credentials),
        ProviderHttp(),
    )
    body = ExpenseInput(account_id=BANK, company_info_id=uuid.uuid4(),
                        line_items=[{"net_amount": Decimal(3), "account_id": INCOME, "contact_id": CUSTOMER}])
    assert [w.field for w in connector.not_stored("expense", body)] == ["company_info_id", "line_items[].contact_id"]


def test_credit_memo_lines_are_not_the_lines_of_an_invoice_with_the_same_id(ctx, recorded):
    memo = recorded("creditmemo/nango-create-credit-memo.json")
    memo = memo.get("CreditMemo", memo)
    note = credit_note.to_unified(memo, ctx).data
    same_id_invoice = invoice.to_unified("Invoice", memo, ctx).data
    memo_lines = [line.id for line in note.line_items]
    assert memo_lines and all(memo_lines)
    assert set(memo_lines).isdisjoint(line.id for line in same_id_invoice.line_items)
