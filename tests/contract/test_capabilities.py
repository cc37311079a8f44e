"""The capability matrix is the truth: every declared operation is served, every other one refused by name."""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerbridge.errors import NotSupported
from ledgerbridge.objects import BY_NAME
from tests.contract import bodies
from tests.contract.contract import CREATABLE, Contract, is_report

UNKNOWN_ID = "6b0c1ef4-0000-4000-8000-000000000000"


async def test_the_served_matrix_is_the_connectors(contract: Contract) -> None:
    response = await contract.api.get("/accounting/capabilities", headers=contract.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["provider"] == contract.provider
    declared = contract.connector.capabilities.objects
    served = {name: set(entry["operations"]) for name, entry in body["objects"].items()}
    assert served == {name: set(ops) for name, ops in declared.items() if name in BY_NAME}


@pytest.mark.objects("declared")
async def test_every_declared_read_is_served_by_the_connector(contract: Contract, object_name: str) -> None:
    connector = contract.connector
    try:
        if is_report(object_name):
            today = dt.datetime.now(dt.UTC).date()
            report = await connector.report(object_name, start=today.replace(month=1, day=1), end=today)
            assert report.object == object_name
            return
        records = await contract.records(object_name)
        if "retrieve" in connector.capabilities.objects[object_name] and records:
            assert await connector.fetch(object_name, records[0].remote_key) is not None
    except NotSupported as exc:
        pytest.fail(f"{contract.provider} declares {object_name} but refuses it: {exc}")


@pytest.mark.objects("declared")
async def test_every_declared_operation_is_served_through_the_api(contract: Contract, object_name: str) -> None:
    path = BY_NAME[object_name].path
    operations = contract.connector.capabilities.objects[object_name]
    listed = await contract.api.get(path, headers=contract.headers)
    assert listed.status_code == 200, listed.text
    rows = listed.json()["data"]
    if "retrieve" in operations and rows:
        retrieved = await contract.api.get(f"{path}/{rows[0]['id']}", headers=contract.headers)
        assert retrieved.status_code == 200, retrieved.text
    if "create" in operations and object_name in CREATABLE:
        created = await bodies.create(contract, object_name)
        assert (await contract.api.get(f"{path}/{created['id']}", headers=contract.headers)).status_code == 200
    # update and void: test_writes.py drives them on every object that declares them.


async def test_every_undeclared_operation_is_refused_naming_the_provider(
    contract: Contract, object_name: str, operation: str
) -> None:
    path = BY_NAME[object_name].path
    if operation == "list":
        response = await contract.api.get(path, headers=contract.headers)
    elif operation == "retrieve":
        response = await contract.api.get(f"{path}/{UNKNOWN_ID}", headers=contract.headers)
    elif operation == "create":
        response = await contract.api.post(path, json={}, headers=contract.headers)
    elif operation == "update":
        response = await contract.api.patch(f"{path}/{UNKNOWN_ID}", json={}, headers=contract.headers)
    else:
        response = await contract.api.delete(f"{path}/{UNKNOWN_ID}", headers=contract.headers)
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    assert contract.provider in response.json()["message"], response.text
