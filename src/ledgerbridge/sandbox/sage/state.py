"""The sandbox's state: businesses and their records, in memory, written to a JSON file after every change.

Records are kept as Sage answers them (money as ``Decimal``), per business and collection. A deleted record
leaves a tombstone so ``deleted_since`` can list it. The clock can be moved forward (token expiry, rate
windows, ``updated_at``) without sleeping.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import threading
import time
import uuid
from typing import Any

import simplejson

from .errors import dumps

Record = dict[str, Any]


def new_id() -> str:
    # Sage keys are 32 hex characters, no hyphens
    return uuid.uuid4().hex


class Store:
    def __init__(self, path: pathlib.Path | None = None) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.clock_offset = 0.0
        self.businesses: dict[str, Record] = {}
        self.records: dict[str, dict[str, dict[str, Record]]] = {}
        self.tombstones: dict[str, dict[str, dict[str, Record]]] = {}
        self.counters: dict[str, dict[str, int]] = {}
        self.idempotency: dict[str, str] = {}  # "business/collection/idempotency_id" → record id
        self.auth: dict[str, Any] = {"clients": {}, "tokens": {}}
        if path is not None and path.exists():
            self._load(simplejson.loads(path.read_text(), use_decimal=True))

    # -- time ---------------------------------------------------------------------------------------------
    def now(self) -> float:
        return time.time() + self.clock_offset

    def stamp(self) -> str:
        """Sage's timestamps: UTC to the second, ``2026-12-07T20:11:18Z``."""
        return dt.datetime.fromtimestamp(int(self.now()), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def today(self) -> dt.date:
        return dt.datetime.fromtimestamp(self.now(), dt.UTC).date()

    # -- persistence --------------------------------------------------------------------------------------
    def _load(self, data: dict[str, Any]) -> None:
        self.businesses = data["businesses"]
        self.records = data["records"]
        self.tombstones = data["tombstones"]
        self.counters = data["counters"]
        self.idempotency = data["idempotency"]
        self.auth = data["auth"]

    def save(self) -> None:
        if self.path is None:
            return
        with self.lock:
            data = {"businesses": self.businesses, "records": self.records, "tombstones": self.tombstones,
                    "counters": self.counters, "idempotency": self.idempotency, "auth": self.auth}
            tmp = self.path.with_suffix(".tmp")
            tmp.write_bytes(dumps(data))
            tmp.replace(self.path)

    # -- records ------------------------------------------------------------------------------------------
    def add_business(self, business: Record) -> None:
        with self.lock:
            self.businesses[business["id"]] = business
            self.records.setdefault(business["id"], {})
            self.tombstones.setdefault(business["id"], {})
            self.counters.setdefault(business["id"], {})

    def table(self, business: str, collection: str) -> dict[str, Record]:
        return self.records[business].setdefault(collection, {})

    def get(self, business: str, collection: str, key: str) -> Record | None:
        with self.lock:
            return self.table(business, collection).get(key)

    def all(self, business: str, collection: str) -> list[Record]:
        with self.lock:
            return list(self.table(business, collection).values())

    def put(self, business: str, collection: str, record: Record) -> Record:
        """Insert or replace; stamps ``created_at`` (first time) and ``updated_at``."""
        with self.lock:
            stamp = self.stamp()
            record.setdefault("created_at", stamp)
            record["updated_at"] = stamp
            self.table(business, collection)[record["id"]] = record
        return record

    def delete(self, business: str, collection: str, key: str) -> Record | None:
        with self.lock:
            found = self.table(business, collection).pop(key, None)
            if found is not None:
                found = {**found, "deleted_at": self.stamp()}
                self.tombstones[business].setdefault(collection, {})[key] = found
        return found

    def deleted(self, business: str, collection: str) -> list[Record]:
        with self.lock:
            return list(self.tombstones[business].get(collection, {}).values())

    def next_number(self, business: str, counter: str) -> int:
        with self.lock:
            counters = self.counters[business]
            counters[counter] = counters.get(counter, 0) + 1
            return counters[counter]
