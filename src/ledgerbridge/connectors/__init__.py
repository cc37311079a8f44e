"""Connectors, one package per provider. This module maps provider names to connector classes.

Import is lazy so a provider's optional dependencies are only needed when it is used.
"""

from __future__ import annotations

import importlib

from ledgerbridge.connectors.base import Connector

CONNECTORS: dict[str, str] = {
    "quickbooks": "ledgerbridge.connectors.quickbooks:QuickBooksConnector",
    "xero": "ledgerbridge.connectors.xero:XeroConnector",
    "tryton": "ledgerbridge.connectors.tryton:TrytonConnector",
}


def connector_class(provider: str) -> type[Connector]:
    module_name, _, class_name = CONNECTORS[provider].partition(":")
    return getattr(importlib.import_module(module_name), class_name)  # type: ignore[no-any-return]


def providers() -> list[str]:
    return sorted(CONNECTORS)
