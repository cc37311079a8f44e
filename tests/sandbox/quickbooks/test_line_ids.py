"""Line Ids on updates, as QBO gives them, driven with the unmodified python-quickbooks SDK.

QBO's rules (recorded answers: sales receipt 17 at SyncToken 5 has the single line Id "6"; journal entry 235 at
SyncToken 7 has lines "14" and "15"): on a full update a line sent with its Id is that line and keeps the Id; a
line sent without one is new and gets a fresh Id, above every Id the transaction ever had; LineNum is the
position.
"""

from __future__ import annotations

from decimal import Decimal

from quickbooks.objects.base import Ref
from quickbooks.objects.bill import Bill
from quickbooks.objects.detailline import (
    AccountBasedExpenseLine,
    AccountBasedExpenseLineDetail,
    SalesItemLine,
    SalesItemLineDetail,
)
from quickbooks.objects.invoice import Invoice


def _ref(value: str) -> Ref:
    ref = Ref()
    ref.value = value
    return ref


def _sales_line(description: str, amount: str) -> SalesItemLine:
    line = SalesItemLine()
    line.Description = description
    line.Amount = Decimal(amount)
    line.SalesItemLineDetail = SalesItemLineDetail()
    line.SalesItemLineDetail.ItemRef = _ref("4")
    line.SalesItemLineDetail.Qty = 1
    line.SalesItemLineDetail.UnitPrice = Decimal(amount)
    return line


def _expense_line(amount: str) -> AccountBasedExpenseLine:
    line = AccountBasedExpenseLine()
    line.Amount = Decimal(amount)
    line.AccountBasedExpenseLineDetail = AccountBasedExpenseLineDetail()
    line.AccountBasedExpenseLineDetail.AccountRef = _ref("10")
    return line


def _item_lines(doc: Invoice | Bill) -> list[tuple[str | None, int | None, str | None]]:
    return [(line.Id, line.LineNum, getattr(line, "Description", None)) for line in doc.Line
            if line.DetailType != "SubTotalLineDetail"]


def test_full_update_keeps_sent_ids_and_numbers_new_lines_past_every_id_used(qb) -> None:
    invoice = Invoice()
    invoice.CustomerRef = _ref("1")
    invoice.Line = [_sales_line("first", "10"), _sales_line("second", "20")]
    invoice = invoice.save(qb=qb)
    assert _item_lines(invoice) == [("1", 1, "first"), ("2", 2, "second")]

    # Keep the second line (sent with its Id, and changed), drop the first, add one without an Id.
    second = next(line for line in invoice.Line if line.Id == "2")
    second.Amount = Decimal("25")
    second.SalesItemLineDetail.UnitPrice = Decimal("25")
    invoice.Line = [second, _sales_line("third", "5")]
    updated = invoice.save(qb=qb)  # no sparse flag: a full update
    assert _item_lines(updated) == [("2", 1, "second"), ("3", 2, "third")]
    assert updated.TotalAmt == 30

    # Every line replaced: the new line does not get "1" back, nor any Id the invoice had before.
    updated.Line = [_sales_line("fourth", "7")]
    replaced = updated.save(qb=qb)
    assert _item_lines(replaced) == [("4", 1, "fourth")]

    # An Id that is not one of the invoice's lines names no line: that line is new.
    stranger = _sales_line("fifth", "8")
    stranger.Id = "99"
    replaced.Line = [next(line for line in replaced.Line if line.Id == "4"), stranger]
    again = replaced.save(qb=qb)
    assert _item_lines(again) == [("4", 1, "fourth"), ("5", 2, "fifth")]

    # A sparse update that sends the lines back as read changes none of them.
    fetched = Invoice.get(again.Id, qb=qb)
    fetched.sparse = True
    fetched.PrivateNote = "memo only"
    noted = fetched.save(qb=qb)
    assert noted.PrivateNote == "memo only"
    assert _item_lines(Invoice.get(noted.Id, qb=qb)) == [("4", 1, "fourth"), ("5", 2, "fifth")]


def test_bill_lines_follow_the_same_rule(qb) -> None:
    bill = Bill()
    bill.VendorRef = _ref("3")
    bill.Line = [_expense_line("40"), _expense_line("60")]
    bill = bill.save(qb=qb)
    assert [line.Id for line in bill.Line] == ["1", "2"]

    kept = next(line for line in bill.Line if line.Id == "1")
    bill.Line = [_expense_line("15"), kept]
    updated = bill.save(qb=qb)
    assert [(line.Id, line.LineNum, line.Amount) for line in updated.Line] == [("3", 1, 15), ("1", 2, 40)]
    assert updated.TotalAmt == 55
