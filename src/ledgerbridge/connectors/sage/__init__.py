from ledgerbridge.connectors.sage.connector import SageConnector

__all__ = ["SageConnector"]
