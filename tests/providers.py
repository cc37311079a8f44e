"""One harness per provider, so the end-to-end suite runs unchanged on every connector.

A harness gives the suite what differs between providers: how to connect a tenant, how to look at the provider's
side (a sandbox's state, or a real Tryton database), how to inject faults where the provider is simulated, and
how to make many invoices quickly. Loaded as a pytest plugin by ``tests/conftest.py``.
"""

from __future__ import annotations

import inspect
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from ledgerbridge.connectors.quickbooks.spec import sandbox_credentials as quickbooks_credentials
from ledgerbridge.connectors.xero.spec import sandbox_credentials as xero_credentials
from ledgerbridge.runtime import Runtime
from ledgerbridge.sandbox.faults import FaultPlan
from ledgerbridge.sync.engine import sync_connection
from ledgerbridge.unified.invoice import InvoiceInput
from tests.contract.profiles import Profile
from tests.factories import Tenant, connected_tenant

PROVIDERS = ["quickbooks", "xero", "tryton", "freeagent", "sage", "business_central", "moneybird", "pennylane"]

#: Where the tests' Tryton server listens: a loopback address of its own, allowed past the egress policy like an
#: operator's ERP, so every other internal address (127.0.0.1 included) stays refused in the SSRF tests.
TRYTON_HOST = "127.0.0.2"
TEST_EGRESS = [f"{TRYTON_HOST}/32"]


class Harness:
    name: str
    #: how the contract suite (tests/contract) recognises this provider's create calls and idempotency keys
    contract: Profile | None = None
    #: a sandbox's fault plan; None for a real server, where faults cannot be injected
    faults: FaultPlan | None = None
    #: path fragment of the provider call that creates an invoice (for targeted faults)
    invoice_write_path = ""
    invoice_write_method = "POST"
    #: how many invoices the pagination test lists (a real ERP makes them one by one)
    bulk_invoices = 250
    #: the provider refuses a second receivable invoice with the same number
    rejects_duplicate_numbers = True
    #: the provider keeps the caller's invoice number (Tryton numbers customer invoices itself)
    keeps_number = True
    #: creates carry the provider's idempotency key, so one that failed is retried (Moneybird's carry none)
    keyed_creates = True

    @staticmethod
    def remote_total(remote: dict[str, Any]) -> Decimal:
        """The invoice total as the provider itself states it."""
        raise NotImplementedError

    def bill_account(self, accounts: list[dict[str, Any]]) -> dict[str, Any]:
        """An account a supplier bill's line may be booked to."""
        return next(a for a in accounts if a["classification"] == "EXPENSE")

    def transports(self) -> dict[str, httpx.AsyncBaseTransport]:
        return {}

    def checked(self, app: Any, check: Any) -> httpx.AsyncBaseTransport:
        """The sandbox ``app`` behind a transport that checks every exchange against the provider's official
        contract (tests/checked_transport.py); what it finds is :meth:`contract_violations`."""
        from tests.checked_transport import CheckedTransport

        transport = CheckedTransport(httpx.ASGITransport(app=app), check)
        self.__dict__.setdefault("_checked", []).append(transport)
        return transport

    def contract_violations(self) -> list[str]:
        """What the sandbox's exchanges broke of the provider's official contract."""
        return [violation for transport in self.__dict__.get("_checked", []) for violation in transport.violations]

    def credentials(self) -> tuple[dict[str, Any], str]:
        raise NotImplementedError

    async def invoice_count(self) -> int:
        """How many invoices (receivable and payable) the provider holds."""
        raise NotImplementedError

    async def remote_invoice(self, remote_id: str, *, payable: bool = False) -> dict[str, Any] | None:
        raise NotImplementedError

    async def seed_invoices(self, runtime: Runtime, tenant: Tenant, count: int) -> None:
        raise NotImplementedError

    async def tenant(self, runtime: Runtime) -> Tenant:
        credentials, account = self.credentials()
        return await connected_tenant(runtime, provider=self.name, credentials=credentials, account_id=account)


