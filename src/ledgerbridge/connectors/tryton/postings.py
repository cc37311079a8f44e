"""Payments and journal entries written to Tryton, and its balance sheet and income statement read for a period.

- A payment runs Tryton's own ``account.invoice.pay`` wizard on the invoice (as the "Pay" button does), so Tryton
  books the move, adds its line to the invoice's ``payment_lines`` and lowers ``amount_to_pay`` (a partial payment
  keeps the rest open; the invoice turns ``paid`` when nothing is left). The wizard pays one invoice, so a unified
  payment applies to exactly one. Overpayments are refused rather than booked as an open credit.
- A journal entry is an ``account.move`` created as a draft and posted unless ``posting_status`` is DRAFT; if
  posting fails the draft is deleted, so a failed write leaves nothing. Unbalanced entries never get here: the
  unified model refuses them (422) before any call.
- Every rule Tryton would refuse the write for (state, amount, period, closed or view accounts, parties) is checked
  in :meth:`Postings.validate_posting` first, so a dry run reports it and a refused write sends nothing.

Mixed into the connector (``class TrytonConnector(Postings, InvoiceChanges, Connector)``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from ledgerbridge.connectors.base import Refs, RemoteRecord, WriteResult, reject
from ledgerbridge.connectors.tryton import documents as docs
from ledgerbridge.connectors.tryton import reports
from ledgerbridge.connectors.tryton.mapping import to_day
from ledgerbridge.errors import FieldError, NotSupported, ProviderDetail, ProviderError, ProviderRejected
from ledgerbridge.unified.journal_entry import JournalEntryInput
from ledgerbridge.unified.payment import PaymentInput, PaymentType

PROVIDER = "tryton"
WIZARD = "wizard.account.invoice.pay"


class Postings:
    """validate / create for payments and journal entries, and ``report`` (needs the connector's rpc, fetch…)."""

    rpc: Any
    context: Any

    # --- checks -----------------------------------------------------------------------------------------------------

    async def validate_posting(self, body: BaseModel, refs: Refs) -> list[FieldError]:
        if isinstance(body, PaymentInput):
            return (await self._check_payment(body, refs))[0]
        if isinstance(body, JournalEntryInput):
            return (await self._check_journal_entry(body, refs))[0]
        return []

    async def _check_payment(self, body: PaymentInput, refs: Refs) -> tuple[list[FieldError], dict[str, Any]]:
        errors: list[FieldError] = []
        if len(body.line_items) != 1:
            return [FieldError("line_items", "Tryton's pay wizard pays one invoice at a time; send one payment "
                                             "per invoice")], {}
        line = body.line_items[0]
        where = "line_items[0].related_object_id"
        invoice_id = _int(refs.remote_id(line.related_object_id))
        rows = await self.rpc.read("account.invoice", [invoice_id], [
            "type", "state", "amount_to_pay", "total_amount", "currency.code", "currency.digits", "party",
            "payment_lines"]
        ) if invoice_id is not None else []
        if not rows:
            return [FieldError(where, "the invoice no longer exists in Tryton")], {}
        invoice = rows[0]
        to_pay: Decimal = invoice["amount_to_pay"] or Decimal(0)
        if invoice["state"] != "posted":
            errors.append(FieldError(where, f"Tryton pays only posted invoices; this one is {invoice['state']}"))
        elif line.applied_amount > to_pay:
            errors.append(FieldError("line_items[0].applied_amount", (
                f"the invoice has {to_pay} left to pay in Tryton; an overpayment is not recorded")))
        currency = (invoice.get("currency.") or {}).get("code")
        digits = (invoice.get("currency.") or {}).get("digits")
        if digits is not None and line.applied_amount != line.applied_amount.quantize(Decimal(1).scaleb(-digits)):
            errors.append(FieldError("line_items[0].applied_amount", f"{currency} amounts have {digits} decimals"))
        if body.currency is not None and body.currency != currency:
            errors.append(FieldError("currency", f"the invoice is in {currency}; Tryton pays it in that currency"))
        wanted = PaymentType.AR if invoice["type"] == "out" else PaymentType.AP
        if body.type is not None and body.type != wanted:
            errors.append(FieldError("type", f"a payment of this invoice is {wanted.value}"))
        party = refs.remote_id(body.contact_id)
        if party is not None and int(party) != invoice["party"]:
            errors.append(FieldError("contact_id", "the invoice belongs to another party in Tryton"))
        method, method_error = await self._payment_method_for(body, refs)
        if method_error is not None:
            errors.append(method_error)
        return errors, {"invoice": invoice, "method": method}

    async def _payment_method_for(self, body: PaymentInput, refs: Refs) -> tuple[int | None, FieldError | None]:
        """The payment method booking to ``account_id`` if given, else the connection's (or the company's first)."""
        ctx = await self.rpc.context()
        account = _int(refs.remote_id(body.account_id))
        if account is not None:
            rows = await self.rpc.search_read("account.invoice.payment.method", [
                ("company", "=", ctx["company"]), ["OR", ("debit_account", "=", account),
                                                   ("credit_account", "=", account)]], ["id"], limit=1)
            if not rows:
                return None, FieldError("account_id", "no Tryton payment method books to this account")
            return int(rows[0]["id"]), None
        configured = self.context.credentials.get("payment_method")
        if configured:
            return int(configured), None
        rows = await self.rpc.search_read("account.invoice.payment.method", [("company", "=", ctx["company"])],
                                          ["id"], limit=1)
        if not rows:
            return None, FieldError("account_id", "Tryton has no invoice payment method to record the payment with")
        return int(rows[0]["id"]), None

    async def _check_journal_entry(self, body: JournalEntryInput, refs: Refs
                                   ) -> tuple[list[FieldError], dict[str, Any]]:
        errors: list[FieldError] = []
        ctx = await self.rpc.context()
        company = (await self.rpc.read("company.company", [ctx["company"]], ["currency.code", "currency.digits"]))[0]
        currency = (company.get("currency.") or {}).get("code")
        unit = Decimal(1).scaleb(-int((company.get("currency.") or {}).get("digits") or 2))
        if body.currency is not None and body.currency != currency:
            errors.append(FieldError("currency", f"Tryton books journal entries in the company currency, {currency}"))
        status = (body.posting_status or "POSTED").strip().upper()
        if status not in ("POSTED", "DRAFT"):
            errors.append(FieldError("posting_status", "Tryton journal entries are POSTED or DRAFT"))
        ids = sorted({i for line in body.line_items if (i := _int(refs.remote_id(line.account_id))) is not None})
        accounts = {row["id"]: row for row in await self.rpc.model(
            "account.account", "search_read", [("id", "in", ids)], 0, None, None,
            ["rec_name", "type", "closed", "party_required", "company"], context={"active_test": False})}
        party_required: set[int] = set()
        for index, line in enumerate(body.line_items):
            account = accounts.get(_int(refs.remote_id(line.account_id)) or 0)
            if account is None or account["company"] != ctx["company"]:
                errors.append(FieldError(f"line_items[{index}].account_id", "no such account in this Tryton company"))
                continue
            if account["type"] is None or account["closed"]:
                errors.append(FieldError(f"line_items[{index}].account_id", (
                    f"Tryton books nothing to {account['rec_name']}: it is a view or closed account")))
            if account["party_required"]:
                party_required.add(account["id"])
                if refs.remote_id(line.contact_id) is None:
                    errors.append(FieldError(f"line_items[{index}].contact_id", (
                        f"Tryton requires a party on {account['rec_name']}: give the line's contact_id")))
            if any(v is not None and v != v.quantize(unit) for v in (line.debit, line.credit)):
                errors.append(FieldError(f"line_items[{index}].debit", f"{currency} amounts have no more than "
                                                                      f"{-unit.as_tuple().exponent} decimals"))
            if line.currency is not None and line.currency != currency:
                errors.append(FieldError(f"line_items[{index}].currency", (
                    f"Tryton books journal entries in the company currency, {currency}")))
        day = docs.entry_day(body, dt.datetime.now(dt.UTC).date())
        periods = await self.rpc.search_read("account.period", [
            ("company", "=", ctx["company"]), ("start_date", "<=", day), ("end_date", ">=", day),
            ("type", "=", "standard"), ("state", "=", "open")], ["id"], limit=1)
        if not periods:
            errors.append(FieldError("transaction_date", f"no open Tryton accounting period holds {day}"))
        journals = await self.rpc.search_read("account.journal", [("type", "=", "general")], ["id"], limit=1,
                                              order=[("id", "ASC")])
        if not journals:
            errors.append(FieldError("journal_number", "this Tryton database has no general journal"))
        return errors, {"day": day, "period": periods[0]["id"] if periods else None,
                        "journal": journals[0]["id"] if journals else None, "party_required": party_required,
                        "unit": unit}

    # --- writes -----------------------------------------------------------------------------------------------------

    async def _create_payment(self, body: PaymentInput, refs: Refs) -> WriteResult:
        errors, found = await self._check_payment(body, refs)
        reject(errors)
        invoice, method = found["invoice"], found["method"]
        line = body.line_items[0]
        before = set(invoice["payment_lines"])
        invoice_id = int(invoice["id"])
        digits = (invoice.get("currency.") or {}).get("digits")
        amount = line.applied_amount if digits is None else line.applied_amount.quantize(Decimal(1).scaleb(-digits))
        await self._pay_wizard(invoice_id, amount, method,
                               to_day(line.applied_date or body.transaction_date), body.reference)
        after = (await self.rpc.read("account.invoice", [invoice_id], ["payment_lines"]))[0]["payment_lines"]
        added = sorted(set(after) - before)
        if len(added) != 1:
            raise ProviderRejected(ProviderDetail(PROVIDER, message=(
                f"the pay wizard added {len(added)} payment lines to the invoice instead of one")))
        payment = await self.fetch("payment", f"{docs.MODELS['payment']}/{added[0]}")  # type: ignore[attr-defined]
        paid = await self.fetch("invoice", f"account.invoice/{invoice_id}")  # type: ignore[attr-defined]
        assert payment is not None and paid is not None
        return WriteResult(payment, also_changed=[paid])

    async def _pay_wizard(self, invoice_id: int, amount: Decimal, method: int, day: dt.date | None,
                          description: str | None = None) -> None:
        """Pay ``amount`` of the invoice as the Pay button would; a partial payment keeps the rest open."""
        ctx = {**await self.rpc.context(), "active_model": "account.invoice", "active_id": invoice_id,
               "active_ids": [invoice_id]}
        session, _start, _end = await self.rpc.call(f"{WIZARD}.create", ctx, safe_to_retry=False)
        try:
            first = await self.rpc.call(f"{WIZARD}.execute", session, {}, "start", ctx, safe_to_retry=False)
            start = _form(first["view"]["defaults"])
            start.update({"amount": amount, "payment_method": method})
            if day is not None:
                start["date"] = day
            if description:
                start["description"] = description
            answer = await self.rpc.call(f"{WIZARD}.execute", session, {"start": start}, "choice", ctx,
                                         safe_to_retry=False)
            view = answer.get("view") if isinstance(answer, dict) else None
            if view and view.get("state") == "ask":  # a partial payment: keep the rest open
                ask = {**_form(view["defaults"]), "type": "partial"}
                await self.rpc.call(f"{WIZARD}.execute", session, {"start": start, "ask": ask}, "pay", ctx,
                                    safe_to_retry=False)
        finally:
            with contextlib.suppress(ProviderError):  # the session expires anyway; the payment is what matters
                await self.rpc.call(f"{WIZARD}.delete", session, ctx, safe_to_retry=False)

    async def _create_journal_entry(self, body: JournalEntryInput, refs: Refs) -> WriteResult:
        errors, found = await self._check_journal_entry(body, refs)
        reject(errors)
        values, warnings = docs.journal_entry_to_remote(
            body, refs, day=found["day"], period=found["period"], journal=found["journal"],
            party_required=found["party_required"], unit=found["unit"])
        move_id, = await self.rpc.model("account.move", "create", [values], write=True)
        if docs.wants_posting(body):
            try:
                await self.rpc.model("account.move", "post", [move_id], write=True)
            except BaseException:
                with contextlib.suppress(ProviderError):  # a draft move can be deleted: leave nothing half-written
                    await self.rpc.model("account.move", "delete", [move_id], write=True)
                raise
        record = await self.fetch("journal_entry", f"account.move/{move_id}")  # type: ignore[attr-defined]
        assert record is not None
        return WriteResult(record, warnings)

    # --- reports ----------------------------------------------------------------------------------------------------

    async def report(self, object_name: str, *, start: dt.date | None, end: dt.date | None) -> RemoteRecord:
        """A balance sheet (as at ``end``) or income statement (``start``..``end``), computed by Tryton now."""
        if object_name not in reports.REPORTS:
            raise NotSupported(f"tryton does not provide {object_name.replace('_', ' ')}: Tryton keeps no such "
                               "report")
        end = end or dt.datetime.now(dt.UTC).date()
        ctx = await self.rpc.context()
        company = ctx["company"]
        report_context = reports.context(object_name, start, end)
        types = await self.rpc.model("account.account.type", "search_read", [("company", "=", company)], 0, None,
                                     [("id", "ASC")], reports.TYPE_FIELDS, context=report_context)
        accounts = await self.rpc.model("account.account", "search_read", [
            ("company", "=", company), ["OR", ("type", "!=", None), ("debit_type", "!=", None),
                                        ("credit_type", "!=", None)]], 0, None, [("id", "ASC")],
            reports.ACCOUNT_FIELDS, context=report_context)
        currency = (await self.rpc.read("company.company", [company], ["currency.code"]))[0]
        return reports.to_record(object_name, start=start, end=end, types=types, accounts=accounts,
                                 currency=(currency.get("currency.") or {}).get("code"), company=company,
                                 ref=self.context.ref)


def _int(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None


def _form(defaults: dict[str, Any]) -> dict[str, Any]:
    # Wizard defaults carry "x." rec_name companions that the server refuses back.
    return {k: v for k, v in defaults.items() if not k.endswith(".")}
