"""A full update names the lines it keeps by their QBO Line Id (pure mapping)."""

from __future__ import annotations

import uuid

from ledgerbridge.connectors.base import Ref, Refs
from ledgerbridge.connectors.quickbooks.mapping import invoice as mapping
from ledgerbridge.unified.invoice import InvoiceInput

CUSTOMER = uuid.uuid4()
KEPT = uuid.uuid4()


def _body(*lines: dict[str, object]) -> InvoiceInput:
    return InvoiceInput.model_validate({"type": "ACCOUNTS_RECEIVABLE", "contact_id": str(CUSTOMER),
                                        "line_items": list(lines)})


def _refs(**more: Ref) -> Refs:
    return Refs({CUSTOMER: Ref("contact", "Customer/1", "1"), **{uuid.UUID(k): v for k, v in more.items()}})


def test_a_kept_line_goes_with_its_qbo_id_and_a_new_one_without() -> None:
    refs = _refs(**{str(KEPT): Ref("invoice_line_item", "Invoice/130#2", "2")})
    body = _body({"id": str(KEPT), "description": "kept", "total_amount": 10},
                 {"description": "new", "total_amount": 5})
    lines = mapping.to_remote(body, refs)["Line"]
    assert [(line.get("Id"), line["Description"]) for line in lines] == [("2", "kept"), (None, "new")]


def test_on_create_a_line_id_is_ignored() -> None:
    # No line reference is resolved on a create; an id echoed from some other record names nothing here.
    body = _body({"id": str(KEPT), "description": "echoed", "total_amount": 10})
    assert "Id" not in mapping.to_remote(body, _refs())["Line"][0]


def test_only_a_line_reference_gives_a_line_id() -> None:
    # The same UUID resolved as some other kind of record (it cannot be, but the mapping must not trust that).
    refs = _refs(**{str(KEPT): Ref("item", "Item/2", "2")})
    body = _body({"id": str(KEPT), "description": "x", "total_amount": 10})
    assert "Id" not in mapping.to_remote(body, refs)["Line"][0]
