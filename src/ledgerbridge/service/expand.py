"""``expand``: referenced records embedded in a response, fetched in one query for a whole page.

Expandable names come from the registry's references: every single-id reference ``x_id`` (at the top or in a
list such as ``line_items[]``) can be expanded as ``x`` (``contact``, ``line_items.item``,
``line_items.account``, ``line_items.tax_rate``). The record is added beside the id under the name without
``_id`` — ``contact_id`` stays, ``contact`` holds the record — so a client that does not expand sees the same
shape, and one that does keeps its ids.
"""

from __future__ import annotations

import uuid
from types import SimpleNamespace
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge import wire
from ledgerbridge.errors import FieldError, ValidationFailed
from ledgerbridge.objects import ObjectSpec
from ledgerbridge.store import records, render
from ledgerbridge.store.records import Scope


def expandable(spec: ObjectSpec) -> dict[str, tuple[str | None, str]]:
    """Expand name → (list field or None, id field): ``line_items.item`` → ("line_items", "item_id")."""
    found: dict[str, tuple[str | None, str]] = {}
    for reference in spec.references:
        parts = reference.path.split(".")
        leaf = parts[-1]
        if leaf.endswith("[]") or not leaf.endswith("_id"):
            continue  # lists of ids (tracking_categories) are not expanded
        if len(parts) == 1:
            found[leaf.removesuffix("_id")] = (None, leaf)
        elif len(parts) == 2 and parts[0].endswith("[]"):
            container = parts[0].removesuffix("[]")
            found[f"{container}.{leaf.removesuffix('_id')}"] = (container, leaf)
    return found


def parse(spec: ObjectSpec, value: str | None) -> list[str]:
    if not value:
        return []
    names = [name.strip() for name in value.split(",") if name.strip()]
    known = expandable(spec)
    unknown = [name for name in names if name not in known]
    if unknown:
        allowed = ", ".join(sorted(known)) or "nothing"
        raise ValidationFailed(
            "The request has invalid parameters",
            errors=[FieldError("expand", f"cannot expand {name!r}; {spec.name} expands: {allowed}")
                    for name in unknown],
        )
    return names


def _targets(data: dict[str, Any], container: str | None, id_field: str) -> list[dict[str, Any]]:
    holders = [data] if container is None else [x for x in data.get(container) or [] if isinstance(x, dict)]
    return [h for h in holders if h.get(id_field)]


async def apply(db: AsyncConnection, scope: Scope, spec: ObjectSpec, rows: list[Any], names: list[str]) -> list[Any]:
    """The rows with ``data`` rewritten to embed the expanded records (rows are unchanged without ``names``)."""
    if not names or not rows:
        return rows
    known = expandable(spec)
    datas = [wire.loads(row.data) for row in rows]
    wanted: set[uuid.UUID] = set()
    for data in datas:
        for name in names:
            container, id_field = known[name]
            for holder in _targets(data, container, id_field):
                try:
                    wanted.add(uuid.UUID(str(holder[id_field])))
                except ValueError:
                    continue
    found = await records.get_many(db, scope, wanted)
    # Each referenced record is rendered once, as text, and embedded as it is (an orjson fragment): neither parsed
    # back into Decimals nor serialised again, however many rows refer to it.
    rendered = {key: orjson.Fragment(render.record(row, with_remote_data=False)) for key, row in found.items()}
    out = []
    for row, data in zip(rows, datas, strict=True):
        for name in names:
            container, id_field = known[name]
            for holder in _targets(data, container, id_field):
                try:
                    holder[id_field.removesuffix("_id")] = rendered.get(uuid.UUID(str(holder[id_field])))
                except ValueError:
                    holder[id_field.removesuffix("_id")] = None
        out.append(SimpleNamespace(**{**row._mapping, "data": wire.dumps(data)}))
    return out
