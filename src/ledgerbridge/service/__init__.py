"""Orchestration between the API, the store and the connectors: reads, writes, idempotency, references."""
