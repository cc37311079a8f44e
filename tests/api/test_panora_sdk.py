"""Panora's own Python SDK (``panora-sdk``, unmodified, in its own virtualenv) creates, retrieves and lists the
seed invoice through a live Ledgerbridge server — on every provider, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import socket
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from ledgerbridge.api.app import create_app
from ledgerbridge.runtime import Runtime
from tests.api.test_invoices import seed_body
from tests.factories import Tenant
from tests.providers import Harness
from tests.sdk_venv import PANORA_SDK, sdk_python

CLIENT = Path(__file__).with_name("panora_client.py")


@pytest.fixture(scope="session")
def panora_python() -> Path:
    return sdk_python(PANORA_SDK)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _run_client(python: Path, args: dict[str, Any]) -> dict[str, Any]:
    # A subprocess awaited without blocking the loop: the server answering it runs on this loop.
    process = await asyncio.create_subprocess_exec(
        str(python), str(CLIENT), stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    try:
        out, err = await asyncio.wait_for(process.communicate(json.dumps(args).encode()), timeout=120)
    except TimeoutError:
        process.kill()
        out, err = await process.communicate()
        raise AssertionError(f"the SDK did not finish: {err.decode()[-3000:]}") from None
    assert process.returncode == 0, err.decode()[-3000:]
    return json.loads(out)  # type: ignore[no-any-return]


async def test_panora_sdk_creates_retrieves_and_lists_the_seed_invoice(
    runtime: Runtime, api: httpx.AsyncClient, tenant: Tenant, provider: Harness, panora_python: Path
) -> None:
    before = await provider.invoice_count()
    invoice = await seed_body(api, tenant, provider)
    invoice = {k: v for k, v in invoice.items() if k not in ("id", "remote_id")}  # not inputs in Panora's SDK
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(runtime), host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    serving = asyncio.create_task(server.serve())
    try:
        while not server.started:
            assert not serving.done(), "the server did not start"
            await asyncio.sleep(0.02)
        seen = await _run_client(panora_python, {"base_url": f"http://127.0.0.1:{port}", "api_key": tenant.api_key,
                                              "token": tenant.connection.token, "invoice": invoice})
    finally:
        server.should_exit = True
        await serving

    created, retrieved = seen["created"], seen["retrieved"]
    assert created["id"] == retrieved["id"] and created["remote_id"] == retrieved["remote_id"]
    assert created["id"] in seen["listed"] and len(seen["listed"]) == len(set(seen["listed"]))
    assert await provider.invoice_count() == before + 1
    remote = await provider.remote_invoice(created["remote_id"])
    assert remote is not None
    # The SDK parses money as floats; the provider's own total, exactly, is what came back.
    assert Decimal(str(retrieved["total_amount"])) == provider.remote_total(remote)
    assert retrieved["contact_id"] == invoice["contact_id"] and retrieved["memo"] == invoice["memo"]
    # The SDK models invoice lines as Panora's published (report-item) LineItem, so of a line it keeps only
    # what the two shapes share; that much must agree with the API.
    ours = (await api.get(f"/accounting/invoices/{created['id']}", headers=tenant.headers)).json()
    assert [line["remote_id"] for line in retrieved["line_items"]] == [line["remote_id"] for line in ours["line_items"]]
    assert [line["description"] for line in ours["line_items"]] == ["Net Income"]
