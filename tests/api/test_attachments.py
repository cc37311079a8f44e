"""POST /accounting/attachments end to end on the QuickBooks and Xero sandboxes (SQLite and PostgreSQL).

The bytes come from a data: URL, or from an allow-listed loopback server; anything else (a host not allowed, a
private address, file:, a redirect, too many bytes) is a 422 naming file_url, with nothing created at the provider.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from ledgerbridge.runtime import Runtime
from ledgerbridge.settings import Settings
from ledgerbridge.sync.engine import sync_connection
from tests.conftest import SECRET
from tests.factories import Tenant, everything, first
from tests.providers import Harness

pytestmark = pytest.mark.parametrize("provider", ["quickbooks", "xero"], indirect=True)

MAX_BYTES = 4096
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 3 + b"\n%%EOF\n"  # 784 bytes, binary
SERVED = {"/receipt.pdf": PDF, "/big.bin": b"x" * (MAX_BYTES + 1)}


class _Files(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/receipt.pdf")
            self.end_headers()
            return
        if self.path == "/streamed-big":  # no Content-Length: the limit must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(3):
                chunk = b"y" * 2048
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
            return
        body = SERVED.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def file_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join(5)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # 127.0.0.1 is allowed explicitly, as an operator would for a file server on the same machine; 10.1.2.3 and
    # 169.254.169.254 are allowed as hosts but not as private networks, so they must still be refused.
    return Settings(data_dir=tmp_path, secret_key=SECRET, attachment_max_bytes=MAX_BYTES,
                    attachment_url_hosts=["127.0.0.1", "10.1.2.3", "169.254.169.254"],
                    attachment_private_networks=["127.0.0.1/32"])


def data_url(content: bytes, media_type: str = "application/pdf") -> str:
    return f"data:{media_type};base64,{base64.b64encode(content).decode()}"


def stored_files(provider: Harness) -> list[bytes]:
    """The files the provider holds, read from the sandbox's own storage."""
    sandbox: Any = provider.sandbox  # type: ignore[attr-defined]
    table = "attachable_files" if provider.name == "quickbooks" else "attachments"
    try:
        rows = sandbox.store.db.execute(f"SELECT content FROM {table} ORDER BY rowid").fetchall()
    except Exception:  # the table is created on the first upload
        return []
    return [bytes(row[0]) for row in rows]


async def _invoice(api: httpx.AsyncClient, tenant: Tenant) -> dict[str, Any]:
    return await first(api, tenant, "/accounting/invoices", type="ACCOUNTS_RECEIVABLE")


async def test_data_url_upload_round_trips(api: httpx.AsyncClient, tenant: Tenant, provider: Harness,
                                           runtime: Runtime) -> None:
    invoice = await _invoice(api, tenant)
    answer = await api.post("/accounting/attachments", headers=tenant.headers, json={
        "file_name": "receipt.pdf", "file_url": data_url(PDF), "invoice_id": invoice["id"]})
    assert answer.status_code == 201, answer.text
    created = answer.json()
    assert created["file_name"] == "receipt.pdf" and created["file_size"] == len(PDF)
    assert created["content_type"] == "application/pdf" and created["invoice_id"] == invoice["id"]
    assert created["file_url"].startswith("http") and created["remote_id"]
    assert stored_files(provider) == [PDF]

    listed = await everything(api, tenant, "/accounting/attachments")
    assert [(a["id"], a["file_size"]) for a in listed] == [(created["id"], len(PDF))]
    # A full sync reads the attachment back from the provider as the same record.
    await sync_connection(runtime, tenant.connection, objects=["attachment"], full=True)
    again = (await api.get(f"/accounting/attachments/{created['id']}", headers=tenant.headers)).json()
    assert (again["file_size"], again["invoice_id"], again["remote_was_deleted"]) == (len(PDF), invoice["id"], False)
    assert len(await everything(api, tenant, "/accounting/attachments")) == 1


async def test_allow_listed_loopback_url_is_fetched(api: httpx.AsyncClient, tenant: Tenant, provider: Harness,
                                                    file_server: str) -> None:
    contact = await first(api, tenant, "/accounting/contacts")
    answer = await api.post("/accounting/attachments", headers=tenant.headers, json={
        "file_name": "terms.pdf", "file_url": f"{file_server}/receipt.pdf", "contact_id": contact["id"]})
    assert answer.status_code == 201, answer.text
    assert answer.json()["file_size"] == len(PDF) and answer.json()["contact_id"] == contact["id"]
    assert stored_files(provider) == [PDF]


