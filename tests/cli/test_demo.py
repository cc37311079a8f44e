"""`make demo`: the demo serves, connects both sandboxes, and its printed seed request creates an invoice."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import shlex
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ledgerbridge.demo import chosen, run_demo
from tests.conftest import SECRET


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.asynccontextmanager
async def _demo(data_dir: Path, port: int) -> AsyncIterator[dict[str, Any]]:
    state_path = data_dir / "demo.json"

    def written() -> dict[str, Any] | None:  # this run's state: a restart rewrites the file with its own port
        state = json.loads(state_path.read_text()) if state_path.exists() else None
        return state if state and state["base_url"].endswith(f":{port}") else None

    task = asyncio.create_task(run_demo(port=port, data_dir=data_dir))
    try:
        async with asyncio.timeout(120):
            while (state := written()) is None:
                if task.done():
                    task.result()  # re-raises why the demo stopped
                await asyncio.sleep(0.05)
        yield state
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def _seed_request(printed: str) -> tuple[str, dict[str, Any], dict[str, str]]:
    """The POST the demo prints, parsed back from its shell line: url, body and headers."""
    command = printed[printed.index("curl -s -X POST"):]
    words = shlex.split(command[: command.index("\n\n")])  # the body spans lines, inside its quotes
    url = next(w for w in words if w.startswith("http"))
    headers = dict(words[i + 1].split(": ", 1) for i, w in enumerate(words) if w == "-H")
    return url, json.loads(words[words.index("-d") + 1]), headers


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_demo_prints_a_seed_request_that_creates_an_invoice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEDGERBRIDGE_SECRET_KEY", SECRET)
    port = _free_port()
    async with _demo(tmp_path, port) as state:
        assert state["base_url"] == f"http://127.0.0.1:{port}"
        # Every registered provider whose sandbox is quick to start (Tryton waits for --with-slow).
        assert set(state["connections"]) == {p.name for p in chosen(with_slow=False)}
        assert {"quickbooks", "xero"} <= set(state["connections"]) and "tryton" not in state["connections"]
        url, body, headers = _seed_request(capsys.readouterr().out)
        assert re.fullmatch(r"[0-9a-f-]{36}", body["contact_id"]), "the demo names a real customer"
        async with httpx.AsyncClient(timeout=30) as client:
            created = await client.post(url, json=body, headers=headers)
            assert created.status_code == 201, created.text
            invoice = created.json()
            assert invoice["contact_id"] == body["contact_id"]
            assert invoice["total_amount"] == 300.5
            replay = await client.post(url, json=body, headers=headers)  # same Idempotency-Key: same invoice
            assert replay.json()["id"] == invoice["id"]
            for provider, token in state["connections"].items():
                contacts = await client.get(f"{state['base_url']}/accounting/contacts", headers={
                    "x-api-key": state["api_key"], "x-connection-token": token})
                assert contacts.status_code == 200, provider
                assert contacts.json()["data"], f"{provider} synced no contacts"

    # A restart on the same data dir (and another port) keeps the project, key and connections.
    port = _free_port()
    async with _demo(tmp_path, port) as again:
        assert (again["api_key"], again["connections"]) == (state["api_key"], state["connections"])
        async with httpx.AsyncClient(timeout=30) as client:
            listed = await client.get(f"{again['base_url']}/accounting/invoices/{invoice['id']}", headers={
                "x-api-key": again["api_key"], "x-connection-token": again["connections"]["quickbooks"]})
            assert listed.status_code == 200


def test_the_demo_command_brings_slow_sandboxes_in_on_request() -> None:
    from typer.testing import CliRunner

    from ledgerbridge.cli import app

    shown = CliRunner().invoke(app, ["demo", "--help"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0 and "--with-slow" in shown.output
