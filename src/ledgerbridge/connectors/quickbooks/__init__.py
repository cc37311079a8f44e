"""QuickBooks Online: the connector (``QuickBooksConnector``) and its pure mappers (``mapping``)."""

from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector

__all__ = ["QuickBooksConnector"]