@pytest.mark.parametrize("source, says", [
    ("http://files.example.com/a.pdf", "is not one Ledgerbridge may fetch from"),
    ("http://10.1.2.3/a.pdf", "private, loopback or reserved"),
    ("http://169.254.169.254/latest/meta-data/", "private, loopback or reserved"),
    ("file:///etc/passwd", "data: URL"),
    ("FILE:///etc/passwd", "data: URL"),
    ("{server}/big.bin", "larger than"),
    ("{server}/streamed-big", "larger than"),
    ("{server}/moved", "redirect"),
    ("{server}/missing.pdf", "HTTP 404"),
    ("data:application/pdf;base64," + base64.b64encode(b"z" * (MAX_BYTES + 1)).decode(), "larger than"),
    ("data:application/pdf," + "plain", "base64"),
    ("data:application/pdf;base64,@@@", "not valid base64"),
])
async def test_refused_sources_create_nothing(api: httpx.AsyncClient, tenant: Tenant, provider: Harness,
                                              file_server: str, source: str, says: str) -> None:
    invoice = await _invoice(api, tenant)
    answer = await api.post("/accounting/attachments", headers=tenant.headers, json={
        "file_name": "a.pdf", "file_url": source.replace("{server}", file_server), "invoice_id": invoice["id"]})
    assert answer.status_code == 422, answer.text
    errors = answer.json()["errors"]
    assert [e["field"] for e in errors] == ["file_url"] and says in errors[0]["message"]
    assert stored_files(provider) == []
    assert await everything(api, tenant, "/accounting/attachments") == []


async def test_dry_run_checks_without_uploading(api: httpx.AsyncClient, tenant: Tenant, provider: Harness,
                                                file_server: str) -> None:
    invoice = await _invoice(api, tenant)
    body = {"file_name": "a.pdf", "file_url": data_url(PDF), "invoice_id": invoice["id"]}
    ok = await api.post("/accounting/attachments", headers=tenant.headers, params={"dry_run": "true"}, json=body)
    assert ok.status_code == 200 and ok.json()["valid"] is True
    bad = await api.post("/accounting/attachments", headers=tenant.headers, params={"dry_run": "true"},
                         json={**body, "file_url": f"{file_server}/big.bin", "file_name": "a/b.pdf"})
    assert bad.status_code == 422
    assert sorted(e["field"] for e in bad.json()["errors"]) == ["file_name", "file_url"]
    assert stored_files(provider) == []


async def test_idempotency_key_uploads_once(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    invoice = await _invoice(api, tenant)
    body = {"file_name": "once.txt", "file_url": data_url(b"hello", "text/plain"), "invoice_id": invoice["id"]}
    headers = {**tenant.headers, "Idempotency-Key": "attach-1"}
    first_answer = await api.post("/accounting/attachments", headers=headers, json=body)
    replay = await api.post("/accounting/attachments", headers=headers, json=body)
    assert first_answer.status_code == replay.status_code == 201
    assert replay.headers.get("Idempotent-Replayed") == "true" and replay.json()["id"] == first_answer.json()["id"]
    assert stored_files(provider) == [b"hello"]


async def test_targets_are_checked(api: httpx.AsyncClient, tenant: Tenant, provider: Harness) -> None:
    invoice = await _invoice(api, tenant)
    contact = await first(api, tenant, "/accounting/contacts")
    source = data_url(b"hello", "text/plain")
    both = await api.post("/accounting/attachments", headers=tenant.headers, json={
        "file_name": "a.txt", "file_url": source, "invoice_id": invoice["id"], "contact_id": contact["id"]})
    assert both.status_code == 422
    assert sorted(e["field"] for e in both.json()["errors"]) == ["contact_id", "invoice_id"]
    wrong_kind = await api.post("/accounting/attachments", headers=tenant.headers, json={
        "file_name": "a.txt", "file_url": source, "invoice_id": contact["id"]})
    assert wrong_kind.status_code == 422 and wrong_kind.json()["errors"][0]["field"] == "invoice_id"
    nothing = await api.post("/accounting/attachments", headers=tenant.headers, json={
        "file_name": "loose.txt", "file_url": source})
    if provider.name == "xero":  # Xero attaches files to documents only
        assert nothing.status_code == 422 and "invoice_id" in [e["field"] for e in nothing.json()["errors"]]
        assert stored_files(provider) == []
    else:  # QuickBooks keeps a file in its attachment list, linked to nothing
        assert nothing.status_code == 201, nothing.text
        assert stored_files(provider) == [b"hello"]
