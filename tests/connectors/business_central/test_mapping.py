"""Pure Business Central mapping tests on sandbox-shaped payloads: exact Decimals, keys, statuses, refs, errors."""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from decimal import Decimal
from typing import Any

import httpx
import pytest

from ledgerbridge.connectors.base import ConnectionContext, Ref, Refs
from ledgerbridge.connectors.business_central.client import key_segment, odata_instant, token_tenant
from ledgerbridge.connectors.business_central.errors import classify, is_duplicate, is_not_found, is_stale
from ledgerbridge.connectors.business_central.mapping import account, contact, invoice, payment, tracking_category
from ledgerbridge.connectors.business_central.mapping.lookup import Lookup
from ledgerbridge.errors import ProviderAuthFailed, ProviderRateLimited, ProviderRejected, ProviderUnavailable
from ledgerbridge.unified.contact import ContactInput
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceStatus, InvoiceType
from ledgerbridge.unified.status import RecordStatus

CONNECTION = uuid.UUID("00000000-0000-0000-0000-0000000000bc")
INVOICE_ID = "57748d45-2120-49a2-9163-46d5d75d73ad"
CUSTOMER_ID = "6ea83577-ccd3-504d-a15c-1177742a9b5f"
ACCOUNT_ID = "0b6a1c52-7b8e-5f3e-9d0c-6b1f3f2a8e41"
TAX_ID = "1f3e9b2c-0d4a-5e6f-8a7b-9c0d1e2f3a4b"


async def _no_save(credentials: dict[str, Any]) -> None:
    return None


CTX = ConnectionContext(CONNECTION, uuid.uuid4(), "business_central", {}, _no_save)
LOOKUP = Lookup.build([{"id": TAX_ID, "code": "STANDARD"}])


def sales_invoice(**changes: Any) -> dict[str, Any]:
    row = {
        "@odata.etag": 'W/"JzQ3OzcyMTg0Oyc="', "id": INVOICE_ID, "number": "S-INV103001",
        "externalDocumentNumber": "PO-4100", "invoiceDate": "2026-09-01", "dueDate": "2026-10-01",
        "customerId": CUSTOMER_ID, "customerNumber": "C10000", "customerName": "Adatum Corporation",
        "currencyCode": "GBP", "pricesIncludeTax": False, "discountAmount": Decimal("0"),
        "totalAmountExcludingTax": Decimal("694.40"), "totalTaxAmount": Decimal("138.88"),
        "totalAmountIncludingTax": Decimal("833.28"), "remainingAmount": Decimal("833.28"), "status": "Open",
        "lastModifiedDateTime": "2026-12-07T20:17:13.110Z",
        "salesInvoiceLines": [{
            "@odata.etag": 'W/"JzQ1OzU2MzQ2Oyc="', "id": f"{INVOICE_ID}-10000", "documentId": INVOICE_ID,
            "sequence": 10000, "lineType": "Account", "accountId": ACCOUNT_ID, "description": "Delivery",
            "quantity": Decimal("3"), "unitPrice": Decimal("19.99"), "taxCode": "STANDARD",
            "amountExcludingTax": Decimal("59.97"), "totalTaxAmount": Decimal("11.99"),
            "amountIncludingTax": Decimal("71.96")}],
    }
    row.update(changes)
    return row


def test_sales_invoice_to_unified_keeps_bc_figures_and_refs() -> None:
    record = invoice.to_unified("salesInvoices", sales_invoice(), CTX, LOOKUP)
    assert record.remote_key == f"salesInvoices/{INVOICE_ID}" and record.remote_id == INVOICE_ID
    data: Any = record.data
    assert data.type == InvoiceType.ACCOUNTS_RECEIVABLE and data.status == InvoiceStatus.OPEN
    assert (data.sub_total, data.total_tax_amount, data.total_amount, data.balance) == (
        Decimal("694.40"), Decimal("138.88"), Decimal("833.28"), Decimal("833.28"))
    assert data.number == "S-INV103001" and data.memo == "PO-4100"
    assert data.issue_date == dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
    assert data.contact_id == CTX.ref("contact", f"customers/{CUSTOMER_ID}")
    line = data.line_items[0]
    assert (line.quantity, line.unit_price, line.total_amount) == (Decimal(3), Decimal("19.99"), Decimal("59.97"))
    assert line.account_id == CTX.ref("account", ACCOUNT_ID)
    assert line.tax_rate_id == CTX.ref("tax_rate", TAX_ID)
    assert record.remote_updated_at == dt.datetime(2026, 12, 7, 20, 17, 13, 110000, tzinfo=dt.UTC)