class QuickBooksHarness(Harness):
    name = "quickbooks"
    # Every write carries requestid; a repeated requestid is answered with the first result.
    contract = Profile(
        create_calls={"invoice": frozenset({"invoice"}), "contact": frozenset({"customer", "vendor"}),
                      "account": frozenset({"account"}), "journal_entry": frozenset({"journalentry"}),
                      "attachment": frozenset({"upload"})},
        idempotency_key=lambda request: request.url.params.get("requestid"),
    )
    invoice_write_path = "/invoice"

    def __init__(self) -> None:
        from ledgerbridge.sandbox.quickbooks import QuickBooksSandbox

        self.sandbox = QuickBooksSandbox()
        self.realm = self.sandbox.create_realm()
        self.sandbox.seed_demo(self.realm)
        self.faults = self.sandbox.faults

    def transports(self) -> dict[str, httpx.AsyncBaseTransport]:
        from ledgerbridge.sandbox.quickbooks import create_app

        return {"quickbooks": httpx.ASGITransport(app=create_app(self.sandbox))}

    def credentials(self) -> tuple[dict[str, Any], str]:
        return quickbooks_credentials(self.sandbox, self.realm, "http://qbo"), self.realm

    @staticmethod
    def remote_total(remote: dict[str, Any]) -> Decimal:
        return Decimal(str(remote["TotalAmt"]))

    async def invoice_count(self) -> int:
        return self.sandbox.count(self.realm, "Invoice") + self.sandbox.count(self.realm, "Bill")

    async def remote_invoice(self, remote_id: str, *, payable: bool = False) -> dict[str, Any] | None:
        return self.sandbox.entity(self.realm, "Bill" if payable else "Invoice", remote_id)

    async def seed_invoices(self, runtime: Runtime, tenant: Tenant, count: int) -> None:
        self.sandbox.seed_invoices(self.realm, count)
        await sync_connection(runtime, tenant.connection)


class XeroHarness(Harness):
    name = "xero"
    # PUT/POST with an Idempotency-Key header.
    contract = Profile(
        create_calls={"invoice": frozenset({"invoices"}), "contact": frozenset({"contacts"}),
                      "account": frozenset({"accounts"}), "journal_entry": frozenset({"manualjournals"})},
        idempotency_key=lambda request: request.headers.get("idempotency-key"),
        # No If-Modified-Since on these endpoints at Xero: the organisation, tax rates, tracking categories and
        # the attachments of documents (listed document by document).
        unfiltered=frozenset({"attachment", "company_info", "tax_rate", "tracking_category"}),
    )
    invoice_write_path = "/Invoices"
    invoice_write_method = "PUT"

    def __init__(self) -> None:
        from ledgerbridge.sandbox.xero import XeroSandbox

        self.sandbox = XeroSandbox()
        self.tenant_id = self.sandbox.create_tenant()
        self.sandbox.seed_demo(self.tenant_id)
        self.faults = self.sandbox.faults

    def transports(self) -> dict[str, httpx.AsyncBaseTransport]:
        from ledgerbridge.sandbox.xero import create_app

        return {"xero": httpx.ASGITransport(app=create_app(self.sandbox))}

    def credentials(self) -> tuple[dict[str, Any], str]:
        return xero_credentials(self.sandbox, self.tenant_id, "http://xero"), self.tenant_id

    @staticmethod
    def remote_total(remote: dict[str, Any]) -> Decimal:
        return Decimal(str(remote["Total"]))

    async def invoice_count(self) -> int:
        return self.sandbox.count(self.tenant_id, "Invoices")

    async def remote_invoice(self, remote_id: str, *, payable: bool = False) -> dict[str, Any] | None:
        return self.sandbox.get(self.tenant_id, "Invoices", remote_id)

    async def seed_invoices(self, runtime: Runtime, tenant: Tenant, count: int) -> None:
        self.sandbox.seed_invoices(self.tenant_id, count)
        await sync_connection(runtime, tenant.connection)


