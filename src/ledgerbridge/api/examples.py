"""Request examples for the OpenAPI document. They are real: tests validate each against the served schema and
post the invoice one to a sandbox connection (with a real contact id in place of the placeholder)."""

from __future__ import annotations

from typing import Any

from ledgerbridge.objects import ObjectSpec

PLACEHOLDER_ID = "801f9ede-c698-4e66-a7fc-48d19eebaa4f"

# Panora's published invoice example, with its report-shaped line item (accepted as an alias, see
# unified.invoice.InvoiceLineItemInput).
INVOICE: dict[str, Any] = {
    "type": "Sales",
    "number": "INV-001",
    "issue_date": "2024-06-15T12:00:00Z",
    "due_date": "2024-07-15T12:00:00Z",
    "paid_on_date": "2024-07-10T12:00:00Z",
    "memo": "Payment for services rendered",
    "currency": "USD",
    "exchange_rate": "1.2",
    "total_discount": 1000,
    "sub_total": 10000,
    "status": "Paid",
    "total_tax_amount": 1000,
    "total_amount": 11000,
    "balance": 0,
    "contact_id": PLACEHOLDER_ID,
    "accounting_period_id": PLACEHOLDER_ID,
    "tracking_categories": [],
    "line_items": [
        {
            "name": "Net Income",
            "value": 100000,
            "type": "Operating Activities",
            "parent_item": PLACEHOLDER_ID,
            "remote_id": "report_item_1234",
            "remote_generated_at": "2024-07-01T12:00:00Z",
            "company_info_id": PLACEHOLDER_ID,
            "created_at": "2024-06-15T12:00:00Z",
            "modified_at": "2024-06-15T12:00:00Z",
        }
    ],
    "field_mappings": {"custom_field_1": "value1"},
}

CONTACT: dict[str, Any] = {
    "name": "Acme Corporation",
    "is_supplier": False,
    "is_customer": True,
    "email_address": "billing@acme.example",
    "currency": "USD",
}

_CREATE = {"invoice": INVOICE, "contact": CONTACT}
_PATCH: dict[str, dict[str, Any]] = {
    "invoice": {"memo": "Net 30; thank you", "due_date": "2024-07-31T12:00:00Z"},
    "contact": {"email_address": "accounts@acme.example"},
}


def request(spec: ObjectSpec) -> dict[str, Any]:
    example = _CREATE.get(spec.name)
    return {} if example is None else {"example": example}


def patch(spec: ObjectSpec) -> dict[str, Any]:
    example = _PATCH.get(spec.name)
    return {} if example is None else {"example": example}
