"""Storage: one SQLite table of entities keyed (realm, entity, id) with the JSON body as text.

Why SQLite for an in-memory default too: the query endpoint is translated to SQL over ``json_extract``,
so a 100k-invoice realm pages without loading every document into Python. A single connection guarded
by a lock is enough: the app is async, handlers run on one event loop, and tests read from another thread.
"""

from __future__ import annotations

import pathlib
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .wire import dumps, loads

SCHEMA = """
CREATE TABLE IF NOT EXISTS realms (realm TEXT PRIMARY KEY, info TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counters (realm TEXT, name TEXT, value INTEGER NOT NULL, PRIMARY KEY (realm, name));
CREATE TABLE IF NOT EXISTS entities (
    realm TEXT NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL,
    num INTEGER NOT NULL,          -- numeric id for ordering ("TAX"/"NON" sort after numbers)
    key TEXT,                      -- DocNumber / DisplayName / Name: indexed uniqueness checks
    created REAL NOT NULL, updated REAL NOT NULL,  -- epoch seconds: instants for query/CDC comparisons
    deleted INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL,
    PRIMARY KEY (realm, entity, id)
);
CREATE INDEX IF NOT EXISTS entities_num ON entities (realm, entity, deleted, num);
CREATE INDEX IF NOT EXISTS entities_key ON entities (realm, entity, key);
CREATE INDEX IF NOT EXISTS entities_updated ON entities (realm, entity, updated);
CREATE TABLE IF NOT EXISTS requests (
    realm TEXT NOT NULL, requestid TEXT NOT NULL, seq INTEGER NOT NULL,
    status INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (realm, requestid)
);
CREATE INDEX IF NOT EXISTS requests_seq ON requests (realm, seq);
CREATE TABLE IF NOT EXISTS clients (client_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL);
"""

REQUEST_MEMORY = 5000  # requestids remembered per realm (QBO keeps them for a limited time)


def numeric_id(entity_id: str) -> int:
    return int(entity_id) if entity_id.isdigit() else 2**62


