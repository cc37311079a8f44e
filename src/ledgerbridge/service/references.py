"""Resolving the unified ids a request body refers to into provider records, all in one query."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge import wire
from ledgerbridge.errors import FieldError
from ledgerbridge.objects import ObjectSpec, Reference
from ledgerbridge.remote import Ref, Refs
from ledgerbridge.store import records
from ledgerbridge.store.records import Scope


def _walk(value: Any, parts: list[str], prefix: str) -> list[tuple[str, Any]]:
    if not parts:
        return [(prefix, value)]
    head, rest = parts[0], parts[1:]
    many = head.endswith("[]")
    name = head[:-2] if many else head
    child = value.get(name) if isinstance(value, dict) else getattr(value, name, None)
    path = f"{prefix}.{name}" if prefix else name
    if child is None:
        return []
    if many:
        if not isinstance(child, (list, tuple)):
            return []
        found: list[tuple[str, Any]] = []
        for index, element in enumerate(child):
            found.extend(_walk(element, rest, f"{path}[{index}]"))
        return found
    return _walk(child, rest, path)


def _as_uuid(value: Any) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):  # a raw body (a dry run whose body did not validate): check what can be checked
        try:
            return uuid.UUID(value)
        except ValueError:
            return None
    return None


def collect(references: tuple[Reference, ...], body: BaseModel | dict[str, Any]) -> list[tuple[str, uuid.UUID, str]]:
    """Every (field path, id, expected object) in ``body``, e.g. ("line_items[0].item_id", UUID(...), "item")."""
    found = []
    for reference in references:
        for path, value in _walk(body, reference.path.split("."), ""):
            if isinstance(value, list):
                continue  # a malformed body: validation reports it
            if (id_ := _as_uuid(value)) is not None:
                found.append((path, id_, reference.target))
    return found


async def resolve(
    connection: AsyncConnection, scope: Scope, spec: ObjectSpec, body: BaseModel | dict[str, Any]
) -> tuple[Refs, list[FieldError]]:
    wanted = collect(spec.references, body)
    rows = await records.resolve(connection, scope, (value for _, value, _ in wanted))
    errors = []
    resolved = {}
    for path, value, target in wanted:
        row = rows.get(value)
        if row is None:
            errors.append(FieldError(path, f"no {target.replace('_', ' ')} with id {value} in this connection"))
        elif row.object_type != target:
            errors.append(FieldError(path, f"{value} is a {row.object_type.replace('_', ' ')}, not a {target}"))
        else:
            resolved[value] = Ref(row.object_type, row.remote_key, row.remote_id, wire.loads(row.data))
    return Refs(resolved), errors
