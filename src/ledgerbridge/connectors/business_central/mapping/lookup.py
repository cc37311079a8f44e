"""What the mappings need to know of a company besides the record itself: its tax groups, by code and by id
(document lines name a tax group by ``taxCode``; our lines name a tax rate by id)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Lookup:
    tax_ids: dict[str, str] = field(default_factory=dict)  # code (upper case) → taxGroup id
    tax_codes: dict[str, str] = field(default_factory=dict)  # taxGroup id → code

    @classmethod
    def build(cls, tax_groups: list[dict[str, Any]]) -> Lookup:
        lookup = cls()
        for group in tax_groups:
            ident, code = str(group["id"]).lower(), str(group.get("code") or "")
            if code:
                lookup.tax_ids[code.upper()] = ident
                lookup.tax_codes[ident] = code
        return lookup

    def tax_id(self, code: Any) -> str | None:
        return self.tax_ids.get(str(code).upper()) if code else None
