from ledgerbridge.connectors.business_central.connector import BusinessCentralConnector

__all__ = ["BusinessCentralConnector"]
