from ledgerbridge.connectors.moneybird.connector import MoneybirdConnector

__all__ = ["MoneybirdConnector"]
