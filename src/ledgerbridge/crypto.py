"""Secrets at rest: provider credentials sealed with AES-256-GCM, API keys hashed.

Each sealed value has its own random 96-bit nonce, and the connection id is bound in as associated data, so a
ciphertext copied onto another connection's row does not decrypt.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12


class Sealer:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, value: dict[str, Any], *, bound_to: str) -> str:
        nonce = secrets.token_bytes(NONCE_BYTES)
        ciphertext = self._aead.encrypt(nonce, json.dumps(value).encode(), bound_to.encode())
        return base64.b64encode(nonce + ciphertext).decode()

    def open(self, sealed: str, *, bound_to: str) -> dict[str, Any]:
        raw = base64.b64decode(sealed)
        plain = self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], bound_to.encode())
        return json.loads(plain)  # type: ignore[no-any-return]


def new_api_key() -> str:
    return "lb_" + secrets.token_urlsafe(32)


def new_connection_token() -> str:
    return "ct_" + secrets.token_urlsafe(24)


def hash_api_key(key: str) -> str:
    # API keys carry 256 bits of randomness, so a fast hash is enough: nothing to brute-force.
    return hashlib.sha256(key.encode()).hexdigest()
