"""Tracking categories ⇄ QBO Class and Department (read only).

Both are trees (``ParentRef``); a class's parent is a class and a department's parent a department, so
``parent_category`` points into the same entity. ``category_type`` says which one it is: CLASS or DEPARTMENT.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, active, key, ref_id, updated_at
from ledgerbridge.unified.status import RecordStatus
from ledgerbridge.unified.tracking_category import TrackingCategory


def to_unified(entity: str, remote: dict[str, Any], ctx: RefMaker) -> RemoteRecord:
    remote_id = str(remote["Id"])
    category = TrackingCategory(
        name=remote.get("Name"),
        status=RecordStatus.ACTIVE if active(remote) else RecordStatus.ARCHIVED,
        category_type=entity.upper(),
        parent_category=ref_id(ctx, "tracking_category", entity, remote, "ParentRef"),
    )
    return RemoteRecord(
        object="tracking_category",
        remote_key=key(entity, remote_id),
        remote_id=remote_id,
        data=category,
        remote_data=remote,
        remote_updated_at=updated_at(remote),
    )
