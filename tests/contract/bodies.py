"""Minimal valid create bodies the suite can build on any provider, from what the connection already holds."""

from __future__ import annotations

import base64
import uuid
from typing import Any

from tests.contract.contract import Contract
from tests.factories import everything, first

PDF = b"%PDF-1.4\n" + bytes(range(256)) + b"\n%%EOF\n"


def data_url(content: bytes, media_type: str = "application/pdf") -> str:
    return f"data:{media_type};base64,{base64.b64encode(content).decode()}"


def tag() -> str:
    return uuid.uuid4().hex[:8]


async def body_for(contract: Contract, object_name: str) -> dict[str, Any]:
    if object_name == "contact":
        return {"name": f"Contract Contact {tag()}", "is_customer": True}
    if object_name == "account":
        return {"name": f"Contract Account {tag()}", "classification": "EXPENSE",
                "account_number": str(70000 + uuid.uuid4().int % 9000)}
    if object_name == "invoice":
        customer = await first(contract.api, contract.tenant, "/accounting/contacts", is_customer=True)
        contract.touched.add(uuid.UUID(customer["id"]))  # a customer's invoices are part of what it is
        return {
            "type": "ACCOUNTS_RECEIVABLE", "number": f"CT-{tag()}", "contact_id": customer["id"],
            "line_items": [{"description": "Contract line", "quantity": 1, "unit_price": "10.00"}],
        }
    if object_name == "attachment":
        invoice = await first(contract.api, contract.tenant, "/accounting/invoices")
        contract.touched.add(uuid.UUID(invoice["id"]))
        return {"file_name": f"contract-{tag()}.pdf", "file_url": data_url(PDF), "invoice_id": invoice["id"]}
    if object_name == "journal_entry":
        accounts = await everything(contract.api, contract.tenant, "/accounting/accounts")
        debit = contract.harness.bill_account(accounts)
        for credit in (a for a in accounts if a["classification"] == "REVENUE"):
            body = {"memo": f"Contract {tag()}", "transaction_date": "2024-03-31", "line_items": [
                {"account_id": debit["id"], "debit": "12.50"}, {"account_id": credit["id"], "credit": "12.50"}]}
            # A chart has view and closed accounts too: the first revenue account the provider would book to.
            checked = await contract.api.post("/accounting/journalentries", json=body, headers=contract.headers,
                                              params={"dry_run": "true"})
            if checked.status_code == 200:
                return body
        raise LookupError(f"no revenue account of {contract.provider} takes a journal line")
    raise LookupError(f"the contract suite builds no {object_name} body")


async def create(contract: Contract, object_name: str) -> dict[str, Any]:
    """Create a record through the API (201) and answer it with its remote_data."""
    from ledgerbridge.objects import spec

    response = await contract.api.post(spec(object_name).path, json=await body_for(contract, object_name),
                                       headers=contract.headers, params={"remote_data": "true"})
    assert response.status_code == 201, (object_name, response.text)
    return response.json()  # type: ignore[no-any-return]
