"""A local simulator of the Moneybird API v2 (OAuth, administrations, invoices, documents, settings, limits).

``MoneybirdSandbox`` holds the state; ``create_app(sandbox)`` serves it over ASGI so the moneybird SDK or any HTTP
client can drive it. ``contract.check`` holds an exchange to Moneybird's official OpenAPI document.
"""

from .app import create_app
from .sandbox import MoneybirdSandbox

__all__ = ["MoneybirdSandbox", "create_app"]
