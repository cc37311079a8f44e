"""The Tryton connector: unified objects ⇄ a Tryton 8.x server, over JSON-RPC.

Credentials (``context.credentials``): ``url`` (``http://127.0.0.1:8000``), ``database``, ``username``,
``password``; optionally ``payment_method`` (an ``account.invoice.payment.method`` id used to pay invoices created
as PAID; default: the company's first).

Tryton has no idempotency key: writes are never retried by the HTTP layer (a lost reply surfaces as an error),
and a create that fails half-way is undone (drafts deleted, posted invoices cancelled), so a failed write leaves
nothing behind. Each object is declared in ``objects/<object>.py``; the helpers below are what several share.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import ConnectionContext, Connector, declarations
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.tryton.client import TrytonRpc
from ledgerbridge.connectors.tryton.mapping import MODELS, stamp
from ledgerbridge.connectors.tryton.mapping.account import TYPE_FIELDS
from ledgerbridge.connectors.tryton.mapping.report import ACCOUNT_FIELDS, Ledger
from ledgerbridge.connectors.tryton.mapping.report import TYPE_FIELDS as REPORT_TYPE_FIELDS
from ledgerbridge.connectors.tryton.objects import (
    account,
    address,
    attachment,
    balance_sheet,
    company_info,
    contact,
    credit_note,
    income_statement,
    invoice,
    item,
    journal_entry,
    payment,
    phone_number,
    tax_rate,
    vendor_credit,
)

CATEGORY_FIELDS = ["name", "account_revenue", "account_expense", "customer_taxes", "supplier_taxes"]
PAY_WIZARD = "account.invoice.pay"


class TrytonConnector(Connector):
    provider = "tryton"
    # Not served: cash_flow_statement (Tryton keeps no cash flow statement) and tracking_category (Tryton core has
    # no classes or tracking options; analytic accounts are a module).
    objects = declarations(
        invoice.DECLARATION,
        contact.DECLARATION,
        account.DECLARATION,
        attachment.DECLARATION,  # ir.attachment on invoices, parties and accounts
        item.DECLARATION,
        tax_rate.DECLARATION,
        company_info.DECLARATION,
        address.DECLARATION,
        phone_number.DECLARATION,
        journal_entry.DECLARATION,
        payment.DECLARATION,
        credit_note.DECLARATION,
        vendor_credit.DECLARATION,
        balance_sheet.DECLARATION,  # computed by Tryton for a period
        income_statement.DECLARATION,
    )

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        super().__init__(context, http)
        self.client = TrytonRpc(http, context.credentials)
        self._account_types: dict[int, dict[str, Any]] | None = None

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        """Tryton's ``write_date`` (``create_date`` for a record never written since)."""
        data = remote_data or {}
        return stamp(data.get("write_date") or data.get("create_date"))

    # --- what several objects read --------------------------------------------------------------------------------

    async def company(self) -> int:
        """The user's current company."""
        return int((await self.client.context())["company"])

    async def company_currency(self) -> dict[str, Any]:
        """The company currency's ``id``, ``code`` and ``digits``."""
        row = (await self.client.read(MODELS["company_info"], [await self.company()],
                                      ["currency", "currency.code", "currency.digits"]))[0]
        return {**(row.get("currency.") or {}), "id": row["currency"]}

    async def configuration(self) -> dict[str, Any]:
        """The accounting configuration: the default receivable/payable and revenue/expense accounts."""
        rows = await self.client.read("account.configuration", [1], [
            "default_account_receivable", "default_account_payable", "default_category_account_revenue",
            "default_category_account_expense"])
        return rows[0]

    async def account_types(self) -> dict[int, dict[str, Any]]:
        """Every account type, by id (read once per connector: a chart's types hardly ever change)."""
        if self._account_types is None:
            rows = await self.client.search_read("account.account.type", [], TYPE_FIELDS)
            self._account_types = {row["id"]: row for row in rows}
        return self._account_types

    async def categories(self, ids: list[int | None]) -> dict[int, dict[str, Any]]:
        """Product categories by id: the accounts and taxes products take from them."""
        wanted = sorted({i for i in ids if i is not None})
        rows = await self.client.read("product.category", wanted, CATEGORY_FIELDS)
        return {row["id"]: row for row in rows}

    async def payment_method(self) -> int | None:
        """The connection's payment method, else the company's first; None when the company has none."""
        configured = self.context.credentials.get("payment_method")
        if configured:
            return int(configured)
        rows = await self.client.search_read("account.invoice.payment.method",
                                             [("company", "=", await self.company())], ["id"], limit=1)
        return int(rows[0]["id"]) if rows else None

    async def ledger(self, report_context: dict[str, Any]) -> Ledger:
        """The company's account types and accounts as Tryton computes them under ``report_context``."""
        company = await self.company()
        types = await self.client.search_read("account.account.type", [("company", "=", company)],
                                              REPORT_TYPE_FIELDS, order=[("id", "ASC")], context=report_context)
        accounts = await self.client.search_read(MODELS["account"], [
            ("company", "=", company), ["OR", ("type", "!=", None), ("debit_type", "!=", None),
                                        ("credit_type", "!=", None)]], ACCOUNT_FIELDS, order=[("id", "ASC")],
            context=report_context)
        return Ledger(types, accounts, (await self.company_currency()).get("code"), company)

    # --- what several objects write -------------------------------------------------------------------------------

    async def pay(self, invoice_id: int, amount: Decimal, method: int, day: dt.date | None,
                  description: str | None = None) -> None:
        """Pay ``amount`` of a posted invoice as its Pay button would; a partial payment keeps the rest open."""
        async with self.client.open_wizard(PAY_WIZARD, model=MODELS["invoice"], ids=[invoice_id]) as wizard:
            first = await wizard.execute("start", {})
            start = _form(first["view"]["defaults"])
            start.update({"amount": amount, "payment_method": method})
            if day is not None:
                start["date"] = day
            if description:
                start["description"] = description
            answer = await wizard.execute("choice", {"start": start})
            view = answer.get("view") if isinstance(answer, dict) else None
            if view and view.get("state") == "ask":  # a partial payment: keep the rest open
                ask = {**_form(view["defaults"]), "type": "partial"}
                await wizard.execute("pay", {"start": start, "ask": ask})


def _form(defaults: dict[str, Any]) -> dict[str, Any]:
    # Wizard defaults carry "x." rec_name companions that the server refuses back.
    return {k: v for k, v in defaults.items() if not k.endswith(".")}
