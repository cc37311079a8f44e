"""Tax rates ⇄ QBO TaxCode, with its rate computed from QBO TaxRate entities.

An invoice line refers to a *TaxCode* (``TaxCodeRef``), so that is the unified tax rate a caller picks. A
TaxCode holds no percentage itself: its ``SalesTaxRateList`` names TaxRate entities, each with a
``RateValue``.
The unified rate is their sum (a combined city + county code charges both). The US pseudo codes ``TAX`` and
``NON`` have no rate list: ``NON`` is 0 %; ``TAX`` means "automated sales tax decides", so its rate is unknown
(None) rather than a made-up 0.

Tax codes used only for purchases have an empty sales list; their ``PurchaseTaxRateList`` is used instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, key, money, ref_value, updated_at
from ledgerbridge.unified.tax_rate import TaxRate


def rate_ids(remote: dict[str, Any]) -> list[str]:
    """The TaxRate ids a TaxCode charges (sales list first; the purchase list for purchase-only codes)."""
    for list_name in ("SalesTaxRateList", "PurchaseTaxRateList"):
        details = (remote.get(list_name) or {}).get("TaxRateDetail") or []
        if isinstance(details, dict):  # a single detail, as XML-to-JSON converters emit it
            details = [details]
        ids = [value for detail in details if (value := ref_value(detail, "TaxRateRef")) is not None]
        if ids:
            return ids
    return []


def rate_value(remote_rate: dict[str, Any]) -> Decimal | None:
    return money(remote_rate.get("RateValue"))


def to_unified(remote: dict[str, Any], ctx: RefMaker, rates: Mapping[str, Decimal | None]) -> RemoteRecord:
    """``rates`` maps TaxRate Id → RateValue (percent) for the rates this code refers to."""
    remote_id = str(remote["Id"])
    ids = rate_ids(remote)
    total: Decimal | None
    if ids:
        parts = [part for rate_id in ids if (part := rates.get(rate_id)) is not None]
        # A rate we could not read makes the sum unknown, not smaller.
        total = sum(parts, Decimal(0)) if len(parts) == len(ids) else None
    elif remote_id == "NON" or str(remote.get("Taxable", "")).lower() == "false":
        total = Decimal(0)
    else:
        total = None
    tax_rate = TaxRate(
        description=remote.get("Description") or remote.get("Name"),
        total_tax_rate=total,
        effective_tax_rate=total,
    )
    return RemoteRecord(
        object="tax_rate",
        remote_key=key("TaxCode", remote_id),
        remote_id=remote_id,
        data=tax_rate,
        remote_data=remote,
        remote_updated_at=updated_at(remote),
    )
