"""How a unified object is read from Moneybird: one resource, its rows mapped to records.

    invoice      → sales_invoices (not credits) + documents/purchase_invoices   filter state:all, updated_after
    credit_note  → sales_invoices that are credits                              filter state:all, updated_after
    contact      → contacts (archived too)                                      paged
    account      → ledger_accounts                                              one call
    item         → products                                                     paged
    tax_rate     → tax_rates                                                    paged; no GET by id: found in the list
    journal_entry→ documents/general_journal_documents                          filter state:all, updated_after
    payment      → inside the invoices (see objects/payment.py)
    company_info → administrations (outside the administration's path)

Document lists pass an explicit ``filter``: without one Moneybird lists only this year's documents (its default
``period:this_year``), and any filter replaces that default, so ``state:all`` alone lists all. ``since`` becomes
``updated_after`` where the resource has that filter; every list is also held to ``updated_at > since`` here, which
is the whole of ``since`` for resources without the filter. ``fetch_many`` reads 100 ids per
``POST …/synchronization`` where Moneybird has it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.moneybird.client import updated_after
from ledgerbridge.connectors.moneybird.errors import is_not_found
from ledgerbridge.connectors.moneybird.mapping.common import RefMaker, read_date
from ledgerbridge.errors import ProviderRejected

if TYPE_CHECKING:
    from ledgerbridge.connectors.moneybird.connector import MoneybirdConnector

Row = dict[str, Any]


@dataclass(frozen=True)
class Resource:
    path: str  # below the administration: "sales_invoices", "documents/purchase_invoices"
    paged: bool = True
    filter: str | None = None  # the list's filter; None: the resource takes no updated_after
    sync: bool = False  # POST {path}/synchronization reads many ids at once
    keep: Callable[[Row], bool] | None = None  # the rows that are this object's
    by_id: bool = True  # GET {path}/{id} exists (tax rates have none: a record is found in the list)


def changed_since(row: Row, since: dt.datetime | None) -> bool:
    if since is None:
        return True
    stamp = read_date(row.get("updated_at"))
    return stamp is None or stamp > since


@dataclass(frozen=True)
class Reader:
    resource: Resource
    to_unified: Callable[[Row, RefMaker], RemoteRecord]
    prefix: str = ""  # remote keys are "{prefix}{id}" ("sales_invoices/…" for invoices)

    def _keep(self, row: Row) -> bool:
        return self.resource.keep is None or self.resource.keep(row)

    def _map(self, conn: MoneybirdConnector, rows: list[Row], since: dt.datetime | None = None) -> list[RemoteRecord]:
        return [self.to_unified(row, conn.context) for row in rows if self._keep(row) and changed_since(row, since)]

    async def pages(self, conn: MoneybirdConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
        resource = self.resource
        params: dict[str, str] = {}
        if resource.filter is not None:
            terms = [resource.filter] + ([f"updated_after:{updated_after(since)}"] if since is not None else [])
            params["filter"] = ",".join(t for t in terms if t)
        if not resource.paged:
            records = self._map(conn, await conn.client.get_list(resource.path, params=params or None), since)
            if records:
                yield records
            return
        async for rows in conn.client.pages(resource.path, page_size=conn.page_size, params=params or None):
            records = self._map(conn, rows, since)
            if records:
                yield records

    def remote_id(self, remote_key: str) -> str | None:
        if not remote_key.startswith(self.prefix):
            return None
        found = remote_key[len(self.prefix):]
        return found if found.isdigit() else None

    async def fetch(self, conn: MoneybirdConnector, remote_key: str) -> RemoteRecord | None:
        remote_id = self.remote_id(remote_key)
        if remote_id is None:
            return None
        if not self.resource.by_id:
            async for page in self.pages(conn, None):
                for record in page:
                    if record.remote_id == remote_id:
                        return record
            return None
        try:
            row = await conn.client.get(self.resource.path, remote_id)
        except ProviderRejected as exc:
            if is_not_found(exc):
                return None
            raise
        records = self._map(conn, [row])
        return records[0] if records else None

    async def fetch_many(self, conn: MoneybirdConnector, remote_keys: Sequence[str]) -> dict[str, RemoteRecord]:
        if not self.resource.sync:
            found = {}
            for key in remote_keys:
                if (record := await self.fetch(conn, key)) is not None:
                    found[key] = record
            return found
        wanted = {rid: key for key in remote_keys if (rid := self.remote_id(key)) is not None}
        rows = await conn.client.synchronized(self.resource.path, sorted(wanted)) if wanted else []
        return {wanted[str(r["id"])]: record for r in rows if str(r["id"]) in wanted
                for record in self._map(conn, [r])}
