"""Tryton report mapping as pure functions: a hand-made type tree and ledger, no server."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from ledgerbridge.connectors.tryton.mapping import report as reports

D = Decimal
END = dt.date(2025, 12, 31)


def ref(object_name: str, remote_key: str | None) -> uuid.UUID | None:
    return None if remote_key is None else uuid.uuid5(uuid.NAMESPACE_URL, f"{object_name}:{remote_key}")


def _type(type_id, name, parent, statement, amount, *, assets=False, revenue=False, sequence=10):
    return {"id": type_id, "name": name, "parent": parent, "statement": statement, "assets": assets,
            "revenue": revenue, "sequence": sequence, "amount": amount}


# Tryton's amounts: credit − debit summed over the subtree, turned round for a type flagged as assets.
TYPES = [
    _type(1, "Chart", None, None, D(0)),
    _type(2, "Assets", 1, "balance", D("-130")),          # not flagged: Tryton shows credit − debit
    _type(3, "Bank", 2, "balance", D("130"), assets=True),  # flagged: debit − credit
    _type(4, "Liabilities", 1, "balance", D("30"), sequence=20),
    _type(5, "Equity", 1, "balance", D("100"), sequence=30),
    _type(6, "Profit", 5, "income", D("100")),
    _type(7, "Revenue", 6, "income", D("160"), revenue=True),
    _type(8, "Cost of Sales", 6, "income", D("-40"), sequence=20),
    _type(9, "Non-operating section", 6, "income", D("-20"), sequence=30),
    _type(10, "Finance costs", 9, "income", D("-20")),
]
ACCOUNTS = [
    {"id": 11, "code": "1", "name": "Bank", "type": 3, "debit_type": None, "credit_type": None,
     "debit": D("200"), "credit": D("70")},
    # An overdraft-able account: debit balances are bank (type 3), credit balances liabilities (type 4).
    {"id": 12, "code": "2", "name": "Card", "type": 4, "debit_type": 3, "credit_type": None,
     "debit": D(0), "credit": D("30")},
    {"id": 13, "code": "4", "name": "Sales", "type": 7, "debit_type": None, "credit_type": None,
     "debit": D(0), "credit": D("160")},
    {"id": 14, "code": "5", "name": "Goods", "type": 8, "debit_type": None, "credit_type": None,
     "debit": D("40"), "credit": D(0)},
    {"id": 15, "code": "7", "name": "Interest", "type": 10, "debit_type": None, "credit_type": None,
     "debit": D("20"), "credit": D(0)},
    {"id": 16, "code": "9", "name": "Unused", "type": 7, "debit_type": None, "credit_type": None,
     "debit": D(0), "credit": D(0)},
]


def test_balance_sheet_signs_sections_and_subtotals() -> None:
    sheet = reports.balance_sheet(TYPES, ACCOUNTS, end=END, currency="USD", company=1, ref=ref)
    assets = {(i.name, i.remote_id): i.value for i in sheet.assets}
    assert assets == {("Assets", None): D(130), ("Bank", None): D(130), ("1 - Bank", "11"): D(130)}
    assert [(i.name, i.value) for i in sheet.liabilities] == [("Liabilities", D(30)), ("2 - Card", D(30))]
    equity_accounts = {i.remote_id: i.value for i in sheet.equity if i.remote_id}
    assert equity_accounts == {"13": D(160), "14": D(-40), "15": D(-20)}  # this period's profit, by account
    assert sheet.equity[0].value == D(100) == sum(equity_accounts.values())
    assert sheet.net_assets == D(100)
    assert next(i for i in sheet.assets if i.remote_id == "11").account_id == ref("account", "account.account/11")
    assert next(i for i in sheet.assets if i.name == "Bank").parent_item == "Assets"


def test_debit_type_moves_an_account_with_its_balance() -> None:
    card = {**ACCOUNTS[1], "debit": D("50"), "credit": D(0)}
    assert reports.account_type(card) == 3
    assert reports.account_type(ACCOUNTS[1]) == 4


def test_income_statement_sections_add_up_to_tryton_net_income() -> None:
    statement = reports.income_statement(TYPES, ACCOUNTS, start=dt.date(2025, 1, 1), end=END, currency="USD",
                                         company=1, ref=ref)
    assert [(i.remote_id, i.value) for i in statement.income] == [("13", D(160))]
    assert [(i.remote_id, i.value) for i in statement.cost_of_sales] == [("14", D(40))]
    assert statement.operating_expenses == []
    assert [(i.remote_id, i.value) for i in statement.non_operating_expenses] == [("15", D(20))]
    assert (statement.gross_profit, statement.net_operating_income, statement.net_income) == (D(120), D(120), D(100))


def test_report_keys_carry_the_period() -> None:
    sheet = reports.balance_sheet(TYPES, ACCOUNTS, end=END, currency="USD", company=1, ref=ref)
    record = reports.to_record("balance_sheet", sheet, start=None, end=END, types=TYPES, accounts=ACCOUNTS)
    assert record.remote_key == "balance_sheet::2025-12-31"
    statement = reports.income_statement(TYPES, ACCOUNTS, start=dt.date(2025, 1, 1), end=END, currency="USD",
                                         company=1, ref=ref)
    record = reports.to_record("income_statement", statement, start=dt.date(2025, 1, 1), end=END, types=TYPES,
                               accounts=ACCOUNTS)
    assert record.remote_key == "income_statement:2025-01-01:2025-12-31"
