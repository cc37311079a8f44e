"""A faithful local QuickBooks Online v3 sandbox (realms, OAuth2, CRUD, query, CDC, faults, throttling)."""

from .app import create_app
from .sandbox import QuickBooksSandbox

__all__ = ["QuickBooksSandbox", "create_app"]
