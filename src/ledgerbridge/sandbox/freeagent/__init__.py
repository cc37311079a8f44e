"""A local simulator of the FreeAgent API v2 (OAuth, contacts, invoices, credit notes, bills, categories, bank
accounts and payments, limits, faults).

``FreeAgentSandbox`` holds the state; ``create_app(sandbox)`` serves it over ASGI. ``contract.check`` holds an
exchange to FreeAgent's official Postman collection.
"""

from .app import create_app
from .sandbox import FreeAgentSandbox

__all__ = ["FreeAgentSandbox", "create_app"]
