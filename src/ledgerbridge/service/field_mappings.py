"""Custom fields: a project defines them per unified object, maps each to a field of a connection's provider, and
their values are stored per record, returned in the record's ``field_mappings`` and sent on writes.

A mapping's ``remote_field`` is a path into the provider's raw record, so no provider is named here:

- ``Memo`` or ``Address.City`` — nested keys;
- ``CustomField[DefinitionId=1].StringValue`` — in the list ``CustomField``, the element whose ``DefinitionId``
  is ``"1"`` (QuickBooks custom fields); ``[DefinitionId=1,Type=StringType]`` matches (and, on writes, sets)
  several keys.

:func:`read_remote` takes a value out of ``remote_data`` (sync); :func:`apply_remote` puts one into a provider
payload (writes). Values are JSON: a string, or a number kept as an exact Decimal.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge import wire
from ledgerbridge.errors import Conflict, FieldError, NotFound, ValidationFailed
from ledgerbridge.objects import BY_NAME
from ledgerbridge.remote_paths import apply_remote as apply_remote  # re-exported: callers map and apply together
from ledgerbridge.remote_paths import parse_path as parse_path
from ledgerbridge.remote_paths import read_remote
from ledgerbridge.store.records import Scope, Upserted
from ledgerbridge.store.tables import connections, field_definitions, field_mappings, field_values

DATA_TYPES = ("string", "number")
SLUG = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,99}$")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- definitions and mappings ----------------------------------------------------------------------------------


def object_type(value: str) -> str:
    """``invoice`` or Panora-style ``accounting.invoice`` → ``invoice``; ValueError if it is no unified object."""
    name = value.removeprefix("accounting.")
    if name not in BY_NAME:
        raise ValueError(f"must be one of {sorted(BY_NAME)} (optionally prefixed accounting.)")
    return name


@dataclass
class Definition:
    id: uuid.UUID
    project_id: uuid.UUID
    object_type: str
    slug: str
    description: str | None
    data_type: str
    created_at: dt.datetime
    modified_at: dt.datetime
    mappings: list[dict[str, Any]] = field(default_factory=list)


def _definition(row: Any) -> Definition:
    return Definition(uuid.UUID(row.id), uuid.UUID(row.project_id), row.object_type, row.slug, row.description,
                      row.data_type, row.created_at, row.modified_at)


async def define(
    db: AsyncConnection, *, project_id: uuid.UUID, object_type: str, slug: str, description: str | None,
    data_type: str,
) -> Definition:
    existing = (
        await db.execute(
            select(field_definitions.c.id).where(
                field_definitions.c.project_id == str(project_id),
                field_definitions.c.object_type == object_type,
                field_definitions.c.slug == slug,
            )
        )
    ).first()
    if existing is not None:
        raise Conflict(f"A custom field {slug!r} is already defined on {object_type} (id {existing.id})")
    now = _now()
    definition = Definition(uuid.uuid4(), project_id, object_type, slug, description, data_type, now, now)
    await db.execute(
        insert(field_definitions).values(
            id=str(definition.id), project_id=str(project_id), object_type=object_type, slug=slug,
            description=description, data_type=data_type, created_at=now, modified_at=now,
        )
    )
    return definition


async def get_definition(db: AsyncConnection, *, project_id: uuid.UUID, definition_id: uuid.UUID) -> Definition | None:
    row = (
        await db.execute(
            select(field_definitions).where(
                field_definitions.c.project_id == str(project_id), field_definitions.c.id == str(definition_id)
            )
        )
    ).first()
    return None if row is None else _definition(row)


async def target_connections(
    db: AsyncConnection, *, project_id: uuid.UUID, provider: str, linked_user_id: uuid.UUID | None
) -> list[uuid.UUID]:
    """The project's connections of ``provider`` (of one linked user when given): what a mapping applies to."""
    query = select(connections.c.id).where(
        connections.c.project_id == str(project_id), connections.c.provider == provider
    )
    if linked_user_id is not None:
        query = query.where(connections.c.linked_user_id == str(linked_user_id))
    return [uuid.UUID(row.id) for row in await db.execute(query.order_by(connections.c.created_at))]


