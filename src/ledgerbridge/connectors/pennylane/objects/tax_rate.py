"""Tax rates at Pennylane: the VAT codes lines carry (see :mod:`..mapping.tax_rate`); no call is made."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.pennylane.mapping import tax_rate as mapping


async def pages(conn: Any, since: dt.datetime | None) -> AsyncIterator[list[RemoteRecord]]:
    yield [mapping.to_unified(code) for code in mapping.CODES]


async def fetch(conn: Any, remote_key: str) -> RemoteRecord | None:
    return mapping.to_unified(remote_key) if remote_key in mapping.CODES else None


DECLARATION = ObjectDeclaration(name="tax_rate", list=pages, fetch=fetch)
