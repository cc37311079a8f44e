"""The Sage HTTP client of one connection: base URL, ``X-Business``, Sage's list envelope, idempotency.

Every call goes to ``{api_base}/<collection>…`` with ``X-Business`` (the business the connection reaches) under
a budget. Sage publishes no rate limit for v3.1, so the budget is ours (``PER_MINUTE``, overridable in the
credentials) and a 429 is handled generically with its Retry-After. Access tokens last five minutes and refresh
tokens rotate: :class:`~ledgerbridge.connectors.oauth.RefreshingAuth` refreshes ahead of expiry and saves the
new refresh token before using it.

Creates carry Sage's ``idempotency_id`` (32 hex characters, inside the record's object): a repeat answers the
first record, so keyed creates are safe to retry. Updates and voids are not retried.
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
from ledgerbridge.connectors.sage.errors import PROVIDER, classify

DEFAULT_API_BASE = "https://api.accounting.sage.com/v3.1"
PAGE_SIZE = 200  # Sage's largest items_per_page
PER_MINUTE = 100  # unpublished at Sage: our own pace, as the sandbox's
CONCURRENT = 4


def idempotency_id(request_key: str, step: str = "") -> str:
    """Sage's ``idempotency_id``: a 32-character hyphenless GUID-like key, stable across retries of a step."""
    return hashlib.sha256(f"{request_key}|{step}".encode()).hexdigest()[:32]


def since_param(since: dt.datetime) -> str:
    return since.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class SageClient(ProviderClient):
    provider = PROVIDER
    classify = staticmethod(classify)

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        creds = context.credentials
        self.business_id = str(creds["business_id"])
        super().__init__(
            http,
            base_url=str(creds.get("api_base") or DEFAULT_API_BASE),
            auth=RefreshingAuth(context, transport=http.transport(PROVIDER)),
            budget=http.budget(PROVIDER, self.business_id, per_minute=int(creds.get("rate_per_minute") or PER_MINUTE),
                               concurrent=CONCURRENT),
        )

    def default_headers(self) -> dict[str, str]:
        return {"Accept": "application/json", "X-Business": self.business_id}

    # --- reads -------------------------------------------------------------------------------------------------
    async def get(self, path: str, *, params: dict[str, str] | None = None) -> dict[str, Any]:
        return await self.send("GET", path, params=params, safe_to_retry=True)

    async def record(self, collection: str, key: str) -> dict[str, Any]:
        """``GET /{collection}/{key}`` (raises ProviderRejected 404 when Sage has none)."""
        return await self.get(f"{collection}/{quote(key, safe='')}")

    async def pages(self, collection: str, *, since: dt.datetime | None = None, deleted: bool = False,
                    page_size: int = PAGE_SIZE, params: dict[str, str] | None = None,
                    ) -> AsyncIterator[list[dict[str, Any]]]:
        """Every page of ``$items`` (``attributes=all``) until ``$next`` is null. ``deleted`` lists what was
        deleted since ``since`` (``deleted_since``) instead of what changed (``updated_or_created_since``)."""
        query = {**(params or {}), "attributes": "all", "items_per_page": str(min(page_size, PAGE_SIZE))}
        if since is not None:
            query["deleted_since" if deleted else "updated_or_created_since"] = since_param(since)
        page = 1
        while True:
            body = await self.get(collection, params={**query, "page": str(page)})
            items = [i for i in body.get("$items") or [] if isinstance(i, dict)]
            if items:
                yield items
            if not body.get("$next") or not items:
                return
            page += 1

    # --- writes ------------------------------------------------------------------------------------------------
    async def create(self, collection: str, singular: str, record: dict[str, Any], *, key: str) -> dict[str, Any]:
        """``POST /{collection}`` with ``{singular: {..., idempotency_id}}``: retried safely under the key."""
        return await self.send("POST", collection, json_body={singular: {**record, "idempotency_id": key}},
                               safe_to_retry=True)

    async def update(self, collection: str, singular: str, key: str, record: dict[str, Any]) -> dict[str, Any]:
        return await self.send("PUT", f"{collection}/{quote(key, safe='')}", json_body={singular: record},
                               safe_to_retry=False)

    async def delete(self, collection: str, key: str, *, params: dict[str, str] | None = None) -> dict[str, Any]:
        return await self.send("DELETE", f"{collection}/{quote(key, safe='')}", params=params, safe_to_retry=False)

    async def action(self, collection: str, key: str, action: str) -> dict[str, Any]:
        return await self.send("POST", f"{collection}/{quote(key, safe='')}/{action}", safe_to_retry=False)
