"""Tryton's JSON-RPC wire format: Decimal, date, datetime and bytes travel as ``{"__class__": …}`` objects.

    dumps("model.party.party.read", [[1], ["name"], {}])  # a request body
    loads(response.content)                                 # {"id": …, "result": …} with typed values
"""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import json
from decimal import Decimal
from typing import Any

_ids = itertools.count(1)


def encode(value: Any) -> Any:
    """``value`` with every typed value replaced by Tryton's ``__class__`` object."""
    if isinstance(value, Decimal):
        return {"__class__": "Decimal", "decimal": str(value)}
    if isinstance(value, dt.datetime):
        value = value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
        return {"__class__": "datetime", "year": value.year, "month": value.month, "day": value.day,
                "hour": value.hour, "minute": value.minute, "second": value.second,
                "microsecond": value.microsecond}
    if isinstance(value, dt.date):
        return {"__class__": "date", "year": value.year, "month": value.month, "day": value.day}
    if isinstance(value, bytes):
        return {"__class__": "bytes", "base64": base64.b64encode(value).decode()}
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    return value


def decode(obj: dict[str, Any]) -> Any:
    """A JSON object back to the value it stands for (``json.loads`` object hook)."""
    kind = obj.get("__class__")
    if kind is None:
        return obj
    if kind == "Decimal":
        return Decimal(obj["decimal"])
    if kind == "date":
        return dt.date(obj["year"], obj["month"], obj["day"])
    if kind == "datetime":
        # Tryton stores and sends UTC, without an offset.
        return dt.datetime(obj["year"], obj["month"], obj["day"], obj.get("hour", 0), obj.get("minute", 0),
                           obj.get("second", 0), obj.get("microsecond", 0), tzinfo=dt.UTC)
    if kind == "time":
        return dt.time(obj.get("hour", 0), obj.get("minute", 0), obj.get("second", 0), obj.get("microsecond", 0))
    if kind == "timedelta":
        return dt.timedelta(seconds=obj["seconds"])
    if kind == "bytes":
        return base64.b64decode(obj["base64"])
    return obj


def dumps(method: str, params: list[Any]) -> bytes:
    """The body of one JSON-RPC call."""
    return json.dumps({"id": next(_ids), "method": method, "params": encode(params)}).encode()


def loads(content: bytes) -> Any:
    return json.loads(content, object_hook=decode, parse_float=Decimal)
