"""Drive a live Business Central sandbox with the unmodified pybusinesscentral SDK (generated from Microsoft's
v1.0 OpenAPI document).

pybusinesscentral 3.10.0 pins a newer pydantic than Ledgerbridge, so it lives in its own virtualenv and the test
runs this script there: ``python sdk_driver.py <host> <company_id> <access_token>``. It prints one JSON object
with what it saw; every step goes through the SDK's own models (which parse the sandbox's answers strictly).
"""

from __future__ import annotations

import json
import sys
from datetime import date

from pybusinesscentral import ApiClient, Configuration
from pybusinesscentral.api.customer_api import CustomerApi
from pybusinesscentral.api.sales_invoice_api import SalesInvoiceApi
from pybusinesscentral.api.sales_invoice_line_api import SalesInvoiceLineApi
from pybusinesscentral.models import (
    PostCustomerRequest,
    PostSalesInvoiceLineForSalesInvoiceRequest,
    PostSalesInvoiceRequest,
)


def main(host: str, company: str, token: str) -> dict[str, object]:
    client = ApiClient(Configuration(host=host, access_token=token))
    customers, invoices, lines = CustomerApi(client), SalesInvoiceApi(client), SalesInvoiceLineApi(client)
    out: dict[str, object] = {}

    listed = customers.list_customers(company, top=3)
    out["customers_listed"] = [c.display_name for c in listed.value or []]
    # Request models are built with keywords: ``from_dict`` marks every field as set and the SDK then sends
    # nulls for the v2.0-only fields its request models carry (``addressLine1``…), which v1.0 refuses.
    created = customers.post_customer(company, "application/json", PostCustomerRequest(
        display_name="Northwind Traders", phone_number="+44 20 7946 0999", email="ap@northwind.example"))
    out["customer_created"] = {"id": created.id, "number": created.number, "name": created.display_name}
    raw = json.loads(customers.get_customer_without_preload_content(company, created.id).data)
    customers.patch_customer(company, created.id, "application/json", raw["@odata.etag"],
                             PostCustomerRequest(phone_number="+44 20 7946 0000"))
    out["customer_phone"] = customers.get_customer(company, created.id).phone_number

    invoice = invoices.post_sales_invoice(company, "application/json", PostSalesInvoiceRequest(
        customer_id=created.id, invoice_date=date(2026, 11, 2), due_date=date(2026, 12, 2),
        external_document_number="SDK-1"))
    lines.post_sales_invoice_line_for_sales_invoice(
        company, invoice.id, "application/json", PostSalesInvoiceLineForSalesInvoiceRequest(
            line_type="Account", account_id=sys.argv[4], description="Consulting", quantity=3, unit_price=100.0,
            tax_code="STANDARD"))
    fetched = invoices.get_sales_invoice(company, invoice.id, expand=["salesInvoiceLines"])
    out["invoice"] = {"number": fetched.number, "status": fetched.status,
                      "excl": fetched.total_amount_excluding_tax, "tax": fetched.total_tax_amount,
                      "incl": fetched.total_amount_including_tax,
                      "lines": [line.description for line in fetched.sales_invoice_lines or []]}
    raw = json.loads(invoices.get_sales_invoice_without_preload_content(company, invoice.id).data)
    invoices.patch_sales_invoice(company, invoice.id, "application/json", raw["@odata.etag"],
                                 PostSalesInvoiceRequest(external_document_number="SDK-1b"))
    invoices.post_action_sales_invoices(company, invoice.id)
    after = invoices.get_sales_invoice(company, invoice.id)
    out["after_post"] = {"status": after.status, "ext": after.external_document_number,
                         "remaining": after.remaining_amount}
    listed_invoices = invoices.list_sales_invoices(company, filter=f"customerId eq {created.id}")
    out["invoices_of_customer"] = [i.id for i in listed_invoices.value or []]
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], sys.argv[3]), default=str))
