"""The Pennylane API v2 connector (``provider = "pennylane"``)."""

from ledgerbridge.connectors.pennylane.connector import PennylaneConnector

__all__ = ["PennylaneConnector"]
