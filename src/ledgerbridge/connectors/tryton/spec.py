"""Tryton, as the rest of Ledgerbridge sees it: linked with a form (server URL, database, user, password), the
database a connection reaches, passthrough with a login session, and a local trytond for the demo (the
``tryton`` extra)."""

from __future__ import annotations

import contextlib
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

from ledgerbridge.connectors.provider_spec import (
    DemoSandbox,
    Extra,
    KeyForm,
    Passthrough,
    ProviderSpec,
    Sandbox,
)

if TYPE_CHECKING:
    import httpx

    from ledgerbridge.connectors.base import ConnectionContext
    from ledgerbridge.connectors.http import ProviderHttp

DEMO_DATABASE = "demo"


async def session_auth(context: ConnectionContext, http: ProviderHttp) -> tuple[httpx.Auth | None, dict[str, str]]:
    """Tryton's ``Session`` header, from a login shared with the connector (one session per user and database)."""
    from ledgerbridge.connectors.tryton.client import TrytonRpc

    return None, {"Authorization": await TrytonRpc(http, context.credentials).authorization()}


def _demo(data_dir: Path, time_scale: float) -> DemoSandbox:
    """A local trytond serving a demo copy of the test book (company, chart, taxes, parties, products)."""
    from ledgerbridge.connectors.tryton.testing import TrytonServer, ensure_book

    directory = data_dir / "tryton"
    server = TrytonServer(directory, ensure_book())
    server.start()
    kept = directory / "db" / f"{DEMO_DATABASE}.sqlite"
    if not kept.exists():  # the demo's own database survives restarts; the book itself is the template
        shutil.copy(server.book, kept)
    with contextlib.suppress(urllib.error.HTTPError):  # any request loads the database's pool; Tryton 8
        urllib.request.urlopen(f"{server.url}/{DEMO_DATABASE}/rest/model/res.user", timeout=30).read()  # needs it
    return DemoSandbox(account_id=DEMO_DATABASE, credentials=lambda _url: server.credentials(DEMO_DATABASE),
                       stop=server.stop)


SPEC = ProviderSpec(
    name="tryton",
    title="Tryton",
    description="Open-source ERP: connect with your server's address and a login.",
    connector="ledgerbridge.connectors.tryton:TrytonConnector",
    auth=KeyForm(fields=("url", "database", "username", "password"), url_fields=("url",),
                 name_fields=("database",), secret_fields=("password",)),
    account_key="database",
    passthrough=Passthrough(auth=session_auth),
    sandbox=Sandbox(demo=_demo, slow=True),  # a real server: building its book takes minutes the first time
    extra=Extra("tryton", modules=("trytond", "proteus")),
)
