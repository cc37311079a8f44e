"""What the contract needs to know of a provider's wire that its connector does not say.

Which call is the create of an object, and which idempotency key (if any) that call carries: that is how the
suite checks that unkeyed writes are never retried and keyed ones are retried with the same key. Each harness
in ``tests/providers.py`` carries its provider's profile (``Harness.contract``); a harness without one gets the
rest of the suite and a clear failure in the tests that need it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import httpx

Match = Callable[[httpx.Request], bool]


@dataclass(frozen=True)
class Profile:
    #: object name → the path segments (last part of the URL, lower case) or RPC methods of its create call
    create_calls: dict[str, frozenset[str]]
    #: the provider's idempotency key on a call, None when the call carries none
    idempotency_key: Callable[[httpx.Request], str | None]
    #: how a create call is named: "path" (REST: last path segment) or "rpc" (JSON-RPC: the body's method)
    addressing: str = "path"
    #: objects the provider cannot list by modification time: their listing is whole whatever ``since`` says
    unfiltered: frozenset[str] = frozenset()

    def creates(self, object_name: str) -> Match:
        names = self.create_calls[object_name]

        def match(request: httpx.Request) -> bool:
            if self.addressing == "rpc":
                try:
                    method = json.loads(request.content or b"{}").get("method")
                except ValueError:
                    return False
                return method in names
            if request.method not in ("POST", "PUT"):
                return False
            return request.url.path.rstrip("/").rsplit("/", 1)[-1].lower() in names

        return match
