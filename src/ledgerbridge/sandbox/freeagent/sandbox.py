"""``FreeAgentSandbox``: the in-process handle tests and the demo use to set up and inspect the simulated FreeAgent."""

from __future__ import annotations

import pathlib
from decimal import Decimal
from typing import Any

from ..faults import FaultPlan
from . import documents
from .identity import Identity
from .ratelimit import PER_HOUR, PER_MINUTE, RateLimiter
from .state import Store


class FreeAgentSandbox:
    def __init__(self, path: pathlib.Path | None = None, *, time_scale: float = 1.0, per_minute: int = PER_MINUTE,
                 per_hour: int = PER_HOUR) -> None:
        self.store = Store(pathlib.Path(path) if path else None)
        self.identity = Identity(self.store)
        self.limiter = RateLimiter(self.store.now, per_minute=per_minute, per_hour=per_hour, time_scale=time_scale)
        self.faults = FaultPlan()

    # -- setup ----------------------------------------------------------------------------------
    def create_company(self, name: str = "Sandbox Trading Ltd", *, currency: str = "GBP") -> str:
        """Idempotent by name: the company's id (its subdomain), with one user who owns it."""
        subdomain = "".join(c for c in name.lower() if c.isalnum())[:30] or "company"
        with self.store.lock:
            if self.store.get(subdomain, "company", "company") is None:
                self.store.put(subdomain, "company", "company", {
                    "url": "/v2/company", "id": subdomain, "name": name, "subdomain": subdomain,
                    "type": "UkLimitedCompany", "currency": currency, "mileage_units": "miles",
                    "company_start_date": "2019-04-01", "first_accounting_year_end": "2020-03-31",
                    "sales_tax_registration_status": "Registered", "sales_tax_registration_number": "GB123456789",
                    "address1": "12 Harbour Street", "town": "Edinburgh", "postcode": "EH6 6QU",
                    "country": "United Kingdom", "contact_email": "accounts@example.co.uk",
                    "contact_phone": "0131 496 0000"})
                user = "1"
                self.store.put(subdomain, "users", user, {
                    "url": f"/v2/users/{user}", "first_name": "Morag", "last_name": "Stewart",
                    "email": "morag@example.co.uk", "role": "Director", "permission_level": 8})
                self.store.counters[f"{subdomain}/users"] = 1
        return subdomain

    def companies(self) -> list[tuple[str, str, str]]:
        """(company id, name, owner user id) of every company."""
        return [(cid, data["company"]["company"]["name"], "1") for cid, data in self.store.companies.items()
                if "company" in data]

    def register_client(self, client_id: str, client_secret: str, redirect_uris: list[str] | None = None) -> None:
        self.identity.register_client(client_id, client_secret, redirect_uris)

    def issue_tokens(self, client_id: str, company: str) -> dict[str, Any]:
        """Skip the browser: the token JSON a finished approval would give for ``company``."""
        return self.identity.issue(client_id, company, "1")

    def seed_demo(self, company: str) -> None:
        from .seed import seed_demo

        seed_demo(self, company)

    def seed_invoices(self, company: str, count: int) -> None:
        from .seed import seed_invoices

        seed_invoices(self, company, count)

    # -- inspection -----------------------------------------------------------------------------
    def get(self, company: str, collection: str, key: str) -> dict[str, Any] | None:
        record = self.store.get(company, collection, key)
        if record is not None and collection in ("invoices", "credit_notes"):
            return documents.render(record, self.store.today())
        return record

    def count(self, company: str, collection: str) -> int:
        return len(self.store.collection(company, collection))

    def total(self, company: str, collection: str, key: str) -> Decimal:
        record = self.store.get(company, collection, key)
        return Decimal(record["total_value"]) if record else Decimal(0)

    def advance_time(self, seconds: float) -> None:
        """Move the sandbox clock (token expiry, rate windows, due dates) without sleeping."""
        self.store.clock_offset += seconds
