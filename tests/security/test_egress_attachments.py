"""SSRF through attachments: an allowed host name is still refused when it is (or resolves to) an internal
address, in any spelling, and nothing reaches the listener."""

from __future__ import annotations

import httpx
import pytest

from ledgerbridge.service import attachment_source
from ledgerbridge.settings import Settings
from tests.security.conftest import INTERNAL_HOSTS, Listener


@pytest.mark.parametrize("host", INTERNAL_HOSTS)
async def test_an_allowed_host_at_an_internal_address_is_refused(listener: Listener, host: str) -> None:
    settings = Settings(attachment_url_hosts=[host.strip("[]"), host])  # allowed as a host: only egress stops it
    async with httpx.AsyncClient() as client:
        with pytest.raises(attachment_source.SourceRefused, match="private, loopback or reserved"):
            await attachment_source.fetch(f"http://{host}:{listener.port}/a.pdf", file_name="a.pdf",
                                          settings=settings, client=client)
    assert listener.requests == []


@pytest.mark.parametrize("answers", [["127.0.0.1"], ["::ffff:127.0.0.1"], ["93.184.216.34", "127.0.0.1"]])
async def test_an_allowed_name_resolving_inside_is_refused(listener: Listener, fake_dns: dict[str, list[str]],
                                                           answers: list[str]) -> None:
    fake_dns["files.test"] = answers
    settings = Settings(attachment_url_hosts=["files.test"])
    async with httpx.AsyncClient() as client:
        with pytest.raises(attachment_source.SourceRefused, match="private, loopback or reserved"):
            await attachment_source.fetch(f"http://files.test:{listener.port}/a.pdf", file_name="a.pdf",
                                          settings=settings, client=client)
    assert listener.requests == []


async def test_the_generic_allow_list_lets_an_operator_allow_it(listener: Listener,
                                                                fake_dns: dict[str, list[str]]) -> None:
    fake_dns["files.test"] = ["127.0.0.1"]
    settings = Settings(attachment_url_hosts=["files.test"], egress_allow_networks=["127.0.0.1"])
    async with httpx.AsyncClient() as client:
        got = await attachment_source.fetch(f"http://files.test:{listener.port}/a.pdf", file_name="a.pdf",
                                            settings=settings, client=client)
    assert got.data == b"internal secret" and listener.requests == ["GET /a.pdf"]
