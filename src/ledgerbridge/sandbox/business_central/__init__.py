"""A local simulator of Microsoft Dynamics 365 Business Central's API v1.0 (Entra ID OAuth, OData, limits, faults).

``BusinessCentralSandbox`` holds the state; ``create_app(sandbox)`` serves it over ASGI so the generated
pybusinesscentral client or any HTTP client can drive it. ``contract.py`` validates bodies against Microsoft's
official v1.0 OpenAPI document.
"""

from .app import create_app
from .sandbox import BusinessCentralSandbox

__all__ = ["BusinessCentralSandbox", "create_app"]
