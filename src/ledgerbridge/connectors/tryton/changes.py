"""Changing Tryton invoices that exist: updates and voids, under Tryton's ``write_date``.

Tryton has no conditional write, so the connector reads the invoice, compares its ``write_date`` with the version
the caller saw (412 if it moved) and only then writes. Tryton edits only draft invoices (validated ones are put
back to draft first; posted and paid ones are refused with a 422, as Tryton itself would refuse them). Lines are
replaced through the invoice (``("delete", old) + ("create", new)``) so the tax lines are recomputed (a direct line
write leaves them stale, local-erp.md pitfall 6), and the header is always written, which moves ``write_date``.
Voiding clicks ``cancel``. Mixed into the connector (``class TrytonConnector(InvoiceChanges, Connector)``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from pydantic import BaseModel

from ledgerbridge.connectors.base import Refs, WriteResult, reject
from ledgerbridge.connectors.tryton import mapping as m
from ledgerbridge.errors import FieldError, NotFound, PreconditionFailed, ValidationFailed
from ledgerbridge.unified.base import Warning_
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceType

OPERATIONS = frozenset({"update", "void"})  # on invoices
_EDITABLE = ("draft", "validated")


def stamp(value: Any) -> str | None:
    """``write_date`` as one string whatever its form (a datetime from RPC, ISO text from the store)."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat()
    return str(value)


class InvoiceChanges:
    """update / void / version for the Tryton connector (which provides rpc, validate, _invoice_defaults…)."""

    rpc: Any

    def version(self, remote_data: dict[str, Any] | None) -> str | None:
        data = remote_data or {}
        return stamp(data.get("write_date") or data.get("create_date"))

    async def _current(self, remote_key: str, expected: str | None) -> dict[str, Any]:
        invoice_id = m.parse_key(remote_key, m.MODELS["invoice"])
        rows = await self.rpc.read("account.invoice", [invoice_id], [
            "state", "type", "lines", "write_date", "create_date"]) if invoice_id is not None else []
        if not rows:
            raise NotFound("The invoice no longer exists in Tryton")
        current = dict(rows[0])
        if expected is not None and self.version(current) != expected:
            raise PreconditionFailed(
                "The invoice changed in Tryton since it was last read (its write_date moved); "
                "read it again and reapply your change")
        return current

    async def update(
        self, object_name: str, remote_key: str, patch: BaseModel, refs: Refs, *,
        expected_version: str | None, request_key: str,
    ) -> WriteResult:
        self.require(object_name, "update")  # type: ignore[attr-defined]
        body = cast(InvoiceInput, patch)
        reject(await self.validate(object_name, body, refs))  # type: ignore[attr-defined]
        current = await self._current(remote_key, expected_version)
        errors = []
        if current["type"] != ("out" if body.type is InvoiceType.ACCOUNTS_RECEIVABLE else "in"):
            errors.append(FieldError("type", "Tryton cannot change an invoice's type"))
        if current["state"] not in _EDITABLE:
            errors.append(FieldError("status", f"Tryton edits only draft invoices; this one is {current['state']}"))
        if errors:
            raise ValidationFailed("The request has invalid fields", errors=errors)
        line_refs = [m.LineRefs(product=_int(refs.remote_id(line.item_id)), account=_int(refs.remote_id(
            line.account_id)), tax=_int(refs.remote_id(line.tax_rate_id))) for line in body.line_items]
        defaults = await self._invoice_defaults(body, refs, line_refs)  # type: ignore[attr-defined]
        values, warnings = m.invoice_to_remote(body, defaults, line_refs)
        for fixed in ("type", "company"):
            values.pop(fixed, None)
        values["lines"] = [("delete", list(current["lines"])), *values["lines"]]
        invoice_id = int(m.parse_key(remote_key, m.MODELS["invoice"]) or 0)
        if current["state"] == "validated":
            await self.rpc.model("account.invoice", "draft", [invoice_id], write=True)
        await self.rpc.model("account.invoice", "write", [invoice_id], values, write=True)
        if current["state"] == "validated":
            await self._button(invoice_id, "validate_invoice", warnings)  # type: ignore[attr-defined]
        if body.status is not None:
            warnings.append(Warning_(field="status", message="Tryton changes status only by posting, paying or "
                                     "cancelling; to void, DELETE the invoice"))
        record = await self.fetch("invoice", remote_key)  # type: ignore[attr-defined]
        assert record is not None
        return WriteResult(record, warnings)

    async def void(
        self, object_name: str, remote_key: str, *, expected_version: str | None, request_key: str
    ) -> WriteResult:
        self.require(object_name, "void")  # type: ignore[attr-defined]
        current = await self._current(remote_key, expected_version)
        warnings: list[Warning_] = []
        if current["state"] != "cancelled":
            invoice_id = int(m.parse_key(remote_key, m.MODELS["invoice"]) or 0)
            await self._button(invoice_id, "cancel", warnings)  # type: ignore[attr-defined]
        record = await self.fetch("invoice", remote_key)  # type: ignore[attr-defined]
        assert record is not None
        return WriteResult(record, warnings)


def _int(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None
