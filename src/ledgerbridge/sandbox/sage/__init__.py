"""A local simulator of the Sage Business Cloud Accounting API v3.1 (OAuth, accounting, limits, faults).

``SageSandbox`` holds the state; ``create_app(sandbox)`` serves it over ASGI. ``contract.py`` checks exchanges
against Sage's official swagger.
"""

from .app import create_app
from .sandbox import SageSandbox

__all__ = ["SageSandbox", "create_app"]
