"""``SageSandbox``: the in-process handle tests and the demo use to set up and inspect the simulated Sage."""

from __future__ import annotations

import pathlib
from typing import Any

from ..faults import FaultPlan
from .identity import Identity
from .ratelimit import DEFAULT_PER_MINUTE, RateLimiter
from .state import Record, Store, new_id


class SageSandbox:
    def __init__(self, path: pathlib.Path | None = None, *, time_scale: float = 1.0,
                 rate_per_minute: int = DEFAULT_PER_MINUTE) -> None:
        self.store = Store(pathlib.Path(path) if path else None)
        self.identity = Identity(self.store)
        self.limiter = RateLimiter(self.store.now, per_minute=rate_per_minute, time_scale=time_scale)
        self.faults = FaultPlan()

    # -- setup ----------------------------------------------------------------------------------------------
    def create_business(self, name: str = "Ledgerbridge Demo Ltd") -> str:
        """Idempotent by name: the same name always answers the same business."""
        for business in self.store.businesses.values():
            if business["name"] == name:
                return str(business["id"])
        key = new_id()
        self.store.add_business({
            "id": key, "displayed_as": name, "name": name, "address_line_1": "1 Ledger Lane",
            "address_line_2": "", "city": "Newcastle upon Tyne", "postal_code": "NE1 4XF", "region": "Tyne and Wear",
            "country": {"id": "GB", "displayed_as": "United Kingdom (GB)", "$path": "/countries/GB"},
            "telephone": "0191 555 0100", "mobile": "", "website": "https://ledgerbridge.example",
            "is_demo": True, "subscriptions": [], "created_at": self.store.stamp(), "updated_at": self.store.stamp(),
        })
        from .seed import seed_settings

        seed_settings(self, key)
        self.store.save()
        return key

    def lead_business(self) -> str:
        """Without ``X-Business``, Sage uses the user's lead business: here the first created."""
        return next(iter(self.store.businesses), "")

    def register_client(self, client_id: str, client_secret: str, redirect_uris: list[str] | None = None) -> None:
        self.identity.register_client(client_id, client_secret, redirect_uris)

    def issue_tokens(self, client_id: str) -> dict[str, Any]:
        """Skip the browser: the token JSON a finished consent would give."""
        return self.identity.issue(client_id)

    def seed_demo(self, business: str) -> None:
        from .seed import seed_demo

        seed_demo(self, business)
        self.store.save()

    def seed_invoices(self, business: str, count: int) -> None:
        from .seed import seed_invoices

        seed_invoices(self, business, count)
        self.store.save()

    def financial_settings(self, business: str) -> Record:
        return dict(self.store.records[business]["_settings"]["financial"])

    # -- inspection -------------------------------------------------------------------------------------------
    def get(self, business: str, collection: str, key: str) -> Record | None:
        return self.store.get(business, collection, key)

    def count(self, business: str, collection: str) -> int:
        return len(self.store.all(business, collection))

    def advance_time(self, seconds: float) -> None:
        """Move the sandbox clock (token expiry, rate windows, ``updated_at``) without sleeping."""
        self.store.clock_offset += seconds
