"""The QBO HTTP client of one connection: URLs, minorversion, idempotency, the query language, reports.

Every call goes to ``{api_base}/company/{realm_id}/…?minorversion=75`` (Intuit retired everything below 75 in
2025) on the provider's shared ``httpx.AsyncClient``, under the realm's budget (500 calls/min, 10 in flight).
Reads are retried; a write is retried only because it carries ``requestid``: QBO answers a repeated
``requestid`` with the original response instead of writing again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import AsyncIterator, Sequence
from typing import Any
from urllib.parse import quote

import httpx

from ledgerbridge.connectors.base import ConnectionContext
from ledgerbridge.connectors.client import ProviderClient
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.oauth import RefreshingAuth
from ledgerbridge.connectors.quickbooks import errors
from ledgerbridge.errors import ProviderUnavailable

MINOR_VERSION = "75"
PAGE_SIZE = 1000  # QBO's MAXRESULTS ceiling
KEYSET_ORDER = "MetaData.LastUpdatedTime, Id"  # list pages: by update time, Id breaking ties within a second
KEYSET_OVERLAP = 50  # rows of the last second read again on the next page, so deletions among them skip nothing
CDC_MAX_AGE = dt.timedelta(days=30)  # changedSince further back is refused (error 2080)
CDC_MAX_ROWS = 1000  # changes CDC returns per entity at most: a full answer may have left some out


def request_id(request_key: str, suffix: str = "") -> str:
    """QBO's ``requestid`` for a logical write: ≤ 50 chars, stable across retries, distinct per step
    (``suffix`` tells the invoice create from the payment that follows it)."""
    return hashlib.sha256(f"{request_key}{suffix}".encode()).hexdigest()[:40]


def query_time(value: dt.datetime) -> str:
    """A datetime literal QBO's query language accepts: ISO 8601 with an explicit offset, whole seconds."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.replace(microsecond=0).isoformat()


def _second(row: dict[str, Any]) -> dt.datetime | None:
    """A row's ``MetaData.LastUpdatedTime`` to the second (QBO's resolution; the keyset's unit)."""
    text = (row.get("MetaData") or {}).get("LastUpdatedTime")
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        return None
    return value.replace(microsecond=0)


