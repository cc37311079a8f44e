"""A faithful local simulator of the Xero Accounting API (identity, accounting, limits, faults).

``XeroSandbox`` holds the state; ``create_app(sandbox)`` serves it over ASGI so the real xero-python SDK or
any HTTP client can drive it. See ``contract.py`` for validating bodies against Xero's official OpenAPI.
"""

from .app import create_app
from .sandbox import XeroSandbox

__all__ = ["XeroSandbox", "create_app"]
