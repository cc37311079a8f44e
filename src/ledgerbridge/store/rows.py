"""Many rows into one table in one statement, whatever their number.

SQLAlchemy's executemany on asyncpg runs the INSERT once per row (pipelined, but planned, bound and executed
row by row on the server, with every value also processed row by row on our side). On PostgreSQL,
:func:`insert_rows` sends one array per column instead and lets the server ``unnest`` them: one round trip and
one execution for the whole batch, the arrays encoded by asyncpg in C. A column holding the same value in every
row (a sync page's project, connection and time) goes once, as a scalar. Elsewhere (SQLite, in-process) it is
the ordinary executemany, which is already cheap there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection


def _type_of(table: Table, name: str, dialect: Dialect) -> str:
    # Without the length: a cast to varchar(n) would silently cut a long value, where the INSERT itself refuses it.
    return re.sub(r"\(\d+(, *\d+)?\)", "", table.c[name].type.compile(dialect=dialect))


@functools.lru_cache(maxsize=128)
def _unnest_insert(table: Table, names: tuple[str, ...], shared: tuple[bool, ...], dialect: Dialect) -> str | None:
    """``INSERT INTO t (a, b, c) SELECT $1::type, u.b, u.c FROM unnest($2::type[], $3::type[]) AS u(b, c)``
    (``shared`` marks the scalar columns), or None when a column left out has a client-side default, which only
    SQLAlchemy's own insert would fill in."""
    given = set(names)
    if any(c.default is not None for c in table.columns if c.name not in given):
        return None
    selected, arrays, aliases = [], [], []
    for position, (name, scalar) in enumerate(zip(names, shared, strict=True), 1):
        if scalar:
            selected.append(f"${position}::{_type_of(table, name, dialect)}")
        else:
            selected.append(f"u.{name}")
            arrays.append(f"${position}::{_type_of(table, name, dialect)}[]")
            aliases.append(name)
    source = f" FROM unnest({', '.join(arrays)}) AS u({', '.join(aliases)})" if arrays else ""
    return f"INSERT INTO {table.name} ({', '.join(names)}) SELECT {', '.join(selected)}{source}"


@functools.lru_cache(maxsize=64)
def _processors(table: Table, names: tuple[str, ...], dialect: Dialect) -> tuple[Callable[[Any], Any] | None, ...]:
    # The columns' own bind processing (e.g. UTCDateTime refusing naive datetimes), as SQLAlchemy would apply it.
    return tuple(table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names)


async def insert_rows(connection: AsyncConnection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` in the caller's transaction."""
    if not rows:
        return
    names = tuple(rows[0])
    dialect = connection.dialect
    if dialect.name != "postgresql" or len(rows) == 1:
        await connection.execute(insert(table), list(rows))
        return
    columns = [[row[name] for row in rows] for name in names]
    shared = tuple(column.count(column[0]) == len(column) for column in columns)  # equal values: one scalar
    statement = _unnest_insert(table, names, shared, dialect)
    if statement is None:
        await connection.execute(insert(table), list(rows))
        return
    parameters = []
    for column, scalar, process in zip(columns, shared, _processors(table, names, dialect), strict=True):
        values = column[:1] if scalar else column
        if process is not None:
            values = [process(value) for value in values]
        parameters.append(values[0] if scalar else values)
    # Through SQLAlchemy's connection (not the raw driver one), so it runs inside the caller's transaction.
    await connection.exec_driver_sql(statement, tuple(parameters))
