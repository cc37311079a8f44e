"""Phone numbers: Tryton's ``party.contact_mechanism`` of a phone type, read only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, RemoteRecord
from ledgerbridge.connectors.tryton.mapping import phone_number
from ledgerbridge.connectors.tryton.table import Table

if TYPE_CHECKING:
    from ledgerbridge.connectors.tryton.connector import TrytonConnector


async def to_records(connector: TrytonConnector, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
    return [TABLE.record(row, phone_number.to_unified(row, connector.context.ref)) for row in rows]


# Other mechanisms (email, website, …) are not phone numbers; a fetch by their key finds nothing.
TABLE = Table("phone_number", phone_number.FIELDS, to_records,
              domain=[("type", "in", sorted(phone_number.TYPES))])
DECLARATION = ObjectDeclaration(
    "phone_number", list=TABLE.pages, fetch=TABLE.fetch, fetch_many=TABLE.fetch_many,
    unsupported_fields=frozenset({"company_info_id"}),
)
