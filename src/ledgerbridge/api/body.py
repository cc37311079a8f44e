"""Request bodies read as JSON with exact Decimals (FastAPI's own parsing would make floats of money)."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from ledgerbridge import wire
from ledgerbridge.errors import BadRequest


async def json_body(request: Request) -> Any:
    """The body parsed with exact Decimals; 400 when it is empty or not JSON."""
    raw = await request.body()
    if not raw.strip():
        raise BadRequest("The request body is empty; send a JSON object")
    try:
        return wire.loads(raw)
    except ValueError as exc:
        raise BadRequest(f"The request body is not valid JSON: {exc}") from None