@pytest.mark.parametrize(("status", "remaining", "expected"), [
    ("Draft", "833.28", InvoiceStatus.DRAFT), ("In Review", "833.28", InvoiceStatus.SUBMITTED),
    ("Open", "400.00", InvoiceStatus.PARTIALLY_PAID), ("Paid", "0", InvoiceStatus.PAID),
    ("Canceled", "0", InvoiceStatus.VOID),
])
def test_statuses(status: str, remaining: str, expected: InvoiceStatus) -> None:
    row = sales_invoice(status=status, remainingAmount=Decimal(remaining))
    assert invoice.to_unified("salesInvoices", row, CTX, LOOKUP).data.status == expected  # type: ignore[attr-defined]


def test_purchase_invoice_number_is_the_vendors_and_balance_is_the_open_total() -> None:
    row = {"id": INVOICE_ID, "number": "108001", "vendorInvoiceNumber": "INV-7700", "vendorId": CUSTOMER_ID,
           "status": "Open", "totalAmountIncludingTax": Decimal("180.00"), "purchaseInvoiceLines": []}
    data: Any = invoice.to_unified("purchaseInvoices", row, CTX, LOOKUP).data
    assert data.type == InvoiceType.ACCOUNTS_PAYABLE and data.number == "INV-7700"
    assert data.balance == Decimal("180.00") and data.memo is None
    assert data.contact_id == CTX.ref("contact", f"vendors/{CUSTOMER_ID}")


def _body(**changes: Any) -> InvoiceInput:
    contact_id = uuid.uuid4()
    return InvoiceInput.model_validate({
        "type": "ACCOUNTS_RECEIVABLE", "number": "INV-1", "contact_id": str(contact_id), "memo": "ref",
        "issue_date": "2026-11-02T10:00:00Z",
        "line_items": [{"description": "Work", "quantity": "3", "unit_price": "19.99", "tax_rate_id": str(TAX_UUID)},
                       {"description": "Flat", "total_amount": "50.00"}], **changes})


TAX_UUID = uuid.uuid4()


def test_lines_to_remote_names_tax_groups_by_code_and_books_bare_lines_to_the_default() -> None:
    body = _body()
    refs = Refs({TAX_UUID: Ref("tax_rate", TAX_ID, TAX_ID),
                 body.contact_id: Ref("contact", f"customers/{CUSTOMER_ID}", CUSTOMER_ID)})  # type: ignore[dict-item]
    lines = invoice.lines_to_remote(body, refs, LOOKUP, ACCOUNT_ID)
    assert lines[0] == {"lineType": "Account", "accountId": ACCOUNT_ID, "description": "Work",
                        "quantity": Decimal("3"), "unitPrice": Decimal("19.99"), "taxCode": "STANDARD"}
    assert lines[1]["quantity"] == 1 and lines[1]["unitPrice"] == Decimal("50.00") and "taxCode" not in lines[1]
    header = invoice.header_to_remote(body, refs)
    assert header == {"customerId": CUSTOMER_ID, "number": "INV-1", "invoiceDate": "2026-11-02",
                      "externalDocumentNumber": "ref"}


def test_validate_names_every_field_bc_would_refuse() -> None:
    body = _body(memo="m" * 36, number="N" * 21, status="VOID")
    vendor = Ref("contact", f"vendors/{CUSTOMER_ID}", CUSTOMER_ID)
    errors = {e.field for e in invoice.validate(body, Refs({body.contact_id: vendor}))}  # type: ignore[dict-item]
    assert {"memo", "number", "status", "contact_id", "line_items[0].tax_rate_id"} <= errors


