"""The background pass over creates whose provider answer was lost and whose caller never retried.

Each such key (``uncertain``, or left ``sent`` by a process that stopped) older than the grace period is resolved
as a retry would be (:func:`ledgerbridge.service.outcomes.settle`), except that nothing is ever sent: a record
found at the provider is stored and its key answers 201 from then on; one that was not created leaves the key
``not_written``, so the caller's retry (if it ever comes) creates it. Keys whose outcome cannot be told stay as
they are. Called by the sync job (:func:`ledgerbridge.jobs.tasks.sync`) after each sync of a connection.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from ledgerbridge import wire
from ledgerbridge.errors import LedgerbridgeError
from ledgerbridge.objects import spec
from ledgerbridge.runtime import Runtime
from ledgerbridge.service.validation import parse
from ledgerbridge.service.writes import KeyedCreate
from ledgerbridge.store import idempotency
from ledgerbridge.store.records import Scope
from ledgerbridge.store.tenancy import Connection

log = logging.getLogger(__name__)


@dataclass
class Resolved:
    created: int = 0  # found at the provider, stored, answered 201 from now on
    not_created: int = 0  # the provider has no such record: the caller's retry creates it
    unknown: int = 0  # still cannot be told (no lookup, or the provider failed)


async def resolve(runtime: Runtime, connection: Connection, *, grace: dt.timedelta | None = None) -> Resolved:
    """Resolve this connection's creates of unknown outcome that are older than ``grace`` (default: settings)."""
    scope = Scope(connection.project_id, connection.id)
    if grace is None:
        grace = dt.timedelta(seconds=runtime.settings.uncertain_write_grace_seconds)
    async with runtime.engine.connect() as db:
        waiting = await idempotency.pending(db, scope, sent_before=dt.datetime.now(dt.UTC) - grace)
    report = Resolved()
    for pending in waiting:
        if not await idempotency.take(runtime.engine, scope, pending):
            continue  # the caller's retry is resolving it right now
        request = wire.loads(pending.request)
        object_spec = spec(pending.object_type)
        assert object_spec.input is not None
        body = parse(object_spec.input, request["body"])
        create = KeyedCreate(runtime, connection, object_spec, body, payload=request["body"],
                             remote_data=bool(request["remote_data"]), key=pending.key, url=str(request["url"]))
        claim = idempotency.Uncertain(pending.provider_key, pending.object_type, pending.request, pending.sent_at)
        try:
            found = await create.settle(claim)  # on failure the key is uncertain again
            if found is None:
                await idempotency.uncertain(runtime.engine, scope, pending.key, state=idempotency.NOT_WRITTEN)
                report.not_created += 1
            else:
                await create.write(pending.provider_key, found=found)
                report.created += 1
        except LedgerbridgeError as exc:
            log.info("create under key %r on connection %s still unresolved: %s", pending.key, connection.id, exc)
            report.unknown += 1
    return report
