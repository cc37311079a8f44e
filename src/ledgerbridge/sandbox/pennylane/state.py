"""The sandbox's state: companies, each holding its collections of records, plus OAuth clients and tokens.

Everything lives in memory behind one lock and, when a path is given (the demo), is written to a JSON file after
each change and read back on start, so the demo keeps its data across restarts. Ids are one sequence for the
whole sandbox, as a database's would be. Amounts are kept as the decimal strings Pennylane writes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Record = dict[str, Any]

#: the collections with a change feed at ``/changelogs/{collection}`` (the spec's getXChanges operations)
CHANGELOGS = ("customer_invoices", "supplier_invoices", "customers", "suppliers", "products")


def iso(ts: float) -> str:
    """A timestamp as Pennylane prints it: ISO 8601 with microseconds, in UTC."""
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class Company:
    id: int
    name: str
    reg_no: str
    #: collection name (``customer_invoices``, ``customers``…) → id → record as the API shows it
    records: dict[str, dict[int, Record]] = field(default_factory=dict)
    #: customer or supplier invoice id → its lines
    lines: dict[int, list[Record]] = field(default_factory=dict)
    #: collection → change events ``{id, operation, processed_at, updated_at, created_at}`` in order
    changes: dict[str, list[Record]] = field(default_factory=dict)
    #: last number given to a finalized customer invoice, per year
    numbers: dict[str, int] = field(default_factory=dict)

    def table(self, collection: str) -> dict[int, Record]:
        return self.records.setdefault(collection, {})


class Store:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.clock_offset = 0.0
        self.companies: dict[int, Company] = {}
        self.clients: dict[str, Record] = {}
        self.tokens: dict[str, Record] = {}  # token → {kind, client_id, company_id, expires, ...}
        self.next_id = 1000
        if path is not None and path.exists():
            self._load(json.loads(path.read_text()))

    def now(self) -> float:
        return time.time() + self.clock_offset

    def new_id(self) -> int:
        with self.lock:
            self.next_id += 1
            return self.next_id

    # --- records ---------------------------------------------------------------------------------------------

    def company(self, company_id: int) -> Company:
        return self.companies[company_id]

    def insert(self, company: Company, collection: str, record: Record) -> Record:
        """Store a new record, stamping ``created_at``/``updated_at`` and logging the change."""
        with self.lock:
            stamp = iso(self.now())
            record.setdefault("created_at", stamp)
            record["updated_at"] = stamp
            company.table(collection)[int(record["id"])] = record
            self.log(company, collection, record, "insert")
            self.save()
            return record

    def touch(self, company: Company, collection: str, record: Record) -> Record:
        """A record was changed in place: a new ``updated_at`` and a change event."""
        with self.lock:
            stamp = iso(self.now())
            if stamp <= record["updated_at"]:  # two writes in one microsecond still move the stamp
                stamp = iso(self.now() + 1e-6)
            record["updated_at"] = stamp
            self.log(company, collection, record, "update")
            self.save()
            return record

    def delete(self, company: Company, collection: str, record_id: int) -> None:
        with self.lock:
            record = company.table(collection).pop(record_id)
            company.lines.pop(record_id, None)
            record["updated_at"] = iso(self.now())
            self.log(company, collection, record, "delete")
            self.save()

    def log(self, company: Company, collection: str, record: Record, operation: str) -> None:
        if collection not in CHANGELOGS:
            return
        company.changes.setdefault(collection, []).append({
            "id": record["id"], "operation": operation, "processed_at": record["updated_at"],
            "updated_at": record["updated_at"], "created_at": record["created_at"]})

    # --- persistence -----------------------------------------------------------------------------------------

    def save(self) -> None:
        if self.path is None:
            return
        with self.lock:
            data = {
                "next_id": self.next_id, "clients": self.clients, "tokens": self.tokens,
                "companies": [{"id": c.id, "name": c.name, "reg_no": c.reg_no, "numbers": c.numbers,
                               "records": {k: list(v.values()) for k, v in c.records.items()},
                               "lines": {str(k): v for k, v in c.lines.items()}, "changes": c.changes}
                              for c in self.companies.values()],
            }
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(json.dumps(data))
            os.replace(temporary, self.path)

    def _load(self, data: dict[str, Any]) -> None:
        self.next_id = int(data["next_id"])
        self.clients = data["clients"]
        self.tokens = data["tokens"]
        for raw in data["companies"]:
            company = Company(int(raw["id"]), raw["name"], raw["reg_no"], numbers=raw["numbers"],
                              changes=raw["changes"])
            company.records = {k: {int(r["id"]): r for r in v} for k, v in raw["records"].items()}
            company.lines = {int(k): v for k, v in raw["lines"].items()}
            self.companies[company.id] = company
