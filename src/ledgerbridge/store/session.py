"""The database handle every store function takes first, named for the layers above the store (onboarding, the
CLI) so that they need not import SQLAlchemy: an async connection, inside a transaction when it writes."""

from __future__ import annotations

from typing import TypeAlias

from sqlalchemy.ext.asyncio import AsyncConnection

Db: TypeAlias = AsyncConnection
