"""Tax rates: FreeAgent's VAT rates, fixed (see :mod:`..mapping.tax_rate`); listing them calls nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.freeagent.mapping import tax_rate as mapping

if TYPE_CHECKING:
    from ledgerbridge.connectors.freeagent.connector import FreeAgentConnector


async def pages(conn: Any, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    yield mapping.all_rates()


async def fetch(conn: FreeAgentConnector, remote_key: str) -> RemoteRecord | None:
    return next((r for r in mapping.all_rates() if r.remote_key == remote_key), None)


DECLARATION = ObjectDeclaration(name="tax_rate", list=pages, fetch=fetch)
