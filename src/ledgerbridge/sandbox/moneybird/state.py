"""The Moneybird sandbox's state: administrations and their records, in memory, saved to a JSON file.

Records are kept in their wire form (what Moneybird answers), keyed by collection and id, so a read is a copy.
Ids are 18-digit numeric strings like Moneybird's; ``version`` is Moneybird's optimistic-lock counter, which the
real API fills with the record's update time in epoch seconds: here it is that, made strictly increasing so two
writes in one second still give two versions. With a path, every write is saved at once (the demo restarts with
its data); without, the state lives as long as the object.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import simplejson

ID_BASE = 496081500000000000  # the magnitude of Moneybird's ids ("496081523381896487")


def dumps(obj: Any) -> str:
    return simplejson.dumps(obj, use_decimal=True, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    return simplejson.loads(text, use_decimal=True)


def iso(ts: float) -> str:
    """Moneybird's timestamps: UTC with milliseconds, ``2026-01-07T10:15:02.123Z``."""
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def parse_iso(text: str) -> float:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


class Store:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.clock_offset = 0.0  # tests move time (token expiry, rate windows, lateness) without sleeping
        self.data: dict[str, Any] = {"next_id": 1, "last_version": 0, "administrations": {}, "records": {},
                                     "counters": {}, "clients": {}, "tokens": {}}
        if path is not None and path.exists():
            self.data = loads(path.read_text(encoding="utf-8"))

    # -- time, ids, versions --------------------------------------------------------------------
    def now(self) -> float:
        return time.time() + self.clock_offset

    def today(self) -> dt.date:
        return dt.datetime.fromtimestamp(self.now(), dt.UTC).date()

    def new_id(self) -> str:
        with self.lock:
            n = int(self.data["next_id"])
            self.data["next_id"] = n + 1
        return str(ID_BASE + n * 1031)  # spaced like real ids, still increasing

    def next_version(self) -> int:
        with self.lock:
            version = max(int(self.now()), int(self.data["last_version"]) + 1)
            self.data["last_version"] = version
        return version

    def next_counter(self, admin: str, name: str) -> int:
        with self.lock:
            counters = self.data["counters"].setdefault(admin, {})
            counters[name] = int(counters.get(name, 0)) + 1
            return int(counters[name])

    # -- records ----------------------------------------------------------------------------------
    def _coll(self, admin: str, coll: str) -> dict[str, Any]:
        return self.data["records"].setdefault(admin, {}).setdefault(coll, {})  # type: ignore[no-any-return]

    def get(self, admin: str, coll: str, record_id: str) -> dict[str, Any] | None:
        with self.lock:
            found = self._coll(admin, coll).get(str(record_id))
            return copy.deepcopy(found) if found is not None else None

    def all(self, admin: str, coll: str) -> list[dict[str, Any]]:
        """Every record of a collection, oldest first (ids increase with creation)."""
        with self.lock:
            rows = list(self._coll(admin, coll).values())
            return [copy.deepcopy(r) for r in sorted(rows, key=lambda r: int(r["id"]))]

    def put(self, admin: str, coll: str, record: dict[str, Any]) -> None:
        with self.lock:
            self._coll(admin, coll)[str(record["id"])] = copy.deepcopy(record)
            self.save()

    def delete(self, admin: str, coll: str, record_id: str) -> None:
        with self.lock:
            self._coll(admin, coll).pop(str(record_id), None)
            self.save()

    def count(self, admin: str, coll: str) -> int:
        with self.lock:
            return len(self._coll(admin, coll))

    def save(self) -> None:
        if self.path is None:
            return
        with self.lock:
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(dumps(self.data), encoding="utf-8")
            tmp.replace(self.path)


def money(value: Decimal) -> str:
    """Moneybird prints amounts as decimal strings: ``"121.0"``; two places keep cents readable."""
    return str(Decimal(value).quantize(Decimal("0.01")))


def as_json(obj: Any) -> Any:
    """A deep copy through JSON, so Decimals stay Decimals and nothing is shared with the store."""
    return json.loads(dumps(obj), parse_float=Decimal)
