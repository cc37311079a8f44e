"""SQLite storage for the Xero sandbox: objects, tenants, OAuth artefacts, idempotency memory.

Objects are stored in their wire form (the JSON Xero would return) so reads are a decode and nothing else;
a few columns are lifted out (key, status, type, contact, updated time, write sequence) so the common list
filters and paging run in SQL, which keeps 100k-invoice tenants fast. One lock serialises access because the
sandbox is shared between the event loop thread and test threads.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import simplejson

# Fixed namespace: seeded ids are uuid5(NAMESPACE, "...") so the same seed gives the same ids on any machine.
NAMESPACE = uuid.UUID("6f1c1c8e-5d0b-4c53-9a7e-0c6f3b8f1a11")

SCHEMA = """
CREATE TABLE IF NOT EXISTS objects (
    tenant TEXT NOT NULL, coll TEXT NOT NULL, id TEXT NOT NULL,
    key TEXT, status TEXT, type TEXT, contact TEXT,
    updated_ms INTEGER NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (tenant, coll, id)
);
CREATE INDEX IF NOT EXISTS objects_seq ON objects (tenant, coll, seq);
CREATE INDEX IF NOT EXISTS objects_key ON objects (tenant, coll, key);
CREATE INDEX IF NOT EXISTS objects_updated ON objects (tenant, coll, updated_ms);
CREATE TABLE IF NOT EXISTS tenants (id TEXT PRIMARY KEY, name TEXT, country TEXT, currency TEXT, created_ms INTEGER);
CREATE TABLE IF NOT EXISTS counters (tenant TEXT, name TEXT, value INTEGER, PRIMARY KEY (tenant, name));
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS clients (client_id TEXT PRIMARY KEY, secret TEXT, redirect_uris TEXT);
CREATE TABLE IF NOT EXISTS connections (
    id TEXT PRIMARY KEY, client_id TEXT, tenant_id TEXT, auth_event_id TEXT, created TEXT, updated TEXT,
    UNIQUE (client_id, tenant_id)
);
CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, kind TEXT, client_id TEXT, data TEXT, expires REAL);
CREATE TABLE IF NOT EXISTS idempotency (
    tenant TEXT, key TEXT, status INTEGER, headers TEXT, body BLOB, created REAL, PRIMARY KEY (tenant, key)
);
"""

IDEMPOTENCY_KEEP = 1000  # per tenant; Xero documents no window, "recent ones" is what clients rely on


def dumps(obj: Any) -> str:
    return simplejson.dumps(obj, use_decimal=True, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    return simplejson.loads(text, use_decimal=True)


class Store:
    def __init__(self, path: Path | None = None) -> None:
        self.idempotency_keep = IDEMPOTENCY_KEEP  # smaller in tests that need Xero to have forgotten a key
        self.path = path
        self.db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL" if path else "PRAGMA journal_mode=MEMORY")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self.lock = threading.RLock()
        row = self.db.execute("SELECT COALESCE(MAX(seq), 0), COALESCE(MAX(updated_ms), 0) FROM objects").fetchone()
        self._seq, self._last_ms = int(row[0]), int(row[1])
        self.clock_offset = 0.0  # tests advance time (token expiry, rate windows) without sleeping
        #: (tenant, collection, id, created) after each put; set by webhooks.XeroWebhooks
        self.on_put: Callable[[str, str, str, bool], None] | None = None

    # -- time -----------------------------------------------------------------------------------
    def now(self) -> float:
        return time.time() + self.clock_offset

    def stamp_ms(self) -> int:
        """UpdatedDateUTC for a write: wall clock, but strictly increasing so If-Modified-Since never ties."""
        ms = int(self.now() * 1000)
        self._last_ms = max(ms, self._last_ms + 1)
        return self._last_ms

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

    # -- transactions ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.lock:
            self.db.execute("BEGIN")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    # -- objects --------------------------------------------------------------------------------
    def get(self, tenant: str, coll: str, obj_id: str) -> dict[str, Any] | None:
        with self.lock:
            row = self.db.execute("SELECT data FROM objects WHERE tenant=? AND coll=? AND id=?",
                                  (tenant, coll, obj_id.lower())).fetchone()
        return loads(row[0]) if row else None

    def find_key(self, tenant: str, coll: str, key: str) -> list[dict[str, Any]]:
        with self.lock:
            rows = self.db.execute("SELECT data FROM objects WHERE tenant=? AND coll=? AND key=? ORDER BY seq",
                                   (tenant, coll, key.lower())).fetchall()
        return [loads(r[0]) for r in rows]

    def put(self, tenant: str, coll: str, obj_id: str, data: dict[str, Any], *, key: str | None = None,
            status: str | None = None, type_: str | None = None, contact: str | None = None,
            updated_ms: int) -> None:
        with self.lock:
            created = self.on_put is not None and self.db.execute(
                "SELECT 1 FROM objects WHERE tenant=? AND coll=? AND id=?", (tenant, coll, obj_id.lower())
            ).fetchone() is None
            self.db.execute(
                "INSERT OR REPLACE INTO objects VALUES (?,?,?,?,?,?,?,?,?,?)",
                (tenant, coll, obj_id.lower(), key.lower() if key else None, status, type_,
                 contact.lower() if contact else None, updated_ms, self.next_seq(), dumps(data)))
        if self.on_put is not None:
            self.on_put(tenant, coll, obj_id.lower(), created)

    def delete(self, tenant: str, coll: str, obj_id: str) -> None:
        with self.lock:
            self.db.execute("DELETE FROM objects WHERE tenant=? AND coll=? AND id=?", (tenant, coll, obj_id.lower()))

    def put_many(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Bulk insert of pre-built rows (tenant, coll, id, key, status, type, contact, updated_ms, data)."""
        with self.lock:
            batch = [(*r[:8], self.next_seq(), r[8]) for r in rows]
            self.db.executemany("INSERT OR REPLACE INTO objects VALUES (?,?,?,?,?,?,?,?,?,?)", batch)

    def count(self, tenant: str, coll: str) -> int:
        with self.lock:
            return int(self.db.execute("SELECT COUNT(*) FROM objects WHERE tenant=? AND coll=?",
                                       (tenant, coll)).fetchone()[0])

    def query(self, tenant: str, coll: str, *, ids: list[str] | None = None, keys: list[str] | None = None,
              contacts: list[str] | None = None, statuses: list[str] | None = None,
              exclude_statuses: list[str] | None = None, updated_after: int | None = None,
              limit: int | None = None, offset: int = 0, by_updated: bool = False) -> tuple[list[dict[str, Any]], int]:
        """SQL-side filtering and paging in write order (``by_updated``: update time, then id). Returns (rows,
        total matching)."""
        where: list[str] = ["tenant=?", "coll=?"]
        args: list[object] = [tenant, coll]
        for col, values in (("id", ids), ("key", keys), ("contact", contacts)):
            if values is not None:
                where.append(f"{col} IN ({','.join('?' * len(values))})")
                args += [v.lower() for v in values]
        if statuses is not None:
            where.append(f"status IN ({','.join('?' * len(statuses))})")
            args += [s.upper() for s in statuses]
        if exclude_statuses:
            where.append(f"(status IS NULL OR status NOT IN ({','.join('?' * len(exclude_statuses))}))")
            args += exclude_statuses
        if updated_after is not None:
            where.append("updated_ms > ?")
            args.append(updated_after)
        clause = " AND ".join(where)
        with self.lock:
            total = int(self.db.execute(f"SELECT COUNT(*) FROM objects WHERE {clause}", args).fetchone()[0])
            sql = f"SELECT data FROM objects WHERE {clause} ORDER BY {'updated_ms, id' if by_updated else 'seq'}"
            if limit is not None:
                sql += " LIMIT ? OFFSET ?"
                args += [limit, offset]
            rows = self.db.execute(sql, args).fetchall()
        return [loads(r[0]) for r in rows], total

    # -- counters, meta -------------------------------------------------------------------------
    def counter(self, tenant: str, name: str) -> int:
        with self.lock:
            row = self.db.execute("SELECT value FROM counters WHERE tenant=? AND name=?", (tenant, name)).fetchone()
        return int(row[0]) if row else 0

    def set_counter(self, tenant: str, name: str, value: int) -> None:
        with self.lock:
            self.db.execute("INSERT OR REPLACE INTO counters VALUES (?,?,?)", (tenant, name, value))

    def meta(self, name: str) -> str | None:
        with self.lock:
            row = self.db.execute("SELECT value FROM meta WHERE name=?", (name,)).fetchone()
        return row[0] if row else None

    def set_meta(self, name: str, value: str) -> None:
        with self.lock:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?,?)", (name, value))

    # -- idempotency ----------------------------------------------------------------------------
    def idempotent_get(self, tenant: str, key: str) -> tuple[int, dict[str, str], bytes] | None:
        with self.lock:
            row = self.db.execute("SELECT status, headers, body FROM idempotency WHERE tenant=? AND key=?",
                                  (tenant, key)).fetchone()
        return (int(row[0]), loads(row[1]), bytes(row[2])) if row else None

    def idempotent_put(self, tenant: str, key: str, status: int, headers: dict[str, str], body: bytes) -> None:
        with self.lock:
            self.db.execute("INSERT OR REPLACE INTO idempotency VALUES (?,?,?,?,?,?)",
                            (tenant, key, status, dumps(headers), body, self.now()))
            self.db.execute(
                "DELETE FROM idempotency WHERE tenant=? AND key NOT IN "
                "(SELECT key FROM idempotency WHERE tenant=? ORDER BY created DESC LIMIT ?)",
                (tenant, tenant, self.idempotency_keep))

    def forget_idempotency_keys(self) -> None:
        """Forget every Idempotency-Key, as Xero does with all but its recent ones."""
        with self.lock:
            self.db.execute("DELETE FROM idempotency")
