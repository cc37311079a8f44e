"""A local stand-in for Pennylane's API v2 (OAuth, customer and supplier invoices, customers, suppliers, products,
ledger accounts, categories, journals, change feeds), validated against Pennylane's official OpenAPI document
(``contract.py``). ``PennylaneSandbox`` holds the state; ``create_app(sandbox)`` serves it over ASGI."""

from .app import create_app
from .sandbox import PennylaneSandbox

__all__ = ["PennylaneSandbox", "create_app"]
