"""The schema. One ``records`` table holds every unified object (see DESIGN.md § Store shape):

- ``id`` is derived from (connection, object, remote key) — :mod:`ledgerbridge.ids` — so upserts from syncs and
  writes land on the same row, and references resolve before the referenced record is synced;
- ``seq`` is a monotonically increasing key: list cursors are keyset positions on it, so pages never repeat or
  skip rows even while new rows are inserted;
- ``data`` is the unified JSON in its wire form (validated on the way in), served on reads without rebuilding a
  model per row; ``data_hash`` lets an upsert tell a real change (``modified_at`` moves) from a re-sync.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from ledgerbridge.store.types import AutoIncrement, UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

UUID = String(36)

projects = Table(
    "projects",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("prefix", String(12), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime),
)

linked_users = Table(
    "linked_users",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("origin_user_id", String(255), nullable=False),
    Column("alias", String(255)),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("project_id", "origin_user_id"),
)

connections = Table(
    "connections",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("linked_user_id", UUID, ForeignKey("linked_users.id", ondelete="SET NULL")),
    Column("provider", String(50), nullable=False),
    Column("status", String(20), nullable=False),
    Column("token", String(100), nullable=False, unique=True),
    Column("account_id", String(255)),  # the provider-side company: QuickBooks realm, Xero tenant, Tryton db
    Column("credentials", Text, nullable=False),  # AES-GCM sealed JSON, see ledgerbridge.crypto
    Column("created_at", UTCDateTime, nullable=False),
    Column("modified_at", UTCDateTime, nullable=False),
    Column("last_sync_at", UTCDateTime),
)

records = Table(
    "records",
    metadata,
    Column("seq", AutoIncrement, primary_key=True, autoincrement=True),
    Column("id", UUID, nullable=False, unique=True),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("connection_id", UUID, ForeignKey("connections.id", ondelete="CASCADE"), nullable=False),
    Column("object_type", String(50), nullable=False),
    Column("remote_id", String(255), nullable=False),
    Column("remote_key", String(300), nullable=False),
    Column("data", Text, nullable=False),
    Column("data_hash", String(64), nullable=False),
    Column("remote_data", Text),
    Column("remote_updated_at", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
    Column("modified_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Index("ix_records_page", "connection_id", "object_type", "seq"),
    Index("ix_records_remote", "connection_id", "object_type", "remote_id"),
)

events = Table(
    "events",
    metadata,
    Column("seq", AutoIncrement, primary_key=True, autoincrement=True),
    Column("id", UUID, nullable=False, unique=True),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("connection_id", UUID, ForeignKey("connections.id", ondelete="CASCADE")),
    Column("type", String(100), nullable=False),
    Column("status", String(20), nullable=False),
    Column("method", String(10)),
    Column("url", String(500)),
    Column("detail", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_events_project", "project_id", "seq"),
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("connection_id", UUID, ForeignKey("connections.id", ondelete="CASCADE"), nullable=False),
    Column("key", String(255), nullable=False),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("request_hash", String(64), nullable=False),
    Column("status_code", Integer),  # NULL while the first request is still running
    Column("response", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False, index=True),
    PrimaryKeyConstraint("connection_id", "key"),
)

sync_states = Table(
    "sync_states",
    metadata,
    Column("connection_id", UUID, ForeignKey("connections.id", ondelete="CASCADE"), nullable=False),
    Column("object_type", String(50), nullable=False),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("since", UTCDateTime),  # provider change time from which the next incremental sync starts
    Column("status", String(20), nullable=False),
    Column("records", Integer, nullable=False, default=0),
    Column("error", Text),
    Column("finished_at", UTCDateTime),
    PrimaryKeyConstraint("connection_id", "object_type"),
)
