"""Contacts at Business Central: ``customers`` and ``vendors``, read, created and updated under ``If-Match``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult, check_version, reject
from ledgerbridge.connectors.business_central.client import key_segment
from ledgerbridge.connectors.business_central.mapping import contact as mapping
from ledgerbridge.connectors.business_central.mapping.common import etag
from ledgerbridge.connectors.business_central.reader import Reader
from ledgerbridge.errors import FieldError
from ledgerbridge.unified.contact import ContactInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.business_central.connector import BusinessCentralConnector

READER = Reader((mapping.CUSTOMERS, mapping.VENDORS), mapping.to_unified, keyed_by_set=True)


async def create(conn: BusinessCentralConnector, body: ContactInput, refs: Refs, request_key: str) -> WriteResult:
    entity_set = mapping.entity_set_of(body)
    created = await conn.client.create(entity_set, mapping.to_remote(body))
    return WriteResult(mapping.to_unified(entity_set, created, conn.context), mapping.write_warnings(body, entity_set))


async def update(conn: BusinessCentralConnector, remote_key: str, body: ContactInput, refs: Refs,
                 expected: str | None, request_key: str) -> WriteResult:
    where = READER.split(remote_key)
    current = None if where is None else await conn.client.get(*where)
    if where is None or current is None:
        reject([FieldError("id", "Business Central has no such contact any more")])
        raise AssertionError  # unreachable: reject raises
    entity_set, ident = where
    check_version("Business Central", "@odata.etag", etag(current), expected)
    if mapping.entity_set_of(body) != entity_set and (body.is_customer is not None or body.is_supplier is not None):
        reject([FieldError("is_customer", "Business Central cannot turn a customer into a vendor or back")])
    changed = await conn.client.patch(f"{entity_set}{key_segment(ident)}", mapping.to_remote(body),
                                      etag=etag(current) or "*")
    return WriteResult(mapping.to_unified(entity_set, changed, conn.context),
                       [w for w in mapping.write_warnings(body, entity_set) if w.field != "is_supplier"])


DECLARATION = ObjectDeclaration(
    name="contact",
    list=READER.pages,
    fetch=READER.fetch,
    create=create,
    update=update,
    unsupported_fields=frozenset({"company_info_id", "field_mappings"}),
)
