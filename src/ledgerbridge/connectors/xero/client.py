"""The Xero HTTP client of one connection: base URL, tenant header, idempotency, paging, pacing.

Every call goes to ``{api_base}/<Collection>…`` on the provider's shared ``httpx.AsyncClient`` with
``xero-tenant-id`` and ``Accept: application/json``, under the tenant's budget (Xero: 60 calls a minute and 5 in
flight per tenant) and paced by :mod:`.pacing`. Reads are retried; writes are retried only because each carries
an ``Idempotency-Key`` derived from the caller's ``request_key``: Xero answers a repeated key with the first
response instead of writing again. Failures are classified by :func:`.errors.classify`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

from ledgerbridge.connectors.base import ConnectionContext
from ledgerbridge.connectors.client import ProviderClient
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.oauth import RefreshingAuth
from ledgerbridge.connectors.xero.dates import modified_since, read_date
from ledgerbridge.connectors.xero.errors import PROVIDER, classify
from ledgerbridge.connectors.xero.pacing import PER_MINUTE, PacedAuth, pacer_for

PAGE_SIZE = 100  # Xero's default page (and the size its docs promise line items for)
CONCURRENT = 5
IDEMPOTENCY_KEY_MAX = 128  # Xero OpenAPI: Idempotency-Key maxLength 128
DEFAULT_API_BASE = "https://api.xero.com/api.xro/2.0"


def idempotency_key(request_key: str, step: str = "") -> str:
    """Xero's ``Idempotency-Key`` for one step of a logical write: stable across retries, distinct per step
    (``step`` tells the invoice from the payment that follows it), within Xero's 128 characters."""
    return hashlib.sha256(f"{request_key}|{step}".encode()).hexdigest()[:IDEMPOTENCY_KEY_MAX]


