"""The capability matrix: per provider, the objects, operations and fields it supports, from each connector's
declared :class:`~ledgerbridge.connectors.base.Capabilities` and the registry's models.

The same data answers ``GET /accounting/capabilities`` (for one connection), refuses unsupported operations at
runtime (``Connector.require``), warns about unsupported fields (:mod:`ledgerbridge.service.checks`), and renders
``docs/coverage.md`` (``scripts/coverage_doc.py``), so the three cannot disagree.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from ledgerbridge.connectors.base import Connector
from ledgerbridge.objects import OBJECTS

OPERATIONS = ("list", "retrieve", "create", "update", "void")


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``list[Model]`` / ``Model | None``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if (found := _model_of(arg)) is not None:
                return found
    return None


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is list:
        return True
    return origin in (typing.Union, types.UnionType) and any(_is_list(a) for a in typing.get_args(annotation))


def field_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every field of a model, nested lists written ``line_items[].item_id`` (the notation of unsupported_fields)."""
    paths = []
    for name, info in model.model_fields.items():
        nested = _model_of(info.annotation)
        many = _is_list(info.annotation)
        path = f"{prefix}{name}"
        if nested is not None:
            paths += field_paths(nested, f"{path}[]." if many else f"{path}.")
        else:
            paths.append(path)
    return paths


def matrix(connector: type[Connector] | Connector) -> dict[str, Any]:
    caps = connector.capabilities
    objects: dict[str, Any] = {}
    for spec in OBJECTS:
        operations = [op for op in OPERATIONS if caps.supports(spec.name, op)]
        if not operations:
            continue
        writes = any(op in ("create", "update") for op in operations) and spec.input is not None
        unsupported = sorted(caps.unsupported_fields.get(spec.name, frozenset()))
        written = field_paths(spec.input) if writes and spec.input is not None else []
        objects[spec.name] = {
            "path": spec.path,
            "operations": operations,
            "fields": field_paths(spec.model),  # what reads return
            "writable_fields": [f for f in written if f not in unsupported],
            "unsupported_fields": unsupported,
            # the provider's fields with no unified home: read, kept in remote_data only
            "unmapped_provider_fields": dict(sorted(caps.unmapped_fields.get(spec.name, {}).items())),
        }
    return {"provider": connector.provider, "objects": objects}
