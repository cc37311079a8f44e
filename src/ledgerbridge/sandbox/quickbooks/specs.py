"""The QBO entities the sandbox keeps, and what an entity's rules run with.

A small leaf module: the per-entity rules (:mod:`.entities`), the Attachable rules (:mod:`.attachable`) and the
upload handlers (:mod:`.upload`) all need these, and none of them needs the others to define them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Doc = dict[str, Any]
Lookup = Callable[[str, str], Doc | None]


@dataclass(frozen=True)
class EntitySpec:
    name: str
    kind: str  # "name" (lists) or "txn"
    creatable: bool = True
    deletable: bool = False
    voidable: bool = False
    query_total_count: bool = False  # QBO adds totalCount to query pages only for some entities
    key_field: str | None = None  # indexed: DocNumber for transactions, the name for lists
    read_only: frozenset[str] = field(default_factory=frozenset)


COMMON_RO = frozenset({"MetaData", "domain", "sparse", "status", "Id", "SyncToken"})
TXN_RO = COMMON_RO | {"TotalAmt", "Balance", "HomeBalance", "HomeTotalAmt", "RemainingCredit"}
PARTY_RO = COMMON_RO | {"Balance", "BalanceWithJobs", "FullyQualifiedName", "Level"}

SPECS: dict[str, EntitySpec] = {s.name: s for s in [
    EntitySpec("Invoice", "txn", deletable=True, voidable=True, query_total_count=True, key_field="DocNumber",
               read_only=TXN_RO),
    EntitySpec("Bill", "txn", deletable=True, query_total_count=True, key_field="DocNumber", read_only=TXN_RO),
    EntitySpec("Payment", "txn", deletable=True, voidable=True, read_only=COMMON_RO | {"UnappliedAmt"}),
    EntitySpec("CreditMemo", "txn", deletable=True, key_field="DocNumber", read_only=TXN_RO),
    EntitySpec("JournalEntry", "txn", deletable=True, query_total_count=True, key_field="DocNumber", read_only=TXN_RO),
    EntitySpec("Purchase", "txn", deletable=True, key_field="DocNumber", read_only=TXN_RO),
    EntitySpec("PurchaseOrder", "txn", deletable=True, key_field="DocNumber", read_only=TXN_RO),
    EntitySpec("VendorCredit", "txn", deletable=True, key_field="DocNumber", read_only=TXN_RO),
    EntitySpec("Customer", "name", key_field="DisplayName", read_only=PARTY_RO),
    EntitySpec("Vendor", "name", key_field="DisplayName", read_only=PARTY_RO),
    EntitySpec("Item", "name", key_field="Name", read_only=COMMON_RO | {"FullyQualifiedName", "Level"}),
    EntitySpec("Account", "name", key_field="Name",
               read_only=COMMON_RO | {"CurrentBalance", "CurrentBalanceWithSubAccounts", "FullyQualifiedName"}),
    EntitySpec("Class", "name", key_field="Name", read_only=COMMON_RO | {"FullyQualifiedName"}),
    EntitySpec("Department", "name", key_field="Name", read_only=COMMON_RO | {"FullyQualifiedName"}),
    EntitySpec("TaxCode", "name", creatable=False, key_field="Name", read_only=COMMON_RO),
    EntitySpec("TaxRate", "name", creatable=False, key_field="Name", read_only=COMMON_RO),
    EntitySpec("CompanyInfo", "name", creatable=False, read_only=COMMON_RO),
    # Files come with POST /upload (see upload.py); POST /attachable creates notes and links, and edits metadata.
    EntitySpec("Attachable", "name", deletable=True,
               read_only=COMMON_RO | {"FileAccessUri", "TempDownloadUri", "Size", "ThumbnailFileAccessUri",
                                      "ThumbnailTempDownloadUri"}),
]}

ENTITY_BY_PATH = {name.lower(): name for name in SPECS}


@dataclass
class Context:
    """What rules need besides the body: lookups, the realm's defaults and today's date (Pacific)."""
    lookup: Lookup
    today: dt.date
    realm: Doc
    existing: Doc | None = None
    allow_duplicate_docnumber: bool = False
    key_taken: Callable[[str, str, str | None], bool] = lambda entity, key, exclude: False
    side_effects: list[tuple[str, Doc]] = field(default_factory=list)  # (entity, new doc) to write too
    new_id: str = ""  # id reserved for the document being created (payments link invoices to it)
    # The next line Id of the document being written, never below the floor given; the sandbox backs it with a
    # per-document counter, because QBO never hands out a line Id twice on one transaction.
    line_ids: Callable[[int], int] = field(default_factory=lambda: _counter())


def _counter() -> Callable[[int], int]:
    """A line-Id source for a Context not written through the sandbox (values only go up)."""
    last = 0

    def next_id(floor: int) -> int:
        nonlocal last
        last = max(last + 1, floor)
        return last

    return next_id
