"""Document lines, both ways: how Xero lines name accounts, items, tax rates and tracking options. Pure.

Xero lines name their account and item by *code* (``AccountCode``, ``ItemCode``) and only sometimes by id; our
remote keys are the ids, so reads resolve codes through the :class:`~.common.Lookup` and writes send the code
when it is known. A line is tracked by *options* (remote key ``<TrackingCategoryID>/<TrackingOptionID>``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from ledgerbridge.connectors.base import Refs
from ledgerbridge.connectors.xero.mapping.common import (
    Lookup,
    RefMaker,
    account_ref,
    lower_id,
    money,
    split_tracking_key,
    text,
    tracking_key,
)
from ledgerbridge.unified.documents import AccountLine, PricedLine

# --- Xero → unified ------------------------------------------------------------------------------------------


def line_tracking(ctx: RefMaker, lookup: Lookup | None, tracking: list[dict[str, Any]] | None) -> list[UUID]:
    """Unified ids of a line's tracking options. Older answers name the option only (``Option`` without
    ``TrackingOptionID``, recorded in nango-invoices.json): the lookup finds its id by name."""
    found: list[UUID] = []
    for entry in tracking or []:
        category = lower_id(entry.get("TrackingCategoryID"))
        option = lower_id(entry.get("TrackingOptionID"))
        if category and option is None and lookup is not None and (name := text(entry.get("Option"))):
            option = lookup.options.get((category, name.lower()))
        if category and option:
            ref = ctx.ref("tracking_category", tracking_key(category, option))
            if ref is not None:
                found.append(ref)
    return found


def account_line(ctx: RefMaker, lookup: Lookup | None, line: dict[str, Any], currency: str | None) -> AccountLine:
    """A line booked to an account by amount (expenses, vendor credits)."""
    return AccountLine(
        remote_id=lower_id(line.get("LineItemID")), net_amount=money(line.get("LineAmount")),
        description=text(line.get("Description")),
        account_id=account_ref(ctx, lookup, line.get("AccountID"), line.get("AccountCode")),
        item_id=ctx.ref("item", lower_id((line.get("Item") or {}).get("ItemID"))),
        tax_rate_id=ctx.ref("tax_rate", text(line.get("TaxType"))),
        tracking_categories=line_tracking(ctx, lookup, line.get("Tracking")), currency=currency,
    )


def priced_line(ctx: RefMaker, lookup: Lookup | None, line: dict[str, Any], currency: str | None) -> PricedLine:
    """A line priced by quantity and unit amount (purchase orders)."""
    return PricedLine(
        remote_id=lower_id(line.get("LineItemID")), description=text(line.get("Description")),
        unit_price=money(line.get("UnitAmount")), quantity=money(line.get("Quantity")),
        total_line_amount=money(line.get("LineAmount")), tax_amount=money(line.get("TaxAmount")),
        account_id=account_ref(ctx, lookup, line.get("AccountID"), line.get("AccountCode")),
        item_id=ctx.ref("item", lower_id((line.get("Item") or {}).get("ItemID"))),
        tax_rate_id=ctx.ref("tax_rate", text(line.get("TaxType"))),
        tracking_categories=line_tracking(ctx, lookup, line.get("Tracking")), currency=currency,
    )


def all_tracking(lines: Iterable[Any]) -> list[UUID]:
    """Every option used on a document's lines, once each, in a stable order (the header's tracking)."""
    return sorted({t for line in lines for t in line.tracking_categories}, key=str)


# --- unified → Xero ------------------------------------------------------------------------------------------


def tracking_entry(refs: Refs, unified_id: UUID) -> dict[str, str] | None:
    """A line's ``Tracking`` entry for one option; None for anything that is not an option."""
    ref = refs.get(unified_id)
    if ref is None:
        return None
    category, option = split_tracking_key(ref.remote_key)
    if option is None:
        return None
    entry = {"TrackingCategoryID": category, "TrackingOptionID": option}
    name = str((ref.data or {}).get("name") or "")
    if ": " in name:  # our option names are "<Category>: <Option>"; Xero also accepts names alongside ids
        entry["Name"], entry["Option"] = name.split(": ", 1)
    return entry


def tracking_entries(refs: Refs, ids: Iterable[UUID]) -> list[dict[str, str]]:
    return [e for u in dict.fromkeys(ids) if (e := tracking_entry(refs, u)) is not None]


def account_code(refs: Refs, unified_id: UUID | None, lookup: Lookup) -> tuple[str, str] | None:
    """("AccountCode", code) when the code is known, else ("AccountID", id)."""
    ref = refs.get(unified_id)
    if ref is None:
        return None
    code = text((ref.data or {}).get("account_number")) or lookup.account_code(ref.remote_id)
    return ("AccountCode", code) if code else ("AccountID", ref.remote_id)


def add_codes(remote: dict[str, Any], refs: Refs, line: Any, lookup: Lookup) -> None:
    """Name a line's account, item and tax rate the way Xero takes them."""
    if (account := account_code(refs, line.account_id, lookup)) is not None:
        remote[account[0]] = account[1]
    if (item := refs.get(line.item_id)) is not None and (code := lookup.item_code(item.remote_id)):
        remote["ItemCode"] = code
    if (tax := refs.get(line.tax_rate_id)) is not None:
        remote["TaxType"] = tax.remote_key


def coded_line(amounts: dict[str, Any], line: Any, document_tracking: Iterable[UUID], refs: Refs,
               lookup: Lookup) -> dict[str, Any]:
    """A line to write (expenses, purchase orders): its amounts, description, codes and tracking options, the
    document's own options added to every line (Xero tracks lines only)."""
    remote = dict(amounts)
    if line.description:
        remote["Description"] = line.description
    add_codes(remote, refs, line, lookup)
    if tracking := tracking_entries(refs, [*line.tracking_categories, *document_tracking]):
        remote["Tracking"] = tracking
    return remote