def test_contacts_are_customers_or_vendors() -> None:
    row = {"id": CUSTOMER_ID.upper(), "displayName": "Fabrikam, Inc.", "email": "sales@fabrikam.example",
           "taxRegistrationNumber": "GB987654320", "blocked": "All", "currencyCode": ""}
    record = contact.to_unified("vendors", row, CTX)
    data: Any = record.data
    assert record.remote_key == f"vendors/{CUSTOMER_ID}"
    assert (data.is_customer, data.is_supplier, data.status) == (False, True, RecordStatus.ARCHIVED)
    assert data.currency is None
    body = ContactInput(name="Northwind", is_supplier=True, email_address="ap@northwind.example")
    assert contact.entity_set_of(body) == "vendors"
    assert contact.to_remote(body) == {"displayName": "Northwind", "email": "ap@northwind.example"}
    both = ContactInput(name="Both", is_customer=True, is_supplier=True)
    assert contact.entity_set_of(both) == "customers"
    assert [w.field for w in contact.write_warnings(both, "customers")] == ["is_supplier"]


def test_accounts_payments_and_dimensions() -> None:
    chart: Any = account.to_unified("accounts", {"id": ACCOUNT_ID, "number": "40200", "displayName": "Sales",
                                                 "category": "Income", "subCategory": "Services",
                                                 "blocked": False}, CTX).data
    assert chart.classification.value == "REVENUE" and chart.account_number == "40200"
    paid: Any = payment.to_unified("customerPayments", {
        "id": str(uuid.uuid4()), "customerId": CUSTOMER_ID, "amount": Decimal("416.64"),
        "appliesToInvoiceId": INVOICE_ID, "postingDate": "2026-09-11", "documentNumber": "G00002"}, CTX).data
    assert paid.total_amount == Decimal("416.64") and paid.reference == "G00002"
    assert paid.invoice_id == CTX.ref("invoice", f"salesInvoices/{INVOICE_ID}")
    assert paid.line_items[0].applied_amount == Decimal("416.64")
    records = tracking_category.to_unified({"id": TAX_ID, "code": "DEPARTMENT", "displayName": "Department",
                                            "dimensionValues": [{"id": ACCOUNT_ID, "code": "SALES",
                                                                 "displayName": "Sales"}]}, CTX)
    assert [r.remote_key for r in records] == [TAX_ID, f"{TAX_ID}/{ACCOUNT_ID}"]
    assert records[1].data.parent_category == CTX.ref("tracking_category", TAX_ID)  # type: ignore[attr-defined]


def _response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, content=json.dumps(body).encode(), headers=headers)


def test_classify_keeps_business_centrals_message_and_code() -> None:
    refused = classify(_response(400, {"error": {"code": "Application_DialogException",
                                                 "message": "You cannot delete sales invoice 1 because it has "
                                                            "been posted (status Open)."}}))
    assert isinstance(refused, ProviderRejected) and "posted" in refused.detail.message
    assert refused.detail.fields[0].field == "status"
    duplicate = classify(_response(400, {"error": {"code": "Internal_EntityWithSameKeyExists",
                                                   "message": "The record already exists. No.='X'"}}))
    assert duplicate is not None and is_duplicate(duplicate) and "Duplicate" in duplicate.detail.message
    missing = classify(_response(404, {"error": {"code": "BadRequest_NotFound", "message": "gone"}}))
    assert missing is not None and is_not_found(missing)
    stale = classify(_response(412, {"error": {"code": "Request_EntityChanged", "message": "changed"}}))
    assert stale is not None and is_stale(stale)
    limited = classify(_response(429, {"error": {"code": "Application_TooManyRequests", "message": "slow"}},
                                 {"Retry-After": "7"}))
    assert isinstance(limited, ProviderRateLimited) and limited.retry_after == 7
    assert isinstance(classify(_response(401, {"error": {"code": "Unauthorized", "message": "no"}})),
                      ProviderAuthFailed)
    assert isinstance(classify(httpx.Response(503, content=b"<html>")), ProviderUnavailable)
    assert classify(httpx.Response(204)) is None


def test_client_helpers() -> None:
    claims = base64.urlsafe_b64encode(json.dumps({"tid": "tenant-1"}).encode()).decode().rstrip("=")
    assert token_tenant(f"x.{claims}.y") == "tenant-1" and token_tenant("opaque") is None
    assert odata_instant(dt.datetime(2024, 1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))) == \
        "2024-01-01T00:00:00.000000Z"
    assert key_segment(INVOICE_ID) == f"({INVOICE_ID})"
    assert key_segment(f"{INVOICE_ID}-10000") == f"('{INVOICE_ID}-10000')"
