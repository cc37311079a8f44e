"""Document attachments in the Xero sandbox: the unmodified xero-python SDK uploads and reads them, and every JSON
answer validates against Xero's official OpenAPI."""

from __future__ import annotations

import time

from xero_python.accounting import Contact, Contacts, Invoices

from ledgerbridge.sandbox.xero import contract

from .test_sdk import new_invoice, sdk  # noqa: F401  (the SDK fixture, shared)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def test_xero_python_invoice_attachment_round_trip(sdk) -> None:  # noqa: F811
    accounting, _identity, _store, live = sdk
    tenant = live.tenant
    contact = accounting.create_contacts(tenant, contacts=Contacts(contacts=[Contact(name=f"Att {time.time_ns()}")]))
    invoice = accounting.create_invoices(tenant, invoices=Invoices(
        invoices=[new_invoice(contact.contacts[0].contact_id)])).invoices[0]

    created = accounting.create_invoice_attachment_by_file_name(tenant, invoice.invoice_id, "scan.png", PNG,
                                                                 idempotency_key=f"att-{time.time_ns()}")
    attachment = created.attachments[0]
    assert attachment.file_name == "scan.png" and attachment.content_length == len(PNG)
    assert attachment.mime_type == "application/octet-stream"  # the SDK sends the bytes as octet-stream
    assert attachment.url.endswith(f"/Invoices/{invoice.invoice_id}/Attachments/scan.png")

    listed = accounting.get_invoice_attachments(tenant, invoice.invoice_id).attachments
    assert [a.attachment_id for a in listed] == [attachment.attachment_id]
    assert accounting.get_invoice(tenant, invoice.invoice_id).invoices[0].has_attachments is True
    path = accounting.get_invoice_attachment_by_id(tenant, invoice.invoice_id, attachment.attachment_id,
                                                   "application/octet-stream")
    with open(path, "rb") as handle:
        assert handle.read() == PNG

    # Same name again: Xero replaces the file, keeping its AttachmentID.
    again = accounting.create_invoice_attachment_by_file_name(tenant, invoice.invoice_id, "scan.png", b"v2")
    assert again.attachments[0].attachment_id == attachment.attachment_id
    assert again.attachments[0].content_length == 2


async def test_attachment_answers_match_contract(xero) -> None:
    contact = (await xero.ok("PUT", "/Contacts", json={"Contacts": [{"Name": "Attach Ltd"}]}))["Contacts"][0]
    cid = contact["ContactID"]
    template = "/Contacts/{ContactID}/Attachments/{FileName}"
    response = await xero.http.put(f"/api.xro/2.0/Contacts/{cid}/Attachments/terms.pdf", content=b"%PDF-1.4 hi",
                                   headers=xero.headers({"Content-Type": "application/pdf"}))
    assert response.status_code == 200, response.text
    body = xero.body(response)
    contract.validate_response("PUT", template, 200, body)
    assert body["Attachments"][0]["MimeType"] == "application/pdf" and body["Attachments"][0]["ContentLength"] == 11

    listed = await xero.ok("GET", f"/Contacts/{cid}/Attachments", "/Contacts/{ContactID}/Attachments")
    assert [a["FileName"] for a in listed["Attachments"]] == ["terms.pdf"]
    raw = await xero.http.get(f"/api.xro/2.0/Contacts/{cid}/Attachments/terms.pdf", headers=xero.headers())
    assert raw.content == b"%PDF-1.4 hi" and raw.headers["content-type"] == "application/pdf"


async def test_attachment_refusals(xero) -> None:
    invoice = (await xero.ok("GET", "/Invoices"))["Invoices"][0]
    path = f"/api.xro/2.0/Invoices/{invoice['InvoiceID']}/Attachments/empty.txt"
    empty = await xero.http.put(path, content=b"", headers=xero.headers({"Content-Type": "text/plain"}))
    assert empty.status_code == 400
    contract.validate_schema("Error", xero.body(empty))
    missing = await xero.http.put("/api.xro/2.0/Invoices/00000000-0000-0000-0000-000000000001/Attachments/a.txt",
                                  content=b"x", headers=xero.headers({"Content-Type": "text/plain"}))
    assert missing.status_code == 404
    listed = await xero.ok("GET", f"/Invoices/{invoice['InvoiceID']}/Attachments", "/Invoices/{InvoiceID}/Attachments")
    assert listed["Attachments"] == []
