"""Custom fields in the store: a project's definitions (per unified object), their mapping to a path of each
connection's provider records, and the values stored per record. What the paths mean and how values are checked
is :mod:`ledgerbridge.service.field_mappings`; every statement on these three tables is here, scoped by project.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge import wire
from ledgerbridge.store import credential_epoch
from ledgerbridge.store.records import Scope
from ledgerbridge.store.tables import connections, field_definitions, field_mappings, field_values


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _insert(db: AsyncConnection) -> Any:
    return postgresql.insert if db.dialect.name == "postgresql" else sqlite.insert


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


# --- definitions and mappings ----------------------------------------------------------------------------------


async def definition_id(db: AsyncConnection, *, project_id: uuid.UUID, object_type: str, slug: str) -> str | None:
    """The id of the project's definition named ``slug`` on ``object_type``, if any."""
    found = await db.execute(
        select(field_definitions.c.id).where(
            field_definitions.c.project_id == str(project_id),
            field_definitions.c.object_type == object_type,
            field_definitions.c.slug == slug,
        )
    )
    return found.scalar()


async def insert_definition(db: AsyncConnection, definition: Definition) -> None:
    credential_epoch.invalidate()  # the project's reads now look its custom fields up (store.credentials)
    await db.execute(
        insert(field_definitions).values(
            id=str(definition.id), project_id=str(definition.project_id), object_type=definition.object_type,
            slug=definition.slug, description=definition.description, data_type=definition.data_type,
            created_at=definition.created_at, modified_at=definition.modified_at,
        )
    )


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


async def for_write(db: AsyncConnection, scope: Scope, object_name: str) -> list[Row]:
    """The project's definitions on ``object_name`` with their mapping at this connection (``remote_field``, None
    where unmapped): ``id``, ``slug``, ``data_type``, ``remote_field``."""
    result = await db.execute(
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
    return list(result)


async def mapped_at(db: AsyncConnection, scope: Scope) -> list[Row]:
    """Every mapping at this connection: ``id`` (the definition's), ``object_type``, ``data_type``,
    ``remote_field``."""
    result = await db.execute(
        select(field_definitions.c.id, field_definitions.c.object_type, field_definitions.c.data_type,
               field_mappings.c.remote_field)
        .join(field_mappings, field_mappings.c.definition_id == field_definitions.c.id)
        .where(field_mappings.c.project_id == str(scope.project_id),
               field_mappings.c.connection_id == str(scope.connection_id))
    )
    return list(result)


# --- values ----------------------------------------------------------------------------------------------------


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
