"""The values that cross between connectors, the service layer, the sync engine and the store.

A leaf module: it imports nothing from the project, so the store and the sync engine can name a provider record
without importing any connector code (and without import cycles).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for annotations: the store and the sync engine never import pydantic models from here
    from pydantic import BaseModel

    from ledgerbridge.unified.base import Warning_


@dataclass(frozen=True)
class RemoteRecord:
    """One provider record, mapped.

    ``remote_key`` is unique per (connection, object) and is what the Ledgerbridge id is derived from; it differs
    from ``remote_id`` when one unified object spans several provider entities (QuickBooks contacts are
    ``Customer/58`` and ``Vendor/58``; the caller sees ``remote_id`` "58").
    """

    object: str
    remote_key: str
    remote_id: str
    data: BaseModel
    remote_data: dict[str, Any] | None
    remote_updated_at: dt.datetime | None = None
    deleted: bool = False


@dataclass(frozen=True)
class Ref:
    """A unified id resolved to the provider record it stands for."""

    object: str
    remote_key: str
    remote_id: str
    data: dict[str, Any] = field(default_factory=dict)


class Refs:
    """The references of one request, resolved by the service before the connector is called.

    ``refs.remote_id(body.contact_id)`` gives the provider's id; a connector that needs the kind of record
    (customer or vendor) reads ``refs.get(id).remote_key``.
    """

    def __init__(self, resolved: dict[uuid.UUID, Ref] | None = None) -> None:
        self._resolved = resolved or {}

    def get(self, unified_id: uuid.UUID | None) -> Ref | None:
        return None if unified_id is None else self._resolved.get(unified_id)

    def remote_id(self, unified_id: uuid.UUID | None) -> str | None:
        ref = self.get(unified_id)
        return None if ref is None else ref.remote_id

    def __contains__(self, unified_id: object) -> bool:
        return unified_id in self._resolved


@dataclass
class WriteResult:
    record: RemoteRecord
    warnings: list[Warning_] = field(default_factory=list)
    # Records the write changed besides the one it created (a payment changes its invoices' balances).
    also_changed: list[RemoteRecord] = field(default_factory=list)
