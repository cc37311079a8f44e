"""The sandbox's webhooks, as Xero sends them: CREATE and UPDATE of contacts, invoices and credit notes (Xero
notifies no deletions), batched per tenant, ``x-xero-signature`` = base64 HMAC-SHA256 of the body under the app's
webhook key, retried on failure, and nothing sent to a URL before it passed the intent-to-receive check (a
correctly signed empty batch must get 200, a wrongly signed one 401)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from typing import Any

from ..notifier import Notifier, demo_sender
from .sandbox import XeroSandbox

CATEGORIES = {"Contacts": "CONTACT", "Invoices": "INVOICE", "CreditNotes": "CREDITNOTE"}
RETRY_DELAYS = (60.0, 300.0, 1800.0, 3600.0)
_sequence = 0


def sign(body: bytes, webhook_key: str) -> str:
    return base64.b64encode(hmac.new(webhook_key.encode(), body, hashlib.sha256).digest()).decode()


def _body(events: list[dict[str, Any]]) -> bytes:
    global _sequence
    first = _sequence + 1
    _sequence += len(events)
    return json.dumps({"events": events, "firstEventSequence": first, "lastEventSequence": max(first, _sequence),
                       "entropy": secrets.token_hex(10).upper()}).encode()


def encode(changes: list[dict[str, Any]], webhook_key: str) -> tuple[bytes, dict[str, str]]:
    body = _body(changes)
    return body, {"x-xero-signature": sign(body, webhook_key)}


def handshake(webhook_key: str) -> list[tuple[bytes, dict[str, str], int]]:
    good, bad = _body([]), _body([])
    return [(good, {"x-xero-signature": sign(good, webhook_key)}, 200),
            (bad, {"x-xero-signature": sign(bad, webhook_key + "-wrong")}, 401)]


class XeroWebhooks:
    """Attach to a sandbox: ``XeroWebhooks(sandbox).subscribe(url, webhook_key)``."""

    def __init__(self, sandbox: XeroSandbox, *, window: float = 1.0,
                 retry_delays: tuple[float, ...] = RETRY_DELAYS) -> None:
        self.notifier = Notifier(encode, window=window, retry_delays=retry_delays, handshake=handshake)
        sandbox.store.on_put = self.changed

    def subscribe(self, url: str, webhook_key: str, tenants: set[str] | None = None) -> None:
        self.notifier.subscribe(url, webhook_key, tenants)

    def changed(self, tenant: str, collection: str, object_id: str, created: bool) -> None:
        category = CATEGORIES.get(collection)
        if category is None:
            return
        self.notifier.record(tenant, {
            "resourceUrl": f"https://api.xero.com/api.xro/2.0/{collection}/{object_id}", "resourceId": object_id,
            "eventDateUtc": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3],
            "eventType": "CREATE" if created else "UPDATE", "eventCategory": category, "tenantId": tenant,
            "tenantType": "ORGANISATION",
        })


def demo(sandbox: Any, account: str, key: str = "demo-webhook-key") -> tuple[Callable[[str], str], Callable[[], None]]:
    """For the demo: (receiver URL → key, after starting to send there; stop sending)."""

    def subscribed(url: str) -> Notifier:
        hooks = XeroWebhooks(sandbox)
        hooks.subscribe(url, key, {account})
        return hooks.notifier

    return demo_sender(subscribed, key)