def quoted(value: str) -> str:
    """A string literal of QBO's query language."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


class QuickBooksClient(ProviderClient):
    provider = errors.PROVIDER
    classify = staticmethod(errors.classify)

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        creds = context.credentials
        self.realm_id = str(creds["realm_id"])
        # Intuit's published quota per realm and app; an app with a raised quota (or a local sandbox with the
        # limits lifted, as the benchmarks use) sets rate_per_minute / max_concurrent in its credentials.
        budget = http.budget(
            errors.PROVIDER,
            self.realm_id,
            per_minute=int(creds.get("rate_per_minute") or 500),
            concurrent=int(creds.get("max_concurrent") or 10),
        )
        super().__init__(
            http,
            base_url=f"{str(creds['api_base']).rstrip('/')}/company/{self.realm_id}",
            auth=RefreshingAuth(context, transport=http.transport(errors.PROVIDER)),
            budget=budget,
        )

    def default_params(self) -> dict[str, str]:
        return {"minorversion": MINOR_VERSION}

    def decode(self, response: httpx.Response) -> dict[str, Any]:
        try:
            return super().decode(response)
        except ProviderUnavailable as exc:  # Intuit support asks for the transaction id of a failed call
            exc.detail.request_id = response.headers.get("intuit_tid")
            raise

    # --- entities ------------------------------------------------------------------------------------------

    async def read(self, entity: str, remote_id: str) -> dict[str, Any]:
        """``GET /{entity}/{id}`` → the entity (ProviderRejected, code 610, if QBO has no such id)."""
        body = await self.send("GET", f"{entity.lower()}/{quote(remote_id, safe='')}", safe_to_retry=True)
        return dict(body.get(entity) or {})

    async def create(self, entity: str, payload: dict[str, Any], *, requestid: str) -> dict[str, Any]:
        body = await self.send(
            "POST", entity.lower(), params={"requestid": requestid}, json_body=payload, safe_to_retry=True
        )
        return dict(body.get(entity) or {})

    async def update(self, entity: str, payload: dict[str, Any], *, requestid: str) -> dict[str, Any]:
        """A sparse update: only the properties in ``payload`` change; ``Id`` and ``SyncToken`` must be in it."""
        body = await self.send(
            "POST", entity.lower(), params={"requestid": requestid},
            json_body={**payload, "sparse": True}, safe_to_retry=True,
        )
        return dict(body.get(entity) or {})

    async def void(self, entity: str, remote_id: str, sync_token: str, *, requestid: str) -> dict[str, Any]:
        body = await self.send(
            "POST", entity.lower(), params={"operation": "void", "requestid": requestid},
            json_body={"Id": remote_id, "SyncToken": sync_token}, safe_to_retry=True,
        )
        return dict(body.get(entity) or {})

    async def delete(self, entity: str, remote_id: str, sync_token: str, *, requestid: str) -> None:
        await self.send(
            "POST", entity.lower(), params={"operation": "delete", "requestid": requestid},
            json_body={"Id": remote_id, "SyncToken": sync_token}, safe_to_retry=True,
        )

    async def upload(self, files: dict[str, Any], *, requestid: str) -> dict[str, Any]:
        """``POST /upload``: a multipart body of ``file_metadata_N`` / ``file_content_N`` parts; QBO's whole answer."""
        return await self.send("POST", "upload", params={"requestid": requestid}, files=files, safe_to_retry=True)

    # --- the query language --------------------------------------------------------------------------------

    async def query(self, statement: str) -> dict[str, Any]:
        """``GET /query?query=…`` → the ``QueryResponse`` (``{}`` for an empty answer)."""
        body = await self.send("GET", "query", params={"query": statement}, safe_to_retry=True)
        return dict(body.get("QueryResponse") or {})

    async def select(self, entity: str, where: list[str], *, position: int | None = None,
                     max_results: int = PAGE_SIZE, order: str | None = None) -> list[dict[str, Any]]:
        """``select * from <entity> [where …] [orderby …] [startposition N] maxresults M``: the rows."""
        condition = f" where {' and '.join(where)}" if where else ""
        ordering = f" orderby {order}" if order else ""
        paging = f" startposition {position}" if position is not None else ""
        answer = await self.query(f"select * from {entity}{condition}{ordering}{paging} maxresults {max_results}")
        return list(answer.get(entity) or [])

    async def count(self, entity: str, where: list[str]) -> int:
        condition = f" where {' and '.join(where)}" if where else ""
        answer = await self.query(f"select count(*) from {entity}{condition}")
        return int(answer.get("totalCount") or 0)

    async def select_all(self, entity: str, where: list[str], *, since: dt.datetime | None = None,
                         page_size: int = PAGE_SIZE) -> AsyncIterator[list[dict[str, Any]]]:
        """Every row (changed at or after ``since``, if given), one list per page, by keyset: a delete or an
        edit at QBO while the pages are read never shifts a row past us.

        Reading by position alone (``STARTPOSITION n``) skips a row for every row deleted before ``n`` while the
        pages are read: the rows after it move up onto a page already read. So each page asks instead for the
        rows updated at or after the last second read (``MetaData.LastUpdatedTime >= t``, ordered by that time,
        then Id) — a row deleted before ``t`` changes nothing after it, an edited row moves to the end and is
        read there. Only rows of the one second ``t`` are skipped by position, as many as were read of it,
        less an overlap re-read (and dropped by Id) so that deletions within that second cannot skip one either.
        Ordering on the time, not on Id, because QBO's Ids are strings: their order is not promised numeric.
        """
        cursor = since.replace(microsecond=0) if since is not None else None
        read_at_cursor: set[str] = set()  # Ids read whose LastUpdatedTime is the cursor's second
        overlap = max(0, min(KEYSET_OVERLAP, page_size // 2))
        stalled = 0
        while True:
            condition = [*where, f"MetaData.LastUpdatedTime >= {quoted(query_time(cursor))}"] if cursor else where
            position = len(read_at_cursor) + 1 - overlap + stalled
            rows = await self.select(entity, condition, position=position if position > 1 else None,
                                     max_results=page_size, order=KEYSET_ORDER)
            fresh: list[dict[str, Any]] = []
            for row in rows:
                at = _second(row)
                row_id = str(row.get("Id"))
                if at is not None and (cursor is None or at > cursor):
                    cursor, read_at_cursor = at, set()
                elif row_id in read_at_cursor:
                    continue  # the overlap, read again
                read_at_cursor.add(row_id)
                fresh.append(row)
            if fresh:
                yield fresh
            if len(rows) < page_size:
                return
            # A full page of nothing new (rows of the last second read again after edits moved others away):
            # step past it by position rather than ask for the same page forever.
            stalled = stalled + page_size if not fresh else 0

    # --- change data capture ------------------------------------------------------------------------------

    async def cdc(self, entities: Sequence[str], since: dt.datetime) -> dict[str, list[dict[str, Any]]]:
        """``GET /cdc?entities=…&changedSince=…`` → per entity, its rows changed since then, in one call; a
        deleted row is only ``{"Id", "status": "Deleted", "MetaData"}``."""
        body = await self.send("GET", "cdc", params={"entities": ",".join(entities),
                                                     "changedSince": query_time(since)}, safe_to_retry=True)
        rows: dict[str, list[dict[str, Any]]] = {entity: [] for entity in entities}
        for block in body.get("CDCResponse") or []:
            for answer in block.get("QueryResponse") or []:
                for entity in entities:
                    rows[entity] += answer.get(entity) or []
        return rows

    # --- reports -------------------------------------------------------------------------------------------

    async def report(self, name: str, params: dict[str, str]) -> dict[str, Any]:
        """``GET /reports/{name}`` (``BalanceSheet``, ``ProfitAndLoss``, ``CashFlow``) → QBO's report."""
        return await self.send("GET", f"reports/{name}", params=params, safe_to_retry=True)
