"""The sandbox driven by clients our connector did not shape, over a real socket (uvicorn):

- the collection's own requests, replayed as they are written (Postman variables ``{{url}}``, ``{{token}}`` and
  path variables substituted) with the standard library's ``urllib`` — creating, listing, reading and updating
  invoices and contacts, and moving an invoice through its transitions;
- the PyPI package ``freeagent==0.3.1``, pointed at the sandbox with its ``api_base_url``: it authenticates with
  requests-oauthlib (refreshing an expired token at ``token_endpoint`` by itself), reads ``users/me``, the
  categories and the bank accounts. It has no invoice or contact API, hence the replay above.

Every exchange of the replay is also held to the collection with ``contract.check``.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from typing import Any

import httpx
import pytest

from ledgerbridge.sandbox.freeagent import contract
from tests.sandbox.freeagent.conftest import CLIENT_ID, CLIENT_SECRET


def collection_requests() -> dict[tuple[str, str], dict[str, Any]]:
    """The collection's requests by (method, raw URL without its query)."""
    data = json.loads((contract.REFERENCE_DIR / contract.FILE).read_text())
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for item in contract._walk(data["item"]):
        request = item["request"]
        raw = request["url"]["raw"] if isinstance(request["url"], dict) else request["url"]
        found.setdefault((request["method"], raw.split("?", 1)[0]), request)
    return found


class Replay:
    """Sends one of the collection's requests with its variables filled in, through urllib."""

    def __init__(self, base: str, token: str) -> None:
        self.base, self.token = base, token
        self.requests = collection_requests()
        self.violations: list[str] = []

    def send(self, method: str, raw: str, path_vars: dict[str, str] | None = None,
             body_vars: dict[str, Any] | None = None, query: str = "") -> tuple[int, Any]:
        request = self.requests[(method, raw)]
        url = raw.replace("{{url}}", self.base)
        for name, value in (path_vars or {}).items():
            url = url.replace(f":{name}", value)
        content = None
        body = request.get("body") or {}
        if body.get("mode") == "raw" and body.get("raw"):
            text = body["raw"].replace("{{url}}", self.base)
            for name, value in (path_vars or {}).items():
                text = text.replace(f":{name}", value)
            parsed = json.loads(text)
            for envelope, fields in (body_vars or {}).items():
                parsed[envelope].update(fields)
            content = json.dumps(parsed).encode()
        headers = {h["key"]: h["value"].replace("{{token}}", self.token) for h in request.get("header", [])}
        # Requests without their own Authorization inherit the collection's OAuth2 block: a Bearer header.
        headers.setdefault("Authorization", f"Bearer {self.token}")
        if method == "DELETE":
            content = None  # the collection's DELETE examples carry leftover bodies; FreeAgent reads none
        full = url + (f"?{query}" if query else "")
        sent = urllib.request.Request(full, data=content, method=method, headers=headers)
        try:
            with urllib.request.urlopen(sent, timeout=10) as answer:
                status, payload, answer_headers = answer.status, answer.read(), dict(answer.headers)
        except urllib.error.HTTPError as err:
            status, payload, answer_headers = err.code, err.read(), dict(err.headers)
        as_httpx = httpx.Request(method, full, content=content, headers=headers)
        self.violations += contract.check(as_httpx, httpx.Response(status, content=payload, headers=answer_headers,
                                                                   request=as_httpx))
        return status, (json.loads(payload) if payload else None)


@pytest.fixture
def replay(live) -> Replay:
    token = live.sb.issue_tokens(CLIENT_ID, live.company)["access_token"]
    client = Replay(live.url, token)
    yield client
    assert not client.violations, "\n".join(client.violations)


