"""The event types Ledgerbridge emits, for validating webhook scopes (a typo in a scope would otherwise be a
subscription that silently never fires)."""

from __future__ import annotations

from fnmatch import fnmatchcase

from ledgerbridge.objects import OBJECTS

EVENT_TYPES: tuple[str, ...] = (
    *(f"accounting.{spec.name}.{change}" for spec in OBJECTS for change in ("created", "updated", "deleted")),
    "connection.created",
    "connection.failed",
    "sync.completed",
    "sync.failed",
    "passthrough.request",
)


def known_pattern(pattern: str) -> bool:
    """A scope entry is valid if it names, or globs (``accounting.invoice.*``, ``*``), at least one event type."""
    return any(fnmatchcase(event_type, pattern) for event_type in EVENT_TYPES)
