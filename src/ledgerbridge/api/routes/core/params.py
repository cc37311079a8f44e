"""What the core routes share: ids in paths and Panora's page/limit parameters."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query

from ledgerbridge.errors import NotFound

MAX_PAGE = 100
MAX_PAGE_NUMBER = 1_000_000  # the offset it implies must fit a 64-bit integer in every database
Page = Annotated[int, Query(ge=1, le=MAX_PAGE_NUMBER)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def parse_id(value: str | None, what: str) -> uuid.UUID:
    """``value`` as a UUID; a malformed id is as unknown as a missing one (404)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound(f"No {what} with id {value}") from None
