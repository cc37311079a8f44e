"""Ledgerbridge ids are derived, not drawn: ``uuid5(connection id, "<object>:<remote key>")``.

The same provider record always gets the same id in a connection, so a record can be referred to before it is
synced (an invoice synced ahead of its contact already carries the contact's future id), a sync replayed after
a crash writes the same rows, and two connections never share an id.
"""

from __future__ import annotations

import functools
import hashlib
import uuid

# A sync page refers to the same few customers, items, accounts and tax codes over and over (about eight
# references per invoice), and uuid5 costs a few microseconds each; the id is a pure function of its
# arguments, so recent ones are kept. Bounded: one-off keys (line items) only push out the least recently used.
_CACHED_IDS = 16_384  # about 3 MB


@functools.lru_cache(maxsize=256)
def _namespace(connection_id: uuid.UUID | str) -> bytes:
    return (connection_id if isinstance(connection_id, uuid.UUID) else uuid.UUID(connection_id)).bytes


@functools.lru_cache(maxsize=_CACHED_IDS)
def record_id(connection_id: uuid.UUID | str, object_name: str, remote_key: str) -> uuid.UUID:
    # uuid.uuid5 itself, with the namespace's bytes computed once per connection rather than on every call.
    digest = hashlib.sha1(_namespace(connection_id) + f"{object_name}:{remote_key}".encode(), usedforsecurity=False)
    return uuid.UUID(bytes=digest.digest()[:16], version=5)