async def map_field(
    db: AsyncConnection, *, project_id: uuid.UUID, definition_id: uuid.UUID, connection_ids: Sequence[uuid.UUID],
    remote_field: str,
) -> None:
    """Map a definition to ``remote_field`` at each connection (replacing an earlier mapping there)."""
    now = _now()
    rows = [
        {"definition_id": str(definition_id), "connection_id": str(c), "project_id": str(project_id),
         "remote_field": remote_field, "created_at": now}
        for c in connection_ids
    ]
    statement = _insert(db)(field_mappings)
    await db.execute(
        statement.on_conflict_do_update(
            index_elements=[field_mappings.c.definition_id, field_mappings.c.connection_id],
            set_={"remote_field": statement.excluded.remote_field, "created_at": statement.excluded.created_at},
        ),
        rows,
    )


async def definitions(db: AsyncConnection, *, project_id: uuid.UUID) -> list[Definition]:
    """Every definition of the project with its mappings (two queries)."""
    found = {
        row.id: _definition(row)
        for row in await db.execute(
            select(field_definitions)
            .where(field_definitions.c.project_id == str(project_id))
            .order_by(field_definitions.c.created_at, field_definitions.c.slug)
        )
    }
    mapped = await db.execute(
        select(field_mappings, connections.c.provider)
        .join(connections, connections.c.id == field_mappings.c.connection_id)
        .where(field_mappings.c.project_id == str(project_id))
        .order_by(field_mappings.c.created_at)
    )
    for row in mapped:
        definition = found.get(row.definition_id)
        if definition is not None:
            definition.mappings.append(
                {"id_connection": row.connection_id, "provider": row.provider, "remote_id": row.remote_field}
            )
    return list(found.values())


# --- values ----------------------------------------------------------------------------------------------------


def _insert(db: AsyncConnection) -> Any:
    return postgresql.insert if db.dialect.name == "postgresql" else sqlite.insert


def check_value(data_type: str, value: Any) -> str | None:
    """Why ``value`` does not fit ``data_type``, or None."""
    if value is None:
        return None
    if data_type == "number":
        if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
            return "must be a number"
        return None
    if not isinstance(value, str):
        return "must be a string"
    return None


def _coerce(data_type: str, value: Any) -> Any:
    """Provider values arrive loosely typed (QuickBooks sends numbers as strings); None when they do not fit."""
    if value is None or isinstance(value, dict | list):
        return None
    if data_type == "number":
        try:
            return Decimal(str(value))
        except ArithmeticError:
            return None
    return value if isinstance(value, str) else str(value)


@dataclass
class Prepared:
    """A write's ``field_mappings`` checked against the project's definitions."""

    by_definition: dict[uuid.UUID, Any] = field(default_factory=dict)  # what to store on the created record
    remote: dict[str, Any] = field(default_factory=dict)  # remote path → value, for the connector's payload
    unmapped: list[str] = field(default_factory=list)  # slugs with no mapping at this connection (stored only)
    undefined: list[str] = field(default_factory=list)  # slugs the project never defined (not kept: a warning)


async def prepare(db: AsyncConnection, scope: Scope, object_name: str, values: Mapping[str, Any]) -> Prepared:
    """Check a write's ``field_mappings`` (``{slug: value}``); raise ValidationFailed naming every bad one."""
    prepared = Prepared()
    if not values:
        return prepared
    rows = {
        row.slug: row
        for row in await db.execute(
            select(field_definitions.c.id, field_definitions.c.slug, field_definitions.c.data_type,
                   field_mappings.c.remote_field)
            .select_from(field_definitions.outerjoin(
                field_mappings,
                (field_mappings.c.definition_id == field_definitions.c.id)
                & (field_mappings.c.connection_id == str(scope.connection_id)),
            ))
            .where(field_definitions.c.project_id == str(scope.project_id),
                   field_definitions.c.object_type == object_name)
        )
    }
    errors = []
    for slug, value in values.items():
        row = rows.get(slug)
        if row is None:
            # Panora's own examples send made-up slugs; refusing them would refuse the seed request. The write
            # goes on and the caller is told, in the answer's warnings, that the value was not kept.
            prepared.undefined.append(slug)
            continue
        problem = check_value(row.data_type, value)
        if problem is not None:
            errors.append(FieldError(f"field_mappings.{slug}", problem))
            continue
        prepared.by_definition[uuid.UUID(row.id)] = value
        if row.remote_field is None:
            prepared.unmapped.append(slug)
        else:
            prepared.remote[row.remote_field] = value
    if errors:
        raise ValidationFailed("The request has invalid custom fields", errors=errors)
    return prepared


