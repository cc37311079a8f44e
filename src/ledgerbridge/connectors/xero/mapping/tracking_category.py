"""Tracking ⇄ Xero TrackingCategory and its Options.

An invoice line is tracked by an *option* ("Region: North"), so each option is a unified tracking category
(``category_type`` TRACKING_OPTION, remote key ``<TrackingCategoryID>/<TrackingOptionID>``, ``parent_category``
the category). The category itself is a record too (TRACKING_CATEGORY, remote key its id) so the parent
reference resolves; invoices cannot refer to it. One Xero category therefore yields 1 + len(Options) records.
"""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.xero.mapping.common import RefMaker, text, tracking_key
from ledgerbridge.unified.status import RecordStatus
from ledgerbridge.unified.tracking_category import TrackingCategory

_STATUS = {"ACTIVE": RecordStatus.ACTIVE, "ARCHIVED": RecordStatus.ARCHIVED}


def to_unified(remote: dict[str, Any], ctx: RefMaker) -> list[RemoteRecord]:
    category_id = str(remote["TrackingCategoryID"]).lower()
    name = text(remote.get("Name")) or ""
    status = str(remote.get("Status") or "ACTIVE").upper()
    options = list(remote.get("Options") or [])
    records = [
        RemoteRecord(
            object="tracking_category",
            remote_key=category_id,
            remote_id=category_id,
            data=TrackingCategory(name=name, status=_STATUS.get(status), category_type="TRACKING_CATEGORY"),
            remote_data={k: v for k, v in remote.items() if k != "Options"},
            deleted=status == "DELETED",
        )
    ]
    parent = ctx.ref("tracking_category", category_id)
    for option in options:
        option_status = str(option.get("Status") or "ACTIVE").upper()
        key = tracking_key(category_id, str(option["TrackingOptionID"]))
        records.append(
            RemoteRecord(
                object="tracking_category",
                remote_key=key,
                remote_id=key,
                data=TrackingCategory(
                    name=f"{name}: {text(option.get('Name')) or ''}",
                    status=_STATUS.get(option_status) if status != "ARCHIVED" else RecordStatus.ARCHIVED,
                    category_type="TRACKING_OPTION",
                    parent_category=parent,
                ),
                remote_data={**option, "TrackingCategoryID": category_id, "TrackingCategoryName": name},
                deleted=option_status == "DELETED" or status == "DELETED",
            )
        )
    return records
