"""Paths into a provider's raw record, for custom fields (pure: no I/O, no provider named).

- ``Memo`` or ``Address.City`` — nested keys;
- ``CustomField[DefinitionId=1].StringValue`` — in the list ``CustomField``, the element whose ``DefinitionId``
  is ``"1"`` (QuickBooks custom fields); ``[DefinitionId=1,Type=StringType]`` matches (and, on writes, sets)
  several keys.

:func:`read_remote` takes a value out of a provider record (sync); :func:`apply_remote` puts values into a
provider payload (writes), which is how connectors send a write's mapped custom fields.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_SEGMENT = re.compile(r"^(?P<name>[^.\[\]]+)(?:\[(?P<selector>[^\[\]]+)\])?$")


@dataclass(frozen=True)
class Segment:
    name: str
    match: tuple[tuple[str, str], ...] = ()  # (key, value) pairs selecting one element of a list


def parse_path(path: str) -> list[Segment]:
    """``CustomField[DefinitionId=1].StringValue`` → segments; raises ValueError naming what is wrong."""
    if not path or len(path) > 255:
        raise ValueError("must be 1 to 255 characters")
    segments = []
    for part in path.split("."):
        found = _SEGMENT.match(part)
        if found is None:
            raise ValueError(f"{part!r} is not a key or key[field=value]")
        match: list[tuple[str, str]] = []
        if found["selector"]:
            for pair in found["selector"].split(","):
                key, sep, value = pair.partition("=")
                if not sep or not key.strip():
                    raise ValueError(f"{pair!r} in {part!r} is not field=value")
                match.append((key.strip(), value.strip()))
        segments.append(Segment(found["name"], tuple(match)))
    return segments


def _selects(element: Any, match: tuple[tuple[str, str], ...]) -> bool:
    return isinstance(element, dict) and all(str(element.get(k)) == v for k, v in match)


def read_remote(remote: Any, path: str) -> Any:
    """The value at ``path`` in a provider record, or None when any step is missing."""
    current = remote
    for segment in parse_path(path):
        if not isinstance(current, dict):
            return None
        current = current.get(segment.name)
        if segment.match:
            if not isinstance(current, list):
                return None
            current = next((e for e in current if _selects(e, segment.match)), None)
    return current


def apply_remote(payload: dict[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """Set each ``path → value`` in a provider payload (in place, and returned), creating what is missing:
    a selected list element is created with its selector's fields (``{"DefinitionId": "1", ...}``)."""
    for path, value in values.items():
        segments = parse_path(path)
        current = payload
        for index, segment in enumerate(segments):
            last = index == len(segments) - 1
            if segment.match:
                items = current.setdefault(segment.name, [])
                element = next((e for e in items if _selects(e, segment.match)), None)
                if element is None:
                    element = dict(segment.match)
                    items.append(element)
                if last:
                    raise ValueError(f"{path!r} ends on a list element; name the field to set in it")
                current = element
            elif last:
                current[segment.name] = value
            else:
                current = current.setdefault(segment.name, {})
    return payload
