"""Company info at FreeAgent: ``/company``, the one company a connection reaches; always listed whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.freeagent.mapping import company_info as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.freeagent.connector import FreeAgentConnector


async def pages(conn: FreeAgentConnector, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    yield [mapping.to_unified(await conn.client.get("company", "company"))]


async def fetch(conn: FreeAgentConnector, remote_key: str) -> RemoteRecord | None:
    record = mapping.to_unified(await conn.client.get("company", "company"))
    return record if record.remote_key == remote_key else None


DECLARATION = ObjectDeclaration(name="company_info", list=pages, fetch=fetch)