class XeroClient(ProviderClient):
    provider = PROVIDER
    classify = staticmethod(classify)

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        creds = context.credentials
        self.tenant_id = str(creds["tenant_id"])
        # Xero's published quota per tenant; credentials may raise it (a sandbox with a time-scaled minute).
        budget = http.budget(
            PROVIDER,
            self.tenant_id,
            per_minute=int(creds.get("rate_per_minute") or PER_MINUTE),
            concurrent=int(creds.get("max_concurrent") or CONCURRENT),
        )
        self.pacer = pacer_for(http, self.tenant_id, budget)
        super().__init__(
            http,
            base_url=str(creds.get("api_base") or DEFAULT_API_BASE),
            auth=PacedAuth(RefreshingAuth(context, transport=http.transport(PROVIDER)), self.pacer),
            budget=budget,
        )

    def default_headers(self) -> dict[str, str]:
        return {"Accept": "application/json", "xero-tenant-id": self.tenant_id}

    # --- reads ---------------------------------------------------------------------------------------------

    async def get(self, collection: str, remote_id: str | None = None, *, params: dict[str, str] | None = None,
                  since: dt.datetime | None = None, envelope: str | None = None) -> list[dict[str, Any]]:
        """``GET /{collection}[/{id}]`` → the records of the envelope (raises ProviderRejected 404 if none).

        The envelope is the collection's name, except where Xero says otherwise (``GET /Organisation`` answers
        under ``Organisations``).
        """
        path = collection if remote_id is None else f"{collection}/{quote(remote_id, safe='')}"
        headers = {"If-Modified-Since": modified_since(since)} if since is not None else None
        body = await self.send("GET", path, params=params, headers=headers, safe_to_retry=True)
        return list(body.get(envelope or collection) or [])

    async def pages(self, collection: str, *, since: dt.datetime | None = None, page_size: int = PAGE_SIZE,
                    params: dict[str, str] | None = None) -> AsyncIterator[list[dict[str, Any]]]:
        """Every record of ``collection`` (modified since ``since``, if given), one list per page, by keyset:
        an edit or a deletion at Xero while the pages are read never moves a record past us.

        Read by page number alone, a record edited (or deleted: Xero keeps it, status DELETED) while the pages
        are read moves to the end of the list, and every record after it moves up one onto a page already read.
        So the pages are ordered by ``UpdatedDateUTC`` (then the record's id), and each asks again for the records
        modified since the last second read (``If-Modified-Since``, a second before it: Xero's header has whole
        seconds), from page 1; what was read already is dropped by id. Only when more than a page of records
        share that window is a later page number asked for, one page early so that moves within it skip nothing.
        """
        id_field = f"{collection.removesuffix('s')}ID"  # InvoiceID, ContactID, CreditNoteID…
        order = f"UpdatedDateUTC ASC, {id_field} ASC"
        cursor = since  # the next request's If-Modified-Since
        read: dict[str, dt.datetime | None] = {}  # ids read that the next answer repeats (updated after cursor)
        stalled = 0  # full pages of nothing new in a row: step on by page number rather than loop
        while True:
            page = max(1, len(read) // page_size) + stalled
            rows = await self.get(collection, since=cursor, params={
                **(params or {}), "order": order, "page": str(page), "pageSize": str(page_size)})
            fresh: list[dict[str, Any]] = []
            for row in rows:
                # A row without the id (none should lack it) is known by its content, so it cannot loop.
                row_id = str(row.get(id_field) or hashlib.sha256(repr(row).encode()).hexdigest())
                if row_id in read:
                    continue
                fresh.append(row)
                updated = read_date(row.get("UpdatedDateUTC"))
                if updated is not None:
                    window = updated.replace(microsecond=0) - dt.timedelta(seconds=1)
                    if cursor is None or window > cursor:
                        cursor = window
                        read = {i: at for i, at in read.items() if at is None or at > window}
                read[row_id] = updated
            if fresh:
                yield fresh
            if len(rows) < page_size:
                return
            stalled = stalled + 1 if not fresh else 0

    async def report(self, name: str, params: dict[str, str]) -> dict[str, Any]:
        """``GET /Reports/{name}`` (BalanceSheet, ProfitAndLoss): the whole answer, ``{"Reports": [...]}``."""
        return await self.send("GET", f"Reports/{name}", params=params, safe_to_retry=True)

    async def attachments(self, collection: str, parent_id: str) -> list[dict[str, Any]]:
        """``GET /{collection}/{id}/Attachments``: the files attached to one record."""
        body = await self.send("GET", f"{collection}/{quote(parent_id, safe='')}/Attachments", safe_to_retry=True)
        return list(body.get("Attachments") or [])

    # --- writes: one element each, under the step's Idempotency-Key ----------------------------------------

    async def put(self, collection: str, element: dict[str, Any], *, key: str) -> dict[str, Any]:
        """Create one element: ``PUT /{collection}`` with ``{collection: [element]}`` → the created element."""
        body = await self.send("PUT", collection, json_body={collection: [element]},
                               headers={"Idempotency-Key": key}, safe_to_retry=True)
        return _first(body, collection)

    async def post(self, collection: str, remote_id: str, element: dict[str, Any], *, key: str) -> dict[str, Any]:
        """Update one element: ``POST /{collection}/{id}`` → the updated element."""
        body = await self.send("POST", f"{collection}/{quote(remote_id, safe='')}", json_body={collection: [element]},
                               headers={"Idempotency-Key": key}, safe_to_retry=True)
        return _first(body, collection)

    async def attach(self, collection: str, parent_id: str, file_name: str, data: bytes, *, content_type: str,
                     key: str) -> dict[str, Any]:
        """``PUT /{collection}/{id}/Attachments/{FileName}`` with the raw bytes as the body; the created attachment."""
        path = f"{collection}/{quote(parent_id, safe='')}/Attachments/{quote(file_name, safe='')}"
        body = await self.send("PUT", path, content=data, safe_to_retry=True,
                               headers={"Content-Type": content_type, "Idempotency-Key": key})
        return _first(body, "Attachments")


def _first(body: dict[str, Any], collection: str) -> dict[str, Any]:
    found = body.get(collection) or []
    return dict(found[0]) if found else {}
