"""Contacts at FreeAgent: ``/contacts``, read (``view=all``: hidden ones too), created and updated under
``updated_at``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledgerbridge.connectors.base import ObjectDeclaration, Refs, WriteResult, check_version
from ledgerbridge.connectors.freeagent.mapping import contact as mapping
from ledgerbridge.connectors.freeagent.reader import Reader
from ledgerbridge.errors import FieldError, ProviderDetail, ProviderRejected
from ledgerbridge.unified.contact import ContactInput

if TYPE_CHECKING:
    from ledgerbridge.connectors.freeagent.connector import FreeAgentConnector

READER = Reader("contacts", "contact", mapping.to_unified, params={"view": "all"})


async def validate(conn: FreeAgentConnector, body: ContactInput, refs: Refs) -> list[FieldError]:
    return mapping.validate(body)


async def create(conn: FreeAgentConnector, body: ContactInput, refs: Refs, request_key: str) -> WriteResult:
    created = await conn.client.create("contacts", "contact", mapping.to_remote(body))
    return WriteResult(mapping.to_unified(created, conn.context))


async def update(conn: FreeAgentConnector, remote_key: str, body: ContactInput, refs: Refs,
                 expected_version: str | None, request_key: str) -> WriteResult:
    current = await READER.fetch(conn, remote_key)
    if current is None:
        raise ProviderRejected(ProviderDetail("freeagent", status=404, code="NotFound", message="Resource not found"))
    check_version("FreeAgent", "updated_at", conn.version(current.remote_data), expected_version)
    changed = await conn.client.update("contacts", "contact", remote_key, mapping.to_remote(body))
    return WriteResult(mapping.to_unified(changed, conn.context))


DECLARATION = ObjectDeclaration(
    name="contact",
    list=READER.pages,
    fetch=READER.fetch,
    create=create,
    update=update,
    validate=validate,
    unsupported_fields=frozenset({"company_info_id", "field_mappings", "is_customer", "is_supplier", "tax_number",
                                  "status", "currency"}),
)
