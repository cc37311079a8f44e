"""``BusinessCentralSandbox``: the in-process handle tests and the demo use to set up and inspect the simulated
Business Central (Entra tenants, their environments and companies)."""

from __future__ import annotations

import pathlib
import uuid
from typing import Any

from ..faults import FaultPlan
from .identity import Identity
from .ratelimit import CONCURRENT, PER_WINDOW, RateLimiter
from .state import NAMESPACE, State, public

ENVIRONMENT = "production"


class BusinessCentralSandbox:
    def __init__(self, path: pathlib.Path | None = None, *, time_scale: float = 1.0, per_window: int = PER_WINDOW,
                 concurrent: int = CONCURRENT) -> None:
        self.state = State(pathlib.Path(path) if path else None)
        self.identity = Identity(self.state)
        self.limiter = RateLimiter(self.state.now, per_window=per_window, concurrent=concurrent,
                                   time_scale=time_scale)
        self.faults = FaultPlan()

    # --- setup ---------------------------------------------------------------------------------------------
    def create_tenant(self, name: str = "CRONUS UK Ltd.", *, currency: str = "GBP") -> tuple[str, str]:
        """An Entra tenant with a ``production`` environment holding one company; idempotent per name.
        Returns ``(tenant_id, company_id)``."""
        tenant = str(uuid.uuid5(NAMESPACE, f"tenant/{name}"))
        company = str(uuid.uuid5(NAMESPACE, f"company/{name}"))
        with self.state.writing():
            tenants = self.state.data["companies"]
            if tenant not in tenants:
                tenants[tenant] = {"environments": [ENVIRONMENT], "companies": {company: {
                    "id": company, "systemVersion": "26.0.30643.32481", "name": name, "displayName": name,
                    "businessProfileId": ""}}}
                self.state.put(company, "companyInformation", {
                    "id": str(uuid.uuid5(NAMESPACE, f"companyInformation/{name}")), "displayName": name,
                    "address": {"street": "5 The Ring", "city": "London", "state": "", "countryLetterCode": "GB",
                                "postalCode": "W2 8HG"},
                    "phoneNumber": "+44-(0)10 5214 4987", "faxNumber": "", "email": "accounts@cronus.example",
                    "website": "cronus.example", "taxRegistrationNumber": "GB777777771", "currencyCode": currency,
                    "currentFiscalYearStartDate": "2026-01-01", "industry": "Furniture"})
        return tenant, company

    def register_client(self, client_id: str, client_secret: str, redirect_uris: list[str] | None = None) -> None:
        self.identity.register_client(client_id, client_secret, redirect_uris)

    def issue_tokens(self, client_id: str, tenant: str) -> dict[str, Any]:
        """Skip the browser: the token answer a finished consent in ``tenant`` would give."""
        return self.identity.issue(client_id, tenant.lower())

    def seed_demo(self, company: str, *, invoices: int = 30) -> None:
        from .seed import seed_demo
        seed_demo(self, company.lower(), invoices=invoices)

    def seed_invoices(self, company: str, count: int) -> None:
        from .seed import seed_invoices
        seed_invoices(self, company.lower(), count)

    # --- inspection ----------------------------------------------------------------------------------------
    def environments(self, tenant: str) -> list[str]:
        return list(self.state.data["companies"].get(tenant.lower(), {}).get("environments", []))

    def companies(self, tenant: str) -> dict[str, dict[str, Any]]:
        return dict(self.state.data["companies"].get(tenant.lower(), {}).get("companies", {}))

    def get(self, company: str, entity_set: str, ident: str) -> dict[str, Any] | None:
        found = self.state.get(company.lower(), entity_set, ident)
        return None if found is None else public(found)

    def count(self, company: str, entity_set: str) -> int:
        return len(self.state.rows(company.lower(), entity_set))

    def advance_time(self, seconds: float) -> None:
        """Move the sandbox clock (token expiry, rate windows, lastModifiedDateTime) without sleeping."""
        self.state.clock_offset += seconds
