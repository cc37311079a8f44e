"""Mapping of the objects the connector reads through a generic path: which mapper, and which settings lists
(``Accounts`` for codes → ids) it needs first. The connector keeps the older objects' dispatch itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.mapping import credit_note, documents, organisation, purchases
from ledgerbridge.connectors.xero.mapping.common import Lookup, RefMaker

RowsMapper = Callable[[list[dict[str, Any]], RefMaker, Lookup], list[RemoteRecord]]

MAPPERS: dict[str, RowsMapper] = {
    # Type is filtered by the list's where; a retrieve by id can land on the other kind, so filter again.
    "expense": lambda rows, ctx, lookup: [purchases.expense_to_unified(r, ctx, lookup) for r in rows
                                          if r.get("Type") == purchases.EXPENSE_TYPE],
    "vendor_credit": lambda rows, ctx, lookup: [purchases.vendor_credit_to_unified(r, ctx, lookup) for r in rows
                                                if purchases.is_vendor_credit(r)],
    "credit_note": lambda rows, ctx, lookup: [documents.credit_note_to_unified(r, ctx, lookup) for r in rows
                                              if credit_note.is_customer_credit(r)],
    "purchase_order": lambda rows, ctx, lookup: [purchases.purchase_order_to_unified(r, ctx, lookup) for r in rows],
    "company_info": lambda rows, ctx, lookup: [organisation.company_info_to_unified(r, ctx) for r in rows],
    "address": lambda rows, ctx, lookup: [a for r in rows for a in organisation.addresses_to_unified(r, ctx)],
    "phone_number": lambda rows, ctx, lookup: [p for r in rows for p in organisation.phones_to_unified(r, ctx)],
}
NEEDS: dict[str, set[str]] = {"expense": {"Accounts"}, "vendor_credit": {"Accounts"}, "purchase_order": {"Accounts"},
                              "credit_note": {"Accounts"}}


def map_rows(object_name: str, rows: list[dict[str, Any]], ctx: RefMaker, lookup: Lookup) -> list[RemoteRecord]:
    return MAPPERS[object_name](rows, ctx, lookup)
