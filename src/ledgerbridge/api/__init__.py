"""The HTTP API: ``create_app`` builds it; routes for unified objects are generated from the registry."""

from ledgerbridge.api.app import create_app

__all__ = ["create_app"]
