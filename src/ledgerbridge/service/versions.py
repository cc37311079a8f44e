"""ETags of stored records and the ``If-Match`` check (optimistic concurrency).

A record's ETag is a digest of what we hold for it: its unified data, the provider's change time and its
deleted flag. Whenever a sync or a write brings a new provider version, one of those moves with it. The
provider's own concurrency token (QuickBooks SyncToken, Xero UpdatedDateUTC, Tryton write_date, read by
``Connector.version`` from the stored ``remote_data``) is then sent with the write, so a change made at the
provider since our last sync is refused there too: an If-Match that matches our copy but not the provider's is
still a 412, and nothing is written anywhere.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ledgerbridge.errors import PreconditionFailed


def etag(row: Any) -> str:
    stamp = "" if row.remote_updated_at is None else row.remote_updated_at.isoformat()
    digest = hashlib.sha256(f"{row.data_hash}|{stamp}|{int(bool(row.deleted))}".encode()).hexdigest()
    return f'"{digest[:32]}"'


def check_if_match(header: str | None, row: Any) -> None:
    """Raise 412 unless ``If-Match`` is absent, ``*``, or lists the record's current ETag (weak or strong)."""
    if header is None:
        return
    wanted = [tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()]
    if "*" in wanted:
        return
    current = etag(row)
    if current not in wanted:
        raise PreconditionFailed(
            f"If-Match {header.strip()} does not match the record's current ETag {current}: "
            "it changed since you read it; read it again and reapply your change"
        )
