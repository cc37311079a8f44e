"""``PennylaneSandbox``: the in-process handle tests and the demo use to set up and look into the simulated
Pennylane."""

from __future__ import annotations

import pathlib
from typing import Any

from ..faults import FaultPlan
from .identity import DEFAULT_SCOPE, Identity
from .ratelimit import RateLimiter
from .state import Company, Record, Store


class PennylaneSandbox:
    def __init__(self, path: pathlib.Path | None = None, *, time_scale: float = 1.0) -> None:
        self.store = Store(pathlib.Path(path) if path else None)
        self.identity = Identity(self.store)
        self.limiter = RateLimiter(self.store.now, time_scale=time_scale)
        self.faults = FaultPlan()

    def create_company(self, name: str = "Atelier Lumière SARL", reg_no: str = "842315790") -> int:
        """Idempotent by name: the demo restarting on its data keeps the same company."""
        with self.store.lock:
            for company in self.store.companies.values():
                if company.name == name:
                    return company.id
            company = Company(self.store.new_id(), name, reg_no)
            self.store.companies[company.id] = company
            self.store.save()
            return company.id

    def company(self, company_id: int) -> Company:
        return self.store.company(company_id)

    def register_client(self, client_id: str, secret: str, redirect_uris: list[str] | None = None) -> None:
        self.identity.register_client(client_id, secret, redirect_uris)

    def issue_tokens(self, client_id: str, company_id: int, scope: str = DEFAULT_SCOPE) -> dict[str, Any]:
        """The token answer a finished consent to ``company_id`` would give, without the browser."""
        return self.identity.issue(client_id, company_id, scope)

    def seed_demo(self, company_id: int) -> None:
        from .seed import seed_demo

        seed_demo(self, company_id)

    def seed_invoices(self, company_id: int, count: int) -> None:
        from .seed import seed_invoices

        seed_invoices(self, company_id, count)

    # --- looking in ------------------------------------------------------------------------------------------

    def get(self, company_id: int, collection: str, record_id: int) -> Record | None:
        return self.company(company_id).table(collection).get(record_id)

    def count(self, company_id: int, collection: str) -> int:
        return len(self.company(company_id).table(collection))

    def advance_time(self, seconds: float) -> None:
        """Move the sandbox's clock (token expiry, rate-limit windows, ``late`` invoices) without sleeping."""
        self.store.clock_offset += seconds
