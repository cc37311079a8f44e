"""Tryton (8.x) connector: invoices, parties, accounts, products and taxes over Tryton's JSON-RPC."""

from ledgerbridge.connectors.tryton.connector import TrytonConnector

__all__ = ["TrytonConnector"]
