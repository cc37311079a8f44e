"""Webhook signatures, Stripe-style: ``Ledgerbridge-Signature: t=<unix seconds>,v1=<hex>``.

``v1`` is HMAC-SHA256, keyed with the endpoint's secret, over ``"<t>.<body>"`` where body is the exact bytes
sent. Binding the timestamp into the MAC lets a receiver refuse replays older than a tolerance (5 minutes by
default, as Stripe does); several ``v1`` entries may appear while a secret is being rotated. A receiver::

    from ledgerbridge.webhooks.signing import verify
    verify(request_body, request.headers["Ledgerbridge-Signature"], secret)   # raises InvalidSignature

Panora signed the JSON re-encoding of a JSON string with no timestamp (replayable, and fragile to re-encode);
the body here is compact JSON written once and signed as sent.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

HEADER = "Ledgerbridge-Signature"
SCHEME = "v1"
DEFAULT_TOLERANCE = 300  # seconds


class InvalidSignature(ValueError):
    """The header is malformed, no signature matches, or the timestamp is outside the tolerance."""


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def _mac(secret: str, timestamp: int, body: bytes) -> str:
    return hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()


def sign(body: bytes | str, *secrets_: str, timestamp: int | None = None) -> str:
    """The header value for ``body``, signed now (or at ``timestamp``, for tests).

    One ``v1`` per secret: while a secret is being rotated, deliveries carry a signature under the new one and
    under the previous one, so receivers verify with either until they switch.
    """
    if not secrets_:
        raise ValueError("sign needs at least one secret")
    raw = body.encode() if isinstance(body, str) else body
    at = int(time.time()) if timestamp is None else timestamp
    return f"t={at}," + ",".join(f"{SCHEME}={_mac(secret, at, raw)}" for secret in secrets_)


def parse(header: str) -> tuple[int, list[str]]:
    timestamp: int | None = None
    signatures: list[str] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t":
            try:
                timestamp = int(value)
            except ValueError:
                raise InvalidSignature("the timestamp t= is not an integer") from None
        elif key == SCHEME and value:
            signatures.append(value)
    if timestamp is None:
        raise InvalidSignature("no timestamp t= in the signature")
    if not signatures:
        raise InvalidSignature(f"no {SCHEME}= signature")
    return timestamp, signatures


def verify(
    body: bytes | str, header: str, secret: str, *, tolerance: int = DEFAULT_TOLERANCE, now: float | None = None
) -> int:
    """Check ``header`` against ``body``; return its timestamp or raise :class:`InvalidSignature`.

    ``tolerance`` ≤ 0 skips the age check (for re-verifying stored deliveries).
    """
    raw = body.encode() if isinstance(body, str) else body
    timestamp, signatures = parse(header)
    expected = _mac(secret, timestamp, raw)
    # compare_digest against every candidate: constant time, and no early exit that tells which one failed
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise InvalidSignature("no signature matches the body and secret")
    current = time.time() if now is None else now
    if tolerance > 0 and abs(current - timestamp) > tolerance:
        raise InvalidSignature(f"the timestamp is more than {tolerance} s away from now")
    return timestamp
