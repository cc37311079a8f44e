"""Changing QBO invoices and bills that exist: sparse updates and voids, under QBO's SyncToken.

QBO refuses a write whose SyncToken is not the entity's current one (fault 5010, "Stale Object Error"); that
refusal is our 412. Invoices are voided (``operation=void``: amounts zeroed, note "Voided"); QBO cannot void a
Bill, so a bill is deleted instead and comes back with ``remote_was_deleted``.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.errors import FieldError, PreconditionFailed, ProviderRejected, ValidationFailed

STALE = "5010"
OPERATIONS = frozenset({"update", "void"})  # on invoices (Invoice and Bill)


def stale_to_412(exc: ProviderRejected) -> Exception:
    if exc.detail.code == STALE:
        return PreconditionFailed(
            "The record changed at QuickBooks since it was last read (its SyncToken moved); "
            "read it again and reapply your change"
        )
    return exc


def check_token(current: dict[str, Any], expected: str | None) -> str:
    """The SyncToken to write with: the caller's expectation if any (QBO then judges it), else the current one."""
    token = str(current.get("SyncToken", "0"))
    if expected is not None and expected != token:
        raise PreconditionFailed(
            "The record changed at QuickBooks since it was last read (its SyncToken moved); "
            "read it again and reapply your change"
        )
    return token


def same_entity(remote_entity: str, wanted: str) -> None:
    if remote_entity != wanted:
        raise ValidationFailed(
            "The request has invalid fields",
            errors=[FieldError("type", f"a QuickBooks {remote_entity} cannot become a {wanted}; create a new one")],
        )
