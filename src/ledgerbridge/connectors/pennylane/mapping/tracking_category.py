"""Tracking categories ⇄ Pennylane analytic categories (each in a category group)."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.pennylane.mapping.common import stamp, text
from ledgerbridge.unified.status import RecordStatus
from ledgerbridge.unified.tracking_category import TrackingCategory


def to_unified(remote: dict[str, Any]) -> RemoteRecord:
    category = TrackingCategory(name=text(remote.get("label")), status=RecordStatus.ACTIVE,
                                category_type=text(remote.get("analytical_code")))
    return RemoteRecord(object="tracking_category", remote_key=str(remote["id"]), remote_id=str(remote["id"]),
                        data=category, remote_data=remote, remote_updated_at=stamp(remote.get("updated_at")))
