"""JSON in and out of the API's routes, through :mod:`ledgerbridge.wire` so money stays exact Decimal
(FastAPI's own parsing would make floats of money)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from ledgerbridge import wire
from ledgerbridge.errors import BadRequest

JSON = "application/json"
# Deeper JSON is refused (400) before anything walks it: no unified object nests beyond a handful of levels, and
# every recursive step after parsing (validation, storage, rendering) stays far from the interpreter's limit.
MAX_DEPTH = 64


def json_response(value: Any, status_code: int = 200) -> Response:
    return Response(wire.dumps(value), status_code=status_code, media_type=JSON)


async def json_body(request: Request) -> Any:
    """The body parsed with exact Decimals; 400 when it is empty, not JSON, or nested deeper than MAX_DEPTH."""
    raw = await request.body()
    if not raw.strip():
        raise BadRequest("The request body is empty; send a JSON object")
    try:
        value = wire.loads(raw)
    except RecursionError:  # the parser's own guard, far deeper than MAX_DEPTH
        raise _too_deep() from None
    except ValueError as exc:
        raise BadRequest(f"The request body is not valid JSON: {exc}") from None
    if nested_deeper_than(value, MAX_DEPTH):
        raise _too_deep()
    return value


def nested_deeper_than(value: Any, limit: int) -> bool:
    """Whether arrays and objects nest more than ``limit`` levels; iterative, so itself never recurses."""
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        children: Iterable[Any]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def _too_deep() -> BadRequest:
    return BadRequest(f"The request body nests arrays and objects deeper than {MAX_DEPTH} levels")
