"""Tracking categories ⇄ FreeAgent projects: the one way FreeAgent tags work across invoices, bills and time
(providers.md: projects where relevant). Active projects are ACTIVE; completed, cancelled and hidden ones ARCHIVED."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.freeagent.mapping.common import RefMaker, day, key_of, text
from ledgerbridge.unified.status import RecordStatus
from ledgerbridge.unified.tracking_category import TrackingCategory


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    key = str(key_of(remote["url"]))
    category = TrackingCategory(name=text(remote.get("name")), category_type="PROJECT",
                                status=RecordStatus.ACTIVE if remote.get("status") == "Active"
                                else RecordStatus.ARCHIVED)
    return RemoteRecord(object="tracking_category", remote_key=key, remote_id=key, data=category,
                        remote_data=remote, remote_updated_at=day(remote.get("updated_at")))
