"""The Business Central HTTP client of one connection: the company's base URL, OData paging, etags.

Every call goes to ``{api_base}/{tenant}/{environment}/api/v1.0/companies({company})/…`` under the user's budget
(Business Central: 6,000 requests per 5 minutes, 5 at once). Reads are retried; writes are not: Business Central
has no idempotency key, so a write it cannot recognise as a repeat is sent once. PATCH and DELETE carry the
record's ``@odata.etag`` as ``If-Match``; a 412 (the record moved) becomes
:class:`~ledgerbridge.errors.PreconditionFailed`. Failures are classified by :func:`.errors.classify`.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import json
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

from ledgerbridge.connectors.base import ConnectionContext
from ledgerbridge.connectors.business_central.errors import PROVIDER, classify, is_duplicate, is_not_found, is_stale
from ledgerbridge.connectors.client import ProviderClient
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.oauth import RefreshingAuth
from ledgerbridge.errors import PreconditionFailed, ProviderError, ProviderRejected

PAGE_SIZE = 100
PER_MINUTE = 1200  # 6,000 OData requests per sliding 5 minutes, per user
CONCURRENT = 5
DEFAULT_API_BASE = "https://api.businesscentral.dynamics.com/v2.0"
DEFAULT_ENVIRONMENT = "production"

Row = dict[str, Any]


def token_tenant(access_token: str) -> str | None:
    """The Entra tenant (``tid``) an access token was issued in; the token's claims are read, not trusted: the
    API refuses a token used on another tenant's URL anyway."""
    try:
        body = access_token.split(".")[1]
        return str(json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))["tid"])
    except (IndexError, KeyError, ValueError):
        return None


def odata_instant(moment: dt.datetime) -> str:
    """A ``$filter`` datetime literal, in UTC."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def key_segment(ident: str) -> str:
    """``(id)`` for a GUID key; the contract addresses document lines with a quoted string key, ``('id')``."""
    return f"({ident})" if len(ident) == 36 else f"('{quote(ident, safe='-')}')"


class BusinessCentralClient(ProviderClient):
    provider = PROVIDER
    classify = staticmethod(classify)

    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        creds = context.credentials
        self.company_id = str(creds["company_id"])
        tenant = creds.get("tenant_id") or token_tenant(str(creds.get("access_token") or "")) or "common"
        environment = creds.get("environment") or DEFAULT_ENVIRONMENT
        api_base = str(creds.get("api_base") or DEFAULT_API_BASE).rstrip("/")
        super().__init__(
            http,
            base_url=f"{api_base}/{tenant}/{environment}/api/v1.0/companies({self.company_id})",
            auth=RefreshingAuth(context, transport=http.transport(PROVIDER)),
            budget=http.budget(PROVIDER, f"{tenant}/{self.company_id}",
                               per_minute=int(creds.get("rate_per_minute") or PER_MINUTE),
                               concurrent=int(creds.get("max_concurrent") or CONCURRENT)),
        )

    # --- reads ---------------------------------------------------------------------------------------------

    async def pages(self, entity_set: str, *, since: dt.datetime | None = None, page_size: int = PAGE_SIZE,
                    expand: str | None = None, where: str | None = None) -> AsyncIterator[list[Row]]:
        """``GET /{entity_set}`` page by page: the server cuts pages at ``Prefer: odata.maxpagesize`` and links the
        next one (``@odata.nextLink``), which is followed to the end."""
        filters = [f for f in (where, None if since is None else f"lastModifiedDateTime gt {odata_instant(since)}")
                   if f]
        params = {"$filter": " and ".join(filters)} if filters else {}
        if expand:
            params["$expand"] = expand
        path: str | None = entity_set
        prefer = {"Prefer": f"odata.maxpagesize={page_size}"}
        while path is not None:
            body = await self.send("GET", path, params=params or None, headers=prefer, safe_to_retry=True)
            rows = [dict(r) for r in body.get("value") or []]
            if rows:
                yield rows
            path, params = self._next(body.get("@odata.nextLink")), {}

    def _next(self, link: Any) -> str | None:
        """The next page's path below our company base, from the absolute ``@odata.nextLink``."""
        if not link:
            return None
        marker = f"companies({self.company_id})/"
        text = str(link)
        at = text.lower().find(marker.lower())
        return text[at + len(marker):] if at >= 0 else None

    async def get(self, entity_set: str, ident: str, *, expand: str | None = None) -> Row | None:
        """One record, or None when Business Central has no such record."""
        try:
            return await self.send("GET", f"{entity_set}{key_segment(ident)}",
                                   params={"$expand": expand} if expand else None, safe_to_retry=True)
        except ProviderRejected as exc:
            if is_not_found(exc):
                return None
            raise

    async def read_all(self, entity_set: str, *, where: str | None = None) -> list[Row]:
        return [row async for page in self.pages(entity_set, where=where, page_size=1000) for row in page]

    # --- writes: sent once (no idempotency key at Business Central) ----------------------------------------

    async def create(self, path: str, body: Row) -> Row:
        return await self.send("POST", path, json_body=body, safe_to_retry=False)

    async def create_numbered(self, entity_set: str, body: Row, *, number: str, attempts: int = 4) -> Row:
        """Create a record whose ``number`` Business Central keeps unique: the number is the write's natural
        idempotency key. A failure that may be transient (5xx, 429, a lost answer) is retried with the same
        number; when a retry is refused because that number now exists, the first attempt did land, and the
        record holding the number is answered. A duplicate on the first attempt is the caller's (422)."""
        for attempt in range(attempts):
            try:
                return await self.send("POST", entity_set, json_body=body, safe_to_retry=False)
            except ProviderError as exc:
                if attempt > 0 and is_duplicate(exc):
                    found = await self.read_all(entity_set, where=f"number eq '{number.replace(chr(39), 2 * chr(39))}'")
                    if found:
                        return found[0]
                if not exc.retryable or attempt == attempts - 1:
                    raise
                await asyncio.sleep(min(float(exc.retry_after), 120.0) if exc.retry_after is not None
                                    else 0.2 * 2 ** attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    async def patch(self, path: str, body: Row, *, etag: str) -> Row:
        try:
            return await self.send("PATCH", path, json_body=body, headers={"If-Match": etag}, safe_to_retry=False)
        except ProviderRejected as exc:
            raise _stale(exc) from exc

    async def delete(self, path: str, *, etag: str) -> None:
        try:
            await self.send("DELETE", path, headers={"If-Match": etag}, safe_to_retry=False)
        except ProviderRejected as exc:
            raise _stale(exc) from exc

    async def action(self, entity_set: str, ident: str, name: str) -> None:
        """A bound action: ``POST /{entity_set}({id})/Microsoft.NAV.{name}`` (204)."""
        await self.send("POST", f"{entity_set}{key_segment(ident)}/Microsoft.NAV.{name}", safe_to_retry=False)


def _stale(exc: ProviderRejected) -> Exception:
    if is_stale(exc):
        return PreconditionFailed("The record changed at Business Central since it was last read (its @odata.etag "
                                  "moved); read it again and reapply your change")
    return exc
