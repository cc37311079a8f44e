"""Items ⇄ Pennylane products: a label, a price before tax with its VAT code, and the account sales go to."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import ConnectionContext, RemoteRecord
from ledgerbridge.connectors.pennylane.mapping.common import amount, stamp, text
from ledgerbridge.unified.item import Item
from ledgerbridge.unified.status import RecordStatus


def to_unified(remote: dict[str, Any], ctx: ConnectionContext) -> RemoteRecord:
    ledger = (remote.get("ledger_account") or {}).get("id")
    item = Item(
        name=text(remote.get("label")),
        status=RecordStatus.ARCHIVED if remote.get("archived_at") else RecordStatus.ACTIVE,
        unit_price=amount(remote.get("price_before_tax")),
        sales_account=ctx.ref("account", None if ledger is None else str(ledger)),
    )
    return RemoteRecord(object="item", remote_key=str(remote["id"]), remote_id=str(remote["id"]), data=item,
                        remote_data=remote, remote_updated_at=stamp(remote.get("updated_at")))
