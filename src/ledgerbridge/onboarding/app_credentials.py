"""A project's own OAuth app at each provider (client id, secret, endpoint overrides), sealed at rest; and which
providers linked with a form of keys (Tryton) the project offers on its connect page.

Unlike Panora, the client id is never served to anyone without the project's credentials: the authorize URL is
built server-side and the browser only ever sees a redirect.

A key-form provider takes a server URL from whoever holds a connect link, so it is off until the project enables
it (:func:`enable`: a provider-app row with no settings); the connect page offers and accepts only enabled ones.
"""

from __future__ import annotations

import uuid
from typing import Any

from ledgerbridge.connectors import specs
from ledgerbridge.connectors.provider_spec import OAuth2
from ledgerbridge.crypto import Sealer
from ledgerbridge.errors import FieldError, ValidationFailed
from ledgerbridge.store import provider_apps
from ledgerbridge.store.session import Db


def _bound(project_id: uuid.UUID, provider: str) -> str:
    return f"{project_id}/{provider}"


def oauth_providers() -> list[str]:
    """The providers a project sets up an OAuth app for."""
    return sorted(s.name for s in specs() if s.oauth is not None)


def key_providers() -> list[str]:
    """The providers linked with a form of keys, which a project enables for its connect page."""
    return sorted(s.name for s in specs() if s.key_form is not None)


def validate(provider: str, values: dict[str, Any]) -> dict[str, Any]:
    if provider in key_providers():  # enabled, nothing to set
        if values:
            raise ValidationFailed("Invalid provider settings", errors=[
                FieldError(key, f"is not a setting of {provider}, which is enabled with no settings")
                for key in sorted(values)])
        return {}
    errors = []
    if provider not in oauth_providers():
        errors.append(FieldError("provider", f"must be one of {oauth_providers()}"))
    for key in ("client_id", "client_secret"):
        if not isinstance(values.get(key), str) or not values[key]:
            errors.append(FieldError(key, "is required"))
    for key in OAuth2.OVERRIDABLE:
        value = values.get(key)
        if value is not None and key != "scope" and not str(value).startswith(("https://", "http://")):
            errors.append(FieldError(key, "must be an http(s) URL"))
    unknown = set(values) - {"client_id", "client_secret", *OAuth2.OVERRIDABLE}
    errors += [FieldError(key, "is not a known setting") for key in sorted(unknown)]
    if errors:
        raise ValidationFailed("Invalid provider app settings", errors=errors)
    return {key: value for key, value in values.items() if value is not None}


async def save(
    db: Db, sealer: Sealer, *, project_id: uuid.UUID, provider: str, values: dict[str, Any]
) -> None:
    clean = validate(provider, values)
    await provider_apps.save(db, project_id=project_id, provider=provider,
                             sealed=sealer.seal(clean, bound_to=_bound(project_id, provider)))


async def enable(db: Db, sealer: Sealer, *, project_id: uuid.UUID, provider: str) -> None:
    """Offer a key-form provider (Tryton) on the project's connect page."""
    if provider not in key_providers():
        raise ValidationFailed("Invalid provider", errors=[FieldError("provider", f"must be one of {key_providers()}")])
    await save(db, sealer, project_id=project_id, provider=provider, values={})


async def enabled_key_providers(db: Db, *, project_id: uuid.UUID) -> list[str]:
    """The key-form providers the project offers on its connect page."""
    return [name for name in await configured(db, project_id=project_id) if name in key_providers()]


async def load(db: Db, sealer: Sealer, *, project_id: uuid.UUID, provider: str) -> dict[str, Any] | None:
    sealed = await provider_apps.load(db, project_id=project_id, provider=provider)
    return None if sealed is None else sealer.open(sealed, bound_to=_bound(project_id, provider))


async def configured(db: Db, *, project_id: uuid.UUID) -> list[str]:
    """The providers this project has an app for (names only: nothing sealed is opened)."""
    return await provider_apps.configured(db, project_id=project_id)


async def remove(db: Db, *, project_id: uuid.UUID, provider: str) -> bool:
    return await provider_apps.remove(db, project_id=project_id, provider=provider)
