"""Custom fields: a project defines them per unified object, maps each to a field of a connection's provider, and
their values are stored per record, returned in the record's ``field_mappings`` and sent on writes.

A mapping's ``remote_field`` is a path into the provider's raw record, so no provider is named here:

- ``Memo`` or ``Address.City`` — nested keys;
- ``CustomField[DefinitionId=1].StringValue`` — in the list ``CustomField``, the element whose ``DefinitionId``
  is ``"1"`` (QuickBooks custom fields); ``[DefinitionId=1,Type=StringType]`` matches (and, on writes, sets)
  several keys.

:func:`read_remote` takes a value out of ``remote_data`` (sync); :func:`apply_remote` puts one into a provider
payload (writes). Values are JSON: a string, or a number kept as an exact Decimal. The statements are
:mod:`ledgerbridge.store.field_mappings`.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge import wire
from ledgerbridge.errors import Conflict, FieldError, ValidationFailed
from ledgerbridge.objects import BY_NAME
from ledgerbridge.remote_paths import apply_remote as apply_remote  # re-exported: callers map and apply together
from ledgerbridge.remote_paths import parse_path as parse_path
from ledgerbridge.remote_paths import read_remote
from ledgerbridge.store import field_mappings as stored
from ledgerbridge.store.field_mappings import Definition as Definition  # re-exported for the routes, as are:
from ledgerbridge.store.field_mappings import definitions as definitions
from ledgerbridge.store.field_mappings import entities_page as entities_page
from ledgerbridge.store.field_mappings import get_definition as get_definition
from ledgerbridge.store.field_mappings import map_field as map_field
from ledgerbridge.store.field_mappings import target_connections as target_connections
from ledgerbridge.store.field_mappings import values_json as values_json
from ledgerbridge.store.field_mappings import values_page as values_page
from ledgerbridge.store.records import Scope, Upserted

SLUG = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,99}$")


def object_type(value: str) -> str:
    """``invoice`` or Panora-style ``accounting.invoice`` → ``invoice``; ValueError if it is no unified object."""
    name = value.removeprefix("accounting.")
    if name not in BY_NAME:
        raise ValueError(f"must be one of {sorted(BY_NAME)} (optionally prefixed accounting.)")
    return name


async def define(
    db: AsyncConnection, *, project_id: uuid.UUID, object_type: str, slug: str, description: str | None,
    data_type: str,
) -> Definition:
    existing = await stored.definition_id(db, project_id=project_id, object_type=object_type, slug=slug)
    if existing is not None:
        raise Conflict(f"A custom field {slug!r} is already defined on {object_type} (id {existing})")
    now = dt.datetime.now(dt.UTC)
    definition = Definition(uuid.uuid4(), project_id, object_type, slug, description, data_type, now, now)
    await stored.insert_definition(db, definition)
    return definition


# --- values ----------------------------------------------------------------------------------------------------


def check_value(data_type: str, value: Any) -> str | None:
    """Why ``value`` does not fit ``data_type``, or None."""
    if value is None:
        return None
    if data_type == "number":
        if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
            return "must be a number"
        return None
    if not isinstance(value, str):
        return "must be a string"
    return None


def _coerce(data_type: str, value: Any) -> Any:
    """Provider values arrive loosely typed (QuickBooks sends numbers as strings); None when they do not fit."""
    if value is None or isinstance(value, dict | list):
        return None
    if data_type == "number":
        try:
            return Decimal(str(value))
        except ArithmeticError:
            return None
    return value if isinstance(value, str) else str(value)


@dataclass
class Prepared:
    """A write's ``field_mappings`` checked against the project's definitions."""

    by_definition: dict[uuid.UUID, Any] = field(default_factory=dict)  # what to store on the created record
    remote: dict[str, Any] = field(default_factory=dict)  # remote path → value, for the connector's payload
    unmapped: list[str] = field(default_factory=list)  # slugs with no mapping at this connection (stored only)
    undefined: list[str] = field(default_factory=list)  # slugs the project never defined (not kept: a warning)


async def prepare(db: AsyncConnection, scope: Scope, object_name: str, values: Mapping[str, Any]) -> Prepared:
    """Check a write's ``field_mappings`` (``{slug: value}``); raise ValidationFailed naming every bad one."""
    prepared = Prepared()
    if not values:
        return prepared
    rows = {row.slug: row for row in await stored.for_write(db, scope, object_name)}
    errors = []
    for slug, value in values.items():
        row = rows.get(slug)
        if row is None:
            # Panora's own examples send made-up slugs; refusing them would refuse the seed request. The write
            # goes on and the caller is told, in the answer's warnings, that the value was not kept.
            prepared.undefined.append(slug)
            continue
        problem = check_value(row.data_type, value)
        if problem is not None:
            errors.append(FieldError(f"field_mappings.{slug}", problem))
            continue
        prepared.by_definition[uuid.UUID(row.id)] = value
        if row.remote_field is None:
            prepared.unmapped.append(slug)
        else:
            prepared.remote[row.remote_field] = value
    if errors:
        raise ValidationFailed("The request has invalid custom fields", errors=errors)
    return prepared


async def capture(db: AsyncConnection, scope: Scope, upserted: Sequence[Upserted]) -> int:
    """Sync: read mapped custom fields out of each changed record's ``remote_data`` and store them.

    Two statements per page (the connection's mappings, then one upsert), none when nothing is mapped.
    """
    changed = [u for u in upserted if u.change != "unchanged" and getattr(u.row, "remote_data", None)]
    if not changed:
        return 0
    mapped = await stored.mapped_at(db, scope)
    if not mapped:
        return 0
    values: dict[tuple[uuid.UUID, uuid.UUID], Any] = {}
    for item in changed:
        remote = wire.loads(item.row.remote_data)
        for m in mapped:
            if m.object_type == item.object_type:
                value = _coerce(m.data_type, read_remote(remote, m.remote_field))
                if value is not None:
                    values[(item.id, uuid.UUID(m.id))] = value
    await stored.save(db, project_id=scope.project_id, values=values)
    return len(values)
