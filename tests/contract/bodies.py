"""Minimal valid create bodies the suite can build on any provider, from what the connection already holds."""

from __future__ import annotations

import uuid
from typing import Any

from tests.contract.contract import Contract
from tests.factories import first


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
    raise LookupError(f"the contract suite builds no {object_name} body")


async def create(contract: Contract, object_name: str) -> dict[str, Any]:
    """Create a record through the API (201) and answer it with its remote_data."""
    from ledgerbridge.objects import spec

    response = await contract.api.post(spec(object_name).path, json=await body_for(contract, object_name),
                                       headers=contract.headers, params={"remote_data": "true"})
    assert response.status_code == 201, (object_name, response.text)
    return response.json()  # type: ignore[no-any-return]
