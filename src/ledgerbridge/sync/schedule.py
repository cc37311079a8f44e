"""Pull frequencies (Panora's ``/sync/pull_frequencies``, per project and vertical) and which syncs are due.

A project without a row pulls its accounting connections every ``DEFAULT["accounting"]`` seconds; 0 turns
scheduled pulls off for a vertical (resyncs still work).

**Adaptive polling.** Within that, each object of a connection has its own interval, set after each of its passes
(:func:`plan`) and kept in the store (:mod:`ledgerbridge.store.poll_schedule`):

- a pass that found a change (a record written or marked deleted) polls the object again after ``MIN_INTERVAL``;
- a quiet pass doubles the interval, up to a ceiling: the project's pull frequency for an object the provider
  notifies every change of (:attr:`Notifications.objects`) while the connection's notifications flow (one applied
  in the last day, none waiting more than ``STUCK``), else ``UNNOTIFIED_MAX``, 15 min (never above the project's).

So an object that is changing is polled every minute; one whose changes nobody would tell us of (a provider
without webhooks, Xero's payments) at least every 15 minutes; one that notifications cover backs off to the pull
frequency, polling only as the safety net; the daily reconcile (:mod:`.engine`) still reads everything. A pull
frequency of 0 turns all of it off. The scheduler ticks once a minute and syncs a connection's due objects only
(:func:`due_objects`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.connectors import spec as provider_spec
from ledgerbridge.objects import OBJECTS
from ledgerbridge.store import notification_receipts, poll_schedule, pull_frequencies, tenancy
from ledgerbridge.store.records import Scope

VERTICALS = ("crm", "accounting", "filestorage", "ecommerce", "ticketing")
# Panora's examples for the other verticals; accounting pulls hourly (Panora's fixed 8 h is one of its bugs).
DEFAULT: dict[str, int] = {"crm": 1800, "accounting": 3600, "filestorage": 28800, "ecommerce": 43200,
                           "ticketing": 86400}

MIN_INTERVAL = 60  # seconds: the scheduler's tick
# Seconds: the longest an object whose changes are not all notified goes unpolled. Bounded by quotas: one quiet
# incremental poll of every object costs ~19 calls at Xero (5,000 a day per tenant: every 5 min would be 5,500)
# and ~23 at QuickBooks; every 15 min is ~1,800 a day.
UNNOTIFIED_MAX = 900
FLOWING = dt.timedelta(hours=24)  # a notification applied this recently: the connection's notifications flow
STUCK = dt.timedelta(minutes=5)  # a notification waiting for its fetch longer than this: they do not
# An object due this soon after a tick is taken by it: its pass started a little after the tick that ran it,
# and should not wait a whole extra tick for those seconds.
SLACK = dt.timedelta(seconds=15)


async def get(db: AsyncConnection, *, project_id: uuid.UUID) -> dict[str, int]:
    stored = await pull_frequencies.get(db, project_id=project_id, verticals=VERTICALS)
    return dict(DEFAULT) if stored is None else stored


async def put(db: AsyncConnection, *, project_id: uuid.UUID, values: dict[str, int]) -> dict[str, int]:
    merged = await get(db, project_id=project_id) | values
    await pull_frequencies.put(db, project_id=project_id, values=merged)
    return merged


async def due_connections(db: AsyncConnection, *, now: dt.datetime) -> list[tuple[str, str]]:
    """(project id, connection id) of every valid connection with pulls on and an object due, oldest first: never
    synced, an object's planned pass due, or (the plans aside) the project's pull frequency elapsed.

    Two queries for all projects (no per-connection lookups); the interval test runs in Python because date
    arithmetic differs between SQLite and PostgreSQL, but only over the candidates' two columns.
    """
    rows = await pull_frequencies.sync_candidates(db, now=now, default_every=DEFAULT["accounting"])
    planned = await poll_schedule.due_connections(db, by=now + SLACK)
    return [
        (row.project_id, row.id)
        for row in rows
        if row.last_sync_at is None or row.id in planned
        or (now - row.last_sync_at).total_seconds() >= row.every
    ]


async def due_objects(db: AsyncConnection, connection: tenancy.Connection, *, now: dt.datetime) -> list[str]:
    """The objects a scheduled sync of ``connection`` polls: those due, and those never polled. Every object when
    the connection never synced or its pull frequency elapsed (the plans aside); none when pulls are off."""
    every = (await get(db, project_id=connection.project_id))["accounting"]
    if every <= 0:
        return []
    listed = [spec.name for spec in OBJECTS if not spec.report]
    last = connection.last_sync_at
    if last is None or (now - last).total_seconds() >= every:
        return listed
    plans = await poll_schedule.of_connection(db, Scope(connection.project_id, connection.id))
    return [name for name in listed if name not in plans or plans[name].due_at <= now + SLACK]


@dataclass(frozen=True)
class Policy:
    """A connection's polling bounds, for :func:`plan`: read once per sync."""

    floor: int
    ceiling: int  # for objects its notifications cover, while they flow
    unnotified_ceiling: int
    notified: frozenset[str]  # the objects its notifications cover

    def ceiling_of(self, object_name: str) -> int:
        return self.ceiling if object_name in self.notified else self.unnotified_ceiling


def flowing(receipts: notification_receipts.Receipts | None, *, now: dt.datetime) -> bool:
    """Whether a connection's notifications flow: one applied within ``FLOWING``, none stuck beyond ``STUCK``."""
    if receipts is None or receipts.last_notified_at is None or now - receipts.last_notified_at > FLOWING:
        return False
    return receipts.oldest_pending_at is None or now - receipts.oldest_pending_at <= STUCK


async def policy(db: AsyncConnection, connection: tenancy.Connection, *, now: dt.datetime) -> Policy:
    every = (await get(db, project_id=connection.project_id))["accounting"]
    every = every if every > 0 else DEFAULT["accounting"]  # pulls off: plans are kept but not used
    floor = min(MIN_INTERVAL, every)
    try:
        notifications = provider_spec(connection.provider).notifications
    except KeyError:
        notifications = None
    covered: Iterable[str] = ()
    if notifications is not None:
        receipts = (await notification_receipts.of_connections(db, project_id=connection.project_id)).get(
            str(connection.id))
        if flowing(receipts, now=now):
            covered = notifications.objects
    return Policy(floor=floor, ceiling=every, unnotified_ceiling=max(floor, min(UNNOTIFIED_MAX, every)),
                  notified=frozenset(covered))


def next_interval(previous: int | None, *, changed: bool, floor: int, ceiling: int) -> int:
    """After a change, the floor; after a quiet pass, twice the last interval, at most the ceiling."""
    if changed or previous is None:
        return floor
    return max(floor, min(previous * 2, ceiling))


async def plan(db: AsyncConnection, scope: Scope, object_name: str, *, changed: int, started: dt.datetime,
               rules: Policy) -> poll_schedule.Planned:
    """Store when ``object_name`` is next polled, after a pass begun at ``started`` that found ``changed`` changes."""
    previous = (await poll_schedule.of_connection(db, scope)).get(object_name)
    interval = next_interval(None if previous is None else previous.interval, changed=changed > 0,
                             floor=rules.floor, ceiling=rules.ceiling_of(object_name))
    planned = poll_schedule.Planned(
        interval=interval, due_at=started + dt.timedelta(seconds=interval),
        changed_at=started if changed else (None if previous is None else previous.changed_at),
    )
    await poll_schedule.save(db, scope, object_name, planned)
    return planned
