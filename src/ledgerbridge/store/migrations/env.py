"""Alembic environment: migrations run on a connection handed over by ``ledgerbridge.store.db.upgrade``."""

from alembic import context

from ledgerbridge.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `ledgerbridge db upgrade`, which supplies the connection")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
