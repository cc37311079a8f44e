"""In-memory state of the FreeAgent sandbox, persisted as one JSON file when a path is given (the demo).

Records are kept in FreeAgent's wire form, except that references to other resources are stored as paths
(``/v2/contacts/3``): FreeAgent names every resource by its full URL, and the host depends on where the sandbox is
served, so :func:`absolute` prefixes the request's base URL when a record goes out and :func:`relative` strips it
when a reference comes in. Each company (FreeAgent account) has its own collections and id counters.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

API = "/v2"


def relative(reference: Any) -> str | None:
    """``https://host/any/prefix/v2/contacts/3`` → ``/v2/contacts/3`` (None when it names no v2 resource)."""
    if not isinstance(reference, str):
        return None
    at = reference.find(API + "/")
    return reference[at:].rstrip("/") if at >= 0 else None


def absolute(value: Any, base: str) -> Any:
    """The record with every stored ``/v2/…`` path turned into a full URL under ``base``."""
    if isinstance(value, dict):
        return {k: absolute(v, base) for k, v in value.items()}
    if isinstance(value, list):
        return [absolute(v, base) for v in value]
    if isinstance(value, str) and value.startswith(API + "/"):
        return base.rstrip("/") + value
    return value


def money(value: Decimal) -> str:
    """FreeAgent sends money as decimal strings; two places for amounts."""
    return str(value.quantize(Decimal("0.01")))


class Store:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.clock_offset = 0.0
        self._last_stamp = 0.0
        #: company id → collection → id → record
        self.companies: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
        self.counters: dict[str, int] = {}
        #: OAuth clients, codes and tokens (see identity.py)
        self.oauth: dict[str, dict[str, Any]] = {"clients": {}, "codes": {}, "access": {}, "refresh": {}}
        if path is not None and path.exists():
            saved = json.loads(path.read_text())
            self.companies, self.counters, self.oauth = saved["companies"], saved["counters"], saved["oauth"]

    # -- time -------------------------------------------------------------------------------------
    def now(self) -> float:
        return time.time() + self.clock_offset

    def stamp(self) -> str:
        """``updated_at`` of a write: strictly increasing (millisecond ISO), so ``updated_since`` never ties."""
        with self.lock:
            now = max(self.now(), self._last_stamp + 0.001)
            self._last_stamp = now
        return dt.datetime.fromtimestamp(now, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"

    def today(self) -> dt.date:
        return dt.datetime.fromtimestamp(self.now(), dt.UTC).date()

    # -- records ----------------------------------------------------------------------------------
    def collection(self, company: str, name: str) -> dict[str, dict[str, Any]]:
        return self.companies.setdefault(company, {}).setdefault(name, {})

    def next_id(self, company: str, name: str) -> int:
        with self.lock:
            key = f"{company}/{name}"
            self.counters[key] = self.counters.get(key, 0) + 1
            return self.counters[key]

    def get(self, company: str, name: str, key: str) -> dict[str, Any] | None:
        return self.collection(company, name).get(key)

    def put(self, company: str, name: str, key: str, record: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            record["updated_at"] = self.stamp()
            record.setdefault("created_at", record["updated_at"])
            self.collection(company, name)[key] = record
            self.save()
            return record

    def delete(self, company: str, name: str, key: str) -> None:
        with self.lock:
            self.collection(company, name).pop(key, None)
            self.save()

    def save(self) -> None:
        if self.path is None:
            return
        with self.lock:
            data = {"companies": self.companies, "counters": self.counters, "oauth": self.oauth}
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, default=str))
            tmp.replace(self.path)
