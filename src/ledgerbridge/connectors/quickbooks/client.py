"""The QBO HTTP client of one connection: URLs, minorversion, idempotency, paging, error classification.

Every call goes to ``{api_base}/company/{realm_id}/…?minorversion=75`` (Intuit retired everything below 75 in
2025) on the provider's shared ``httpx.AsyncClient``, under the realm's budget (500 calls/min, 10 in flight).
Reads are retried; a create is retried only because it carries ``requestid``: QBO answers a repeated
``requestid`` with the original response instead of writing again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

from ledgerbridge.connectors.base import ConnectionContext
from ledgerbridge.connectors.http import ProviderHttp, send
from ledgerbridge.connectors.oauth import RefreshingAuth
from ledgerbridge.connectors.quickbooks.errors import PROVIDER, classify
from ledgerbridge.errors import ProviderDetail, ProviderUnavailable
from ledgerbridge.wire import dumps, loads

MINOR_VERSION = "75"
PAGE_SIZE = 1000  # QBO's MAXRESULTS ceiling
REQUEST_ID_MAX = 50


def request_id(request_key: str, suffix: str = "") -> str:
    """QBO's ``requestid`` for a logical write: ≤ 50 chars, stable across retries, distinct per step
    (``suffix`` tells the invoice create from the payment that follows it)."""
    return hashlib.sha256(f"{request_key}{suffix}".encode()).hexdigest()[:40]


def query_time(value: dt.datetime) -> str:
    """A datetime literal QBO's query language accepts: ISO 8601 with an explicit offset, whole seconds."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.replace(microsecond=0).isoformat()


class QuickBooksClient:
    def __init__(self, context: ConnectionContext, http: ProviderHttp) -> None:
        creds = context.credentials
        self.realm_id = str(creds["realm_id"])
        self.base_url = f"{str(creds['api_base']).rstrip('/')}/company/{self.realm_id}"
        self._http = http
        self._client = http.client(PROVIDER)
        self._auth = RefreshingAuth(context, transport=http.transport(PROVIDER))
        # Intuit's published quota per realm and app; an app with a raised quota (or a local sandbox with the
        # limits lifted, as the benchmarks use) sets rate_per_minute / max_concurrent in its credentials.
        self._budget = http.budget(
            PROVIDER,
            self.realm_id,
            per_minute=int(creds.get("rate_per_minute") or 500),
            concurrent=int(creds.get("max_concurrent") or 10),
        )

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json_body: Any = None,
        files: dict[str, Any] | None = None,
        safe_to_retry: bool,
    ) -> dict[str, Any]:
        query = {**(params or {}), "minorversion": MINOR_VERSION}
        headers = {"Accept": "application/json"}
        content = None
        if json_body is not None:
            headers["Content-Type"] = "application/json"
            content = dumps(json_body).encode()  # simplejson keeps Decimal digits: 300.50 stays 300.50
        request = self._client.build_request(
            method, f"{self.base_url}/{path}", params=query, headers=headers, content=content, files=files
        )
        response = await send(
            self._client,
            request,
            provider=PROVIDER,
            classify=classify,
            budget=self._budget,
            auth=self._auth,
            safe_to_retry=safe_to_retry,
        )
        try:
            body = loads(response.content)
        except ValueError:  # looked like JSON to classify(), but is not: the provider's fault, not the caller's
            detail = ProviderDetail(PROVIDER, status=response.status_code, raw=response.text[:500],
                                    message="answered with a body that is not JSON",
                                    request_id=response.headers.get("intuit_tid"))
            raise ProviderUnavailable(detail) from None
        return body if isinstance(body, dict) else {}

    async def read(self, entity: str, remote_id: str) -> dict[str, Any]:
        """``GET /{entity}/{id}`` → the entity (ProviderRejected, code 610, if QBO has no such id)."""
        body = await self._send("GET", f"{entity.lower()}/{quote(remote_id, safe='')}", safe_to_retry=True)
        return dict(body.get(entity) or {})

    async def create(self, entity: str, payload: dict[str, Any], *, requestid: str) -> dict[str, Any]:
        body = await self._send(
            "POST", entity.lower(), params={"requestid": requestid}, json_body=payload, safe_to_retry=True
        )
        return dict(body.get(entity) or {})

    async def upload(self, files: dict[str, Any], *, requestid: str) -> dict[str, Any]:
        """``POST /upload``: a multipart body of ``file_metadata_N`` / ``file_content_N`` parts; QBO's whole answer."""
        return await self._send("POST", "upload", params={"requestid": requestid}, files=files, safe_to_retry=True)

    async def delete(self, entity: str, remote_id: str, sync_token: str, *, requestid: str) -> None:
        await self._send(
            "POST",
            entity.lower(),
            params={"operation": "delete", "requestid": requestid},
            json_body={"Id": remote_id, "SyncToken": sync_token},
            safe_to_retry=True,
        )

    async def update(self, entity: str, payload: dict[str, Any], *, requestid: str) -> dict[str, Any]:
        """A sparse update: only the properties in ``payload`` change; ``Id`` and ``SyncToken`` must be in it."""
        body = await self._send(
            "POST", entity.lower(), params={"requestid": requestid},
            json_body={**payload, "sparse": True}, safe_to_retry=True,
        )
        return dict(body.get(entity) or {})

    async def void(self, entity: str, remote_id: str, sync_token: str, *, requestid: str) -> dict[str, Any]:
        body = await self._send(
            "POST",
            entity.lower(),
            params={"operation": "void", "requestid": requestid},
            json_body={"Id": remote_id, "SyncToken": sync_token},
            safe_to_retry=True,
        )
        return dict(body.get(entity) or {})

    async def query(self, statement: str) -> dict[str, Any]:
        body = await self._send("GET", "query", params={"query": statement}, safe_to_retry=True)
        return dict(body.get("QueryResponse") or {})

    async def query_pages(
        self, entity: str, where: list[str], *, page_size: int = PAGE_SIZE
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """``select * from <entity> [where …] startposition N maxresults M``, one list of rows per page.

        Stops when the entity key is missing (QBO's empty page is ``"QueryResponse": {}``) or a page is short.
        ``maxResults`` in the answer is the number of rows returned, not asked for, so it is not used.
        """
        position = 1
        condition = f" where {' and '.join(where)}" if where else ""
        while True:
            statement = f"select * from {entity}{condition} startposition {position} maxresults {page_size}"
            rows = (await self.query(statement)).get(entity)
            if not rows:
                return
            yield list(rows)
            if len(rows) < page_size:
                return
            position += len(rows)
