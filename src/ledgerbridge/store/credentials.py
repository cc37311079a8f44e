"""Who is calling, remembered for a moment: every API request presents a key and a connection token, and
resolving them costs a connection checkout and a round trip — about as much as the read they guard.

An answer is kept for :data:`TTL` seconds at most. Within this process it is dropped at once when anything it
depends on is written (a key revoked, a connection's status or credentials changed, a custom field defined): each
such store function calls :func:`ledgerbridge.store.credential_epoch.invalidate`. Another process's change
(``ledgerbridge keys revoke`` run from a shell, another worker) is seen within :data:`TTL`. Refusals (a bad key)
are never remembered, so a key created a moment ago works at once and a caller probing keys always reaches the
database.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from ledgerbridge.store import tenancy
from ledgerbridge.store.credential_epoch import current
from ledgerbridge.store.db import read_only

TTL = 2.0
MAX_ENTRIES = 10_000


@dataclass(frozen=True)
class Caller:
    project: tenancy.Project
    connection: tenancy.Connection | None  # None: no connection with that token in the key's project
    custom_fields: bool  # whether the project defines any custom field (else reads skip the values lookup)


class CredentialCache:
    def __init__(self, engine: AsyncEngine, *, ttl: float = TTL) -> None:
        self.engine = engine
        self.ttl = ttl
        self._entries: OrderedDict[tuple[str, str], tuple[float, int, Caller]] = OrderedDict()

    async def resolve(self, api_key: str, token: str) -> Caller | None:
        # Keyed by the key's digest, so the cache never holds a usable key.
        cache_key = (hashlib.sha256(api_key.encode()).hexdigest(), token)
        now = time.monotonic()
        hit = self._entries.get(cache_key)
        if hit is not None and hit[0] > now and hit[1] == current():
            return hit[2]
        generation = current()  # taken before the read: a write racing it leaves the entry already stale
        async with read_only(self.engine).connect() as db:
            found = await tenancy.resolve_credentials(db, api_key=api_key, token=token)
        if found is None:
            self._entries.pop(cache_key, None)
            return None
        caller = Caller(*found)
        self._entries[cache_key] = (now + self.ttl, generation, caller)
        self._entries.move_to_end(cache_key)
        while len(self._entries) > MAX_ENTRIES:
            self._entries.popitem(last=False)
        return caller