class TrytonHarness(Harness):
    """A real Tryton server: its own fresh database per test, no faults to inject."""

    name = "tryton"
    # JSON-RPC, no idempotency at all.
    contract = Profile(
        create_calls={"invoice": frozenset({"model.account.invoice.create"}),
                      "contact": frozenset({"model.party.party.create"}),
                      "account": frozenset({"model.account.account.create"}),
                      "journal_entry": frozenset({"model.account.move.create"}),
                      "attachment": frozenset({"model.ir.attachment.create"})},
        idempotency_key=lambda request: None,
        addressing="rpc",
        unfiltered=frozenset({"company_info"}),  # a company's name lives on its party: read again every time
    )
    bulk_invoices = 12
    rejects_duplicate_numbers = False  # Tryton numbers customer invoices itself and keeps ours as the reference
    keeps_number = False

    @staticmethod
    def remote_total(remote: dict[str, Any]) -> Decimal:
        return Decimal(str(remote["total_amount"]))

    def __init__(self, server: Any) -> None:
        from ledgerbridge.connectors.http import ProviderHttp
        from ledgerbridge.connectors.tryton.client import TrytonRpc

        self.server = server
        self.database = server.new_database()
        self._http = ProviderHttp()
        self.rpc = TrytonRpc(self._http, server.credentials(self.database))

    def credentials(self) -> tuple[dict[str, Any], str]:
        return self.server.credentials(self.database), self.database

    def bill_account(self, accounts: list[dict[str, Any]]) -> dict[str, Any]:
        # Tryton's universal chart files depreciation under the income statement too; take the book's expense
        # account, the one its product categories use.
        wanted = str(self.server.manifest["accounts"]["expense"])
        return next(a for a in accounts if a["remote_id"] == wanted)

    async def invoice_count(self) -> int:
        return int(await self.rpc.model("account.invoice", "search_count", []))

    async def remote_invoice(self, remote_id: str, *, payable: bool = False) -> dict[str, Any] | None:
        rows = await self.rpc.read("account.invoice", [int(remote_id)], ["id", "type", "state", "total_amount"])
        return rows[0] if rows else None

    async def seed_invoices(self, runtime: Runtime, tenant: Tenant, count: int) -> None:
        # Through the connector, as any caller would: Tryton has no bulk import to lean on.
        connector = runtime.connector(tenant.connection)
        from ledgerbridge.store import records
        from ledgerbridge.store.records import Scope

        async with runtime.engine.connect() as db:
            rows = await records.page(db, Scope(tenant.project_id, tenant.connection.id), "contact",
                                      after=None, before=None, limit=100, with_remote_data=False)
        from ledgerbridge import wire
        from ledgerbridge.connectors.base import Ref, Refs

        customer = next(r for r in rows if wire.loads(r.data).get("is_customer"))
        ref = Ref("contact", f"party.party/{customer.remote_id}", customer.remote_id)
        refs = Refs({uuid.UUID(customer.id): ref})
        for i in range(count):
            body = InvoiceInput.model_validate({
                "type": "ACCOUNTS_RECEIVABLE", "status": "DRAFT", "contact_id": customer.id,
                "line_items": [{"description": f"Bulk {i}", "quantity": 1, "unit_price": Decimal(10 + i)}],
            })
            await connector.create("invoice", body, refs, request_key=str(uuid.uuid4()))
        await sync_connection(runtime, tenant.connection)

    async def close(self) -> None:
        await self._http.aclose()


class FreeAgentHarness(Harness):
    name = "freeagent"

    @staticmethod
    def reference(request: httpx.Request) -> str | None:
        """FreeAgent has no idempotency key; a document's unique ``reference`` is what makes a retried create safe."""
        if request.method != "POST" or not request.content:
            return None
        import json

        body = json.loads(request.content)
        document = body.get("invoice") or body.get("bill") or {}
        return document.get("reference") if isinstance(document, dict) else None

    # No idempotency key: a create is retried only when it carries a reference (unique at FreeAgent).
    contract = Profile(
        create_calls={"invoice": frozenset({"invoices", "bills"}), "contact": frozenset({"contacts"}),
                      "journal_entry": frozenset({"journal_sets"})},
        idempotency_key=reference,  # a staticmethod is callable as it is
        # Categories, price list items, projects, journal sets, the company and the fixed VAT rates take no
        # updated_since.
        unfiltered=frozenset({"account", "item", "company_info", "tax_rate", "tracking_category", "journal_entry"}),
    )
    invoice_write_path = "/v2/invoices"

    def __init__(self) -> None:
        from ledgerbridge.sandbox.freeagent import FreeAgentSandbox

        self.sandbox = FreeAgentSandbox()
        self.company = self.sandbox.create_company()
        self.sandbox.seed_demo(self.company)
        self.faults = self.sandbox.faults

    def transports(self) -> dict[str, httpx.AsyncBaseTransport]:
        from ledgerbridge.sandbox.freeagent import contract, create_app

        return {"freeagent": self.checked(create_app(self.sandbox), contract.check)}

    def credentials(self) -> tuple[dict[str, Any], str]:
        from ledgerbridge.connectors.freeagent.spec import sandbox_credentials

        return sandbox_credentials(self.sandbox, self.company, "http://freeagent"), self.company

    @staticmethod
    def remote_total(remote: dict[str, Any]) -> Decimal:
        return Decimal(str(remote["total_value"]))

    async def invoice_count(self) -> int:
        return self.sandbox.count(self.company, "invoices") + self.sandbox.count(self.company, "bills")

    async def remote_invoice(self, remote_id: str, *, payable: bool = False) -> dict[str, Any] | None:
        return self.sandbox.get(self.company, "bills" if payable else "invoices", remote_id)

    async def seed_invoices(self, runtime: Runtime, tenant: Tenant, count: int) -> None:
        self.sandbox.seed_invoices(self.company, count)
        await sync_connection(runtime, tenant.connection)


