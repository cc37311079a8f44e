"""The process the crash test kills: ``ledgerbridge sync`` with small QuickBooks pages, so a kill lands mid-pass.

Run as ``python tests/sync/crash_child.py sync CONNECTION [--full]`` with LEDGERBRIDGE_* in the environment.
"""

from ledgerbridge.cli import app
from ledgerbridge.connectors.quickbooks.connector import QuickBooksConnector

QuickBooksConnector.page_size = 40

if __name__ == "__main__":
    app()
