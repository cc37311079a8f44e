"""Tax rates. Rates are percentages: 20 means 20 %."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import Field, model_validator

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel
from ledgerbridge.unified.types import Rate


class TaxRate(UnifiedModel):
    description: str | None = None
    total_tax_rate: Rate | None = Field(default=None, description="Sum of the components, in percent.")
    effective_tax_rate: Rate | None = Field(default=None, description="Rate actually applied, in percent.")
    company_id: UUID | None = None

    @model_validator(mode="before")
    @classmethod
    def _panora_spelling(cls, data: Any) -> Any:
        # Panora's spec spells it total_tax_ratge; accept that spelling as an alias.
        if isinstance(data, dict) and "total_tax_ratge" in data and "total_tax_rate" not in data:
            data = {**data, "total_tax_rate": data["total_tax_ratge"]}
        return data


class TaxRateOutput(TaxRate, RecordEnvelope):
    total_tax_ratge: Rate | None = Field(
        default=None, description="Same as total_tax_rate, under the misspelled name Panora's clients read."
    )
