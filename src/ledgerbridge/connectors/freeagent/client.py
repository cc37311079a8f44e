"""The FreeAgent HTTP client of one connection: ``{api_base}/<collection>…`` with the bearer token, paging by
``Link`` headers, the envelopes, writes sent once.

FreeAgent names resources by full URL; :meth:`FreeAgentClient.url` builds one from a collection and an id, and
:func:`key_of` reads the id back. The budget is FreeAgent's per-user limit (120 calls a minute, providers.md).
FreeAgent has no idempotency key, so a write is sent once (``safe_to_retry=False``); reads are retried.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import httpx

from ledgerbridge.connectors.base import ConnectionContext
from ledgerbridge.connectors.client import ProviderClient
from ledgerbridge.connectors.freeagent.errors import PROVIDER, classify
from ledgerbridge.connectors.http import ProviderHttp, send
from ledgerbridge.connectors.oauth import RefreshingAuth

PAGE_SIZE = 100  # FreeAgent's largest page
PER_MINUTE = 120
CONCURRENT = 4
DEFAULT_API_BASE = "https://api.freeagent.com/v2"


def key_of(url: Any) -> str:
    """``https://api.freeagent.com/v2/invoices/12`` → ``12``."""
    return str(url or "").rstrip("/").rsplit("/", 1)[-1]


def stamp(when: dt.datetime) -> str:
    """``updated_since`` as FreeAgent reads it: ISO 8601 in UTC."""
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class FreeAgentClient(ProviderClient):
    provider = PROVIDER
    classify = staticmethod(classify)

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        creds = context.credentials
        super().__init__(
            http,
            base_url=str(creds.get("api_base") or DEFAULT_API_BASE),
            auth=RefreshingAuth(context, transport=http.transport(PROVIDER)),
            budget=http.budget(PROVIDER, str(creds.get("company") or context.connection_id),
                               per_minute=int(creds.get("rate_per_minute") or PER_MINUTE),
                               concurrent=int(creds.get("max_concurrent") or CONCURRENT)),
        )

    def url(self, collection: str, key: str) -> str:
        return f"{self.base_url}/{collection}/{key}"

    # --- reads ---------------------------------------------------------------------------------------------

    async def get(self, path: str, envelope: str, *, params: dict[str, str] | None = None) -> Any:
        """``GET /{path}`` → what is under ``envelope`` (raises ProviderRejected 404 when there is nothing)."""
        return (await self.send("GET", path, params=params, safe_to_retry=True)).get(envelope)

    async def pages(self, collection: str, *, since: dt.datetime | None = None, page_size: int = PAGE_SIZE,
                    params: dict[str, str] | None = None) -> AsyncIterator[list[dict[str, Any]]]:
        """``GET /{collection}?page=N&per_page=M[&updated_since=…]``, one list per page, following ``rel="next"``."""
        query = {**(params or {}), "per_page": str(page_size)}
        if since is not None:
            query["updated_since"] = stamp(since)
        page = 1
        while True:
            response = await self._get_page(collection, {**query, "page": str(page)})
            rows = list(self.decode(response).get(collection) or [])
            if rows:
                yield rows
            if 'rel="next"' not in response.headers.get("link", "").replace("'", '"'):
                return
            page += 1

    async def _get_page(self, collection: str, query: dict[str, str]) -> httpx.Response:
        request = self._client.build_request("GET", f"{self.base_url}/{collection}", params=query,
                                             headers=self.default_headers())
        return await send(self._client, request, provider=self.provider, classify=type(self).classify,
                          budget=self.budget, auth=self.auth, safe_to_retry=True)

    # --- writes: sent once ---------------------------------------------------------------------------------

    async def create(self, collection: str, envelope: str, body: dict[str, Any]) -> dict[str, Any]:
        """``POST /{collection}`` with ``{envelope: body}`` → the created resource."""
        answer = await self.send("POST", collection, json_body={envelope: body}, safe_to_retry=False)
        return dict(answer.get(envelope) or {})

    async def update(self, collection: str, envelope: str, key: str, body: dict[str, Any]) -> dict[str, Any]:
        answer = await self.send("PUT", f"{collection}/{key}", json_body={envelope: body}, safe_to_retry=False)
        return dict(answer.get(envelope) or {})

    async def transition(self, collection: str, envelope: str, key: str, name: str) -> dict[str, Any]:
        """``PUT /{collection}/{id}/transitions/{name}`` (mark_as_sent, mark_as_cancelled…)."""
        answer = await self.send("PUT", f"{collection}/{key}/transitions/{name}", safe_to_retry=False)
        return dict(answer.get(envelope) or {})

    async def delete(self, collection: str, key: str) -> None:
        await self.send("DELETE", f"{collection}/{key}", safe_to_retry=False)
