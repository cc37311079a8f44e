"""Slice Pennylane's official OpenAPI document to the operations the generated test client drives.

Usage: python scripts/slice_pennylane_openapi.py <pennylane_openapi.json> <out.json>
Keeps the document as it is (servers, components, security) but only the paths and methods of OPERATIONS.
"""

from __future__ import annotations

import json
import sys

OPERATIONS = {
    "/api/external/v2/customer_invoices": ("get", "post"),
    "/api/external/v2/customer_invoices/{id}": ("get", "put"),
    "/api/external/v2/customer_invoices/{id}/finalize": ("put",),
    "/api/external/v2/customers": ("get",),
    "/api/external/v2/customers/{id}": ("get",),
    "/api/external/v2/company_customers": ("post",),
    "/api/external/v2/company_customers/{id}": ("get", "put"),
    "/api/external/v2/suppliers": ("get", "post"),
    "/api/external/v2/suppliers/{id}": ("get", "put"),
}


def main(source: str, target: str) -> None:
    with open(source, encoding="utf-8") as fh:
        document = json.load(fh)
    document["paths"] = {path: {method: item[method] for method in OPERATIONS[path]}
                         for path, item in document["paths"].items() if path in OPERATIONS}
    with open(target, "w", encoding="utf-8") as fh:
        json.dump(document, fh, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
