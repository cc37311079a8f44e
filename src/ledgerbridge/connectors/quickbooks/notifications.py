"""QuickBooks Online webhooks, as Intuit sends them.

Each POST carries ``intuit-signature``: the base64 HMAC-SHA256 of the raw body, keyed with the app's *verifier
token* (shown in the Intuit developer portal). Two payload shapes exist:

- the legacy one: ``{"eventNotifications": [{"realmId": "…", "dataChangeEvent": {"entities": [{"name":
  "Invoice", "id": "130", "operation": "Update", "lastUpdated": "…"}]}}]}``;
- CloudEvents: ``[{"specversion": "1.0", "id": "…", "type": "qbo.invoice.updated.v1", "intuitentityid": "130",
  "intuitaccountid": "<realm>", "time": "…"}]``.

Intuit wants an answer within 3 seconds and retries otherwise, so the route only verifies, records and answers;
the records are fetched afterwards. Every operation (Create, Update, Delete, Void, Merge, Emailed) becomes a
fetch of that record: a batch of them is one CDC call from the earliest change time (``lastUpdated`` / ``time``;
:mod:`.notified`), whose answer marks a deleted record ``Deleted``; without a time, each object is read by key.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
from typing import Any

from ledgerbridge.connectors.provider_spec import Notice, Notifications

SIGNATURE_HEADER = "intuit-signature"

#: QBO entity → the unified objects holding it (keys ``Entity/Id``; see mapping.common.key)
OBJECTS: dict[str, tuple[str, ...]] = {
    "Invoice": ("invoice",),
    "Bill": ("invoice",),
    "Customer": ("contact",),
    "Vendor": ("contact",),
    "Item": ("item",),
    "Account": ("account",),
    "Payment": ("payment",),
    "CreditMemo": ("credit_note",),
    "JournalEntry": ("journal_entry",),
    "Purchase": ("expense",),
    "PurchaseOrder": ("purchase_order",),
    "VendorCredit": ("vendor_credit",),
    "Class": ("tracking_category",),
    "Department": ("tracking_category",),
}
_BY_LOWER = {name.lower(): name for name in OBJECTS}


def signature(body: bytes, verifier_token: str) -> str:
    return base64.b64encode(hmac.new(verifier_token.encode(), body, hashlib.sha256).digest()).decode()


def verify(body: bytes, header: str, verifier_token: str) -> bool:
    return bool(header) and hmac.compare_digest(signature(body, verifier_token), header.strip())


def _instant(value: Any) -> dt.datetime | None:
    """``lastUpdated`` / ``time`` of a notification (ISO 8601, ``Z`` or an offset); None when absent or unreadable:
    the change is then fetched by key instead of through CDC."""
    try:
        at = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


def _notice(realm: str, entity: str, remote_id: str, dedupe: str, changed_at: Any) -> Notice | None:
    objects = OBJECTS.get(entity)
    if objects is None or not realm or not remote_id:
        return None  # an entity we do not sync (Estimate, TimeActivity…)
    return Notice(account_id=realm, objects=objects, remote_key=f"{entity}/{remote_id}", dedupe_key=dedupe,
                  changed_at=_instant(changed_at))


def _legacy(payload: dict[str, Any]) -> list[Notice | None]:
    notices: list[Notice | None] = []
    for notification in payload.get("eventNotifications") or []:
        realm = str(notification.get("realmId") or "")
        for entity in (notification.get("dataChangeEvent") or {}).get("entities") or []:
            name, remote_id = str(entity.get("name") or ""), str(entity.get("id") or "")
            dedupe = "|".join([realm, name, remote_id, str(entity.get("operation")), str(entity.get("lastUpdated"))])
            notices.append(_notice(realm, name, remote_id, dedupe, entity.get("lastUpdated")))
    return notices


def _cloud_events(events: list[Any]) -> list[Notice | None]:
    notices: list[Notice | None] = []
    for event in events:
        if not isinstance(event, dict):
            raise ValueError("a CloudEvent is not an object")
        # type: qbo.<entity>.<operation>.v<version>
        parts = str(event.get("type") or "").split(".")
        if len(parts) < 3 or parts[0] != "qbo":
            notices.append(None)
            continue
        entity = _BY_LOWER.get(parts[1].lower(), "")
        realm = str(event.get("intuitaccountid") or "")
        remote_id = str(event.get("intuitentityid") or "")
        notices.append(_notice(realm, entity, remote_id, "ce|" + str(event.get("id") or json.dumps(event)),
                               event.get("time")))
    return notices


def parse(body: bytes) -> list[Notice]:
    payload = json.loads(body)
    if isinstance(payload, list):
        found = _cloud_events(payload)
    elif isinstance(payload, dict):
        found = _legacy(payload)
    else:
        raise ValueError("neither eventNotifications nor a CloudEvents array")
    return [notice for notice in found if notice is not None]


NOTIFICATIONS = Notifications(
    signature_header=SIGNATURE_HEADER, verify=verify, parse=parse, key_name="verifier token",
    # Intuit notifies every operation on these entities, deletions included
    objects=frozenset(name for names in OBJECTS.values() for name in names),
)
