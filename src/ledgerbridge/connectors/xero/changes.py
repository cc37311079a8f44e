"""Changing Xero invoices that exist: updates and voids, under Xero's UpdatedDateUTC.

Xero has no conditional write, so the connector reads the invoice, compares its ``UpdatedDateUTC`` with the
version the caller saw (412 if it moved) and only then writes with ``POST /Invoices/{id}``. Voiding follows
Xero's rules: an AUTHORISED invoice becomes VOIDED; a DRAFT or SUBMITTED one can only be DELETED (it comes back
with ``remote_was_deleted``). Mixed into the connector (``class XeroConnector(InvoiceChanges, Connector)``).
"""

from __future__ import annotations

import dataclasses
from typing import Any, cast

from pydantic import BaseModel

from ledgerbridge.connectors.base import Refs, WriteResult, reject
from ledgerbridge.connectors.xero.client import idempotency_key
from ledgerbridge.connectors.xero.mapping import invoice as invoice_mapping
from ledgerbridge.errors import FieldError, PreconditionFailed, ValidationFailed
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import InvoiceInput

OPERATIONS = frozenset({"update", "void"})  # on invoices
_DELETE_ONLY = ("DRAFT", "SUBMITTED")


class InvoiceChanges:
    """update / void / version for the Xero connector (which provides client, context, _lookup, validate…)."""

    client: Any
    context: Any
    _lookup: Any

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        stamp = (remote_data or {}).get("UpdatedDateUTC")
        return None if stamp is None else str(stamp)

    async def _current(self, remote_id: str, expected: str | None) -> dict[str, Any]:
        found = await self.client.get("Invoices", remote_id)
        current = dict(found[0]) if found else {}
        if expected is not None and str(current.get("UpdatedDateUTC")) != expected:
            raise PreconditionFailed(
                "The invoice changed at Xero since it was last read (its UpdatedDateUTC moved); "
                "read it again and reapply your change"
            )
        return current

    async def update(
        self, object_name: str, remote_key: str, patch: BaseModel, refs: Refs, *,
        expected_version: str | None, request_key: str,
    ) -> WriteResult:
        self.require(object_name, "update")  # type: ignore[attr-defined]
        body = cast(InvoiceInput, patch)
        reject(await self.validate(object_name, body, refs))  # type: ignore[attr-defined]
        current = await self._current(remote_key, expected_version)
        if invoice_mapping.to_unified(current, self.context, self._lookup).data.type != body.type:  # type: ignore[attr-defined]
            raise ValidationFailed("The request has invalid fields",
                                   errors=[FieldError("type", "Xero cannot change an invoice's type")])
        await self._learn_item_codes(body, refs)  # type: ignore[attr-defined]
        bare = any(line.account_id is None and line.item_id is None for line in body.line_items)
        default_account = await self._default_account(body.type) if bare else None  # type: ignore[attr-defined]
        element = invoice_mapping.to_remote(body, refs, self._lookup, default_account)
        element.pop("Status", None)  # status moves only through void (and payments), never by an edit
        element["InvoiceID"] = remote_key
        updated = await self.client.post("Invoices", remote_key, element, key=idempotency_key(request_key, "update"))
        warnings = []
        if body.status is not None:
            warnings.append(Warning_(field="status", message="Xero changes status only by approving, paying or "
                                     "voiding; to void, DELETE the invoice"))
        return WriteResult(invoice_mapping.to_unified(updated, self.context, self._lookup), warnings)

    async def void(
        self, object_name: str, remote_key: str, *, expected_version: str | None, request_key: str
    ) -> WriteResult:
        self.require(object_name, "void")  # type: ignore[attr-defined]
        current = await self._current(remote_key, expected_version)
        deleting = current.get("Status") in _DELETE_ONLY
        element = {"InvoiceID": remote_key, "Status": "DELETED" if deleting else "VOIDED"}
        changed = await self.client.post("Invoices", remote_key, element, key=idempotency_key(request_key, "void"))
        record = invoice_mapping.to_unified(changed or current, self.context, self._lookup)
        if not deleting:
            return WriteResult(record)
        return WriteResult(
            dataclasses.replace(record, deleted=True),
            [Warning_(field="status", message=f"Xero cannot void a {current.get('Status')} invoice; it was deleted")],
        )
