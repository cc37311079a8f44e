"""``XeroSandbox``: the in-process handle tests and the demo use to set up and inspect the simulated Xero."""

from __future__ import annotations

import pathlib
import uuid
from typing import Any

from ..faults import FaultPlan
from .dates import ms_date
from .identity import DEFAULT_SCOPE, Identity
from .ratelimit import RateLimiter
from .registry import kind
from .state import NAMESPACE, Store


class XeroSandbox:
    provider_name = "Ledgerbridge Xero Sandbox"

    def __init__(self, path: pathlib.Path | None = None, *, time_scale: float = 1.0, rate_per_minute: int = 60,
                 max_concurrent: int = 5, rate_per_day: int = 5000) -> None:
        self.store = Store(pathlib.Path(path) if path else None)
        self.identity = Identity(self.store)
        self.limiter = RateLimiter(self.store.now, per_minute=rate_per_minute, concurrent=max_concurrent,
                                   per_day=rate_per_day, time_scale=time_scale)
        self.faults = FaultPlan(forget_keys=self.store.forget_idempotency_keys, key_memory=self._keep_keys)

    def _keep_keys(self, count: int) -> None:
        self.store.idempotency_keep = count

    # -- setup ----------------------------------------------------------------------------------
    def create_tenant(self, tenant_id: str | None = None, *, name: str = "Demo Company (Global)", country: str = "NZ",
                      currency: str = "NZD") -> str:
        """Idempotent: without an id, the same name always yields the same tenant."""
        tenant = (tenant_id or str(uuid.uuid5(NAMESPACE, f"tenant/{name}"))).lower()
        with self.store.lock:
            if self.store.db.execute("SELECT 1 FROM tenants WHERE id=?", (tenant,)).fetchone():
                return tenant
            created = int(self.store.now() * 1000)
            self.store.db.execute("INSERT INTO tenants VALUES (?,?,?,?,?)", (tenant, name, country, currency, created))
            org = {
                "OrganisationID": tenant, "APIKey": "", "Name": name, "LegalName": name, "PaysTax": True,
                "Version": country if country in ("AU", "NZ", "UK", "US") else "GLOBAL",
                "OrganisationType": "COMPANY", "BaseCurrency": currency, "CountryCode": country,
                "IsDemoCompany": True, "OrganisationStatus": "ACTIVE", "TaxNumber": "101-093-203",
                "FinancialYearEndDay": 31, "FinancialYearEndMonth": 3, "SalesTaxBasis": "PAYMENTS",
                "SalesTaxPeriod": "TWOMONTHS", "DefaultSalesTax": "Tax Exclusive",
                "DefaultPurchasesTax": "Tax Inclusive", "CreatedDateUTC": ms_date(created, offset=False),
                "OrganisationEntityType": "COMPANY", "Timezone": "NEWZEALANDSTANDARDTIME",
                "ShortCode": "!" + tenant[:5], "Edition": "BUSINESS", "Class": "DEMO", "LineOfBusiness": "Sandbox",
                "Addresses": [], "Phones": [], "ExternalLinks": [], "PaymentTerms": {}}
            self.store.put(tenant, "Organisations", tenant, org, updated_ms=created)
        return tenant

    def tenant_names(self) -> list[tuple[str, str]]:
        with self.store.lock:
            return [(r[0], r[1]) for r in self.store.db.execute("SELECT id, name FROM tenants ORDER BY created_ms, id")]

    def register_client(self, client_id: str, client_secret: str, redirect_uris: list[str] | None = None) -> None:
        self.identity.register_client(client_id, client_secret, redirect_uris)

    def issue_tokens(self, client_id: str, tenant_ids: list[str]) -> dict[str, Any]:
        """Skip the browser: the token JSON a finished consent would give, with those tenants connected."""
        return self.identity.issue(client_id, [t.lower() for t in tenant_ids], DEFAULT_SCOPE)

    def seed_demo(self, tenant_id: str, *, invoices: int = 12) -> None:
        from .seed import seed_demo
        seed_demo(self, tenant_id.lower(), invoices=invoices)

    def seed_invoices(self, tenant_id: str, count: int) -> None:
        from .seed import seed_invoices
        seed_invoices(self, tenant_id.lower(), count)

    # -- inspection -----------------------------------------------------------------------------
    def get(self, tenant_id: str, collection: str, object_id: str) -> dict[str, Any] | None:
        return self.store.get(tenant_id.lower(), kind(collection).name, object_id)

    def count(self, tenant_id: str, collection: str) -> int:
        return self.store.count(tenant_id.lower(), kind(collection).name)

    def advance_time(self, seconds: float) -> None:
        """Move the sandbox clock (token expiry, rate-limit windows, UpdatedDateUTC) without sleeping."""
        self.store.clock_offset += seconds
