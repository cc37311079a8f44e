"""The Moneybird HTTP client of one connection: ``{api_base}/{administration_id}/{path}.json``, bearer tokens that
refresh themselves, Moneybird's quota, JSON arrays.

Moneybird answers lists as bare JSON arrays; :meth:`MoneybirdClient.decode` keeps them under ``"items"`` (the kit's
``send`` answers objects). Moneybird has no idempotency key, so a write is sent again only after a 429 (refused
before any work); a write that failed otherwise, or whose answer is lost, is reported to the caller, never sent
twice.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import httpx

from ledgerbridge.connectors.base import ConnectionContext
from ledgerbridge.connectors.client import ProviderClient
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.moneybird.errors import PROVIDER, classify
from ledgerbridge.connectors.oauth import RefreshingAuth
from ledgerbridge.errors import ProviderRateLimited, QuotaExhausted
from ledgerbridge.wire import loads

DEFAULT_API_BASE = "https://moneybird.com/api/v2"
PAGE_SIZE = 100  # Moneybird's largest per_page
PER_MINUTE = 30  # 150 requests per 5 minutes, spread evenly
CONCURRENT = 5
SYNC_CHUNK = 100  # POST …/synchronization takes at most 100 ids
WRITE_ATTEMPTS = 3  # a write refused with 429 is sent again (see MoneybirdClient.write)
MAX_WRITE_WAIT = 30.0


def updated_after(since: dt.datetime) -> str:
    """The ``updated_after`` filter value: ISO 8601 in UTC."""
    return since.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class MoneybirdClient(ProviderClient):
    provider = PROVIDER
    classify = staticmethod(classify)

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        creds = context.credentials
        self.administration_id = str(creds["administration_id"])
        base = str(creds.get("api_base") or DEFAULT_API_BASE).rstrip("/")
        super().__init__(
            http,
            base_url=f"{base}/{self.administration_id}",
            auth=RefreshingAuth(context, transport=http.transport(PROVIDER)),
            budget=http.budget(PROVIDER, self.administration_id,
                               per_minute=int(creds.get("rate_per_minute") or PER_MINUTE),
                               concurrent=int(creds.get("max_concurrent") or CONCURRENT)),
        )

    async def administrations(self) -> list[dict[str, Any]]:
        """``GET {api_base}/administrations.json``: the administrations the token reaches (outside the
        administration's own path, so with a URL of its own)."""
        body = await self._root().send("GET", "administrations.json", safe_to_retry=True)
        return list(body.get("items") or [])

    def _root(self) -> MoneybirdClient:
        root = object.__new__(MoneybirdClient)
        root.__dict__.update(self.__dict__)
        root.base_url = self.base_url.rsplit("/", 1)[0]
        return root

    def decode(self, response: httpx.Response) -> dict[str, Any]:
        if response.content.strip():
            body = loads(response.content)
            if isinstance(body, list):
                return {"items": body}
        return super().decode(response)

    @staticmethod
    def path(resource: str, *parts: str) -> str:
        return "/".join([resource, *(quote(p, safe="") for p in parts)]) + ".json"

    # --- reads ---------------------------------------------------------------------------------------------

    async def get(self, resource: str, *parts: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        return await self.send("GET", self.path(resource, *parts), params=params, safe_to_retry=True)

    async def get_list(self, resource: str, *parts: str, params: dict[str, str] | None = None) -> list[dict[str, Any]]:
        return list((await self.get(resource, *parts, params=params)).get("items") or [])

    async def pages(self, resource: str, *, page_size: int = PAGE_SIZE,
                    params: dict[str, str] | None = None) -> AsyncIterator[list[dict[str, Any]]]:
        """``GET /{resource}.json?page=N&per_page=M``, one list per page; stops at the first short page."""
        page = 1
        while True:
            rows = await self.get_list(resource, params={**(params or {}), "page": str(page),
                                                         "per_page": str(page_size)})
            if rows:
                yield rows
            if len(rows) < page_size:
                return
            page += 1

    async def synchronized(self, resource: str, ids: list[str]) -> list[dict[str, Any]]:
        """``POST /{resource}/synchronization.json`` with ``ids``: the full records, 100 at a time. A read."""
        found: list[dict[str, Any]] = []
        for start in range(0, len(ids), SYNC_CHUNK):
            body = await self.send("POST", self.path(resource, "synchronization"),
                                   json_body={"ids": ids[start:start + SYNC_CHUNK]}, safe_to_retry=True)
            found += list(body.get("items") or [])
        return found

    # --- writes: sent once (Moneybird has no idempotency key) ----------------------------------------------

    async def write(self, method: str, resource: str, *parts: str, body: Any = None) -> dict[str, Any]:
        """One write. Only a 429 is sent again: Moneybird refuses it before doing any work, so a repeat cannot
        write twice; any other failure (5xx, a lost answer) is the caller's to see."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                return await self.send(method, self.path(resource, *parts), json_body=body, safe_to_retry=False)
            except QuotaExhausted:
                raise  # a caller's write out of time for quota: answered at once, never waited out here
            except ProviderRateLimited as exc:
                if attempt == WRITE_ATTEMPTS:
                    raise
                await asyncio.sleep(min(exc.retry_after or 1.0, MAX_WRITE_WAIT))
        raise AssertionError("unreachable")  # pragma: no cover
