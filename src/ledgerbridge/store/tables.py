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
    # Filter columns, extracted from ``data`` at upsert time (migration 0005_filters): list filters then use
    # plain indexed comparisons that behave the same on both backends, instead of JSON path expressions.
    Column("status", String(255)),
    Column("kind", String(255)),  # the unified ``type`` (invoice ACCOUNTS_RECEIVABLE / ACCOUNTS_PAYABLE, …)
    Column("contact_id", UUID),
    Column("issued_at", UTCDateTime),
    Index("ix_records_page", "connection_id", "object_type", "seq"),
    Index("ix_records_remote", "connection_id", "object_type", "remote_id"),
    Index("ix_records_modified", "connection_id", "object_type", "modified_at"),
    Index("ix_records_created", "connection_id", "object_type", "created_at"),
    Index("ix_records_contact", "connection_id", "object_type", "contact_id"),
    Index("ix_records_issued", "connection_id", "object_type", "issued_at"),
    Index("ix_records_status", "connection_id", "object_type", "status", "kind"),
    # Every index above serves a query we run: the conflict target (id), keyset pages (seq, ix_records_page),
    # the remote_id, modified_after and created_after filters (created_at is never updated, so its index costs
    # a re-sighting nothing), and the filter columns. last_seen_at is deliberately in none, and
    # pages are left half empty (migration 0007), so a sync re-sighting a record updates it in place ("HOT").
    postgresql_with={"fillfactor": 50},
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
    # A create's provider call (see service/outcomes.py): recorded before it is sent, so an answer lost on the way
    # back (or a crash) leaves what is needed to find out whether the provider wrote it.
    Column("state", String(20)),  # NULL, "sent" (at the provider now), "uncertain" or "resolving"
    Column("object_type", String(50)),
    Column("provider_key", String(255)),  # the provider-side idempotency key the connector was given
    Column("request", Text),  # the caller's body, as JSON
    Column("sent_at", UTCDateTime),
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

# -- onboarding (issue 7): provider apps, pending OAuth flows, dashboard operators ----------------------------------

