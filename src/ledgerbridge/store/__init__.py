"""Persistence: SQLAlchemy Core tables, queries (each one scoped by project), Alembic migrations."""
