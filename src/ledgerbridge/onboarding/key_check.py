"""Trying keys typed into the connect page before anything is saved: log in with them and read the company.

The keys (server URL, database, user, password) reach a throwaway connector that belongs to no connection; it is
closed at once and nothing is stored. What comes back is the company's name (to show the user what they are about
to connect), or :class:`KeysRefused` with a sentence for the user — never the provider's raw answer with the keys.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from typing import Any

import httpx

from ledgerbridge.connectors import connector_class
from ledgerbridge.connectors.base import ConnectionContext
from ledgerbridge.errors import LedgerbridgeError, ProviderAuthFailed, Unauthorized
from ledgerbridge.runtime import Runtime

log = logging.getLogger("ledgerbridge.onboarding")


class KeysRefused(Exception):
    """The keys do not open the provider's books; ``message`` is safe to show the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


async def _discard(_: dict[str, Any]) -> None:  # a key-form connector never refreshes anything
    return None


async def check_keys(runtime: Runtime, *, project_id: uuid.UUID, provider: str, title: str,
                     credentials: Mapping[str, str]) -> str:
    """The name of the company the keys open ('' when the provider names none); KeysRefused otherwise."""
    context = ConnectionContext(connection_id=uuid.uuid4(), project_id=project_id, provider=provider,
                                credentials=dict(credentials), save_credentials=_discard)
    connector = connector_class(provider)(context, runtime.http)
    try:
        async for page in connector.pages("company_info"):
            for record in page:
                return str(getattr(record.data, "name", None) or "")
            break
        return ""
    except (Unauthorized, ProviderAuthFailed) as exc:
        raise KeysRefused(f"{title} did not accept this user name and password.") from exc
    except LedgerbridgeError as exc:
        raise KeysRefused(f"{title} answered: {exc.message}") from exc
    except httpx.HTTPError as exc:
        raise KeysRefused(f"Could not reach the {title} server at this address.") from exc
    except Exception as exc:  # a server that answers something else entirely: say so, keep the details in the log
        log.warning("checking %s keys failed: %s", provider, type(exc).__name__)
        raise KeysRefused(f"The {title} server at this address did not answer as expected.") from exc
    finally:
        await connector.aclose()
