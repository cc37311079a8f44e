"""``MoneybirdSandbox``: the handle tests and the demo use to set up and inspect the simulated Moneybird."""

from __future__ import annotations

import pathlib
from typing import Any

from ..faults import FaultPlan
from .identity import DEFAULT_SCOPE, Identity
from .ratelimit import LIMIT, RateLimiter
from .state import Store, iso


class MoneybirdSandbox:
    def __init__(self, path: pathlib.Path | None = None, *, time_scale: float = 1.0, rate_limit: int = LIMIT) -> None:
        self.store = Store(pathlib.Path(path) if path else None)
        self.identity = Identity(self.store)
        self.limiter = RateLimiter(self.store.now, limit=rate_limit, time_scale=time_scale)
        self.faults = FaultPlan()
        self.user_id = "496081500000000001"

    # -- setup ----------------------------------------------------------------------------------
    def create_administration(self, name: str = "Ledgerbridge Demo B.V.", *, currency: str = "EUR",
                              country: str = "NL") -> str:
        """Idempotent by name: the same name gives the same administration."""
        with self.store.lock:
            for admin_id, admin in self.store.data["administrations"].items():
                if admin["name"] == name:
                    return str(admin_id)
            admin_id = self.store.new_id()
            self.store.data["administrations"][admin_id] = {
                "id": admin_id, "name": name, "language": "nl", "currency": currency, "country": country,
                "time_zone": "Europe/Amsterdam", "access": "user", "suspended": False, "period_locked_until": None,
                "period_start_date": f"{self.store.today().year}-01-01",
                "settings": {"workflow_id": self.store.new_id(), "style_id": self.store.new_id(),
                             "identity_id": self.store.new_id()}}
            self.store.save()
        from .seed import seed_settings

        seed_settings(self, admin_id)
        return admin_id

    def administrations(self) -> list[dict[str, Any]]:
        return [{k: v for k, v in a.items() if k != "settings"} for a in self.store.data["administrations"].values()]

    def register_client(self, client_id: str, client_secret: str, redirect_uris: list[str] | None = None) -> None:
        self.identity.register_client(client_id, client_secret, redirect_uris)

    def issue_tokens(self, client_id: str, scope: str = DEFAULT_SCOPE) -> dict[str, Any]:
        """Skip the browser: the token JSON a finished consent would give."""
        return self.identity.issue(client_id, scope)

    def seed_demo(self, admin: str, *, invoices: int = 30) -> None:
        from .seed import seed_demo

        seed_demo(self, admin, invoices=invoices)

    def seed_invoices(self, admin: str, count: int) -> None:
        from .seed import seed_invoices

        seed_invoices(self, admin, count)

    # -- inspection -----------------------------------------------------------------------------
    def get(self, admin: str, collection: str, record_id: str) -> dict[str, Any] | None:
        return self.store.get(admin, collection, record_id)

    def count(self, admin: str, collection: str) -> int:
        return self.store.count(admin, collection)

    def advance_time(self, seconds: float) -> None:
        """Move the sandbox clock (token expiry, rate-limit windows, lateness) without sleeping."""
        self.store.clock_offset += seconds

    def now_iso(self) -> str:
        return iso(self.store.now())
