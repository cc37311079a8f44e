"""The Xero HTTP client of one connection: base URL, tenant header, idempotency, paging, pacing, errors.

Every call goes to ``{api_base}/<Collection>…`` on the provider's shared ``httpx.AsyncClient`` with
``xero-tenant-id`` and ``Accept: application/json``, under the tenant's budget (Xero: 60 calls a minute and 5 in
flight per tenant). Reads are retried; writes are retried only because each carries an ``Idempotency-Key``
derived from the caller's ``request_key``: Xero answers a repeated key with the first response instead of
writing again.

Pacing: every Xero answer says how many calls are left (``X-MinLimit-Remaining``, ``X-DayLimit-Remaining``,
``X-AppMinLimit-Remaining``). When the minute allowance runs low the client spaces its next calls out instead of
running into a 429, which would cost a whole ``Retry-After`` (up to 60 s).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import time
import weakref
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

from ledgerbridge.connectors.base import ConnectionContext
from ledgerbridge.connectors.http import ProviderHttp, send
from ledgerbridge.connectors.oauth import RefreshingAuth
from ledgerbridge.connectors.xero.dates import modified_since
from ledgerbridge.connectors.xero.errors import PROVIDER, classify
from ledgerbridge.wire import dumps, loads

PAGE_SIZE = 100  # Xero's default page (and the size its docs promise line items for)
PER_MINUTE = 60
CONCURRENT = 5
IDEMPOTENCY_KEY_MAX = 128  # Xero OpenAPI: Idempotency-Key maxLength 128
LOW_WATER = 5  # calls left in the minute below which calls are spaced out


def idempotency_key(request_key: str, step: str = "") -> str:
    """Xero's ``Idempotency-Key`` for one step of a logical write: stable across retries, distinct per step
    (``step`` tells the invoice from the payment that follows it), within Xero's 128 characters."""
    return hashlib.sha256(f"{request_key}|{step}".encode()).hexdigest()[:IDEMPOTENCY_KEY_MAX]


@dataclass
class Pacer:
    """Spacing for one tenant, from the limits Xero reports on each answer."""

    pause_until: float = 0.0

    async def wait(self) -> None:
        delay = self.pause_until - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)

    def observe(self, response: httpx.Response) -> None:
        remaining = _int(response.headers.get("X-MinLimit-Remaining"))
        app_remaining = _int(response.headers.get("X-AppMinLimit-Remaining"))
        left = min(x for x in (remaining, app_remaining, LOW_WATER) if x is not None)
        if left < LOW_WATER:
            # One call per (60 / per_minute) seconds is what the minute allows on average; the fewer calls left,
            # the longer the gap, so the window has rolled on by the time the last ones are used.
            gap = 60.0 / PER_MINUTE * (LOW_WATER - left)
            self.pause_until = max(self.pause_until, time.monotonic() + gap)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# One Pacer per (shared HTTP object, tenant): connectors are built per request, the tenant's limits are not.
_PACERS: weakref.WeakKeyDictionary[ProviderHttp, dict[str, Pacer]] = weakref.WeakKeyDictionary()


def pacer_for(http: ProviderHttp, tenant_id: str) -> Pacer:
    return _PACERS.setdefault(http, {}).setdefault(tenant_id, Pacer())


class PacedAuth(httpx.Auth):
    """The bearer token (``RefreshingAuth``, refresh included) plus pacing, on every attempt ``send`` makes."""

    def __init__(self, inner: RefreshingAuth, pacer: Pacer) -> None:
        self.inner = inner
        self.pacer = pacer

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        await self.pacer.wait()
        flow = self.inner.async_auth_flow(request)
        outgoing = await flow.__anext__()
        while True:
            response = yield outgoing
            self.pacer.observe(response)
            try:
                outgoing = await flow.asend(response)
            except StopAsyncIteration:
                return


