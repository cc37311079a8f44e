"""Company info at Pennylane: the one company a token reaches, from ``GET /me``."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.pennylane.mapping import company_info as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.pennylane.connector import PennylaneConnector


async def pages(conn: PennylaneConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    yield [mapping.to_unified(await conn.client.get("me"))]


async def fetch(conn: PennylaneConnector, remote_key: str) -> RemoteRecord | None:
    record = mapping.to_unified(await conn.client.get("me"))
    return record if record.remote_key == remote_key else None


DECLARATION = ObjectDeclaration(name="company_info", list=pages, fetch=fetch)
