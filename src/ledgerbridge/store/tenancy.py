"""Projects, API keys, linked users and connections: who may see what."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.crypto import Sealer, hash_api_key, new_api_key, new_connection_token
from ledgerbridge.store import credential_epoch
from ledgerbridge.store.tables import api_keys, connections, field_definitions, linked_users, projects


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Project:
    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class Connection:
    id: uuid.UUID
    project_id: uuid.UUID
    provider: str
    status: str
    token: str
    account_id: str | None
    linked_user_id: uuid.UUID | None
    sealed_credentials: str
    created_at: dt.datetime
    last_sync_at: dt.datetime | None


async def create_project(connection: AsyncConnection, *, name: str) -> Project:
    project = Project(uuid.uuid4(), name)
    await connection.execute(insert(projects).values(id=str(project.id), name=name, created_at=_now()))
    return project


async def create_api_key(connection: AsyncConnection, *, project_id: uuid.UUID, name: str = "default") -> str:
    """Create a key and return it: the only time it is ever shown. Only its hash is stored."""
    key = new_api_key()
    await connection.execute(
        insert(api_keys).values(
            id=str(uuid.uuid4()),
            project_id=str(project_id),
            name=name,
            key_hash=hash_api_key(key),
            prefix=key[:10],
            created_at=_now(),
        )
    )
    return key


async def project_for_api_key(connection: AsyncConnection, key: str) -> Project | None:
    result = await connection.execute(
        select(projects.c.id, projects.c.name)
        .join(api_keys, api_keys.c.project_id == projects.c.id)
        .where(api_keys.c.key_hash == hash_api_key(key), api_keys.c.revoked_at.is_(None))
    )
    row = result.first()
    return None if row is None else Project(uuid.UUID(row.id), row.name)


async def create_linked_user(
    connection: AsyncConnection, *, project_id: uuid.UUID, origin_user_id: str, alias: str | None = None
) -> uuid.UUID:
    existing = (
        await connection.execute(
            select(linked_users.c.id).where(
                linked_users.c.project_id == str(project_id), linked_users.c.origin_user_id == origin_user_id
            )
        )
    ).scalar()
    if existing is not None:
        return uuid.UUID(existing)
    user_id = uuid.uuid4()
    await connection.execute(
        insert(linked_users).values(
            id=str(user_id), project_id=str(project_id), origin_user_id=origin_user_id, alias=alias, created_at=_now()
        )
    )
    return user_id


async def create_connection(
    connection: AsyncConnection,
    sealer: Sealer,
    *,
    project_id: uuid.UUID,
    provider: str,
    credentials: dict[str, Any],
    account_id: str | None = None,
    linked_user_id: uuid.UUID | None = None,
    status: str = "valid",
) -> Connection:
    connection_id = uuid.uuid4()
    now = _now()
    row = {
        "id": str(connection_id),
        "project_id": str(project_id),
        "linked_user_id": None if linked_user_id is None else str(linked_user_id),
        "provider": provider,
        "status": status,
        "token": new_connection_token(),
        "account_id": account_id,
        "credentials": sealer.seal(credentials, bound_to=str(connection_id)),
        "created_at": now,
        "modified_at": now,
    }
    await connection.execute(insert(connections).values(**row))
    return _connection(row | {"last_sync_at": None})


def _connection(row: Any) -> Connection:
    values: Mapping[str, Any] = row if isinstance(row, dict) else row._mapping
    linked = values["linked_user_id"]
    return Connection(
        id=uuid.UUID(values["id"]),
        project_id=uuid.UUID(values["project_id"]),
        provider=values["provider"],
        status=values["status"],
        token=values["token"],
        account_id=values["account_id"],
        linked_user_id=None if linked is None else uuid.UUID(linked),
        sealed_credentials=values["credentials"],
        created_at=values["created_at"],
        last_sync_at=values["last_sync_at"],
    )


async def resolve_credentials(
    connection: AsyncConnection, *, api_key: str, token: str,
) -> tuple[Project, Connection | None, bool] | None:
    """Key and token in one query: (project, its connection with this token or None, whether the project defines
    any custom field), or None for a bad key."""
    joined = api_keys.outerjoin(
        connections, (connections.c.project_id == api_keys.c.project_id) & (connections.c.token == token)
    ).join(projects, projects.c.id == api_keys.c.project_id)
    custom_fields = exists().where(field_definitions.c.project_id == api_keys.c.project_id)
    row = (
        await connection.execute(
            select(projects.c.name.label("project_name"), api_keys.c.project_id.label("key_project"),
                   custom_fields.label("custom_fields"), connections)
            .select_from(joined)
            .where(api_keys.c.key_hash == hash_api_key(api_key), api_keys.c.revoked_at.is_(None))
        )
    ).first()
    if row is None:
        return None
    project = Project(uuid.UUID(row.key_project), row.project_name)
    return project, (None if row.id is None else _connection(row)), bool(row.custom_fields)


async def connection_for_token(connection: AsyncConnection, *, project_id: uuid.UUID, token: str) -> Connection | None:
    result = await connection.execute(
        select(connections).where(connections.c.token == token, connections.c.project_id == str(project_id))
    )
    row = result.first()
    return None if row is None else _connection(row)


async def get_connection(
    connection: AsyncConnection, *, project_id: uuid.UUID, connection_id: uuid.UUID
) -> Connection | None:
    result = await connection.execute(
        select(connections).where(
            connections.c.id == str(connection_id), connections.c.project_id == str(project_id)
        )
    )
    row = result.first()
    return None if row is None else _connection(row)


async def connection_by_reference(connection: AsyncConnection, reference: str) -> Connection | None:
    """An operator's lookup (``ledgerbridge sync CONNECTION``): a connection of any project, by id or token. The
    only lookup not scoped by a project the caller already holds: the operator names the connection itself."""
    try:
        as_id: str | None = str(uuid.UUID(reference))
    except ValueError:
        as_id = None
    result = await connection.execute(
        select(connections).where(or_(connections.c.token == reference, connections.c.id == as_id))
    )
    row = result.first()
    return None if row is None else _connection(row)


async def list_connections(connection: AsyncConnection, *, project_id: uuid.UUID) -> list[Connection]:
    result = await connection.execute(
        select(connections).where(connections.c.project_id == str(project_id)).order_by(connections.c.created_at)
    )
    return [_connection(row) for row in result]


async def save_credentials(
    connection: AsyncConnection, sealer: Sealer, *, project_id: uuid.UUID, connection_id: uuid.UUID,
    credentials: dict[str, Any],
) -> str:
    """Seal and store ``credentials``; returns the sealed value, which is what cached connectors are keyed by."""
    sealed = sealer.seal(credentials, bound_to=str(connection_id))
    credential_epoch.invalidate()
    await connection.execute(
        update(connections)
        .where(connections.c.id == str(connection_id), connections.c.project_id == str(project_id))
        .values(credentials=sealed, modified_at=_now())
    )
    return sealed


async def mark_synced(
    connection: AsyncConnection, *, project_id: uuid.UUID, connection_id: uuid.UUID, at: dt.datetime
) -> None:
    credential_epoch.invalidate()
    await connection.execute(
        update(connections)
        .where(connections.c.id == str(connection_id), connections.c.project_id == str(project_id))
        .values(last_sync_at=at)
    )


async def last_syncs(connection: AsyncConnection) -> list[tuple[str, str, dt.datetime | None]]:
    """(connection id, provider, last sync) of every project's connections: the operator's sync-lag gauge, the one
    reader of connections across projects besides the scheduler."""
    result = await connection.execute(select(connections.c.id, connections.c.provider, connections.c.last_sync_at))
    return [(row.id, row.provider, row.last_sync_at) for row in result]
