"""The connector keeps working across Sage's five-minute access tokens and rotating refresh tokens."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from ledgerbridge.connectors.base import ConnectionContext
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.sage.connector import SageConnector
from ledgerbridge.connectors.sage.spec import sandbox_credentials
from ledgerbridge.sandbox.sage import SageSandbox, create_app


async def test_an_expired_token_is_refreshed_and_the_rotated_refresh_token_kept() -> None:
    sb = SageSandbox()
    business = sb.create_business()
    sb.seed_demo(business)
    saved: list[dict[str, Any]] = []

    async def save(credentials: dict[str, Any]) -> None:
        saved.append(dict(credentials))

    credentials = sandbox_credentials(sb, business, "http://sage")
    context = ConnectionContext(uuid.uuid4(), uuid.uuid4(), "sage", credentials, save)
    http = ProviderHttp({"sage": httpx.ASGITransport(app=create_app(sb))})
    connector = SageConnector(context, http)
    try:
        first = await connector.fetch("tax_rate", "GB_STANDARD")
        assert first is not None and not saved
        for round_ in range(2):  # twice: the second refresh must use the rotated refresh token
            sb.advance_time(301)
            again = await connector.fetch("tax_rate", "GB_STANDARD")
            assert again is not None and len(saved) == round_ + 1
        assert saved[0]["refresh_token"] != credentials["refresh_token"]
        assert saved[1]["refresh_token"] != saved[0]["refresh_token"]
        assert context.credentials["access_token"] == saved[1]["access_token"]
    finally:
        await http.aclose() if hasattr(http, "aclose") else None
