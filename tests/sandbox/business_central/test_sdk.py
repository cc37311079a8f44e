"""The unmodified pybusinesscentral SDK (generated from the v1.0 OpenAPI document) drives the live sandbox.

pybusinesscentral 3.10.0 needs a newer pydantic than ours, so it runs from its own virtualenv
(``python3 -m venv /tmp/bcsdk && /tmp/bcsdk/bin/pip install pybusinesscentral==3.10.0``, or set
``LEDGERBRIDGE_BC_SDK_PYTHON``); the test is skipped when that interpreter is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.sandbox.business_central.conftest import CLIENT_ID, LiveServer

SDK_PYTHON = Path(os.environ.get("LEDGERBRIDGE_BC_SDK_PYTHON", "/tmp/bcsdk/bin/python"))
DRIVER = Path(__file__).with_name("sdk_driver.py")


@pytest.mark.skipif(not SDK_PYTHON.exists(), reason="pybusinesscentral's virtualenv is not installed")
def test_sdk_creates_lists_retrieves_and_updates(live: tuple[LiveServer, str, str]) -> None:
    server, tenant, company = live
    token = server.sb.issue_tokens(CLIENT_ID, tenant)["access_token"]
    account = next(a["id"] for a in server.sb.state.rows(company, "accounts").values() if a["number"] == "40200")
    host = f"{server.url}/v2.0/{tenant}/production/api/v1.0"
    done = subprocess.run([str(SDK_PYTHON), str(DRIVER), host, company, token, account], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert len(seen["customers_listed"]) == 3
    assert seen["customer_created"]["name"] == "Northwind Traders"
    assert seen["customer_created"]["number"].startswith("C")
    assert seen["customer_phone"] == "+44 20 7946 0000"
    assert seen["invoice"]["status"] == "Draft" and seen["invoice"]["lines"] == ["Consulting"]
    assert (seen["invoice"]["excl"], seen["invoice"]["tax"], seen["invoice"]["incl"]) == (300.0, 60.0, 360.0)
    assert seen["after_post"] == {"status": "Open", "ext": "SDK-1b", "remaining": 360.0}
    assert len(seen["invoices_of_customer"]) == 1