class BusinessCentralHarness(Harness):
    """The Business Central sandbox, every exchange held to Microsoft's v1.0 OpenAPI contract."""

    name = "business_central"

    def _sales_invoice_number(request: httpx.Request) -> str | None:  # type: ignore[misc]  # class-body helper
        """A Business Central sales invoice's ``number`` in a create's body (its natural idempotency key)."""
        import json

        if not request.url.path.endswith("/salesInvoices") or not request.content:
            return None
        number = json.loads(request.content).get("number")
        return None if number is None else str(number)

    # POST to the entity set. Business Central has no idempotency key; a sales invoice's own number is unique
    # there, so a create that carries one is retried with it (the connector's natural key), others go once.
    contract = Profile(
        create_calls={"invoice": frozenset({"salesinvoices", "purchaseinvoices"}),
                      "contact": frozenset({"customers", "vendors"}),
                      "journal_entry": frozenset({"journallines"})},
        idempotency_key=_sales_invoice_number,
    )
    invoice_write_path = "/salesInvoices"

    def __init__(self) -> None:
        from ledgerbridge.sandbox.business_central import BusinessCentralSandbox

        self.sandbox = BusinessCentralSandbox()
        _, self.company = self.sandbox.create_tenant()
        self.sandbox.seed_demo(self.company)
        self.faults = self.sandbox.faults

    def transports(self) -> dict[str, httpx.AsyncBaseTransport]:
        from ledgerbridge.sandbox.business_central import contract, create_app

        return {"business_central": self.checked(create_app(self.sandbox), contract.check)}

    def credentials(self) -> tuple[dict[str, Any], str]:
        from ledgerbridge.connectors.business_central.spec import sandbox_credentials

        return sandbox_credentials(self.sandbox, self.company, "http://business-central"), self.company

    @staticmethod
    def remote_total(remote: dict[str, Any]) -> Decimal:
        return Decimal(str(remote["totalAmountIncludingTax"]))

    async def invoice_count(self) -> int:
        return self.sandbox.count(self.company, "salesInvoices") + self.sandbox.count(self.company, "purchaseInvoices")

    async def remote_invoice(self, remote_id: str, *, payable: bool = False) -> dict[str, Any] | None:
        return self.sandbox.get(self.company, "purchaseInvoices" if payable else "salesInvoices", remote_id)

    async def seed_invoices(self, runtime: Runtime, tenant: Tenant, count: int) -> None:
        self.sandbox.seed_invoices(self.company, count)
        await sync_connection(runtime, tenant.connection)


