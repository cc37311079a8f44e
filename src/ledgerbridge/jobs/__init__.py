"""Background work on procrastinate: a PostgreSQL-backed queue in production, the same queue in memory when embedded.

Job functions (:mod:`.tasks`) are plain async functions taking ids. :mod:`.queue` registers them on a
procrastinate ``App`` with per-connection locks, retries with exponential backoff, and a once-a-minute
scheduler that enqueues every connection whose pull frequency has elapsed. Where the app lives:

* PostgreSQL (production): jobs are rows in the ``procrastinate`` schema of the same database; any number of
  ``ledgerbridge worker`` processes on any number of machines take them. The API only enqueues.
* SQLite (embedded): procrastinate's in-memory connector, worked by a task inside the serving process
  (:meth:`.queue.Jobs.start_embedded_worker`); nothing survives a restart, and nothing needs to, because
  schedules are derived from ``connections.last_sync_at`` and every sync resumes from the store's own checkpoints.

Only the composition roots (the app, the CLI) import this package: nothing below it knows there is a queue.
"""

from ledgerbridge.jobs.queue import Jobs, defer_sync, jobs_for, lifespan

__all__ = ["Jobs", "defer_sync", "jobs_for", "lifespan"]
