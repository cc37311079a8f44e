"""The FreeAgent connector (API v2): contacts, invoices and bills, credit notes, categories, price list items, VAT
rates, payments and the company."""

from ledgerbridge.connectors.freeagent.connector import FreeAgentConnector

__all__ = ["FreeAgentConnector"]