class SageHarness(Harness):
    name = "sage"
    # Creates carry Sage's idempotency_id inside the record's object.
    contract = Profile(
        create_calls={"invoice": frozenset({"sales_invoices", "purchase_invoices"}),
                      "contact": frozenset({"contacts"}), "account": frozenset({"ledger_accounts"}),
                      "journal_entry": frozenset({"journals"})},
        idempotency_key=lambda request: SageHarness.idempotency_id(request),
        # No updated_or_created_since at Sage's core API: the business is read whole.
        unfiltered=frozenset({"company_info"}),
    )
    invoice_write_path = "/sales_invoices"

    @staticmethod
    def idempotency_id(request: httpx.Request) -> str | None:
        """Sage's idempotency_id, inside the body's one record object (``{"sales_invoice": {...}}``)."""
        import json

        try:
            body = json.loads(request.content or b"{}")
        except ValueError:
            return None
        inner = next(iter(body.values()), None) if isinstance(body, dict) and len(body) == 1 else None
        return str(inner["idempotency_id"]) if isinstance(inner, dict) and inner.get("idempotency_id") else None

    def __init__(self) -> None:
        from ledgerbridge.sandbox.sage import SageSandbox

        self.sandbox = SageSandbox()
        self.business = self.sandbox.create_business()
        self.sandbox.seed_demo(self.business)
        self.faults = self.sandbox.faults

    def transports(self) -> dict[str, httpx.AsyncBaseTransport]:
        from ledgerbridge.sandbox.sage import create_app
        from ledgerbridge.sandbox.sage.contract import check

        return {"sage": self.checked(create_app(self.sandbox), check)}

    def credentials(self) -> tuple[dict[str, Any], str]:
        from ledgerbridge.connectors.sage.spec import sandbox_credentials

        return sandbox_credentials(self.sandbox, self.business, "http://sage"), self.business

    @staticmethod
    def remote_total(remote: dict[str, Any]) -> Decimal:
        return Decimal(str(remote["total_amount"]))

    async def invoice_count(self) -> int:
        return self.sandbox.count(self.business, "sales_invoices") + self.sandbox.count(self.business,
                                                                                       "purchase_invoices")

    async def remote_invoice(self, remote_id: str, *, payable: bool = False) -> dict[str, Any] | None:
        return self.sandbox.get(self.business, "purchase_invoices" if payable else "sales_invoices", remote_id)

    async def seed_invoices(self, runtime: Runtime, tenant: Tenant, count: int) -> None:
        self.sandbox.seed_invoices(self.business, count)
        await sync_connection(runtime, tenant.connection)


class MoneybirdHarness(Harness):
    """The Moneybird sandbox; every exchange held to Moneybird's OpenAPI document (CheckedTransport)."""

    name = "moneybird"
    # POST to the collection; Moneybird has no idempotency key, so no create carries one.
    contract = Profile(
        create_calls={"invoice": frozenset({"sales_invoices.json", "purchase_invoices.json"}),
                      "contact": frozenset({"contacts.json"}), "account": frozenset({"ledger_accounts.json"}),
                      "journal_entry": frozenset({"general_journal_documents.json"})},
        idempotency_key=lambda request: None,
        # administrations and projects carry no update time: listed whole every time
        unfiltered=frozenset({"company_info", "tracking_category"}),
    )
    invoice_write_path = "/sales_invoices.json"
    rejects_duplicate_numbers = False  # Moneybird numbers sales invoices itself when they are sent
    keeps_number = False
    keyed_creates = False  # Moneybird has no idempotency key: a failed create is never sent again

    def __init__(self) -> None:
        from ledgerbridge.sandbox.moneybird import MoneybirdSandbox

        # Moneybird's quota (150 calls per 5 minutes) would pace the suites; they test answers, not the quota.
        self.sandbox = MoneybirdSandbox(rate_limit=1_000_000)
        self.admin = self.sandbox.create_administration()
        self.sandbox.seed_demo(self.admin)
        self.faults = self.sandbox.faults

    def transports(self) -> dict[str, httpx.AsyncBaseTransport]:
        from ledgerbridge.sandbox.moneybird import contract, create_app

        return {"moneybird": self.checked(create_app(self.sandbox), contract.check)}

    def credentials(self) -> tuple[dict[str, Any], str]:
        from ledgerbridge.connectors.moneybird.spec import sandbox_credentials

        credentials = sandbox_credentials(self.sandbox, self.admin, "http://moneybird")
        return {**credentials, "rate_per_minute": 1_000_000}, self.admin

    def bill_account(self, accounts: list[dict[str, Any]]) -> dict[str, Any]:
        return next(a for a in accounts if a["type"] == "expenses")

    @staticmethod
    def remote_total(remote: dict[str, Any]) -> Decimal:
        return Decimal(str(remote["total_price_incl_tax"]))

    async def invoice_count(self) -> int:
        return self.sandbox.count(self.admin, "sales_invoices") + self.sandbox.count(self.admin, "purchase_invoices")

    async def remote_invoice(self, remote_id: str, *, payable: bool = False) -> dict[str, Any] | None:
        return self.sandbox.get(self.admin, "purchase_invoices" if payable else "sales_invoices", remote_id)

    async def seed_invoices(self, runtime: Runtime, tenant: Tenant, count: int) -> None:
        self.sandbox.seed_invoices(self.admin, count)
        await sync_connection(runtime, tenant.connection)


