"""Shared fixtures for the QuickBooks connector tests: recorded QBO payloads and a connection context.

Helpers are fixtures rather than importable names: tests run with ``--import-mode=importlib`` and this folder
is not a package.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ledgerbridge.connectors.base import ConnectionContext
from ledgerbridge.ids import record_id
from ledgerbridge.wire import loads

RECORDED = Path("/work/shared/reference/recorded/qbo")
CONNECTION_ID = uuid.UUID("6f1c1f8e-2b9a-4c2e-9a57-6b1a3d1f0c11")


@pytest.fixture
def recorded() -> Callable[[str], Any]:
    """A recorded QBO response body, parsed the way the connector parses the wire (Decimals, not floats)."""
    return lambda relative: loads((RECORDED / relative).read_bytes())


@pytest.fixture
def recorded_bytes() -> Callable[[str], bytes]:
    return lambda relative: (RECORDED / relative).read_bytes()


@pytest.fixture
def rid() -> Callable[[str, str], uuid.UUID]:
    """The Ledgerbridge id ``ctx`` gives a remote key."""
    return lambda object_name, remote_key: record_id(CONNECTION_ID, object_name, remote_key)


async def _no_save(credentials: dict[str, Any]) -> None:
    raise AssertionError("mapping must not save credentials")


@pytest.fixture
def ctx() -> ConnectionContext:
    return ConnectionContext(
        connection_id=CONNECTION_ID,
        project_id=uuid.UUID("00000000-0000-0000-0000-000000000001"),
        provider="quickbooks",
        credentials={},
        save_credentials=_no_save,
    )
