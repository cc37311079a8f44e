"""The webhook tests' receivers live at made-up names (``receiver.test``) behind a mock transport; deliveries
resolve every name through the egress policy first, so a fake DNS answers those names with a public address.
Tests that change what a name resolves to (a DNS rebinding) set ``fake_dns[name]``."""

from __future__ import annotations

import socket

import pytest

from ledgerbridge import egress

PUBLIC = "93.184.216.34"  # any globally routable address: nothing connects to it, the transport is a mock


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    answers: dict[str, list[str]] = {}

    async def resolve(host: str, port: int) -> list[str]:
        if host in answers:
            return answers[host]
        if host.endswith(".test"):
            return [PUBLIC]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(egress, "resolve", resolve)
    return answers
