"""In-memory state of the Business Central sandbox, saved as one JSON file (for the demo) after every write.

Records are kept in their wire form (what Business Central answers, without the ``@odata`` annotations) per
company and entity set, with a sandbox-only ``_seq`` (creation order, the server's paging key) and ``_version``
(the row version the ``@odata.etag`` is made of). One lock serialises access: the sandbox is shared between the
event loop and test threads.
"""

from __future__ import annotations

import base64
import math
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import simplejson

# Seeded ids are uuid5(NAMESPACE, "...") so the same seed gives the same ids on any machine.
NAMESPACE = uuid.UUID("3b0d7d0e-8f43-4a53-bb57-2f1d2c6a9e10")
PRIVATE = ("_seq", "_version", "_tax", "_journal", "_dimension", "_applied")  # sandbox bookkeeping, never served


def dumps(obj: Any) -> str:
    return simplejson.dumps(obj, use_decimal=True, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    return simplejson.loads(text, use_decimal=True)


def iso(ts: float) -> str:
    """``lastModifiedDateTime`` as Business Central prints it: UTC, milliseconds, ``Z``."""
    return iso_ms(round(ts * 1000))


def iso_ms(ms: int) -> str:
    return datetime.fromtimestamp(ms // 1000, UTC).strftime("%Y-%m-%dT%H:%M:%S") + f".{ms % 1000:03d}Z"


def etag(version: int) -> str:
    """A weak ETag shaped like Business Central's (``W/"JzQ0OzEyMzQ1Njc4OTsn"``): opaque base64 of the version."""
    return 'W/"' + base64.b64encode(f"'{version};{version * 7919 % 100003};'".encode()).decode() + '"'


def public(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in PRIVATE}


class State:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.clock_offset = 0.0  # tests advance time (token expiry, rate windows) without sleeping
        self._last_stamp = 0  # milliseconds
        self.data: dict[str, Any] = {"companies": {}, "sets": {}, "counters": {}, "seq": 0, "version": 0,
                                     "oauth": {"clients": {}, "codes": {}, "access": {}, "refresh": {}}}
        if path is not None and path.exists():
            self.data = loads(path.read_text())

    # --- clock ---------------------------------------------------------------------------------------------
    def now(self) -> float:
        return time.time() + self.clock_offset

    def stamp(self) -> str:
        """``lastModifiedDateTime`` for a write: strictly increasing (by a millisecond) so filters never tie, and
        rounded up to the millisecond it prints, so a write is never stamped before the moment it happened."""
        with self.lock:
            ms = max(math.ceil(self.now() * 1000), self._last_stamp + 1)
            self._last_stamp = ms
            return iso_ms(ms)

    # --- persistence ---------------------------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[None]:
        with self.lock:
            yield
            self.save()

    def save(self) -> None:
        if self.path is not None:
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(dumps(self.data))
            tmp.replace(self.path)

    # --- records -------------------------------------------------------------------------------------------
    def rows(self, company: str, entity_set: str) -> dict[str, dict[str, Any]]:
        with self.lock:
            return self.data["sets"].setdefault(company, {}).setdefault(entity_set, {})  # type: ignore[no-any-return]

    def get(self, company: str, entity_set: str, ident: str) -> dict[str, Any] | None:
        return self.rows(company, entity_set).get(ident.lower())

    def put(self, company: str, entity_set: str, record: dict[str, Any]) -> dict[str, Any]:
        """Insert or replace a record, bumping its version and ``lastModifiedDateTime``."""
        with self.lock:
            rows = self.rows(company, entity_set)
            key = str(record["id"]).lower()
            if key not in rows:
                self.data["seq"] += 1
                record["_seq"] = self.data["seq"]
            else:
                record.setdefault("_seq", rows[key]["_seq"])
            self.data["version"] += 1
            record["_version"] = self.data["version"]
            record["lastModifiedDateTime"] = self.stamp()
            rows[key] = record
            return record

    def delete(self, company: str, entity_set: str, ident: str) -> None:
        with self.lock:
            self.rows(company, entity_set).pop(ident.lower(), None)

    def next_number(self, company: str, series: str, start: int) -> int:
        """The next number of a no. series (Business Central's number series), per company."""
        with self.lock:
            counters = self.data["counters"].setdefault(company, {})
            counters[series] = int(counters.get(series, start - 1)) + 1
            return int(counters[series])
