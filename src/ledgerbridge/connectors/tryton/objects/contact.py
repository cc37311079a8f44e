"""Contacts: Tryton's ``party.party``, listed and created.

A party is a customer or a supplier by its own receivable/payable account or by its invoices (``mapping/contact``),
so a party's first invoice changes it: a sync since a time reads the parties invoiced since then too.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult
from ledgerbridge.connectors.tryton.mapping import MODELS, chunks, contact
from ledgerbridge.connectors.tryton.table import PAGE_SIZE, Table
from ledgerbridge.unified.contact import ContactInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    customers, suppliers = await invoiced_parties(connector, [row["id"] for row in rows])
    return [TABLE.record(row, contact.to_unified(row, customer=row["id"] in customers,
                                                 supplier=row["id"] in suppliers)) for row in rows]


async def invoiced_parties(connector: TrytonConnector, party_ids: list[int]) -> tuple[set[int], set[int]]:
    """(customers, suppliers) among ``party_ids``: parties with a customer / supplier invoice not cancelled."""
    customers: set[int] = set()
    suppliers: set[int] = set()
    for batch in chunks(party_ids, PAGE_SIZE):
        rows = await connector.client.search_read(
            MODELS["invoice"], [("party", "in", batch), ("state", "!=", "cancelled")], ["party", "type"])
        for row in rows:
            (customers if row["type"] == "out" else suppliers).add(row["party"])
    return customers, suppliers


async def invoiced_since(connector: TrytonConnector, since: dt.datetime) -> list[int]:
    invoices = await connector.client.search_read(MODELS["invoice"], [("create_date", ">=", since)], ["party"])
    return sorted({invoice["party"] for invoice in invoices if invoice.get("party") is not None})


async def create_contact(connector: TrytonConnector, body: ContactInput, refs: Refs, request_key: str,
                         ) -> WriteResult:
    config = await connector.configuration()
    values = contact.to_remote(body, receivable=config.get("default_account_receivable"),
                               payable=config.get("default_account_payable"))
    party_id = await connector.client.create(TABLE.model, values)
    return WriteResult(record=await TABLE.read_back(connector, party_id))


TABLE = Table("contact", contact.FIELDS, to_records, touched=invoiced_since)
DECLARATION = ObjectDeclaration(
    "contact", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many,
    create=create_contact,
    unsupported_fields=frozenset({"currency", "company_info_id"}),
)
