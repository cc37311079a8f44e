"""Items ⇄ FreeAgent price list items: a code, a description, a price and the income category it is sold to."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.freeagent.mapping.common import RefMaker, day, key_of, money, text
from ledgerbridge.unified.item import Item
from ledgerbridge.unified.status import RecordStatus


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    key = str(key_of(remote["url"]))
    item = Item(
        name=text(remote.get("description")) or text(remote.get("code")),
        status=RecordStatus.ACTIVE,
        unit_price=money(remote.get("price")),
        sales_account=ctx.ref("account", key_of(remote.get("category"))),
    )
    return RemoteRecord(object="item", remote_key=key, remote_id=key, data=item, remote_data=remote,
                        remote_updated_at=day(remote.get("updated_at")))