class XeroClient:
    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        creds = context.credentials
        self.tenant_id = str(creds["tenant_id"])
        self.base_url = str(creds.get("api_base") or "https://api.xero.com/api.xro/2.0").rstrip("/")
        self._client = http.client(PROVIDER)
        self.pacer = pacer_for(http, self.tenant_id)
        self._auth = PacedAuth(RefreshingAuth(context, transport=http.transport(PROVIDER)), self.pacer)
        # Xero's published quota per tenant; credentials may raise it (a sandbox with a time-scaled minute).
        self._budget = http.budget(
            PROVIDER,
            self.tenant_id,
            per_minute=int(creds.get("rate_per_minute") or PER_MINUTE),
            concurrent=int(creds.get("max_concurrent") or CONCURRENT),
        )

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json_body: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        safe_to_retry: bool,
    ) -> dict[str, Any]:
        all_headers = {"Accept": "application/json", "xero-tenant-id": self.tenant_id, **(headers or {})}
        if json_body is not None:
            all_headers["Content-Type"] = "application/json"
            content = dumps(json_body).encode()  # simplejson keeps Decimal digits: 300.50 stays 300.50
        request = self._client.build_request(method, f"{self.base_url}/{path}", params=params, headers=all_headers,
                                             content=content)
        response = await send(self._client, request, provider=PROVIDER, classify=classify, budget=self._budget,
                              auth=self._auth, safe_to_retry=safe_to_retry)
        if not response.content.strip():
            return {}
        body = loads(response.content)
        return body if isinstance(body, dict) else {}

    async def attachments(self, collection: str, parent_id: str) -> list[dict[str, Any]]:
        """``GET /{collection}/{id}/Attachments``: the files attached to one record."""
        body = await self._send("GET", f"{collection}/{quote(parent_id, safe='')}/Attachments", safe_to_retry=True)
        return list(body.get("Attachments") or [])

    async def attach(self, collection: str, parent_id: str, file_name: str, data: bytes, *, content_type: str,
                     idempotency_key: str) -> dict[str, Any]:
        """``PUT /{collection}/{id}/Attachments/{FileName}`` with the raw bytes as the body; the created attachment."""
        path = f"{collection}/{quote(parent_id, safe='')}/Attachments/{quote(file_name, safe='')}"
        body = await self._send("PUT", path, content=data, safe_to_retry=True,
                                headers={"Content-Type": content_type, "Idempotency-Key": idempotency_key})
        return dict((body.get("Attachments") or [{}])[0])

    async def get(self, collection: str, remote_id: str | None = None, *, params: dict[str, str] | None = None,
                  since: dt.datetime | None = None) -> list[dict[str, Any]]:
        """``GET /{collection}[/{id}]`` → the records of the envelope (raises ProviderRejected 404 if none)."""
        path = collection if remote_id is None else f"{collection}/{quote(remote_id, safe='')}"
        headers = {"If-Modified-Since": modified_since(since)} if since is not None else None
        body = await self._send("GET", path, params=params, headers=headers, safe_to_retry=True)
        return list(body.get(collection) or [])

    async def pages(self, collection: str, *, since: dt.datetime | None = None, page_size: int = PAGE_SIZE,
                    params: dict[str, str] | None = None) -> AsyncIterator[list[dict[str, Any]]]:
        """``GET /{collection}?page=N&pageSize=M``, one list per page; stops at the first short page."""
        page = 1
        while True:
            rows = await self.get(collection, since=since,
                                  params={**(params or {}), "page": str(page), "pageSize": str(page_size)})
            if rows:
                yield rows
            if len(rows) < page_size:
                return
            page += 1

    async def put(self, collection: str, element: dict[str, Any], *, key: str) -> dict[str, Any]:
        """Create one element: ``PUT /{collection}`` with ``{collection: [element]}`` → the created element."""
        return await self._write("PUT", collection, collection, element, key)

    async def post(self, collection: str, remote_id: str, element: dict[str, Any], *, key: str) -> dict[str, Any]:
        """Update one element: ``POST /{collection}/{id}`` → the updated element."""
        return await self._write("POST", f"{collection}/{quote(remote_id, safe='')}", collection, element, key)

    async def _write(self, method: str, path: str, collection: str, element: dict[str, Any],
                     key: str) -> dict[str, Any]:
        body = await self._send(method, path, json_body={collection: [element]},
                                headers={"Idempotency-Key": key}, safe_to_retry=True)
        found = body.get(collection) or []
        return dict(found[0]) if found else {}