class Store:
    def __init__(self, path: pathlib.Path | None) -> None:
        self.request_memory = REQUEST_MEMORY  # smaller in tests that need QBO to have forgotten a requestid
        self.lock = threading.RLock()
        self.db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False,
                                  isolation_level=None)
        if path:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self._depth = 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing multi-step writes (payment + the invoices it pays). Re-entrant."""
        with self.lock:
            outer = self._depth == 0
            if outer:
                self.db.execute("BEGIN")
            self._depth += 1
            try:
                yield self.db
            except BaseException:
                self._depth -= 1
                if outer:
                    self.db.execute("ROLLBACK")
                raise
            self._depth -= 1
            if outer:
                self.db.execute("COMMIT")

    # --- realms and counters ---
    def realm_info(self, realm: str) -> dict[str, Any] | None:
        with self.lock:
            row = self.db.execute("SELECT info FROM realms WHERE realm=?", (realm,)).fetchone()
        return loads(row[0]) if row else None

    def realms(self) -> list[str]:
        with self.lock:
            return [r[0] for r in self.db.execute("SELECT realm FROM realms ORDER BY realm")]

    def put_realm(self, realm: str, info: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO realms VALUES (?, ?)", (realm, dumps(info)))

    def next_value(self, realm: str, name: str, start: int = 1, count: int = 1) -> int:
        """Reserve ``count`` consecutive values of a per-realm counter; returns the first."""
        with self.transaction() as db:
            row = db.execute("SELECT value FROM counters WHERE realm=? AND name=?", (realm, name)).fetchone()
            first = row[0] if row else start
            db.execute("INSERT OR REPLACE INTO counters VALUES (?, ?, ?)", (realm, name, first + count))
            return first

    def next_at_least(self, realm: str, name: str, floor: int) -> int:
        """The next value of a counter, never below ``floor``: values below it were taken without the counter
        (bulk-seeded documents number their lines themselves)."""
        with self.transaction() as db:
            row = db.execute("SELECT value FROM counters WHERE realm=? AND name=?", (realm, name)).fetchone()
            value = max(row[0] if row else floor, floor)
            db.execute("INSERT OR REPLACE INTO counters VALUES (?, ?, ?)", (realm, name, value + 1))
            return value

    # --- entities ---
    def get(self, realm: str, entity: str, entity_id: str, *, include_deleted: bool = False) -> dict[str, Any] | None:
        with self.lock:
            row = self.db.execute("SELECT data, deleted FROM entities WHERE realm=? AND entity=? AND id=?",
                                  (realm, entity, entity_id)).fetchone()
        if row is None or (row[1] and not include_deleted):
            return None
        return loads(row[0])

    def put(self, realm: str, entity: str, entity_id: str, data: dict[str, Any], *, key: str | None,
            created: float, updated: float, deleted: bool = False) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO entities VALUES (?,?,?,?,?,?,?,?,?)",
                       (realm, entity, entity_id, numeric_id(entity_id), key, created, updated,
                        int(deleted), dumps(data)))

    def put_many(self, rows: list[tuple[Any, ...]]) -> None:
        """Bulk insert of pre-serialised rows (seed_invoices): same column order as the table."""
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO entities VALUES (?,?,?,?,?,?,?,?,?)", rows)

    def key_taken(self, realm: str, entity: str, key: str, exclude_id: str | None = None) -> bool:
        with self.lock:
            row = self.db.execute(
                "SELECT id FROM entities WHERE realm=? AND entity=? AND key=? AND deleted=0 AND id IS NOT ?",
                (realm, entity, key, exclude_id)).fetchone()
        return row is not None

    def count(self, realm: str, entity: str) -> int:
        with self.lock:
            return self.db.execute("SELECT COUNT(*) FROM entities WHERE realm=? AND entity=? AND deleted=0",
                                   (realm, entity)).fetchone()[0]

    def select(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        with self.lock:
            return self.db.execute(sql, params).fetchall()

    # --- requestid memory ---
    def remembered(self, realm: str, requestid: str) -> tuple[int, str] | None:
        with self.lock:
            row = self.db.execute("SELECT status, body FROM requests WHERE realm=? AND requestid=?",
                                  (realm, requestid)).fetchone()
        return (row[0], row[1]) if row else None

    def remember(self, realm: str, requestid: str, status: int, body: str) -> None:
        with self.transaction() as db:
            seq = self.next_value(realm, "requestseq")
            db.execute("INSERT OR REPLACE INTO requests VALUES (?,?,?,?,?)", (realm, requestid, seq, status, body))
            if seq % min(500, max(1, self.request_memory)) == 0:  # prune in batches, not on every write
                db.execute("DELETE FROM requests WHERE realm=? AND seq <= ?", (realm, seq - self.request_memory))

    def forget_requests(self) -> None:
        """Forget every requestid, as QBO does once its memory of them lapses."""
        with self.transaction() as db:
            db.execute("DELETE FROM requests")

    # --- OAuth ---
    def client(self, client_id: str) -> dict[str, Any] | None:
        with self.lock:
            row = self.db.execute("SELECT data FROM clients WHERE client_id=?", (client_id,)).fetchone()
        return loads(row[0]) if row else None

    def put_client(self, client_id: str, data: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO clients VALUES (?, ?)", (client_id, dumps(data)))

    def token(self, token: str) -> tuple[str, dict[str, Any]] | None:
        with self.lock:
            row = self.db.execute("SELECT kind, data FROM tokens WHERE token=?", (token,)).fetchone()
        return (row[0], loads(row[1])) if row else None

    def put_token(self, token: str, kind: str, data: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO tokens VALUES (?, ?, ?)", (token, kind, dumps(data)))

    def drop_token(self, token: str) -> bool:
        with self.transaction() as db:
            return db.execute("DELETE FROM tokens WHERE token=?", (token,)).rowcount > 0

    def close(self) -> None:
        with self.lock:
            self.db.close()
