"""The unified accounting models: what callers send and receive, whatever the provider.

One module per object; shared field types live in :mod:`ledgerbridge.unified.types`. No I/O here.
"""
