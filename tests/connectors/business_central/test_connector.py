"""The Business Central connector against its sandbox: consent lists the companies, tokens refresh with
rotation, paging follows next links, If-Match guards updates, a posted invoice voids by cancellation."""

from __future__ import annotations

import time
import uuid
from decimal import Decimal
from typing import Any

import httpx
import pytest

from ledgerbridge.connectors.base import ConnectionContext, Ref, Refs
from ledgerbridge.connectors.business_central import BusinessCentralConnector
from ledgerbridge.connectors.business_central.spec import SPEC, granted_companies, sandbox_credentials
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.provider_spec import Grant
from ledgerbridge.errors import PreconditionFailed
from ledgerbridge.sandbox.business_central import BusinessCentralSandbox, contract, create_app
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceStatus
from tests.checked_transport import CheckedTransport

BASE = "http://bc.test"


@pytest.fixture
def sandbox() -> tuple[BusinessCentralSandbox, str]:
    sb = BusinessCentralSandbox()
    _, company = sb.create_tenant()
    sb.seed_demo(company)
    return sb, company


class Connected:
    def __init__(self, sb: BusinessCentralSandbox, company: str) -> None:
        self.sb, self.company = sb, company
        self.checked = CheckedTransport(httpx.ASGITransport(app=create_app(sb)), contract.check)
        self.http = ProviderHttp({"business_central": self.checked})
        self.saved: list[dict[str, Any]] = []
        self.context = ConnectionContext(uuid.uuid4(), uuid.uuid4(), "business_central",
                                         sandbox_credentials(sb, company, BASE), self._save)
        self.connector = BusinessCentralConnector(self.context, self.http)

    async def _save(self, credentials: dict[str, Any]) -> None:
        self.saved.append(credentials)


@pytest.fixture
async def bc(sandbox: tuple[BusinessCentralSandbox, str]) -> Any:
    connected = Connected(*sandbox)
    yield connected
    await connected.http.aclose()
    assert not connected.checked.violations, connected.checked.violations


async def test_consent_lists_the_tenants_companies(sandbox: tuple[BusinessCentralSandbox, str]) -> None:
    sb, company = sandbox
    sb.register_client("app", "secret")
    tenant = next(iter(sb.state.data["companies"]))
    token = sb.issue_tokens("app", tenant)
    oauth = SPEC.oauth
    assert oauth is not None
    aimed = oauth.with_app({"api_base": f"{BASE}/v2.0"})
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(sb))) as http:
        assert await granted_companies(Grant(aimed, token, {}, http)) == [company]


async def test_an_expired_token_is_refreshed_and_the_refresh_token_rotates(bc: Connected) -> None:
    first_refresh = bc.context.credentials["refresh_token"]
    bc.context.credentials["expires_at"] = time.time() - 10
    pages = [page async for page in bc.connector.pages("tax_rate")]
    assert len(pages[0]) == 3
    assert bc.saved and bc.saved[-1]["refresh_token"] != first_refresh
    assert bc.saved[-1]["expires_at"] > time.time() + 3000


async def test_small_pages_follow_next_links(bc: Connected) -> None:
    bc.connector.page_size = 7
    pages = [page async for page in bc.connector.pages("invoice")]
    keys = [r.remote_key for page in pages for r in page]
    assert max(len(p) for p in pages) <= 7 and len(keys) == len(set(keys))
    assert len(keys) == bc.sb.count(bc.company, "salesInvoices") + bc.sb.count(bc.company, "purchaseInvoices")


async def _customer(bc: Connected) -> tuple[uuid.UUID, Refs]:
    customer = next(iter(bc.sb.state.rows(bc.company, "customers").values()))
    unified = uuid.uuid4()
    return unified, Refs({unified: Ref("contact", f"customers/{customer['id']}", customer["id"])})


async def test_stale_if_match_is_refused_and_a_posted_invoice_voids_by_cancel(bc: Connected) -> None:
    contact_id, refs = await _customer(bc)
    body = InvoiceInput.model_validate({"type": "ACCOUNTS_RECEIVABLE", "number": "T-1", "contact_id": str(contact_id),
                                        "status": "OPEN", "line_items": [{"description": "x", "quantity": 2,
                                                                          "unit_price": "12.50"}]})
    created = await bc.connector.create("invoice", body, refs, request_key="k1")
    data: Any = created.record.data
    assert data.status == InvoiceStatus.OPEN and data.total_amount == Decimal("25.00")
    assert created.warnings and created.warnings[0].field == "line_items[0].account_id"
    with pytest.raises(PreconditionFailed):
        await bc.connector.void("invoice", created.record.remote_key, expected_version='W/"stale"',
                                request_key="k2")
    version = bc.connector.version(created.record.remote_data)
    voided = await bc.connector.void("invoice", created.record.remote_key, expected_version=version,
                                     request_key="k3")
    assert voided.record.data.status == InvoiceStatus.VOID  # type: ignore[attr-defined]
    assert bc.connector.version(voided.record.remote_data) != version
    memos = [r for page in [p async for p in bc.connector.pages("credit_note")] for r in page]
    assert any(r.remote_data and r.remote_data.get("invoiceId") == created.record.remote_id for r in memos)


async def test_journal_entries_post_and_group_across_page_boundaries(bc: Connected) -> None:
    from ledgerbridge.unified.journal_entry import JournalEntryInput

    accounts = {a["number"]: a["id"] for a in bc.sb.state.rows(bc.company, "accounts").values()}
    refs_map = {uuid.uuid4(): number for number in ("60100", "10100", "10200")}
    refs = Refs({u: Ref("account", accounts[n], accounts[n]) for u, n in refs_map.items()})
    rent, checking, savings = list(refs_map)
    for i, lines in enumerate(([(rent, "500"), (checking, "-500")],
                               [(rent, "90"), (checking, "-40"), (savings, "-50")])):
        body = JournalEntryInput.model_validate({"memo": f"Entry {i}", "transaction_date": "2026-11-30",
                                                 "line_items": [{"account_id": str(a), "net_amount": amount}
                                                                for a, amount in lines]})
        await bc.connector.create("journal_entry", body, refs, request_key=f"je-{i}")
    bc.connector.page_size = 2
    records = [r for page in [p async for p in bc.connector.pages("journal_entry")] for r in page]
    assert [len(r.data.line_items) for r in records] == [2, 3]  # type: ignore[attr-defined]
    third: Any = records[1].data.line_items[2]  # type: ignore[attr-defined]
    assert third.credit == Decimal("50") and third.account_id == bc.context.ref("account", accounts["10200"])
    assert not bc.sb.state.rows(bc.company, "journalLines")  # posted: the journal is empty again
