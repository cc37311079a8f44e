"""A project's own OAuth app at each provider (client id, secret, endpoint overrides), sealed at rest.

Unlike Panora, the client id is never served to anyone without the project's credentials: the authorize URL is
built server-side and the browser only ever sees a redirect.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.crypto import Sealer
from ledgerbridge.errors import FieldError, ValidationFailed
from ledgerbridge.onboarding.providers import DEFAULTS, OVERRIDABLE
from ledgerbridge.store.tables import provider_apps


def _bound(project_id: uuid.UUID, provider: str) -> str:
    return f"{project_id}/{provider}"


def validate(provider: str, values: dict[str, Any]) -> dict[str, Any]:
    errors = []
    if provider not in DEFAULTS:
        errors.append(FieldError("provider", f"must be one of {sorted(DEFAULTS)}"))
    for key in ("client_id", "client_secret"):
        if not isinstance(values.get(key), str) or not values[key]:
            errors.append(FieldError(key, "is required"))
    for key in OVERRIDABLE:
        value = values.get(key)
        if value is not None and key != "scope" and not str(value).startswith(("https://", "http://")):
            errors.append(FieldError(key, "must be an http(s) URL"))
    unknown = set(values) - {"client_id", "client_secret", *OVERRIDABLE}
    errors += [FieldError(key, "is not a known setting") for key in sorted(unknown)]
    if errors:
        raise ValidationFailed("Invalid provider app settings", errors=errors)
    return {key: value for key, value in values.items() if value is not None}


async def save(
    db: AsyncConnection, sealer: Sealer, *, project_id: uuid.UUID, provider: str, values: dict[str, Any]
) -> None:
    clean = validate(provider, values)
    sealed = sealer.seal(clean, bound_to=_bound(project_id, provider))
    now = dt.datetime.now(dt.UTC)
    where = (provider_apps.c.project_id == str(project_id)) & (provider_apps.c.provider == provider)
    updated = await db.execute(update(provider_apps).where(where).values(settings=sealed, modified_at=now))
    if updated.rowcount == 0:
        await db.execute(insert(provider_apps).values(
            project_id=str(project_id), provider=provider, settings=sealed, created_at=now, modified_at=now,
        ))


async def load(db: AsyncConnection, sealer: Sealer, *, project_id: uuid.UUID, provider: str) -> dict[str, Any] | None:
    sealed = (await db.execute(select(provider_apps.c.settings).where(
        provider_apps.c.project_id == str(project_id), provider_apps.c.provider == provider,
    ))).scalar()
    return None if sealed is None else sealer.open(sealed, bound_to=_bound(project_id, provider))


async def configured(db: AsyncConnection, *, project_id: uuid.UUID) -> list[str]:
    """The providers this project has an app for (names only: nothing sealed is opened)."""
    rows = await db.execute(select(provider_apps.c.provider).where(provider_apps.c.project_id == str(project_id))
                            .order_by(provider_apps.c.provider))
    return list(rows.scalars())


async def remove(db: AsyncConnection, *, project_id: uuid.UUID, provider: str) -> bool:
    result = await db.execute(delete(provider_apps).where(
        provider_apps.c.project_id == str(project_id), provider_apps.c.provider == provider,
    ))
    return result.rowcount > 0
