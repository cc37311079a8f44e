"""Contacts at Pennylane: customers (``/customers``, created as company customers) and suppliers; read, created
and changed. Pennylane has no contact deletion in its API, so contacts are not voided."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, RemoteRecord, WriteResult, check_version
from ledgerbridge.connectors.pennylane.errors import PROVIDER
from ledgerbridge.connectors.pennylane.mapping import contact as mapping
from ledgerbridge.connectors.pennylane.reader import Reader, Source, each
from ledgerbridge.errors import ProviderDetail, ProviderRejected
from ledgerbridge.unified.contact import ContactInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.pennylane.connector import PennylaneConnector

CUSTOMERS = Source(mapping.CUSTOMERS, changelog=mapping.CUSTOMERS)
SUPPLIERS = Source(mapping.SUPPLIERS, changelog=mapping.SUPPLIERS)


def _map(row: dict[str, Any], source: Source, ctx: Any) -> RemoteRecord:
    return mapping.to_unified(row, source.path)


READER = Reader("contact", (CUSTOMERS, SUPPLIERS), each(_map))


async def _read(conn: PennylaneConnector, key: str) -> RemoteRecord:
    found = await READER.fetch(conn, key)
    if found is None:
        raise ProviderRejected(ProviderDetail(PROVIDER, status=404, message=f"Pennylane has no contact {key}"))
    return found


async def create(conn: PennylaneConnector, body: ContactInput, refs: Refs, request_key: str) -> WriteResult:
    path = mapping.target(body)
    created = await conn.client.post("company_customers" if path == mapping.CUSTOMERS else path,
                                     mapping.to_remote(body, path, creating=True))
    record = await _read(conn, f"{path}/{created['id']}")
    return WriteResult(record, mapping.write_warnings(body, path))


async def update(conn: PennylaneConnector, key: str, body: ContactInput, refs: Refs, expected: str | None,
                 request_key: str) -> WriteResult:
    current = await _read(conn, key)
    check_version("Pennylane", "updated_at", conn.version(current.remote_data), expected)
    path = key.split("/", 1)[0]
    individual = (current.remote_data or {}).get("customer_type") == "individual"
    endpoint = path if path == mapping.SUPPLIERS else ("individual_customers" if individual else "company_customers")
    await conn.client.put(f"{endpoint}/{current.remote_id}",
                          mapping.to_remote(body, path, creating=False, individual=individual))
    return WriteResult(await _read(conn, key), mapping.write_warnings(body, path))


DECLARATION = ObjectDeclaration(
    name="contact",
    list=READER.pages, deleted=READER.deleted,
    fetch=READER.fetch,
    fetch_many=READER.fetch_many,
    create=create,
    update=update,
    unsupported_fields=frozenset({"currency", "company_info_id", "field_mappings"}),
)
