"""JSON in and out of the API's routes, through :mod:`ledgerbridge.wire` so money stays exact Decimal
(FastAPI's own parsing would make floats of money)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response

from ledgerbridge import wire
from ledgerbridge.errors import BadRequest

JSON = "application/json"


def json_response(value: Any, status_code: int = 200) -> Response:
    return Response(wire.dumps(value), status_code=status_code, media_type=JSON)


async def json_body(request: Request) -> Any:
    """The body parsed with exact Decimals; 400 when it is empty or not JSON."""
    raw = await request.body()
    if not raw.strip():
        raise BadRequest("The request body is empty; send a JSON object")
    try:
        return wire.loads(raw)
    except ValueError as exc:
        raise BadRequest(f"The request body is not valid JSON: {exc}") from None