provider_apps = Table(  # a project's own OAuth app at a provider: client id/secret and endpoint overrides, sealed
    "provider_apps",
    metadata,
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("provider", String(50), nullable=False),
    Column("settings", Text, nullable=False),  # AES-GCM sealed JSON bound to "<project>/<provider>"
    Column("created_at", UTCDateTime, nullable=False),
    Column("modified_at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("project_id", "provider"),
)

oauth_flows = Table(  # one row per authorize redirect; the signed ``state`` names it, ``used_at`` stops replays
    "oauth_flows",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("linked_user_id", UUID, ForeignKey("linked_users.id", ondelete="CASCADE")),
    Column("provider", String(50), nullable=False),
    Column("secret", Text, nullable=False),  # sealed: PKCE verifier and return URL
    Column("expires_at", UTCDateTime, nullable=False, index=True),
    Column("used_at", UTCDateTime),
)

operators = Table(
    "operators",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("username", String(200), nullable=False, unique=True),
    Column("password_hash", String(300), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

operator_projects = Table(  # which projects an operator may see in the dashboard
    "operator_projects",
    metadata,
    Column("operator_id", UUID, ForeignKey("operators.id", ondelete="CASCADE"), nullable=False),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    PrimaryKeyConstraint("operator_id", "project_id"),
)

# --- webhooks and field mappings (migration 0003_webhooks) -----------------------------------------------------

webhook_endpoints = Table(
    "webhook_endpoints",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("url", String(2000), nullable=False),
    Column("description", String(500)),
    Column("secret", Text, nullable=False),  # AES-GCM sealed, bound to the endpoint id (ledgerbridge.crypto)
    Column("scope", Text, nullable=False),  # JSON list of event types; "*" or "accounting.*" style prefixes allowed
    Column("active", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("modified_at", UTCDateTime, nullable=False),
)

# The outbox: one row per (event, endpoint), written in the event's own transaction, then delivered with retries.
webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("seq", AutoIncrement, primary_key=True, autoincrement=True),
    Column("id", UUID, nullable=False, unique=True),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("endpoint_id", UUID, ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", UUID, nullable=False),
    Column("event_type", String(100), nullable=False),
    Column("payload", Text, nullable=False),  # the exact body sent (and signed); never holds a secret
    Column("status", String(20), nullable=False),  # pending, delivered, failed (gave up)
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", UTCDateTime),
    Column("last_attempt_at", UTCDateTime),
    Column("last_status_code", Integer),
    Column("last_error", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("delivered_at", UTCDateTime),
    Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
    Index("ix_webhook_deliveries_endpoint", "endpoint_id", "seq"),
)

# A custom field a project defines on one unified object (Panora's "attribute").
field_definitions = Table(
    "field_definitions",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("object_type", String(50), nullable=False),
    Column("slug", String(100), nullable=False),
    Column("description", String(500)),
    Column("data_type", String(20), nullable=False),  # string or number
    Column("created_at", UTCDateTime, nullable=False),
    Column("modified_at", UTCDateTime, nullable=False),
    UniqueConstraint("project_id", "object_type", "slug"),
)

# Where a definition lives at one connection's provider: a path into the provider's raw record.
field_mappings = Table(
    "field_mappings",
    metadata,
    Column("definition_id", UUID, ForeignKey("field_definitions.id", ondelete="CASCADE"), nullable=False),
    Column("connection_id", UUID, ForeignKey("connections.id", ondelete="CASCADE"), nullable=False),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("remote_field", String(255), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("definition_id", "connection_id"),
    Index("ix_field_mappings_connection", "connection_id"),
)

# One custom-field value of one unified record.
field_values = Table(
    "field_values",
    metadata,
    Column("record_id", UUID, nullable=False),
    Column("definition_id", UUID, ForeignKey("field_definitions.id", ondelete="CASCADE"), nullable=False),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("value", Text, nullable=False),  # JSON: a string, or a number kept as an exact decimal
    Column("modified_at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("record_id", "definition_id"),
    Index("ix_field_values_project", "project_id", "record_id"),
)

# --- sync (issue 6A) -------------------------------------------------------------------------------------------

sync_passes = Table(
    "sync_passes",
    metadata,
    Column("connection_id", UUID, ForeignKey("connections.id", ondelete="CASCADE"), nullable=False),
    Column("object_type", String(50), nullable=False),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("full", Boolean, nullable=False),  # the running (or last) pass reads everything and reconciles deletes
    Column("since", UTCDateTime),  # the position the running pass started from
    Column("started_at", UTCDateTime),  # NULL when no pass is running; set: a pass was cut short, replay it
    Column("pages", Integer, nullable=False, default=0),  # checkpoint: pages stored by the running pass
    Column("records", Integer, nullable=False, default=0),
    Column("newest", UTCDateTime),  # newest provider change time stored by the running pass
    Column("last_full_at", UTCDateTime),  # when the last full reconcile finished
    PrimaryKeyConstraint("connection_id", "object_type"),
)

pull_frequencies = Table(
    "pull_frequencies",
    metadata,
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True),
    # Seconds between scheduled syncs, per Panora vertical; only "accounting" drives anything here.
    Column("crm", Integer, nullable=False),
    Column("accounting", Integer, nullable=False),
    Column("filestorage", Integer, nullable=False),
    Column("ecommerce", Integer, nullable=False),
    Column("ticketing", Integer, nullable=False),
    Column("modified_at", UTCDateTime, nullable=False),
)

# --- adaptive polling (migration 0009_poll_schedule, issue 16): when each object of a connection is next polled --

poll_schedule = Table(
    "poll_schedule",
    metadata,
    Column("connection_id", UUID, ForeignKey("connections.id", ondelete="CASCADE"), nullable=False),
    Column("object_type", String(50), nullable=False),
    Column("project_id", UUID, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("interval", Integer, nullable=False),  # seconds from the last pass to the next (sync.schedule decides)
    Column("due_at", UTCDateTime, nullable=False, index=True),
    Column("changed_at", UTCDateTime),  # when a pass last found a change
    PrimaryKeyConstraint("connection_id", "object_type"),
)

# --- dashboard sessions and login throttling (migration 0008_dashboard_sessions, issue 14) --------------------

dashboard_sessions = Table(  # a logged-in dashboard session; the cookie carries the id, we keep only its hash
    "dashboard_sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),  # sha256 hex of the cookie's random session id
    Column("operator_id", UUID, ForeignKey("operators.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False, index=True),
)

login_failures = Table(  # failed dashboard logins, by "name:<username>" and "addr:<client address>"
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject", String(300), nullable=False),
    Column("failed_at", UTCDateTime, nullable=False),
    Index("ix_login_failures_subject", "subject", "failed_at"),
)
