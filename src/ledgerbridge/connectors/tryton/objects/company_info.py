"""Company info: Tryton's ``company.company`` with its party and fiscal years, read only."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.tryton.mapping import MODELS, company_info, updated_at
from ledgerbridge.connectors.tryton.table import Table

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    client = connector.client
    parties = {row["id"]: row for row in await client.read(
        MODELS["contact"], sorted({row["party"] for row in rows}), company_info.PARTY_FIELDS)}
    years = await client.search_read(
        "account.fiscalyear", [("company", "in", [row["id"] for row in rows])], company_info.FISCAL_YEAR_FIELDS)
    today = dt.datetime.now(dt.UTC).date()
    out = []
    for row in rows:
        party = parties.get(row["party"])
        data = company_info.to_unified(row, party, [y for y in years if y["company"] == row["id"]], today)
        stamps = [row.get("write_date"), row.get("create_date"), (party or {}).get("write_date")]
        out.append(TABLE.record(row, data, updated_at(*stamps), {**row, "party": party}))
    return out


# A company's name lives on its party, whose changes the company's write_date misses: a company or two are
# simply read again on every sync.
TABLE = Table("company_info", company_info.FIELDS, to_records, incremental=False)
DECLARATION = ObjectDeclaration(
    "company_info", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many,
    unsupported_fields=frozenset({"tracking_categories"}),
)
