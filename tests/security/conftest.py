"""A local listener that records every request it gets (the SSRF tests assert it got none), and the fake DNS of
the webhook tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.webhooks.conftest import fake_dns

__all__ = ["fake_dns"]


class Listener:
    def __init__(self, port: int) -> None:
        self.port = port
        self.requests: list[str] = []


@pytest.fixture
def listener() -> Iterator[Listener]:
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def _record(self) -> None:
            seen.append(f"{self.command} {self.path}")
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"internal secret")

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _record

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    found = Listener(server.server_address[1])
    found.requests = seen
    yield found
    server.shutdown()
    thread.join(5)


#: the host spellings of an address on this machine or its network that an attacker would try
INTERNAL_HOSTS = ["127.0.0.1", "127.1", "0x7f.1", "2130706433", "017700000001", "[::1]", "[::ffff:127.0.0.1]",
                  "[::ffff:7f00:1]", "[::127.0.0.1]", "0.0.0.0", "0", "localhost", "10.0.0.1", "192.168.1.1",
                  "169.254.169.254", "[fe80::1]", "[fd00:ec2::254]", "100.64.0.1", "224.0.0.1"]
