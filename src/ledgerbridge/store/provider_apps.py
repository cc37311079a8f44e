"""A project's own OAuth app at each provider, stored sealed (the caller seals and opens).

The key the provider signs its change notifications with (QuickBooks' verifier token, Xero's webhook key) belongs
to the same app but is set on its own (it is shown in another page of the provider's portal, often later): it is
kept sealed in a row of its own, ``<provider>/notifications``, which :func:`configured` does not list and
:func:`remove` removes with the app.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.crypto import Sealer
from ledgerbridge.store.tables import provider_apps

_NOTIFICATIONS = "/notifications"  # suffix of the provider name on the row holding the notification key


def _where(project_id: uuid.UUID, provider: str):  # type: ignore[no-untyped-def]
    return (provider_apps.c.project_id == str(project_id)) & (provider_apps.c.provider == provider)


async def save(db: AsyncConnection, *, project_id: uuid.UUID, provider: str, sealed: str) -> None:
    now = dt.datetime.now(dt.UTC)
    updated = await db.execute(update(provider_apps).where(_where(project_id, provider))
                               .values(settings=sealed, modified_at=now))
    if updated.rowcount == 0:
        await db.execute(insert(provider_apps).values(
            project_id=str(project_id), provider=provider, settings=sealed, created_at=now, modified_at=now,
        ))


async def load(db: AsyncConnection, *, project_id: uuid.UUID, provider: str) -> str | None:
    return (await db.execute(select(provider_apps.c.settings).where(_where(project_id, provider)))).scalar()


async def configured(db: AsyncConnection, *, project_id: uuid.UUID) -> list[str]:
    """The providers this project has an app for."""
    rows = await db.execute(select(provider_apps.c.provider).where(provider_apps.c.project_id == str(project_id))
                            .order_by(provider_apps.c.provider))
    return [name for name in rows.scalars() if not name.endswith(_NOTIFICATIONS)]


async def remove(db: AsyncConnection, *, project_id: uuid.UUID, provider: str) -> bool:
    await db.execute(delete(provider_apps).where(_where(project_id, provider + _NOTIFICATIONS)))
    result = await db.execute(delete(provider_apps).where(_where(project_id, provider)))
    return result.rowcount > 0


def _key_binding(project_id: uuid.UUID, provider: str) -> str:
    return f"{project_id}/{provider}{_NOTIFICATIONS}"


async def save_notification_key(
    db: AsyncConnection, sealer: Sealer, *, project_id: uuid.UUID, provider: str, key: str
) -> None:
    """Keep the key ``provider`` signs this project's notifications with, sealed."""
    sealed = sealer.seal({"key": key}, bound_to=_key_binding(project_id, provider))
    await save(db, project_id=project_id, provider=provider + _NOTIFICATIONS, sealed=sealed)


async def notification_keys(db: AsyncConnection, *, project_id: uuid.UUID) -> dict[str, dt.datetime]:
    """Per provider, when this project's notification key was last set (the keys themselves stay sealed)."""
    rows = await db.execute(select(provider_apps.c.provider, provider_apps.c.modified_at).where(
        provider_apps.c.project_id == str(project_id), provider_apps.c.provider.endswith(_NOTIFICATIONS)))
    return {row.provider[: -len(_NOTIFICATIONS)]: row.modified_at for row in rows}


async def load_notification_key(
    db: AsyncConnection, sealer: Sealer, *, project_id: uuid.UUID, provider: str
) -> str | None:
    sealed = await load(db, project_id=project_id, provider=provider + _NOTIFICATIONS)
    if sealed is None:
        return None
    return str(sealer.open(sealed, bound_to=_key_binding(project_id, provider))["key"])
