"""The Pennylane HTTP client of one connection: base URL, bearer token, cursor paging, the change feeds, pacing.

Every call goes to ``{api_base}/<path>`` with the connection's OAuth token (refreshed by ``RefreshingAuth``) under
the token's budget: Pennylane allows 25 requests every 5 seconds per token, 300 a minute, which the budget keeps
to (in flight: 5). Reads are retried; writes are not (but after a 429, which Pennylane answers before doing any
work), because Pennylane has no idempotency key: a create whose answer is lost may have been made, and the caller
is told so rather than risking a second invoice. Failures
are classified by :func:`.errors.classify`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator, Sequence
from typing import Any

from ledgerbridge.connectors.base import ConnectionContext
from ledgerbridge.connectors.client import ProviderClient
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.oauth import RefreshingAuth
from ledgerbridge.connectors.pennylane.errors import DEFAULT_RETRY_AFTER, PROVIDER, classify
from ledgerbridge.errors import ProviderRateLimited, QuotaExhausted

DEFAULT_API_BASE = "https://app.pennylane.com/api/external/v2"
PAGE_SIZE = 100  # the most a cursor page holds
PER_MINUTE = 300  # 25 per 5 seconds
CONCURRENT = 5
CHANGES_PAGE = 1000  # the most a change-feed page holds
BY_IDS_CHUNK = 50  # ids per ``filter: id in [...]``
WRITE_ATTEMPTS = 3
MAX_WAIT = 10.0

Row = dict[str, Any]


def id_filter(ids: Sequence[int | str]) -> str:
    return json.dumps([{"field": "id", "operator": "in", "value": [int(i) for i in ids]}])


class PennylaneClient(ProviderClient):
    provider = PROVIDER
    classify = staticmethod(classify)

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        creds = context.credentials
        account = str(creds.get("company_id") or context.connection_id)
        super().__init__(
            http,
            base_url=str(creds.get("api_base") or DEFAULT_API_BASE),
            auth=RefreshingAuth(context, transport=http.transport(PROVIDER)),
            budget=http.budget(PROVIDER, account, per_minute=int(creds.get("rate_per_minute") or PER_MINUTE),
                               concurrent=int(creds.get("max_concurrent") or CONCURRENT)),
        )

    # --- reads ---------------------------------------------------------------------------------------------

    async def get(self, path: str, params: dict[str, str] | None = None) -> Row:
        return await self.send("GET", path, params=params, safe_to_retry=True)

    async def pages(self, path: str, *, page_size: int = PAGE_SIZE,
                    params: dict[str, str] | None = None) -> AsyncIterator[Row]:
        """``GET /{path}?sort=id&limit=N[&cursor=…]`` page after page, each answer whole (``{has_more,
        next_cursor, items[, included]}``); empty pages are skipped."""
        query = {"sort": "id", "limit": str(page_size), **(params or {})}
        while True:
            body = await self.get(path, query)
            if body.get("items"):
                yield body
            cursor = body.get("next_cursor")
            if not body.get("has_more") or not cursor:
                return
            query = {**query, "cursor": str(cursor)}

    async def by_ids(self, path: str, ids: Sequence[int | str], *, page_size: int = PAGE_SIZE,
                     params: dict[str, str] | None = None) -> AsyncIterator[Row]:
        """The pages of ``path`` holding the records with those ids (absent ones left out), 50 ids a call."""
        unique = sorted({int(i) for i in ids})
        for start in range(0, len(unique), BY_IDS_CHUNK):
            chunk = unique[start : start + BY_IDS_CHUNK]
            async for body in self.pages(path, page_size=page_size,
                                         params={**(params or {}), "filter": id_filter(chunk)}):
                yield body

    async def all_items(self, path: str, params: dict[str, str] | None = None) -> list[Row]:
        """Every item of a (short) list, such as one invoice's lines."""
        return [item async for body in self.pages(path, params=params) for item in body["items"]]

    async def changes(self, collection: str, since: dt.datetime) -> dict[int, str]:
        """``GET /changelogs/{collection}?start_date=…``: each record changed since then → its last operation
        (``insert``, ``update`` or ``delete``)."""
        query = {"start_date": since.astimezone(dt.UTC).isoformat(), "limit": str(CHANGES_PAGE)}
        last: dict[int, str] = {}
        while True:
            body = await self.get(f"changelogs/{collection}", query)
            for event in body.get("items") or []:
                last[int(event["id"])] = str(event["operation"])
            cursor = body.get("next_cursor")
            if not body.get("has_more") or not cursor:
                return last
            query = {**query, "cursor": str(cursor)}

    # --- writes: sent once (no idempotency key at Pennylane) -----------------------------------------------

    async def post(self, path: str, body: Row) -> Row:
        return await self._write("POST", path, body)

    async def put(self, path: str, body: Row | None = None) -> Row:
        return await self._write("PUT", path, body)

    async def _write(self, method: str, path: str, body: Row | None) -> Row:
        """A write, sent again only after a 429: Pennylane refuses a call over its limit before doing anything,
        so that one is safe to repeat; any other failure is the caller's to know about."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                return await self.send(method, path, json_body=body, safe_to_retry=False)
            except QuotaExhausted:
                raise  # a caller's write out of time for quota: answered at once, never waited out here
            except ProviderRateLimited as limited:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
                await asyncio.sleep(min(limited.retry_after or DEFAULT_RETRY_AFTER, MAX_WAIT))
        raise AssertionError("unreachable")  # pragma: no cover

    async def upload(self, file_name: str, data: bytes, content_type: str) -> Row:
        """``POST /file_attachments`` (multipart): the uploaded file's ``{id, url, filename}``."""
        return await self.send("POST", "file_attachments", files={"file": (file_name, data, content_type)},
                               safe_to_retry=False)

    async def delete(self, path: str) -> None:
        await self.send("DELETE", path, safe_to_retry=False)
