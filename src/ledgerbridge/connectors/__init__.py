"""Connectors, one package per provider; this module is the registry of providers.

Each provider package exports one :class:`~ledgerbridge.connectors.provider_spec.ProviderSpec` as ``SPEC``
from its ``spec`` module. Registering a provider is one line in :data:`PROVIDERS`; everything else (onboarding,
the connect page, passthrough, the demo, the CLI) reads the specs. Specs load on first use and import no
optional dependency.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ledgerbridge.connectors.base import Connector
    from ledgerbridge.connectors.provider_spec import ProviderSpec

#: ``"module:ATTRIBUTE"`` of every provider's spec, in the order people see them
PROVIDERS = (
    "ledgerbridge.connectors.quickbooks.spec:SPEC",
    "ledgerbridge.connectors.xero.spec:SPEC",
    "ledgerbridge.connectors.sage.spec:SPEC",
    "ledgerbridge.connectors.business_central.spec:SPEC",
    "ledgerbridge.connectors.freeagent.spec:SPEC",
    "ledgerbridge.connectors.moneybird.spec:SPEC",
    "ledgerbridge.connectors.pennylane.spec:SPEC",
    "ledgerbridge.connectors.tryton.spec:SPEC",
)


def _load(path: str) -> ProviderSpec:
    module_name, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module_name), attribute)  # type: ignore[no-any-return]


@functools.cache
def specs() -> tuple[ProviderSpec, ...]:
    """Every registered provider's spec, in registration order."""
    return tuple(_load(path) for path in PROVIDERS)


def spec(name: str) -> ProviderSpec:
    """The spec of provider ``name``; KeyError if no such provider is registered."""
    for found in specs():
        if found.name == name:
            return found
    raise KeyError(name)


def connector_class(name: str) -> type[Connector]:
    return spec(name).connector_class()


def providers() -> list[str]:
    return sorted(s.name for s in specs())
