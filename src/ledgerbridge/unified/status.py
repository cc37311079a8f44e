"""Status enums shared by several objects, with the lenient input parsing Panora clients need."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator


class RecordStatus(StrEnum):
    ACTIVE = "ACTIVE"
    ARCHIVED = "ARCHIVED"


class AccountStatus(StrEnum):
    ACTIVE = "ACTIVE"
    PENDING = "PENDING"
    INACTIVE = "INACTIVE"


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


RecordStatusField = Annotated[RecordStatus, BeforeValidator(_upper)]
AccountStatusField = Annotated[AccountStatus, BeforeValidator(_upper)]