def key_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def test_replayed_contact_requests(replay):
    status, created = replay.send("POST", "{{url}}/v2/contacts")
    assert status == 201
    contact = created["contact"]
    assert (contact["first_name"], contact["last_name"]) == ("Frederick", "Testington")
    assert re.match(rf"^{re.escape(replay.base)}/v2/contacts/\d+$", contact["url"])
    key = key_of(contact["url"])
    status, listed = replay.send("GET", "{{url}}/v2/contacts", query="per_page=100")
    assert contact["url"] in [c["url"] for c in listed["contacts"]]
    status, one = replay.send("GET", "{{url}}/v2/contacts/:id", {"id": key})
    assert one["contact"]["email"] == "fred@testingtonandsons.example.com"
    status, updated = replay.send("PUT", "{{url}}/v2/contacts/:id", {"id": key})
    assert (status, updated["contact"]["country"]) == (200, "France")
    status, _ = replay.send("DELETE", "{{url}}/v2/contacts/:id", {"id": key})
    assert status == 200
    status, _ = replay.send("GET", "{{url}}/v2/contacts/:id", {"id": key})
    assert status == 404


def test_replayed_invoice_requests(replay):
    status, created = replay.send("POST", "{{url}}/v2/invoices", {"id": "1"})
    assert status == 201, created
    invoice = created["invoice"]
    assert (invoice["status"], invoice["total_value"], invoice["due_on"]) == ("Draft", "0.00", "2019-09-18")
    key = key_of(invoice["url"])
    # The collection's invoice_items request names invoice 1 (a production URL): the line lands on the seeded
    # invoice 1, as the example says.
    status, item = replay.send("POST", "{{url}}/v2/invoice_items")
    assert (status, item["invoice_item"]["description"]) == (201, "Fishing trip")
    status, listed = replay.send("GET", "{{url}}/v2/invoices", query="per_page=100")
    assert invoice["url"] in [i["url"] for i in listed["invoices"]]
    status, updated = replay.send("PUT", "{{url}}/v2/invoices/:id", {"id": key})
    assert updated["invoice"]["notes"] == "An example of some additional text."
    for transition, wanted in (("mark_as_scheduled", "Scheduled"), ("mark_as_sent", "Overdue"),
                               ("mark_as_cancelled", "Cancelled"), ("mark_as_draft", "Draft")):
        status, moved = replay.send("PUT", f"{{{{url}}}}/v2/invoices/:id/transitions/{transition}", {"id": key})
        assert (status, moved["invoice"]["status"]) == (200, wanted), transition
    status, one = replay.send("GET", "{{url}}/v2/invoices/:id", {"id": key})
    assert one["invoice"]["reference"] == invoice["reference"]
    status, _ = replay.send("DELETE", "{{url}}/v2/invoices/:id", {"id": key})
    assert status == 200


def test_replayed_bill_and_category_requests(replay):
    status, created = replay.send("POST", "{{url}}/v2/categories")
    assert status == 201 and created["category"]["nominal_code"] == "212"
    status, bill = replay.send("POST", "{{url}}/v2/bills", body_vars={"bill": {
        "contact": f"{replay.base}/v2/contacts/1", "category": f"{replay.base}/v2/categories/285"}})
    assert status == 201, bill
    assert (bill["bill"]["net_value"], bill["bill"]["sales_tax_value"]) == ("250.00", "50.00")


def test_freeagent_package_against_the_sandbox(live, monkeypatch):
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # plain http on loopback
    from freeagent import FreeAgent

    issued = live.sb.issue_tokens(CLIENT_ID, live.company)
    saved: list[dict[str, Any]] = []
    # An expired token: requests-oauthlib refreshes it at token_endpoint before the first call.
    token = {**issued, "expires_at": time.time() - 10}
    fa = FreeAgent()
    fa.api_base_url = f"{live.url}/v2/"
    fa.authenticate(CLIENT_ID, CLIENT_SECRET, saved.append, token=token)
    assert saved and saved[0]["refresh_token"] != issued["refresh_token"]  # rotated
    assert fa.category.get_nominal_code_id(285) == f"{live.url}/v2/categories/285"
    assert fa.category.get_desc_nominal_code("Sales") == "001"
    assert fa.bank_account.get_id_by_name("Business Current Account") == "1"
    assert fa.bank_account.get_name_by_uri(f"{live.url}/v2/bank_accounts/2") == "Company Credit Card"
