"""The sandbox's webhooks, as Intuit sends them: every change of a realm's entities, batched, POSTed to the URL
configured for the app, ``intuit-signature`` = base64 HMAC-SHA256 of the body under the app's verifier token,
retried on failure (Intuit retries at 20, 30 and 50 minutes), as legacy ``eventNotifications`` or, for an app
that chose them, CloudEvents (``qbo.invoice.updated.v1``)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import uuid
from collections.abc import Callable
from typing import Any

from ..notifier import Notifier, demo_sender
from .sandbox import QuickBooksSandbox

RETRY_DELAYS = (20 * 60.0, 30 * 60.0, 50 * 60.0)
_PAST = {"Create": "created", "Update": "updated", "Delete": "deleted", "Void": "voided", "Merge": "merged"}


def sign(body: bytes, verifier_token: str) -> str:
    return base64.b64encode(hmac.new(verifier_token.encode(), body, hashlib.sha256).digest()).decode()


def legacy(changes: list[dict[str, Any]], verifier_token: str) -> tuple[bytes, dict[str, str]]:
    realm = changes[0]["realm"]
    body = json.dumps({"eventNotifications": [{"realmId": realm, "dataChangeEvent": {"entities": [
        {"name": c["entity"], "id": c["id"], "operation": c["operation"], "lastUpdated": c["at"]} for c in changes
    ]}}]}).encode()
    return body, {"intuit-signature": sign(body, verifier_token)}


def cloud_events(changes: list[dict[str, Any]], verifier_token: str) -> tuple[bytes, dict[str, str]]:
    body = json.dumps([{
        "specversion": "1.0", "id": str(uuid.uuid4()), "source": "intuit.sandbox",
        "type": f"qbo.{c['entity'].lower()}.{_PAST.get(c['operation'], 'updated')}.v1",
        "datacontenttype": "application/json", "time": c["at"], "intuitentityid": c["id"],
        "intuitaccountid": c["realm"], "data": {},
    } for c in changes]).encode()
    return body, {"intuit-signature": sign(body, verifier_token)}


class QuickBooksWebhooks:
    """Attach to a sandbox: ``QuickBooksWebhooks(sandbox).subscribe(url, verifier_token)``."""

    def __init__(self, sandbox: QuickBooksSandbox, *, cloudevents: bool = False, window: float = 1.0,
                 retry_delays: tuple[float, ...] = RETRY_DELAYS) -> None:
        self.notifier = Notifier(cloud_events if cloudevents else legacy, window=window, retry_delays=retry_delays)
        sandbox.on_change = self.changed

    def subscribe(self, url: str, verifier_token: str, realms: set[str] | None = None) -> None:
        self.notifier.subscribe(url, verifier_token, realms)

    def changed(self, realm: str, entity: str, entity_id: str, operation: str) -> None:
        at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        self.notifier.record(realm, {"realm": realm, "entity": entity, "id": entity_id, "operation": operation,
                                     "at": at})


def demo(
    sandbox: Any, account: str, key: str = "demo-verifier-token"
) -> tuple[Callable[[str], str], Callable[[], None]]:
    """For the demo: (receiver URL → key, after starting to send there; stop sending)."""

    def subscribed(url: str) -> Notifier:
        hooks = QuickBooksWebhooks(sandbox)
        hooks.subscribe(url, key, {account})
        return hooks.notifier

    return demo_sender(subscribed, key)
