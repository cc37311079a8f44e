"""``store.rows.insert_rows`` stores exactly what SQLAlchemy's own insert would, in one statement."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.ext.asyncio import AsyncEngine

from ledgerbridge.store import tenancy
from ledgerbridge.store.rows import insert_rows
from ledgerbridge.store.tables import events

AT = dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def _event(project_id: uuid.UUID, n: int, **overrides: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": str(uuid.uuid4()), "project_id": str(project_id), "connection_id": None, "type": f"kind.{n % 2}",
        "status": "success", "method": None, "url": None, "detail": None if n % 3 else f'{{"n":{n}}}',
        "created_at": AT,
    }
    return row | overrides


async def _stored(engine: AsyncEngine, project_id: uuid.UUID) -> list[tuple[object, ...]]:
    async with engine.connect() as db:
        result = await db.execute(
            select(events.c.id, events.c.type, events.c.status, events.c.method, events.c.detail, events.c.created_at)
            .where(events.c.project_id == str(project_id)).order_by(events.c.id)
        )
        return [tuple(row) for row in result]  # (id, type, status, method, detail, created_at)


async def test_insert_rows_matches_sqlalchemy_insert(engine: AsyncEngine) -> None:
    async with engine.begin() as db:
        ours = await tenancy.create_project(db, name="rows")
        theirs = await tenancy.create_project(db, name="reference")
    # Shared columns (project, status, time) and varying ones (id, type, a detail that is sometimes NULL).
    made = [_event(ours.id, n) for n in range(7)]
    reference = [row | {"project_id": str(theirs.id), "id": str(uuid.uuid4())} for row in made]
    async with engine.begin() as db:
        await insert_rows(db, events, made)
        await db.execute(insert(events), reference)
    got, expected = await _stored(engine, ours.id), await _stored(engine, theirs.id)
    assert sorted(map(repr, (row[1:] for row in got))) == sorted(map(repr, (row[1:] for row in expected)))
    assert {row[0] for row in got} == {row["id"] for row in made}
    assert len(got) == 7 and {row[1] for row in got} == {"kind.0", "kind.1"}
    assert all(row[5] == AT and row[5].tzinfo is not None for row in got)  # stored as the instant given
    assert sum(row[4] is None for row in got) == 4


async def test_insert_rows_one_row_and_none(engine: AsyncEngine) -> None:
    async with engine.begin() as db:
        project = await tenancy.create_project(db, name="rows")
        await insert_rows(db, events, [])
        await insert_rows(db, events, [_event(project.id, 3)])
    assert [row[1] for row in await _stored(engine, project.id)] == ["kind.1"]


async def test_insert_rows_refuses_a_naive_time(engine: AsyncEngine) -> None:
    async with engine.begin() as db:
        project = await tenancy.create_project(db, name="rows")
    rows = [_event(project.id, n, created_at=dt.datetime(2030, 1, 1)) for n in range(3)]  # noqa: DTZ001
    with pytest.raises((StatementError, ValueError)):
        async with engine.begin() as db:
            await insert_rows(db, events, rows)
    assert await _stored(engine, project.id) == []


async def test_insert_rows_refuses_a_too_long_value_rather_than_cutting_it(engine: AsyncEngine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite does not enforce VARCHAR lengths")
    async with engine.begin() as db:
        project = await tenancy.create_project(db, name="rows")
    rows = [_event(project.id, n, type="x" * 101) for n in range(3)]  # events.type is VARCHAR(100)
    with pytest.raises(DBAPIError):
        async with engine.begin() as db:
            await insert_rows(db, events, rows)
    assert await _stored(engine, project.id) == []
