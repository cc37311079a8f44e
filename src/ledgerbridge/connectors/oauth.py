"""OAuth2 bearer tokens that refresh themselves, as an ``httpx.Auth`` on the provider's shared client.

The token endpoint call itself is authlib's (client authentication, grant encoding, error parsing); this class
only decides *when*: shortly before expiry, and once more if the provider answers 401 anyway. New tokens are
saved (encrypted) through the connection's ``save_credentials`` before they are used, because providers rotate
refresh tokens and the old one stops working.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator
from typing import Any

import httpx
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.httpx_client import AsyncOAuth2Client

from ledgerbridge.connectors.base import ConnectionContext
from ledgerbridge.errors import ProviderAuthFailed, ProviderDetail

REFRESH_MARGIN_SECONDS = 120


class RefreshingAuth(httpx.Auth):
    """Credentials keys used: ``access_token``, ``refresh_token``, ``expires_at`` (epoch seconds),
    ``client_id``, ``client_secret``, ``token_url``."""

    def __init__(self, context: ConnectionContext, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.context = context
        self._transport = transport
        self._lock = asyncio.Lock()

    @property
    def credentials(self) -> dict[str, Any]:
        return self.context.credentials

    def _expired(self) -> bool:
        expires_at = self.credentials.get("expires_at")
        return expires_at is not None and float(expires_at) - REFRESH_MARGIN_SECONDS <= time.time()

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self._expired():
            await self.refresh(stale=self.credentials.get("access_token"))
        request.headers["Authorization"] = f"Bearer {self.credentials['access_token']}"
        response = yield request
        if response.status_code == 401:  # revoked or expired early: refresh once, then let the 401 stand
            await response.aread()
            await self.refresh(stale=self.credentials.get("access_token"))
            request.headers["Authorization"] = f"Bearer {self.credentials['access_token']}"
            yield request

    async def refresh(self, *, stale: str | None) -> None:
        async with self._lock:
            if self.credentials.get("access_token") != stale:
                return  # another request refreshed while we waited
            creds = self.credentials
            client = AsyncOAuth2Client(
                client_id=creds["client_id"],
                client_secret=creds["client_secret"],
                token_endpoint_auth_method=creds.get("token_auth_method", "client_secret_basic"),
                transport=self._transport,
            )
            try:
                token = await client.refresh_token(creds["token_url"], refresh_token=creds["refresh_token"])
            except AuthlibBaseError as exc:
                raise ProviderAuthFailed(
                    ProviderDetail(self.context.provider, status=400, message=f"token refresh failed: {exc.error}")
                ) from exc
            finally:
                await client.aclose()
            updated = {
                **creds,
                "access_token": token["access_token"],
                "refresh_token": token.get("refresh_token", creds["refresh_token"]),
                "expires_at": token.get("expires_at") or time.time() + float(token.get("expires_in", 3600)),
            }
            await self.context.save_credentials(updated)
            self.context.credentials = updated
