"""Payments, journal entries, credit notes and vendor credits through TrytonConnector against a live trytond,
checked against what Tryton itself holds (read over raw RPC)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerbridge.errors import ValidationFailed
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceStatus
from ledgerbridge.unified.journal_entry import JournalEntryInput
from ledgerbridge.unified.payment import PaymentInput, PaymentType

TODAY = dt.datetime.now(dt.UTC).date()


async def everything(connector, object_name):
    return [record async for page in connector.pages(object_name) for record in page]


async def posted_invoice(book, *, kind="customer", status="OPEN", price="100", quantity=1):
    """An invoice posted through the connector: one consulting line (10 % tax) for a customer, a line for a bill."""
    party_id, party = book.party(kind)
    product_id, product = book.product("consulting")
    body = InvoiceInput.model_validate({
        "type": "ACCOUNTS_RECEIVABLE" if kind.startswith("customer") else "ACCOUNTS_PAYABLE",
        "status": status, "contact_id": str(party_id), "issue_date": f"{TODAY}T00:00:00Z",
        "line_items": [{"item_id": str(product_id), "quantity": quantity, "unit_price": price}]})
    result = await book.connector.create("invoice", body, book.refs((party_id, party), (product_id, product)),
                                         request_key="k")
    return result.record


async def tryton_invoice(book, remote_id):
    row, = await book.rpc.read("account.invoice", [int(remote_id)], ["state", "amount_to_pay", "total_amount",
                                                                     "payment_lines"])
    return row


async def pay(book, invoice_record, amount, *, account=None, **fields):
    unified_id, ref = book.ref("invoice", "account.invoice", int(invoice_record.remote_id))
    refs = [(unified_id, ref)]
    if account is not None:  # the account paid into, by the book's name for it
        refs.append(book.ref("account", "account.account", book.ids["accounts"][account]))
        fields["account_id"] = str(refs[-1][0])
    body = PaymentInput.model_validate({"line_items": [{"related_object_id": str(unified_id),
                                                        "applied_amount": amount}], **fields})
    return await book.connector.create("payment", body, book.refs(*refs), request_key="k")


async def test_payment_runs_the_pay_wizard_and_lowers_the_balance_by_exactly_the_amount(book):
    invoice = await posted_invoice(book)
    before = await tryton_invoice(book, invoice.remote_id)
    assert before["state"] == "posted" and before["amount_to_pay"] == Decimal("110.00")

    result = await pay(book, invoice, "40.15", reference="Cheque 1001", transaction_date=f"{TODAY}T00:00:00Z")
    after = await tryton_invoice(book, invoice.remote_id)
    assert after["amount_to_pay"] == before["amount_to_pay"] - Decimal("40.15") == Decimal("69.85")
    assert after["state"] == "posted"
    line_id, = after["payment_lines"]

    payment = result.record.data
    assert result.record.remote_key == f"account.move.line/{line_id}"
    assert (payment.total_amount, payment.type, payment.currency) == (Decimal("40.15"), PaymentType.AR, "USD")
    assert payment.reference == "Cheque 1001" and payment.status == "POSTED"
    assert payment.transaction_date == dt.datetime.combine(TODAY, dt.time(), dt.UTC)
    invoice_uuid = book.context.ref("invoice", invoice.remote_key)
    assert payment.invoice_id == invoice_uuid
    assert payment.contact_id == book.party("customer")[0]
    # The other side of the move is the payment method's cash account.
    assert payment.account_id == book.context.ref("account", f"account.account/{book.ids['accounts']['cash']}")
    applied, = payment.line_items
    assert (applied.applied_amount, applied.related_object_id, applied.related_object_type) == (
        Decimal("40.15"), invoice_uuid, "INVOICE")
    line, = await book.rpc.read("account.move.line", [line_id], ["credit", "debit", "account"])
    assert (line["credit"], line["debit"], line["account"]) == (Decimal("40.15"), Decimal(0),
                                                                 book.ids["accounts"]["receivable"])

    # The invoice, re-read and stored with the payment, shows the new balance and status.
    changed, = result.also_changed
    assert changed.remote_key == invoice.remote_key
    assert changed.data.balance == Decimal("69.85") and changed.data.status is InvoiceStatus.PARTIALLY_PAID

    second = await pay(book, invoice, "69.85")
    final = await tryton_invoice(book, invoice.remote_id)
    assert final["state"] == "paid" and final["amount_to_pay"] == Decimal(0)
    assert second.also_changed[0].data.status is InvoiceStatus.PAID
    assert second.also_changed[0].data.balance == Decimal(0)

    listed = {r.remote_key: r.data for r in await everything(book.connector, "payment")}
    assert set(listed) == {f"account.move.line/{i}" for i in final["payment_lines"]}
    assert sum((p.total_amount for p in listed.values()), Decimal(0)) == final["total_amount"]
    assert (await book.connector.fetch("payment", result.record.remote_key)).data == payment


async def test_supplier_bill_payment_is_ap(book):
    bill = await posted_invoice(book, kind="supplier", price="80")
    result = await pay(book, bill, "88.00", account="cash")  # the cash payment method's account
    payment = result.record.data
    assert (payment.type, payment.total_amount) == (PaymentType.AP, Decimal("88.00"))
    row = await tryton_invoice(book, bill.remote_id)
    assert row["state"] == "paid" and result.also_changed[0].data.status is InvoiceStatus.PAID


async def test_payments_tryton_would_refuse_are_422_and_write_nothing(book):
    draft = await posted_invoice(book, status="DRAFT")
    posted = await posted_invoice(book)
    moves_before = await book.rpc.model("account.move", "search_count", [])

    with pytest.raises(ValidationFailed) as refused:
        await pay(book, draft, "10")
    assert "posted" in refused.value.errors[0].message
    with pytest.raises(ValidationFailed) as over:
        await pay(book, posted, "110.01", type="AP", currency="EUR", account="revenue")
    assert {e.field for e in over.value.errors} == {"line_items[0].applied_amount", "type", "currency", "account_id"}
    assert "110.00" in next(e.message for e in over.value.errors if e.field == "line_items[0].applied_amount")

    # What validate says (and a dry run shows) is what create refuses.
    unified_id, ref = book.ref("invoice", "account.invoice", int(posted.remote_id))
    body = PaymentInput.model_validate({"line_items": [{"related_object_id": str(unified_id),
                                                        "applied_amount": "500"}]})
    errors = await book.connector.validate("payment", body, book.refs((unified_id, ref)))
    assert [e.field for e in errors] == ["line_items[0].applied_amount"]

    assert await book.rpc.model("account.move", "search_count", []) == moves_before
    assert (await tryton_invoice(book, posted.remote_id))["payment_lines"] == []


def _entry(book, lines, **fields):
    refs = []
    items = []
    for account, debit, credit, *party in lines:
        account_id, account_ref = book.ref("account", "account.account", book.ids["accounts"][account])
        refs.append((account_id, account_ref))
        item = {"account_id": str(account_id), "debit": debit, "credit": credit, "description": f"{account} line"}
        if party:
            party_id, party_ref = book.party(party[0])
            refs.append((party_id, party_ref))
            item["contact_id"] = str(party_id)
        items.append(item)
    return JournalEntryInput.model_validate({"line_items": items, **fields}), book.refs(*refs)


async def test_posted_journal_entry_lines_carry_the_right_debit_and_credit(book):
    body, refs = _entry(book, [("cash", "250.75", "0"), ("revenue", "0", "200.00"), ("tax", "0", "50.75")],
                        memo="Cash sale", transaction_date=f"{TODAY}T00:00:00Z", journal_number="JE-9")
    result = await book.connector.create("journal_entry", body, refs, request_key="k")
    move_id = int(result.record.remote_id)
    move, = await book.rpc.read("account.move", [move_id], ["state", "number", "description", "date", "journal"])
    assert move["state"] == "posted" and move["description"] == "Cash sale" and move["date"] == TODAY
    lines = await book.rpc.search_read("account.move.line", [("move", "=", move_id)],
                                       ["account", "debit", "credit"], order=[("id", "ASC")])
    accounts = book.ids["accounts"]
    assert [(line["account"], line["debit"], line["credit"]) for line in lines] == [
        (accounts["cash"], Decimal("250.75"), Decimal(0)), (accounts["revenue"], Decimal(0), Decimal("200.00")),
        (accounts["tax"], Decimal(0), Decimal("50.75"))]

    entry = result.record.data
    assert entry.posting_status == "POSTED" and entry.journal_number == move["number"] != "JE-9"
    assert [(i.debit, i.credit) for i in entry.line_items] == [(line["debit"], line["credit"]) for line in lines]
    assert [w.field for w in result.warnings] == ["journal_number"]

    draft_body, draft_refs = _entry(book, [("expense", "12.50", "0"), ("cash", "0", "12.50")],
                                    posting_status="DRAFT")
    draft = await book.connector.create("journal_entry", draft_body, draft_refs, request_key="k")
    row, = await book.rpc.read("account.move", [int(draft.record.remote_id)], ["state"])
    assert row["state"] == "draft" and draft.record.data.posting_status == "DRAFT"


async def test_journal_entry_parties_follow_the_accounts(book):
    # Receivable requires a party (it is given); cash does not (the contact is dropped, with a warning).
    body, refs = _entry(book, [("cash", "30", "0", "customer2"), ("receivable", "0", "30", "customer")])
    result = await book.connector.create("journal_entry", body, refs, request_key="k")
    lines = await book.rpc.search_read("account.move.line", [("move", "=", int(result.record.remote_id))],
                                       ["account", "party"], order=[("id", "ASC")])
    assert [line["party"] for line in lines] == [None, book.ids["parties"]["customer"]]
    assert [w.field for w in result.warnings] == ["line_items[0].contact_id"]


async def test_journal_entries_tryton_would_refuse_are_422_and_write_nothing(book):
    moves_before = await book.rpc.model("account.move", "search_count", [])
    body, refs = _entry(book, [("receivable", "30", "0"), ("cash", "0", "30")], currency="EUR",
                        transaction_date="2001-01-01T00:00:00Z")
    with pytest.raises(ValidationFailed) as refused:
        await book.connector.create("journal_entry", body, refs, request_key="k")
    assert {e.field for e in refused.value.errors} == {"line_items[0].contact_id", "currency", "transaction_date"}

    view, = await book.rpc.search_read("account.account", [("type", "=", None)], ["id"], limit=1)
    view_id, view_ref = book.ref("account", "account.account", view["id"])
    cash_id, cash_ref = book.ref("account", "account.account", book.ids["accounts"]["cash"])
    body = JournalEntryInput.model_validate({"line_items": [
        {"account_id": str(view_id), "debit": 5}, {"account_id": str(cash_id), "credit": 5}]})
    errors = await book.connector.validate("journal_entry", body, book.refs((view_id, view_ref), (cash_id, cash_ref)))
    assert [e.field for e in errors] == ["line_items[0].account_id"]
    assert await book.rpc.model("account.move", "search_count", []) == moves_before


async def test_credit_notes_and_vendor_credits_are_negative_invoices(book):
    invoice = await posted_invoice(book)
    # Tryton's credit wizard: a new out invoice with the quantities negated, numbered from the credit-note sequence.
    credited = await book.rpc.wizard("account.invoice.credit", model="account.invoice",
                                     ids=[int(invoice.remote_id)], steps=[("start", {})])
    form = {k: v for k, v in credited[0]["view"]["defaults"].items() if not k.endswith(".")}
    await book.rpc.wizard("account.invoice.credit", model="account.invoice", ids=[int(invoice.remote_id)],
                          steps=[("credit", {"start": {**form, "with_refund": False}})])
    draft, = await book.rpc.search_read("account.invoice", [("type", "=", "out"), ("total_amount", "<", 0)],
                                        ["state"])
    assert draft["state"] == "draft"  # the wizard drafts the note (without its refund option)
    await book.rpc.model("account.invoice", "post", [draft["id"]], write=True)
    note_row, = await book.rpc.read("account.invoice", [draft["id"]], [
        "number", "total_amount", "untaxed_amount", "amount_to_pay", "state"])
    bill = await posted_invoice(book, kind="supplier", status="DRAFT", price="40", quantity=-2)

    notes = await everything(book.connector, "credit_note")
    assert [n.remote_id for n in notes] == [str(note_row["id"])]
    note = notes[0].data
    assert note.total_amount == -note_row["total_amount"] == Decimal("110.00")
    assert note.sub_total == -note_row["untaxed_amount"] and note.type == "ACCOUNTS_RECEIVABLE"
    assert note.number == note_row["number"] and note.number.startswith("CN/")
    assert note.status == {"posted": "AUTHORIZED", "paid": "PAID"}[note_row["state"]]
    assert note.remaining_credit == -note_row["amount_to_pay"]
    line, = note.line_items
    assert (line.quantity, line.total_amount) == (Decimal(1), Decimal("100.00"))
    assert note.contact_id == book.party("customer")[0]

    credits = await everything(book.connector, "vendor_credit")
    assert [c.remote_key for c in credits] == [bill.remote_key]
    credit = credits[0].data
    assert credit.total_amount == Decimal("88.00") and credit.vendor == book.party("supplier")[0]
    assert [i.net_amount for i in credit.line_items] == [Decimal("80.00")]
    # Fetched by key, a positive invoice is neither.
    assert await book.connector.fetch("credit_note", invoice.remote_key) is None
    assert (await book.connector.fetch("vendor_credit", bill.remote_key)).data == credit


# --- reports --------------------------------------------------------------------------------------------------------


def _sum(items, *, accounts_only=True):
    return sum((i.value for i in items if i.remote_id or not accounts_only), Decimal(0))


async def test_reports_are_tryton_own_sums_of_posted_moves(book):
    from ledgerbridge.errors import NotSupported

    await posted_invoice(book)  # receivable 110 = revenue 100 + tax 10
    await posted_invoice(book, kind="supplier", price="80")  # expense 80 + tax 8 = payable 88
    body, refs = _entry(book, [("cash", "50", "0"), ("revenue", "0", "50")], transaction_date=f"{TODAY}T00:00:00Z")
    await book.connector.create("journal_entry", body, refs, request_key="k")
    body, refs = _entry(book, [("cash", "1000", "0"), ("revenue", "0", "1000")], posting_status="DRAFT")
    await book.connector.create("journal_entry", body, refs, request_key="k")  # a draft: in no report
    accounts = book.ids["accounts"]
    start = TODAY.replace(month=1, day=1)

    record = await book.connector.report("income_statement", start=start, end=TODAY)
    statement = record.data
    assert record.remote_key == f"income_statement:{start}:{TODAY}"
    rows = {i.remote_id: i for i in [*statement.income, *statement.cost_of_sales, *statement.operating_expenses,
                                     *statement.non_operating_expenses]}
    assert rows[str(accounts["revenue"])].value == Decimal("150.00")
    assert rows[str(accounts["revenue"])] in statement.income
    assert rows[str(accounts["expense"])].value == Decimal("80.00")
    assert rows[str(accounts["revenue"])].account_id == book.context.ref(
        "account", f"account.account/{accounts['revenue']}")
    # Tryton's own total of the income statement (its top type's amount, same context) is the net income …
    context = {"posted": True, "from_date": start, "to_date": TODAY}
    tops = await book.rpc.model("account.account.type", "search_read", [("statement", "=", "income"),
                                ("parent.statement", "!=", "income")], 0, None, None, ["amount"], context=context)
    assert statement.net_income == sum((t["amount"] for t in tops), Decimal(0))
    # … and the sections add up to it.
    assert statement.gross_profit == _sum(statement.income) - _sum(statement.cost_of_sales)
    assert statement.net_operating_income == statement.gross_profit - _sum(statement.operating_expenses)
    assert statement.net_income == statement.net_operating_income - _sum(statement.non_operating_expenses)
    ledger = await book.rpc.model("account.account", "search_read", [("type.statement", "=", "income")], 0, None,
                                  None, ["debit", "credit"], context=context)
    assert statement.net_income == sum((a["credit"] - a["debit"] for a in ledger), Decimal(0))
    assert statement.currency == "USD"

    last_year = await book.connector.report("income_statement", start=start.replace(year=start.year - 1),
                                            end=start - dt.timedelta(days=1))
    assert last_year.data.net_income == 0 and last_year.data.income == []

    sheet = (await book.connector.report("balance_sheet", start=None, end=TODAY)).data
    assert sheet.date == dt.datetime.combine(TODAY, dt.time(), dt.UTC)
    rows = {i.remote_id: i for i in [*sheet.assets, *sheet.liabilities, *sheet.equity] if i.remote_id}
    assert rows[str(accounts["receivable"])].value == Decimal("110.00")
    assert rows[str(accounts["receivable"])] in sheet.assets
    assert rows[str(accounts["cash"])].value == Decimal("50.00")
    assert rows[str(accounts["payable"])].value == Decimal("88.00")
    assert rows[str(accounts["payable"])] in sheet.liabilities
    # Each section's accounts add up to Tryton's amount of the section's type (its first row) …
    for section in (sheet.assets, sheet.liabilities, sheet.equity):
        assert section[0].remote_id is None and section[0].parent_item is None
        assert _sum(section) == section[0].value
    # … and the books balance: assets = liabilities + equity (this year's profit sits in equity).
    assert _sum(sheet.assets) == _sum(sheet.liabilities) + _sum(sheet.equity) == Decimal("160.00")
    assert sheet.net_assets == _sum(sheet.assets) - _sum(sheet.liabilities)

    with pytest.raises(NotSupported, match="tryton"):
        await book.connector.report("cash_flow_statement", start=start, end=TODAY)
