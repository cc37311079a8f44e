"""Signed, expiring tokens (OAuth ``state``, magic links, the dashboard session cookie).

The signing key is derived from the process's encryption key with HMAC and a purpose label, so there is one
secret to manage and a token of one kind can never be accepted as another (itsdangerous adds a salt per kind).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from typing import Any

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from ledgerbridge.settings import Settings


class TokenRejected(Exception):
    """A token that is forged, altered, of another kind, or too old."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def derived_key(settings: Settings, purpose: str) -> bytes:
    return hmac.new(settings.encryption_key(), f"ledgerbridge/{purpose}".encode(), hashlib.sha256).digest()


class Signer:
    def __init__(self, settings: Settings, kind: str) -> None:
        self._serializer = URLSafeTimedSerializer(derived_key(settings, "signing"), salt=kind)

    def dumps(self, value: Any) -> str:
        return self._serializer.dumps(value)

    def loads(self, token: str, *, max_age: int) -> Any:
        try:
            return self._serializer.loads(token, max_age=max_age)
        except SignatureExpired as exc:
            raise TokenRejected("expired") from exc
        except BadSignature as exc:
            raise TokenRejected("invalid") from exc

    def loads_own_ttl(self, token: str) -> dict[str, Any]:
        """Load a dict that carries its own lifetime in seconds under ``"ttl"`` (set when it was issued)."""
        try:
            value, signed_at = self._serializer.loads(token, return_timestamp=True)
        except BadSignature as exc:
            raise TokenRejected("invalid") from exc
        if not isinstance(value, dict) or not isinstance(value.get("ttl"), int):
            raise TokenRejected("invalid")
        if dt.datetime.now(dt.UTC) - signed_at > dt.timedelta(seconds=value["ttl"]):
            raise TokenRejected("expired")
        return value
