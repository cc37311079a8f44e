"""What the contract needs to know of a provider's wire that neither its connector nor its harness says.

Which call is the create of an object, and which idempotency key (if any) that call carries: that is how the
suite checks that unkeyed writes are never retried and keyed ones are retried with the same key. A provider
registered without a profile gets the rest of the suite and a clear failure here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import httpx

Match = Callable[[httpx.Request], bool]


@dataclass(frozen=True)
class Profile:
    #: object name → the path segments (last part of the URL, lower case) or RPC methods of its create call
    create_calls: dict[str, frozenset[str]]
    #: the provider's idempotency key on a call, None when the call carries none
    idempotency_key: Callable[[httpx.Request], str | None]
    #: how a create call is named: "path" (REST: last path segment) or "rpc" (JSON-RPC: the body's method)
    addressing: str = "path"
    #: objects the provider cannot list by modification time: their listing is whole whatever ``since`` says
    unfiltered: frozenset[str] = frozenset()

    def creates(self, object_name: str) -> Match:
        names = self.create_calls[object_name]

        def match(request: httpx.Request) -> bool:
            if self.addressing == "rpc":
                try:
                    method = json.loads(request.content or b"{}").get("method")
                except ValueError:
                    return False
                return method in names
            if request.method not in ("POST", "PUT"):
                return False
            return request.url.path.rstrip("/").rsplit("/", 1)[-1].lower() in names

        return match


PROFILES: dict[str, Profile] = {
    # QBO: every write carries requestid; a repeated requestid is answered with the first result.
    "quickbooks": Profile(
        create_calls={"invoice": frozenset({"invoice"}), "contact": frozenset({"customer", "vendor"}),
                      "account": frozenset({"account"}), "journal_entry": frozenset({"journalentry"}),
                      "attachment": frozenset({"upload"})},
        idempotency_key=lambda request: request.url.params.get("requestid"),
    ),
    # Xero: PUT/POST with an Idempotency-Key header.
    "xero": Profile(
        create_calls={"invoice": frozenset({"invoices"}), "contact": frozenset({"contacts"}),
                      "account": frozenset({"accounts"}), "journal_entry": frozenset({"manualjournals"})},
        idempotency_key=lambda request: request.headers.get("idempotency-key"),
        # No If-Modified-Since on these endpoints at Xero: the organisation, tax rates, tracking categories and
        # the attachments of documents (listed document by document).
        unfiltered=frozenset({"attachment", "company_info", "tax_rate", "tracking_category"}),
    ),
    # Tryton: JSON-RPC, no idempotency at all.
    "tryton": Profile(
        create_calls={"invoice": frozenset({"model.account.invoice.create"}),
                      "contact": frozenset({"model.party.party.create"}),
                      "account": frozenset({"model.account.account.create"}),
                      "journal_entry": frozenset({"model.account.move.create"}),
                      "attachment": frozenset({"model.ir.attachment.create"})},
        idempotency_key=lambda request: None,
        addressing="rpc",
        unfiltered=frozenset({"company_info"}),  # a company's name lives on its party: read again every time
    ),
}


def profile(provider: str) -> Profile:
    found = PROFILES.get(provider)
    if found is None:
        raise LookupError(f"no contract profile for {provider}: add one to tests/contract/profiles.py")
    return found
