"""Ledgerbridge ids are derived, not drawn: ``uuid5(connection id, "<object>:<remote key>")``.

The same provider record always gets the same id in a connection, so a record can be referred to before it is
synced (an invoice synced ahead of its contact already carries the contact's future id), a sync replayed after
a crash writes the same rows, and two connections never share an id.
"""

from __future__ import annotations

import uuid


def record_id(connection_id: uuid.UUID | str, object_name: str, remote_key: str) -> uuid.UUID:
    namespace = connection_id if isinstance(connection_id, uuid.UUID) else uuid.UUID(connection_id)
    return uuid.uuid5(namespace, f"{object_name}:{remote_key}")


def parse_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return None
