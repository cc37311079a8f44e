"""Xero webhooks, as Xero sends them.

Each POST carries ``x-xero-signature``: the base64 HMAC-SHA256 of the raw body, keyed with the app's *webhook
key*. Before Xero sends anything to a new URL it checks the receiver (the "intent to receive"): correctly signed
bodies must get 200 and wrongly signed ones 401 — which is what any receiver that verifies does, so the
handshake (``{"events": [], …}``) needs nothing of its own.

A body holds ``events``: ``{"resourceId", "tenantId", "eventCategory": "CONTACT" | "INVOICE" | "CREDITNOTE",
"eventType": "CREATE" | "UPDATE", "eventDateUtc", …}``. Xero notifies no deletions (a void is an UPDATE; a
deleted draft is never notified): polling and the daily reconcile find those.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

from ledgerbridge.connectors.provider_spec import Notice, Notifications

SIGNATURE_HEADER = "x-xero-signature"

#: Xero event category → the unified objects the resource may be (a credit note is a customer or supplier one)
OBJECTS: dict[str, tuple[str, ...]] = {
    "CONTACT": ("contact",),
    "INVOICE": ("invoice",),
    "CREDITNOTE": ("credit_note", "vendor_credit"),
}


def signature(body: bytes, webhook_key: str) -> str:
    return base64.b64encode(hmac.new(webhook_key.encode(), body, hashlib.sha256).digest()).decode()


def verify(body: bytes, header: str, webhook_key: str) -> bool:
    return bool(header) and hmac.compare_digest(signature(body, webhook_key), header.strip())


def parse(body: bytes) -> list[Notice]:
    payload = json.loads(body)
    if not isinstance(payload, dict) or not isinstance(payload.get("events", []), list):
        raise ValueError("not a Xero webhook body")
    notices = []
    for event in payload.get("events") or []:
        objects = OBJECTS.get(str(event.get("eventCategory") or "").upper())
        tenant, resource = str(event.get("tenantId") or ""), str(event.get("resourceId") or "")
        if objects is None or not tenant or not resource:
            continue
        dedupe = "|".join([tenant, str(event.get("eventCategory")), resource, str(event.get("eventType")),
                           str(event.get("eventDateUtc"))])
        notices.append(Notice(account_id=tenant, objects=objects, remote_key=resource, dedupe_key=dedupe))
    return notices


# Xero sends CREATE and UPDATE only; these objects are never hard-deleted at Xero (a deleted or voided invoice or
# credit note, an archived contact, is a status change, notified as an UPDATE), so their notifications cover every
# change. What Xero can delete outright (payments, items…) it does not notify at all: that stays polled.
NOTIFICATIONS = Notifications(signature_header=SIGNATURE_HEADER, verify=verify, parse=parse, key_name="webhook key",
                              objects=frozenset(name for names in OBJECTS.values() for name in names))
