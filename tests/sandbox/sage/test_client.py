"""Sage's sandbox driven by a client the connector did not shape: bravado, which builds its operations at run time
from Sage's official Swagger 2.0 file, over real HTTP to uvicorn.

Why bravado: Sage publishes no Python SDK, and its contract is Swagger 2.0, which openapi-python-client cannot
read without converting the file first. bravado (12.0.1, with bravado-core 6.4.1) reads Swagger 2.0 as it is and
validates requests and answers against it, so nothing is generated, converted or committed.

The swagger is sliced to the operations these tests call (contacts and sales invoices) with every definition
kept (each property marked ``x-nullable``, see ``_nullable``); its host is aimed at the live sandbox. Single
records are validated by bravado against their definitions; lists are read raw, because Sage's live API (and the
sandbox) wrap them in the ``$items`` envelope where the swagger says a bare array.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
from typing import Any

import pytest

from ledgerbridge.sandbox.sage.contract import swagger
from tests.sandbox.sage.conftest import LiveServer

pytest.importorskip("bravado")

from bravado.client import SwaggerClient
from bravado.exception import HTTPError
from bravado.requests_client import RequestsClient

# bravado-core still resolves references the way jsonschema 4.18 deprecated; harmless here
pytestmark = pytest.mark.filterwarnings("ignore:Accessing Validator.resolver is deprecated:DeprecationWarning")

OPERATIONS = ("/contacts", "/contacts/{key}", "/sales_invoices", "/sales_invoices/{key}")


def _nullable(node: Any) -> None:
    """Mark every property ``x-nullable`` (bravado's Swagger 2.0 extension): Sage answers null for unset
    attributes, which Swagger 2.0 cannot say; ``contract.check`` applies the same rule."""
    if isinstance(node, dict):
        for prop in (node.get("properties") or {}).values():
            if isinstance(prop, dict):
                prop["x-nullable"] = True
        for value in node.values():
            _nullable(value)
    elif isinstance(node, list):
        for value in node:
            _nullable(value)


def sliced_spec(host: str) -> dict[str, Any]:
    spec = copy.deepcopy(swagger())
    spec["paths"] = {path: spec["paths"][path] for path in OPERATIONS}
    spec.update(host=host, schemes=["http"])
    _nullable(spec["definitions"])
    return spec


def client(live: LiveServer, *, validate_responses: bool) -> SwaggerClient:
    http = RequestsClient()
    http.set_api_key(f"127.0.0.1:{live.port}", f"Bearer {live.token['access_token']}", param_name="Authorization",
                     param_in="header")
    return SwaggerClient.from_spec(sliced_spec(f"127.0.0.1:{live.port}"), http_client=http, config={
        # Sage's file puts ``example`` on query parameters, which Swagger 2.0's meta-schema forbids: the file as a
        # whole is not checked, its operations and definitions are used as they are.
        "validate_swagger_spec": False,
        "validate_responses": validate_responses, "validate_requests": True, "use_models": False,
        "also_return_response": True})


def _raw(operation: Any, live: LiveServer, **kwargs: Any) -> Any:
    future = operation(**kwargs, _request_options={"headers": {"X-Business": live.business}})
    return future.future.result().json()


def drive(live: LiveServer) -> dict[str, Any]:
    strict = client(live, validate_responses=True)
    loose = client(live, validate_responses=False)
    seen: dict[str, Any] = {}

    contact = strict.Contacts.postContacts(Contacts={"contact": {
        "name": "Bravado Bakery", "contact_type_ids": ["CUSTOMER"], "reference": "BRAV01",
        "main_contact_person": {"name": "Ada", "email": "ada@bravado.example"}}},
        _request_options={"headers": {"X-Business": live.business}}).response()
    seen["contact"] = contact.result
    fetched = strict.Contacts.getContactsKey(key=contact.result["id"],
                                             _request_options={"headers": {"X-Business": live.business}}).response()
    seen["fetched_contact"] = fetched.result
    updated = strict.Contacts.putContactsKey(key=contact.result["id"], Contacts={"contact": {"notes": "Pays early"}},
                                             _request_options={"headers": {"X-Business": live.business}}).response()
    seen["updated_contact"] = updated.result
    seen["contacts"] = _raw(loose.Contacts.getContacts, live, search="Bravado", attributes="all")

    sales = next(a for a in live.sb.store.all(live.business, "ledger_accounts") if a["nominal_code"] == 4000)
    invoice = strict.Sales_Invoices.postSalesInvoices(SalesInvoices={"sales_invoice": {
        "contact_id": contact.result["id"], "date": dt.date(2026, 11, 30), "invoice_lines": [
            {"description": "Sourdough loaves", "ledger_account_id": sales["id"], "quantity": 12.0,
             "unit_price": 3.5, "tax_rate_id": "GB_ZERO"},
            {"description": "Delivery", "ledger_account_id": sales["id"], "quantity": 1.0, "unit_price": 7.5,
             "tax_rate_id": "GB_STANDARD"}]}}, _request_options={"headers": {"X-Business": live.business}}).response()
    seen["invoice"] = invoice.result
    key = invoice.result["id"]
    seen["updated_invoice"] = strict.Sales_Invoices.putSalesInvoicesKey(
        key=key, SalesInvoices={"sales_invoice": {"notes": "Leave at the back door"}},
        _request_options={"headers": {"X-Business": live.business}}).response().result
    seen["fetched_invoice"] = strict.Sales_Invoices.getSalesInvoicesKey(
        key=key, _request_options={"headers": {"X-Business": live.business}}).response().result
    seen["invoices"] = _raw(loose.Sales_Invoices.getSalesInvoices, live, contact_id=contact.result["id"],
                            attributes="all")
    try:
        strict.Sales_Invoices.getSalesInvoicesKey(
            key="0" * 32, _request_options={"headers": {"X-Business": live.business}}).response()
    except HTTPError as exc:
        seen["missing"] = (exc.status_code, exc.response.json())
    return seen


async def test_bravado_drives_contacts_and_invoices_from_sages_swagger(
    live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # bravado's resolver preloads every meta-schema jsonschema knows; once another test has imported
    # openapi-schema-validator (the OpenAPI 3 providers' checks), that includes OAS 3.1's dialect, whose
    # vocabulary it then tries to fetch from the network. Swagger 2.0 needs only JSON Schema's own drafts.
    import jsonschema.validators

    drafts = {uri: schema for uri, schema in jsonschema.validators._META_SCHEMAS.items()
              if "spec.openapis.org" not in uri}
    monkeypatch.setattr(jsonschema.validators, "_META_SCHEMAS", drafts)
    seen = await asyncio.to_thread(drive, live)
    assert seen["contact"]["contact_types"][0]["id"] == "CUSTOMER"
    assert seen["fetched_contact"]["email"] == "ada@bravado.example"
    assert seen["updated_contact"]["notes"] == "Pays early"
    assert [c["id"] for c in seen["contacts"]["$items"]] == [seen["contact"]["id"]]
    invoice = seen["invoice"]
    assert invoice["net_amount"] == 49.5 and invoice["tax_amount"] == 1.5 and invoice["total_amount"] == 51.0
    assert invoice["status"]["id"] == "UNPAID"
    assert seen["updated_invoice"]["notes"] == "Leave at the back door"
    assert seen["fetched_invoice"]["total_amount"] == 51.0
    assert seen["invoices"]["$total"] == 1 and seen["invoices"]["$items"][0]["id"] == invoice["id"]
    status, body = seen["missing"]
    assert status == 404 and body[0]["$dataCode"] == "RecordNotFound"
