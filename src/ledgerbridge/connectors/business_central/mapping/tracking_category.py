"""Tracking ⇄ Business Central dimensions and their values.

A line is tracked by a dimension *value* ("DEPARTMENT: SALES"), so each value is a unified tracking category
(``category_type`` DIMENSION_VALUE, remote key ``{dimensionId}/{valueId}``, ``parent_category`` the dimension);
the dimension itself is a record too (DIMENSION, remote key its id) so the parent reference resolves.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.business_central.mapping.common import RefMaker, id_of, read_date, text
from ledgerbridge.unified.status import RecordStatus
from ledgerbridge.unified.tracking_category import TrackingCategory


def to_unified(row: dict[str, Any], ctx: RefMaker) -> list[RemoteRecord]:
    dimension = id_of(row)
    name = text(row.get("displayName")) or text(row.get("code")) or ""
    updated = read_date(row.get("lastModifiedDateTime"))
    records = [RemoteRecord(
        object="tracking_category", remote_key=dimension, remote_id=dimension,
        data=TrackingCategory(name=name, status=RecordStatus.ACTIVE, category_type="DIMENSION"),
        remote_data={k: v for k, v in row.items() if k != "dimensionValues"}, remote_updated_at=updated)]
    parent = ctx.ref("tracking_category", dimension)
    for value in row.get("dimensionValues") or []:
        key = f"{dimension}/{id_of(value)}"
        records.append(RemoteRecord(
            object="tracking_category", remote_key=key, remote_id=key,
            data=TrackingCategory(name=f"{name}: {text(value.get('displayName')) or text(value.get('code')) or ''}",
                                  status=RecordStatus.ACTIVE, category_type="DIMENSION_VALUE",
                                  parent_category=parent),
            remote_data={**value, "dimensionId": dimension, "dimensionCode": row.get("code")},
            remote_updated_at=read_date(value.get("lastModifiedDateTime")) or updated))
    return records
