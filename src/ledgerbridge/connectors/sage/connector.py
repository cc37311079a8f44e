"""The Sage connector: the objects it serves, each declared in :mod:`.objects`, run by the connector template.

What several declarations share lives here: the record version Sage lacks, the default ledger accounts for
lines given none, and the bank account a payment goes into.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import ConnectionContext, Connector, declarations
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.sage.client import PAGE_SIZE, SageClient
from ledgerbridge.connectors.sage.errors import PROVIDER
from ledgerbridge.connectors.sage.objects import company_info, contact, invoice, payment, reference, writes
from ledgerbridge.errors import FieldError, ProviderDetail, ProviderRejected

# ledger account types a line falls back to: sales for invoices, overheads for bills
_DEFAULT_TYPES = {True: ("SALES", "OTHER_INCOME"), False: ("OVERHEADS", "DIRECT_EXPENSES")}


def _canonical(value: Any) -> Any:
    """The record with every number in one spelling (20, 20.0 and Decimal("20.00") alike), so a version read
    from our store equals the one read from Sage."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return format(Decimal(str(value)).normalize(), "f")
    return value


class SageConnector(Connector):
    provider = PROVIDER
    objects = declarations(
        invoice.DECLARATION,
        contact.DECLARATION,
        writes.ACCOUNT,
        reference.ITEM,
        reference.TAX_RATE,
        reference.TRACKING_CATEGORY,
        payment.DECLARATION,
        reference.CREDIT_NOTE,
        writes.JOURNAL_ENTRY,
        company_info.DECLARATION,
    )
    page_size = PAGE_SIZE  # tests lower it to exercise paging

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        super().__init__(context, http)
        self.client = SageClient(context, http)
        self._defaults: dict[bool, str] = {}

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        """Sage has no version or ETag, and ``updated_at`` is to the second: the version is ``updated_at`` with a
        digest of the record, so two changes within one second still tell apart."""
        if not remote_data or "updated_at" not in remote_data:
            return None
        digest = hashlib.sha256(json.dumps(_canonical(remote_data), sort_keys=True).encode()).hexdigest()[:12]
        return f"{remote_data['updated_at']}#{digest}"

    async def default_account(self, receivable: bool) -> str:
        """The ledger account of a line given none: the connection's ``default_sales_ledger_account_id`` /
        ``default_purchase_ledger_account_id``, else Sage's lowest-numbered sales (or overheads) account."""
        configured = self.context.credentials.get(
            "default_sales_ledger_account_id" if receivable else "default_purchase_ledger_account_id")
        if configured:
            return str(configured)
        if receivable not in self._defaults:
            wanted = _DEFAULT_TYPES[receivable]
            rows = [row async for page in self.client.pages("ledger_accounts") for row in page
                    if (row.get("ledger_account_type") or {}).get("id") in wanted]
            if not rows:
                raise ProviderRejected(ProviderDetail(PROVIDER, message="no default ledger account", fields=[
                    FieldError("line_items.account_id", "Sage has no account of type " + " or ".join(wanted)
                               + "; give each line an account_id")]))
            self._defaults[receivable] = str(min(rows, key=lambda r: int(r.get("nominal_code") or 0))["id"])
        return self._defaults[receivable]

    async def bank_account(self) -> str:
        """Where payments go: the connection's ``bank_account_id``, else Sage's first bank account."""
        configured = self.context.credentials.get("bank_account_id")
        if configured:
            return str(configured)
        async for page in self.client.pages("bank_accounts"):
            if page:
                return str(page[0]["id"])
        raise ProviderRejected(ProviderDetail(PROVIDER, message="no bank account", fields=[
            FieldError("status", "Sage needs a bank account to record the payment; add one or set bank_account_id "
                                 "on the connection")]))
