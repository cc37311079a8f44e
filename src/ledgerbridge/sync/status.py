"""What ``GET /sync/status`` reports: per connection and object, the last outcome, any pass in progress and when
it is next polled (adaptive polling, :mod:`.schedule`); per connection its provider notifications and its lag.

``lag_seconds`` is how far behind the provider the store may be: the time since it was last known in step — the
last completed sync, or a later notification whose fetch was applied — or, while a received notification still
waits for its fetch, since that one arrived. Also a Prometheus gauge, ``ledgerbridge_connection_lag_seconds``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from prometheus_client import Gauge
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.connectors import specs
from ledgerbridge.store import notification_receipts, passes, poll_schedule, provider_apps, tenancy
from ledgerbridge.sync.schedule import flowing

LAG = Gauge(
    "ledgerbridge_connection_lag_seconds",
    "How far behind its provider a connection's store may be (since last in step), as of the last status read",
    ["connection_id", "provider"],
)


def _in_step_at(
    last_sync_at: dt.datetime | None, receipts: notification_receipts.Receipts | None
) -> dt.datetime | None:
    at = last_sync_at
    if receipts is not None and receipts.last_notified_at is not None and last_sync_at is not None:
        at = max(last_sync_at, receipts.last_notified_at)
    if receipts is not None and receipts.oldest_pending_at is not None and at is not None:
        at = min(at, receipts.oldest_pending_at)
    return at


def _connection_entry(row: Any, notified: notification_receipts.Receipts | None, now: dt.datetime) -> dict[str, Any]:
    in_step_at = _in_step_at(row.last_sync_at, notified)
    lag = None if in_step_at is None else max(0.0, (now - in_step_at).total_seconds())
    if lag is not None:
        LAG.labels(row.id, row.provider).set(lag)
    return {
        "connection_id": row.id, "provider": row.provider,
        "last_sync_at": row.last_sync_at.isoformat() if row.last_sync_at else None, "objects": {},
        "lag_seconds": None if lag is None else round(lag, 3),
        "notifications": None if notified is None else {
            "last_received_at": notified.last_notified_at.isoformat() if notified.last_notified_at else None,
            "pending": notified.pending, "applied_last_24h": notified.applied,
        },
    }


def _next_poll(plan: poll_schedule.Planned | None) -> dict[str, Any]:
    return {"next_poll_at": plan.due_at.isoformat() if plan else None,
            "poll_interval_seconds": plan.interval if plan else None}


async def project_status(
    db: AsyncConnection, *, project_id: uuid.UUID, connection_id: uuid.UUID | None = None
) -> list[dict[str, Any]]:
    """One entry per connection of the project (or just ``connection_id``), with its objects and lag, in three
    queries."""
    out: dict[str, dict[str, Any]] = {}
    receipts = await notification_receipts.of_connections(db, project_id=project_id)
    plans = await poll_schedule.of_project(db, project_id=str(project_id))
    now = dt.datetime.now(dt.UTC)
    for row in await passes.status(db, project_id=project_id, connection_id=connection_id):
        entry = out.get(row.id)
        if entry is None:
            entry = out[row.id] = _connection_entry(row, receipts.get(row.id), now)
        if row.object_type is None:
            continue
        running = row.started_at is not None
        entry["objects"][row.object_type] = {
            "status": "running" if running else row.status,
            "records": row.pass_records if running else row.records,
            "pages": row.pages if running else None,
            "error": row.error,
            "finished_at": row.finished_at.isoformat() if row.finished_at else None,
            "last_full_reconcile_at": row.last_full_at.isoformat() if row.last_full_at else None,
            **_next_poll(plans.get((row.id, row.object_type))),
        }
    for entry in out.values():
        states = [o["status"] for o in entry["objects"].values()]
        entry["status"] = (
            "never_synced" if not states else "running" if "running" in states
            else "fail" if "failed" in states else "success"
        )
    return list(out.values())


async def notification_setup(db: AsyncConnection, *, project_id: uuid.UUID) -> list[dict[str, Any]]:
    """Per provider that sends change notifications: whether the project set the key they are signed with (never
    the key), and per connection of that provider what arrived and whether notifications flow (which lets its
    notified objects' polling back off, see :mod:`.schedule`)."""
    now = dt.datetime.now(dt.UTC)
    keys = await provider_apps.notification_keys(db, project_id=project_id)
    receipts = await notification_receipts.of_connections(db, project_id=project_id)
    connections = await tenancy.list_connections(db, project_id=project_id)
    out = []
    for spec in specs():
        if spec.notifications is None:
            continue
        mine = [c for c in connections if c.provider == spec.name]
        key_set_at = keys.get(spec.name)
        out.append({
            "provider": spec.name, "key_name": spec.notifications.key_name,
            "key_set_at": key_set_at.isoformat() if key_set_at else None,
            "path": f"/notifications/{spec.name}/{project_id}",
            "connections": [{
                "connection_id": str(c.id),
                "last_received_at": (r.last_notified_at.isoformat() if (r := receipts.get(str(c.id))) is not None
                                     and r.last_notified_at else None),
                "pending": r.pending if r is not None else 0,
                "applied_last_24h": r.applied if r is not None else 0,
                "flowing": flowing(r, now=now),
            } for c in mine],
        })
    return out
