"""Creating connections: the one place a provider account is linked to a project."""

from __future__ import annotations

import uuid
from typing import Any

from ledgerbridge.connectors import providers
from ledgerbridge.errors import FieldError, ValidationFailed
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import events, tenancy


async def connect(
    runtime: Runtime,
    *,
    project_id: uuid.UUID,
    provider: str,
    credentials: dict[str, Any],
    account_id: str | None = None,
    linked_user_id: uuid.UUID | None = None,
) -> tenancy.Connection:
    if provider not in providers():
        raise ValidationFailed("Unknown provider",
                               errors=[FieldError("provider", f"must be one of {providers()}")])
    async with runtime.engine.begin() as db:
        connection = await tenancy.create_connection(
            db, runtime.sealer, project_id=project_id, provider=provider, credentials=credentials,
            account_id=account_id, linked_user_id=linked_user_id,
        )
        await events.record(
            db, project_id=project_id, connection_id=connection.id, type="connection.created",
            detail={"provider": provider, "connection_id": str(connection.id)},
        )
    return connection
