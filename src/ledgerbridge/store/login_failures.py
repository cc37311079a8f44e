"""Failed dashboard logins, counted per subject (``name:<username>``, ``addr:<client address>``) in a window."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.store.tables import login_failures


async def record(db: AsyncConnection, *, subjects: list[str], now: dt.datetime) -> None:
    await db.execute(insert(login_failures), [{"subject": subject, "failed_at": now} for subject in subjects])


async def highest_count(db: AsyncConnection, *, subjects: list[str], since: dt.datetime) -> int:
    """The largest count of failures since ``since`` among ``subjects``."""
    rows = await db.execute(
        select(func.count()).select_from(login_failures)
        .where(login_failures.c.subject.in_(subjects), login_failures.c.failed_at > since)
        .group_by(login_failures.c.subject)
    )
    return max((count for (count,) in rows), default=0)


async def forget(db: AsyncConnection, *, subjects: list[str]) -> None:
    """After a successful login: the operator name starts afresh (the address keeps its count)."""
    await db.execute(delete(login_failures).where(login_failures.c.subject.in_(subjects)))


async def sweep(db: AsyncConnection, *, before: dt.datetime) -> None:
    await db.execute(delete(login_failures).where(login_failures.c.failed_at <= before))