class PennylaneHarness(Harness):
    """The Pennylane sandbox, every exchange held to Pennylane's official OpenAPI document."""

    name = "pennylane"
    # No idempotency key at Pennylane: creates are sent once.
    contract = Profile(
        create_calls={"invoice": frozenset({"customer_invoices"}),
                      "contact": frozenset({"company_customers", "suppliers"}),
                      "journal_entry": frozenset({"ledger_entries"})},
        idempotency_key=lambda request: None,
        # No change feed for these: the chart, the analytic categories, the company, the VAT codes.
        unfiltered=frozenset({"account", "company_info", "tax_rate", "tracking_category"}),
    )
    invoice_write_path = "/customer_invoices"
    rejects_duplicate_numbers = False  # Pennylane numbers invoices itself; ours is its external_reference
    keeps_number = False
    keyed_creates = False  # no idempotency key at Pennylane: a failed create is never sent again

    def __init__(self) -> None:
        from ledgerbridge.sandbox.pennylane import PennylaneSandbox

        self.sandbox = PennylaneSandbox()
        # Pennylane's quota (25 calls per 5 s) would pace the suites; they test answers, not the quota (the
        # sandbox's own tests hold it to the limit).
        self.sandbox.limiter.per_window = 1_000_000
        self.company = self.sandbox.create_company()
        self.sandbox.seed_demo(self.company)
        self.faults = self.sandbox.faults

    def transports(self) -> dict[str, httpx.AsyncBaseTransport]:
        from ledgerbridge.sandbox.pennylane import contract, create_app

        return {"pennylane": self.checked(create_app(self.sandbox), contract.check)}

    def credentials(self) -> tuple[dict[str, Any], str]:
        from ledgerbridge.connectors.pennylane.spec import sandbox_credentials

        credentials = sandbox_credentials(self.sandbox, str(self.company), "http://pennylane")
        return {**credentials, "rate_per_minute": 1_000_000}, str(self.company)

    @staticmethod
    def remote_total(remote: dict[str, Any]) -> Decimal:
        return Decimal(str(remote["currency_amount"]))

    async def invoice_count(self) -> int:
        return self.sandbox.count(self.company, "customer_invoices") + self.sandbox.count(
            self.company, "supplier_invoices")

    async def remote_invoice(self, remote_id: str, *, payable: bool = False) -> dict[str, Any] | None:
        collection = "supplier_invoices" if payable else "customer_invoices"
        return self.sandbox.get(self.company, collection, int(remote_id))

    async def seed_invoices(self, runtime: Runtime, tenant: Tenant, count: int) -> None:
        self.sandbox.seed_invoices(self.company, count)
        await sync_connection(runtime, tenant.connection)


@pytest.fixture(scope="session")
def tryton_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    pytest.importorskip("trytond")
    pytest.importorskip("proteus")
    from ledgerbridge.connectors.tryton.testing import TrytonServer, ensure_book

    started = time.monotonic()
    book = ensure_book()
    built = time.monotonic()
    server = TrytonServer(tmp_path_factory.mktemp("tryton"), book, host=TRYTON_HOST)
    server.start()
    print(f"\n[tryton] book ready in {built - started:.1f}s, server up in {time.monotonic() - built:.1f}s")
    yield server
    server.stop()


def harness_class(provider: str) -> type[Harness]:
    pending: list[type[Harness]] = [Harness]
    while pending:
        cls = pending.pop()
        if getattr(cls, "name", None) == provider:
            return cls
        pending += cls.__subclasses__()
    raise LookupError(f"no harness for {provider}: add a Harness subclass to tests/providers.py")


def build_harness(provider: str, request: pytest.FixtureRequest) -> Harness:
    """The provider's harness; a constructor parameter ``server`` is the session fixture ``<provider>_server``."""
    cls = harness_class(provider)
    wanted = [name for name in inspect.signature(cls.__init__).parameters if name != "self"]
    kwargs = {name: request.getfixturevalue(f"{provider}_{name}") for name in wanted}
    return cls(**kwargs)


@pytest.fixture(params=PROVIDERS)
async def provider(
    request: pytest.FixtureRequest, transports: dict[str, httpx.AsyncBaseTransport]
) -> AsyncIterator[Harness]:
    harness = build_harness(request.param, request)
    transports.update(harness.transports())
    yield harness
    close = getattr(harness, "close", None)
    if close is not None:
        await close()
    assert not harness.contract_violations(), "\n".join(harness.contract_violations())


@pytest.fixture
async def tenant(runtime: Runtime, provider: Harness) -> Tenant:
    return await provider.tenant(runtime)


@pytest.fixture
async def api(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    from tests.factories import api_client

    async with api_client(runtime) as client:
        yield client