async def save(
    db: AsyncConnection, *, project_id: uuid.UUID, values: Mapping[tuple[uuid.UUID, uuid.UUID], Any]
) -> None:
    """Upsert values keyed by (record id, definition id) in one statement; a None value is stored as null."""
    if not values:
        return
    now = _now()
    rows = [
        {"record_id": str(record_id), "definition_id": str(definition_id), "project_id": str(project_id),
         "value": wire.dumps(value), "modified_at": now}
        for (record_id, definition_id), value in values.items()
    ]
    statement = _insert(db)(field_values)
    await db.execute(
        statement.on_conflict_do_update(
            index_elements=[field_values.c.record_id, field_values.c.definition_id],
            set_={"value": statement.excluded.value, "modified_at": statement.excluded.modified_at},
            where=field_values.c.project_id == statement.excluded.project_id,
        ),
        rows,
    )


async def capture(db: AsyncConnection, scope: Scope, upserted: Sequence[Upserted]) -> int:
    """Sync: read mapped custom fields out of each changed record's ``remote_data`` and store them.

    Two statements per page (the connection's mappings, then one upsert), none when nothing is mapped.
    """
    changed = [u for u in upserted if u.change != "unchanged" and getattr(u.row, "remote_data", None)]
    if not changed:
        return 0
    mapped = list(
        await db.execute(
            select(field_definitions.c.id, field_definitions.c.object_type, field_definitions.c.data_type,
                   field_mappings.c.remote_field)
            .join(field_mappings, field_mappings.c.definition_id == field_definitions.c.id)
            .where(field_mappings.c.project_id == str(scope.project_id),
                   field_mappings.c.connection_id == str(scope.connection_id))
        )
    )
    if not mapped:
        return 0
    values: dict[tuple[uuid.UUID, uuid.UUID], Any] = {}
    for item in changed:
        remote = wire.loads(item.row.remote_data)
        for m in mapped:
            if m.object_type == item.object_type:
                value = _coerce(m.data_type, read_remote(remote, m.remote_field))
                if value is not None:
                    values[(item.id, uuid.UUID(m.id))] = value
    await save(db, project_id=scope.project_id, values=values)
    return len(values)


async def values_json(db: AsyncConnection, *, project_id: uuid.UUID, record_ids: Iterable[str]) -> dict[str, str]:
    """``record id → '{"slug":value,…}'`` for a page of records, in one query; records without values are absent
    (render ``{}`` for them)."""
    wanted = sorted(set(record_ids))
    if not wanted:
        return {}
    rows = await db.execute(
        select(field_values.c.record_id, field_definitions.c.slug, field_values.c.value)
        .join(field_definitions, field_definitions.c.id == field_values.c.definition_id)
        .where(field_values.c.project_id == str(project_id), field_values.c.record_id.in_(wanted))
        .order_by(field_values.c.record_id, field_definitions.c.slug)
    )
    parts: dict[str, list[str]] = {}
    for row in rows:
        parts.setdefault(row.record_id, []).append(wire.dumps(row.slug) + ":" + row.value)
    return {record_id: "{" + ",".join(items) + "}" for record_id, items in parts.items()}


async def values_page(
    db: AsyncConnection, *, project_id: uuid.UUID, page: int, limit: int
) -> list[dict[str, Any]]:
    rows = await db.execute(
        select(field_values, field_definitions.c.slug, field_definitions.c.object_type)
        .join(field_definitions, field_definitions.c.id == field_values.c.definition_id)
        .where(field_values.c.project_id == str(project_id))
        .order_by(field_values.c.record_id, field_definitions.c.slug)
        .offset((page - 1) * limit)
        .limit(limit)
    )
    return [
        {"id_entity": r.record_id, "id_attribute": r.definition_id, "slug": r.slug,
         "ressource_owner_type": f"accounting.{r.object_type}", "data": wire.loads(r.value),
         "modified_at": r.modified_at}
        for r in rows
    ]


async def entities_page(
    db: AsyncConnection, *, project_id: uuid.UUID, page: int, limit: int
) -> list[dict[str, Any]]:
    """The records that carry custom-field values (Panora's "entities": here simply the unified record ids)."""
    rows = await db.execute(
        select(field_values.c.record_id, func.count().label("values"), func.max(field_values.c.modified_at).label("at"))
        .where(field_values.c.project_id == str(project_id))
        .group_by(field_values.c.record_id)
        .order_by(field_values.c.record_id)
        .offset((page - 1) * limit)
        .limit(limit)
    )
    return [{"id_entity": r.record_id, "ressource_owner_id": r.record_id, "values": int(r.values),
             "modified_at": r.at} for r in rows]


def require(definition: Definition | None, definition_id: str) -> Definition:
    if definition is None:
        raise NotFound(f"No custom field with id {definition_id}")
    return definition
