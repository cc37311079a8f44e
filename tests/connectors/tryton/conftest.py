"""A fresh copy of the session's Tryton book per test (the server fixture is in tests/providers.py).

Tests that use these fixtures are skipped cleanly when the ``tryton`` extra is not installed; the pure mapping
tests run anyway.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest

from ledgerbridge.connectors.base import ConnectionContext, Ref, Refs
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.tryton import TrytonConnector
from ledgerbridge.connectors.tryton.client import TrytonRpc
from ledgerbridge.connectors.tryton.testing import TrytonServer


async def _noop(_: dict[str, Any]) -> None:
    return None


class Book:
    """A test's own Tryton database, with the connector, a raw RPC client and the book's ids."""

    def __init__(self, server: TrytonServer, database: str, http: ProviderHttp) -> None:
        self.server = server
        self.database = database
        self.ids = server.manifest
        self.context = ConnectionContext(
            connection_id=uuid.uuid4(), project_id=uuid.uuid4(), provider="tryton",
            credentials=server.credentials(database), save_credentials=_noop,
        )
        self.connector = TrytonConnector(self.context, http)
        self.rpc = TrytonRpc(http, self.context.credentials)

    def ref(self, object_name: str, model: str, record_id: int) -> tuple[uuid.UUID, Ref]:
        remote_key = f"{model}/{record_id}"
        unified = self.context.ref(object_name, remote_key)
        assert unified is not None
        return unified, Ref(object_name, remote_key, str(record_id))

    def refs(self, *pairs: tuple[uuid.UUID, Ref]) -> Refs:
        return Refs(dict(pairs))

    def party(self, key: str) -> tuple[uuid.UUID, Ref]:
        return self.ref("contact", "party.party", self.ids["parties"][key])

    def product(self, key: str) -> tuple[uuid.UUID, Ref]:
        return self.ref("item", "product.product", self.ids["products"][key])


@pytest.fixture
async def book(tryton_server: TrytonServer) -> Any:
    started = time.monotonic()
    database = tryton_server.new_database()
    http = ProviderHttp()
    book = Book(tryton_server, database, http)
    await book.rpc.context()  # log in now, so tests time only their own calls
    print(f"[tryton] {database} ready in {time.monotonic() - started:.2f}s")
    yield book
    await http.aclose()
