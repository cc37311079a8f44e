"""Rotating a webhook's signing secret: receivers can switch without missing a delivery, and the old secret stops."""

from __future__ import annotations

import httpx
import pytest

from ledgerbridge.connect import connect
from ledgerbridge.connectors.quickbooks.spec import sandbox_credentials as quickbooks_credentials
from ledgerbridge.runtime import Runtime
from ledgerbridge.webhooks import delivery
from ledgerbridge.webhooks.signing import HEADER, InvalidSignature, verify
from tests.factories import Tenant
from tests.providers import QuickBooksHarness
from tests.webhooks.test_delivery import Receiver, later, qbo, receiver, subscribe

__all__ = ["qbo", "receiver"]  # fixtures shared with the delivery tests


async def _one_delivery(runtime: Runtime, harness: QuickBooksHarness, tenant: Tenant, receiver: Receiver,
                        hours: float = 0) -> httpx.Request:
    await connect(runtime, project_id=tenant.project_id, provider="quickbooks", account_id=harness.realm,
                  credentials=quickbooks_credentials(harness.sandbox, harness.realm, "http://qbo"))
    assert (await delivery.deliver_due(runtime, now=later(hours))).delivered == 1
    return receiver.received[-1]


async def test_during_the_overlap_both_secrets_verify_and_after_it_only_the_new_one(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], receiver: Receiver
) -> None:
    harness, tenant = qbo
    receiver.mode = "up"
    hook = await subscribe(api, tenant, ["connection.created"])
    headers = {"x-api-key": tenant.api_key}
    rotated = await api.post(f"/webhooks/{hook['id_webhook_endpoint']}/rotate-secret", headers=headers,
                             json={"previous_secret_valid_for": 3600})
    assert rotated.status_code == 200, rotated.text
    new, old = rotated.json()["secret"], hook["secret"]
    assert new.startswith("whsec_") and new != old
    assert rotated.json()["previous_secret_expires_at"] is not None
    listed = (await api.get("/webhooks", headers=headers)).json()
    assert new not in str(listed) and old not in str(listed)

    during = await _one_delivery(runtime, harness, tenant, receiver)
    for secret in (old, new):
        verify(during.content, during.headers[HEADER], secret)

    after = await _one_delivery(runtime, harness, tenant, receiver, hours=2)
    verify(after.content, after.headers[HEADER], new, tolerance=0)
    with pytest.raises(InvalidSignature):
        verify(after.content, after.headers[HEADER], old, tolerance=0)


async def test_no_overlap_retires_the_old_secret_at_once_and_a_foreign_webhook_is_404(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], receiver: Receiver
) -> None:
    harness, tenant = qbo
    receiver.mode = "up"
    hook = await subscribe(api, tenant, ["connection.created"])
    path = f"/webhooks/{hook['id_webhook_endpoint']}/rotate-secret"
    rotated = await api.post(path, headers={"x-api-key": tenant.api_key}, json={"previous_secret_valid_for": 0})
    assert rotated.status_code == 200 and rotated.json()["previous_secret_expires_at"] is None
    sent = await _one_delivery(runtime, harness, tenant, receiver)
    verify(sent.content, sent.headers[HEADER], rotated.json()["secret"])
    with pytest.raises(InvalidSignature):
        verify(sent.content, sent.headers[HEADER], hook["secret"])

    other = await harness.tenant(runtime)
    for target in (path, "/webhooks/not-a-uuid/rotate-secret"):
        refused = await api.post(target, headers={"x-api-key": other.api_key})
        assert refused.status_code == 404, refused.text
    bad = await api.post(path, headers={"x-api-key": tenant.api_key}, json={"previous_secret_valid_for": -1})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "previous_secret_valid_for"
    sent = await _one_delivery(runtime, harness, tenant, receiver)  # neither refusal changed the secret
    verify(sent.content, sent.headers[HEADER], rotated.json()["secret"])
