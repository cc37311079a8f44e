"""The Xero Accounting API connector (``provider = "xero"``)."""

from ledgerbridge.connectors.xero.connector import XeroConnector

__all__ = ["XeroConnector"]
