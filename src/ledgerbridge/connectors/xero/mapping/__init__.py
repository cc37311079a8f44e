"""Pure Xero ⇄ unified mappers, one module per object (no I/O: the connector passes in what they look up)."""
