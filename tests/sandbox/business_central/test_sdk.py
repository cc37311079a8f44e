"""The unmodified pybusinesscentral SDK (generated from the v1.0 OpenAPI document) drives the live sandbox.

pybusinesscentral 3.10.0 needs a newer pydantic than ours, so it runs from a virtualenv of its own
(:mod:`tests.sdk_venv`), as a subprocess.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.sandbox.business_central.conftest import CLIENT_ID, LiveServer
from tests.sdk_venv import BUSINESS_CENTRAL_SDK, sdk_python

DRIVER = Path(__file__).with_name("sdk_driver.py")


def test_sdk_creates_lists_retrieves_and_updates(live: tuple[LiveServer, str, str]) -> None:
    server, tenant, company = live
    token = server.sb.issue_tokens(CLIENT_ID, tenant)["access_token"]
    account = next(a["id"] for a in server.sb.state.rows(company, "accounts").values() if a["number"] == "40200")
    host = f"{server.url}/v2.0/{tenant}/production/api/v1.0"
    python = sdk_python(BUSINESS_CENTRAL_SDK)
    done = subprocess.run([str(python), str(DRIVER), host, company, token, account], capture_output=True,
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
