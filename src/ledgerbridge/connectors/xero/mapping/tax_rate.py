"""Tax rates ⇄ Xero TaxRate, keyed by ``TaxType`` (what invoice lines carry; TaxRates have no other id).

``DisplayTaxRate`` is the rate Xero shows (sum of components) and ``EffectiveRate`` the one it applies (they
differ for compounding components): they become ``total_tax_rate`` and ``effective_tax_rate``, in percent."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.mapping.common import RefMaker, money, text
from ledgerbridge.unified.tax_rate import TaxRate


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    tax_type = str(remote["TaxType"])
    rate = TaxRate(
        description=text(remote.get("Name")),
        total_tax_rate=money(remote.get("DisplayTaxRate")),
        effective_tax_rate=money(remote.get("EffectiveRate")),
    )
    return RemoteRecord(
        object="tax_rate",
        remote_key=tax_type,
        remote_id=tax_type,
        data=rate,
        remote_data=remote,
        deleted=str(remote.get("Status") or "").upper() == "DELETED",
    )
