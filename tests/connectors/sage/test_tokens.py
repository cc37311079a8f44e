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


async def test_a_payment_settles_the_invoice_and_returns_it_changed() -> None:
    from decimal import Decimal

    from ledgerbridge.connectors.sage.mapping import invoice as invoices
    from ledgerbridge.remote import Ref, Refs
    from ledgerbridge.unified.payment import PaymentInput

    sb = SageSandbox()
    business = sb.create_business()
    sb.seed_demo(business)

    async def save(credentials: dict[str, Any]) -> None:
        return None

    context = ConnectionContext(uuid.uuid4(), uuid.uuid4(), "sage", sandbox_credentials(sb, business, "http://sage"),
                                save)
    connector = SageConnector(context, ProviderHttp({"sage": httpx.ASGITransport(app=create_app(sb))}))
    unpaid = next(r for r in sb.store.all(business, "sales_invoices") if r["status"]["id"] == "UNPAID")
    target = uuid.uuid4()
    refs = Refs({target: Ref("invoice", f"{invoices.SALES}/{unpaid['id']}", unpaid["id"])})
    body = PaymentInput.model_validate({"transaction_date": "2026-12-01", "line_items": [
        {"applied_amount": "10.00", "related_object_id": str(target)}]})
    assert await connector.validate("payment", body, refs) == []
    result = await connector.create("payment", body, refs, request_key="pay-1")
    assert result.record.data.total_amount == Decimal("10.00")  # type: ignore[attr-defined]
    changed = result.also_changed[0].data
    assert changed.status == "PARTIALLY_PAID"  # type: ignore[attr-defined]
    assert changed.balance == unpaid["total_amount"] - Decimal("10.00")  # type: ignore[attr-defined]
    again = await connector.create("payment", body, refs, request_key="pay-1")  # the same idempotency_id
    assert again.record.remote_key == result.record.remote_key
    assert sb.count(business, "contact_payments") == 20
