"""The long-lived objects one process shares: database engine, credential sealer, provider HTTP clients, and the
connector instance of each connection (so a connection's token refresh is serialised in one place)."""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from ledgerbridge.connectors import connector_class, specs
from ledgerbridge.connectors.base import ConnectionContext, Connector, SaveCredentials
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.crypto import Sealer
from ledgerbridge.egress import EgressPolicy
from ledgerbridge.settings import Settings
from ledgerbridge.store import tenancy
from ledgerbridge.store.db import create_engine

MAX_CACHED_CONNECTORS = 1000


class Runtime:
    def __init__(
        self,
        settings: Settings,
        *,
        engine: AsyncEngine | None = None,
        transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
    ) -> None:
        self.settings = settings
        self.engine = engine or create_engine(settings.resolved_database_url)
        self.sealer = Sealer(settings.encryption_key())
        guarded = [spec.name for spec in specs() if spec.key_form is not None]
        self.http = ProviderHttp(transports, egress=EgressPolicy.from_settings(settings), guarded=guarded,
                                 timeout=settings.provider_timeout_seconds, attempts=settings.provider_attempts)
        self._connectors: OrderedDict[uuid.UUID, tuple[str, Connector]] = OrderedDict()

    def connector(self, connection: tenancy.Connection) -> Connector:
        cached = self._connectors.get(connection.id)
        if cached is not None and cached[0] == connection.sealed_credentials:
            self._connectors.move_to_end(connection.id)
            return cached[1]
        credentials = self.sealer.open(connection.sealed_credentials, bound_to=str(connection.id))
        context = ConnectionContext(
            connection_id=connection.id,
            project_id=connection.project_id,
            provider=connection.provider,
            credentials=credentials,
            save_credentials=self._saver(connection),
        )
        connector = connector_class(connection.provider)(context, self.http)
        self._connectors[connection.id] = (connection.sealed_credentials, connector)
        while len(self._connectors) > MAX_CACHED_CONNECTORS:
            self._connectors.popitem(last=False)
        return connector

    def _saver(self, connection: tenancy.Connection) -> SaveCredentials:
        async def save(credentials: dict[str, Any]) -> None:
            async with self.engine.begin() as db:
                sealed = await tenancy.save_credentials(
                    db, self.sealer, project_id=connection.project_id, connection_id=connection.id,
                    credentials=credentials,
                )
            # The cached connector already holds the new credentials; keep it under the new sealed value.
            cached = self._connectors.get(connection.id)
            if cached is not None:
                self._connectors[connection.id] = (sealed, cached[1])

        return save

    async def aclose(self) -> None:
        for _, connector in self._connectors.values():
            await connector.aclose()
        self._connectors.clear()
        await self.http.aclose()
        await self.engine.dispose()
