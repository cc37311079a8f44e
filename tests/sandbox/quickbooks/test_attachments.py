"""The sandbox's attachments: python-quickbooks' own Attachable upload (LF-only multipart, base64 parts) and the
plain CRLF multipart a browser or httpx sends; downloads, queries, refusals that write nothing."""

from __future__ import annotations

import json

import httpx
import pytest
from quickbooks.exceptions import QuickbooksException
from quickbooks.objects.attachable import Attachable
from quickbooks.objects.base import AttachableRef, Ref

from .conftest import Direct

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"  # binary, with CR and LF bytes inside


def _attachable(entity: str, entity_id: str, name: str, content_type: str) -> Attachable:
    attachable = Attachable()
    link = AttachableRef()
    link.EntityRef = Ref()
    link.EntityRef.type = entity
    link.EntityRef.value = entity_id
    attachable.AttachableRef.append(link)
    attachable.FileName = name
    attachable.ContentType = content_type
    return attachable


def test_python_quickbooks_upload_round_trips(qb, live) -> None:
    invoice_id = live.sandbox.store.select(
        "SELECT id FROM entities WHERE realm=? AND entity='Invoice' AND deleted=0 LIMIT 1", [live.realm])[0][0]
    attachable = _attachable("Invoice", invoice_id, "receipt.pdf", "application/pdf")
    attachable._FileBytes = PDF
    saved = attachable.save(qb=qb)

    assert saved.Id and saved.FileName == "receipt.pdf" and saved.Size == len(PDF)
    assert saved.ContentType == "application/pdf"
    assert saved.AttachableRef[0].EntityRef.value == invoice_id
    fetched = Attachable.get(saved.Id, qb=qb)
    assert fetched.Size == len(PDF) and fetched.AttachableRef[0].EntityRef.type == "Invoice"
    listed = Attachable.filter(FileName="receipt.pdf", qb=qb)
    assert [a.Id for a in listed] == [saved.Id]
    # The temporary URL serves the exact bytes (python-quickbooks sent them base64-encoded).
    assert httpx.get(fetched.TempDownloadUri).content == PDF


def test_python_quickbooks_upload_to_a_missing_invoice_is_refused(qb, live) -> None:
    before = live.sandbox.count(live.realm, "Attachable")
    attachable = _attachable("Invoice", "999999", "x.txt", "text/plain")
    attachable._FileBytes = b"hello"
    with pytest.raises(QuickbooksException) as caught:
        attachable.save(qb=qb)
    assert "Invalid Reference Id" in caught.value.message
    assert live.sandbox.count(live.realm, "Attachable") == before


async def _upload(direct: Direct, metadata: dict | None, content: bytes, *, params: dict | None = None,
                  name: str = "notes.txt", content_type: str = "text/plain") -> httpx.Response:
    files: dict = {"file_content_0": (name, content, content_type)}
    if metadata is not None:
        files["file_metadata_0"] = (None, json.dumps(metadata).encode(), "application/json")
    return await direct.http.post(f"{direct.base}/upload", files=files, params=params or {})


async def test_crlf_multipart_upload_download_and_query(direct: Direct) -> None:
    response = await _upload(direct, {"FileName": "notes.txt", "AttachableRef": [
        {"EntityRef": {"type": "customer", "value": "1"}}]}, b"line one\r\nline two\r\n")
    assert response.status_code == 200
    created = response.json()["AttachableResponse"][0]["Attachable"]
    assert created["Size"] == 20 and created["ContentType"] == "text/plain"
    assert created["AttachableRef"] == [{"EntityRef": {"type": "Customer", "value": "1"}, "IncludeOnSend": False}]
    assert created["SyncToken"] == "0" and created["MetaData"]["CreateTime"]

    link = await direct.http.get(f"{direct.base}/download/{created['Id']}")
    assert link.status_code == 200 and link.headers["content-type"].startswith("text/plain")
    assert link.text == created["TempDownloadUri"]
    file = await direct.http.get(link.text.removeprefix("http://qbo"))
    assert file.content == b"line one\r\nline two\r\n"
    forged = await direct.http.get(f"/v3/company/{direct.realm}/tempfile/{created['Id']}?sig=0")
    assert forged.status_code == 403

    rows = (await direct.http.get(f"{direct.base}/query", params={"query": "select * from Attachable"})).json()
    assert [a["Id"] for a in rows["QueryResponse"]["Attachable"]] == [created["Id"]]


async def test_upload_replays_the_same_requestid(direct: Direct) -> None:
    first = await _upload(direct, {"FileName": "a.txt"}, b"abc", params={"requestid": "r-1"})
    again = await _upload(direct, {"FileName": "a.txt"}, b"abc", params={"requestid": "r-1"})
    assert first.json()["AttachableResponse"] == again.json()["AttachableResponse"]
    assert direct.sandbox.count(direct.realm, "Attachable") == 1


async def test_upload_refusals_write_nothing(direct: Direct) -> None:
    direct.sandbox.max_upload_bytes = 10  # type: ignore[attr-defined]
    too_large = await _upload(direct, {"FileName": "big.bin"}, b"x" * 11)
    assert too_large.status_code == 413
    assert "exceeds the maximum" in too_large.json()["Fault"]["Error"][0]["Detail"]
    bad_ref = await _upload(direct, {"FileName": "a.txt", "AttachableRef": [
        {"EntityRef": {"type": "Invoice", "value": "424242"}}]}, b"abc")
    assert bad_ref.status_code == 400 and bad_ref.json()["Fault"]["Error"][0]["code"] == "2500"
    bad_json = await direct.http.post(f"{direct.base}/upload", files={
        "file_metadata_0": (None, b"{nope", "application/json"), "file_content_0": ("a.txt", b"abc", "text/plain")})
    assert bad_json.status_code == 400 and bad_json.json()["Fault"]["Error"][0]["code"] == "2010"
    not_multipart = await direct.http.post(f"{direct.base}/upload", json={"FileName": "a.txt"})
    assert not_multipart.status_code == 400
    no_content = await direct.http.post(f"{direct.base}/upload", files={
        "file_metadata_0": (None, b'{"FileName": "a.txt"}', "application/json")})
    assert no_content.status_code == 400 and "file_content_0" in no_content.json()["Fault"]["Error"][0]["Detail"]
    assert direct.sandbox.count(direct.realm, "Attachable") == 0


async def test_upload_needs_a_token(direct: Direct) -> None:
    response = await direct.http.post(f"{direct.base}/upload", headers={"Authorization": "Bearer nope"},
                                      files={"file_content_0": ("a.txt", b"abc", "text/plain")})
    assert response.status_code == 401
