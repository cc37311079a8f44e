"""The company the connection's books belong to (QuickBooks CompanyInfo, Xero Organisation, Tryton company)."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from pydantic import Field

from ledgerbridge.unified.base import RecordEnvelope, UnifiedModel
from ledgerbridge.unified.types import CurrencyCode, DateTime


class CompanyInfo(UnifiedModel):
    name: str | None = None
    legal_name: str | None = None
    tax_number: str | None = None
    fiscal_year_end_month: int | None = Field(default=None, ge=1, le=12)
    fiscal_year_end_day: int | None = Field(default=None, ge=1, le=31)
    currency: CurrencyCode | None = None
    urls: list[str] = Field(default_factory=list)
    tracking_categories: list[UUID] = Field(default_factory=list)
    remote_created_at: DateTime | None = None


class CompanyInfoOutput(CompanyInfo, RecordEnvelope):
    pass


def fiscal_year_end(start_month: int | None) -> tuple[int | None, int | None]:
    """(month, day) a fiscal year ends on, from the month it starts in (April start → 31 March end)."""
    if start_month is None:
        return None, None
    end_month = 12 if start_month == 1 else start_month - 1
    following = dt.date(2001 if end_month < 12 else 2002, end_month % 12 + 1, 1)  # 2001: not a leap year
    return end_month, (following - dt.timedelta(days=1)).day
