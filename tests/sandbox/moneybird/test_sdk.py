"""The moneybird SDK (``moneybird==0.1.3`` on PyPI, Moneybird's own small client), unmodified, against the sandbox
served by uvicorn: its OAuth flow, then contacts and sales invoices created, listed, read and updated.

The SDK is pointed at the sandbox through its class attributes (``MoneyBird.base_url``,
``OAuthAuthentication.base_url``), on subclasses so nothing global changes. Every exchange it makes is also held
to Moneybird's OpenAPI document through a requests response hook.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
import requests

from ledgerbridge.sandbox.moneybird import contract
from tests.sandbox.moneybird.conftest import LiveServer

moneybird = pytest.importorskip("moneybird")
CLIENT_ID, CLIENT_SECRET = "sdk-client", "sdk-secret"


def _checked(violations: list[str]) -> Any:
    def hook(response: requests.Response, *args: Any, **kwargs: Any) -> None:
        sent = response.request
        body = sent.body.encode() if isinstance(sent.body, str) else sent.body
        request = httpx.Request(str(sent.method), str(sent.url), content=body or b"")
        violations.extend(contract.check(request, httpx.Response(response.status_code, content=response.content,
                                                                 request=request)))

    return hook


@pytest.fixture
def sdk(live: LiveServer) -> Any:
    """A MoneyBird client that went through the SDK's own OAuth flow against the sandbox."""
    redirect = "http://localhost:9/callback"
    live.sb.register_client(CLIENT_ID, CLIENT_SECRET, [redirect])

    class LocalOAuth(moneybird.OAuthAuthentication):  # type: ignore[misc,name-defined]
        base_url = f"{live.url}/oauth/"

    class LocalMoneyBird(moneybird.MoneyBird):  # type: ignore[misc,name-defined]
        base_url = f"{live.url}/api/"

    auth = LocalOAuth(redirect, CLIENT_ID, CLIENT_SECRET)
    url, state = auth.authorize_url(["sales_invoices", "documents", "settings"])
    consent = requests.get(url, timeout=10)
    assert consent.status_code == 200
    allowed = requests.post(url, data={"decision": "allow"}, allow_redirects=False, timeout=10)
    assert allowed.status_code == 302
    token = auth.obtain_token(allowed.headers["location"], state)
    assert token
    client = LocalMoneyBird(auth)
    client.violations = []
    client.session.hooks["response"].append(_checked(client.violations))
    return client


def test_sdk_administrations_contacts_and_invoices(sdk: Any, live: LiveServer) -> None:
    admins = sdk.get("administrations")
    assert [a["id"] for a in admins] == [live.admin]
    admin = admins[0]["id"]

    contact = sdk.post("contacts", {"contact": {"company_name": "SDK Klant", "city": "Zwolle"}}, admin)
    assert contact["company_name"] == "SDK Klant"
    assert sdk.get(f"contacts/{contact['id']}", admin)["city"] == "Zwolle"
    updated = sdk.patch(f"contacts/{contact['id']}", {"contact": {"city": "Deventer"}}, admin)
    assert updated["city"] == "Deventer"
    assert contact["id"] in {c["id"] for c in sdk.get("contacts", admin)}

    rate = next(r for r in sdk.get("tax_rates", admin) if r["tax_rate_type"] == "sales_invoice")
    invoice = sdk.post("sales_invoices", {"sales_invoice": {
        "contact_id": contact["id"], "reference": "SDK-1",
        "details_attributes": [{"description": "Werk", "amount": "2", "price": "50.00", "tax_rate_id": rate["id"]}]}},
        admin)
    assert invoice["state"] == "draft"
    expected = Decimal("100.00") * (1 + Decimal(str(rate["percentage"])) / 100)
    assert Decimal(invoice["total_price_incl_tax"]) == expected.quantize(Decimal("0.01"))
    fetched = sdk.get(f"sales_invoices/{invoice['id']}", admin)
    assert fetched["reference"] == "SDK-1"
    changed = sdk.patch(f"sales_invoices/{invoice['id']}", {"sales_invoice": {"reference": "SDK-2"}}, admin)
    assert changed["reference"] == "SDK-2" and changed["version"] > invoice["version"]
    sent = sdk.patch(f"sales_invoices/{invoice['id']}/send_invoice",
                     {"sales_invoice_sending": {"delivery_method": "Manual"}}, admin)
    assert sent["state"] == "open" and sent["invoice_id"]
    listed = sdk.get("sales_invoices/synchronization", admin)
    assert invoice["id"] in {row["id"] for row in listed}

    with pytest.raises(moneybird.MoneyBird.NotFound):
        sdk.get("sales_invoices/1", admin)
    with pytest.raises(moneybird.MoneyBird.InvalidData) as bad:
        sdk.post("contacts", {"contact": {"city": "Nergens"}}, admin)
    assert bad.value.status_code == 422
    assert not sdk.violations, "\n".join(sdk.violations)
