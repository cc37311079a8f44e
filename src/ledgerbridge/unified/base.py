"""Base classes for unified models."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class UnifiedModel(BaseModel):
    """Every unified model ignores fields it does not know.

    Read-only fields in a request body (``id``, ``remote_id``, ``created_at``…) are therefore dropped rather than
    rejected: Panora clients echo whole objects back, and Panora's own examples include them.
    """

    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class RecordEnvelope(BaseModel):
    """Fields Ledgerbridge adds to every stored record; documented here, spliced in by the store on reads."""

    id: UUID
    remote_id: str | None = None
    remote_data: dict[str, Any] | None = Field(
        default=None, description="The provider's raw JSON, present when the request asks for remote_data=true."
    )
    remote_updated_at: dt.datetime | None = None
    remote_was_deleted: bool = False
    created_at: dt.datetime
    modified_at: dt.datetime
    field_mappings: dict[str, Any] = Field(default_factory=dict)


class Warning_(BaseModel):
    """Something the provider did not take as given: a field it cannot store, or totals it computed differently."""

    field: str
    message: str
