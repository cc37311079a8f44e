"""A counter of this process's writes that change who may call the API (a key revoked, a connection's status or
credentials changed, a custom field defined): :mod:`ledgerbridge.store.credentials` drops every remembered
answer older than the last one. Bumped as the write is issued, before its commit — a request resolved in between
may remember the old answer, for :data:`ledgerbridge.store.credentials.TTL` at most."""

from __future__ import annotations

_generation = 0


def invalidate() -> None:
    global _generation
    _generation += 1


def current() -> int:
    return _generation
