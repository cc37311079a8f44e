"""Webhook signatures, Stripe-style: ``Ledgerbridge-Signature: t=<unix seconds>,v1=<hex>``.

``v1`` is HMAC-SHA256, keyed with the endpoint's secret, over ``"<t>.<body>"`` where body is the exact bytes
sent. Binding the timestamp into the MAC lets a receiver refuse replays older than a tolerance (5 minutes by
default, as Stripe does); several ``v1`` entries may appear while a secret is being rotated. A receiver::

    from ledgerbridge.webhooks.signing import verify
    verify(request_body, request.headers["Ledgerbridge-Signature"], secret)   # raises InvalidSignature

Panora signed the JSON re-encoding of a JSON string with no timestamp (replayable, and fragile to re-encode);
the body here is compact JSON written once and signed as sent.

A Panora client does not keep the bytes: it parses the delivery and hands the parsed object to ``verifyEvent``,
and a parse/re-encode changes the bytes (``5.00`` becomes ``5`` in JavaScript, ``5.0`` in Python; ``1e2`` becomes
``100``/``100.0``; Python escapes non-ASCII text). So each delivery also carries ``c1`` signatures, over the
:func:`canonical` form of the parsed body — sorted keys, every number as the double a JSON parser makes of it —
which is the same whichever parser (and re-encoder) the receiver used. :func:`verify_event` accepts either.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import secrets
import time
from decimal import Decimal
from typing import Any

HEADER = "Ledgerbridge-Signature"
SCHEME = "v1"
CANONICAL_SCHEME = "c1"  # over canonical(parsed body): survives a receiver's parse and re-encode
DEFAULT_TOLERANCE = 300  # seconds


class InvalidSignature(ValueError):
    """The header is malformed, no signature matches, or the timestamp is outside the tolerance."""


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def _mac(secret: str, timestamp: int, body: bytes) -> str:
    return hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()


def _canonical_mac(secret: str, timestamp: int, canonical_body: bytes) -> str:
    # its own prefix, so a c1 can never be replayed as a v1 (or the reverse) for some crafted body
    message = f"{CANONICAL_SCHEME}.{timestamp}.".encode() + canonical_body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def _number(value: int | float | Decimal) -> str:
    """A number as the double every JSON parser (JavaScript's, Python's float) makes of it, written one way."""
    number = float(value)
    if number == 0:
        return "0"  # -0 and 0 are one value once JavaScript re-encodes them
    if not math.isfinite(number):
        return "null"  # what JSON.stringify writes for a number too big for a double
    if number.is_integer() and abs(number) < 1e21:
        return str(int(number))
    return repr(number)


def canonical(value: Any) -> bytes:
    """One encoding for a parsed JSON value, the same after any parse/re-encode round trip.

    Keys sorted (JavaScript moves integer-like keys first, Python does not), numbers by :func:`_number`, strings
    as UTF-8 JSON strings (so escaped and unescaped non-ASCII text agree), no whitespace.
    """
    return _encode(value).encode()


def _encode(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float | Decimal):
        return _number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        items = sorted((str(key), item) for key, item in value.items())
        return "{" + ",".join(f"{json.dumps(key, ensure_ascii=False)}:{_encode(item)}" for key, item in items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(_encode(item) for item in value) + "]"
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def _parsed(raw: bytes) -> Any:
    try:
        return json.loads(raw, parse_float=Decimal)
    except ValueError:
        return _NOT_JSON


_NOT_JSON = object()


def sign(body: bytes | str, *secrets_: str, timestamp: int | None = None) -> str:
    """The header value for ``body``, signed now (or at ``timestamp``, for tests).

    One ``v1`` per secret: while a secret is being rotated, deliveries carry a signature under the new one and
    under the previous one, so receivers verify with either until they switch. A JSON body also gets one ``c1``
    per secret, over its canonical form, for receivers that only kept the parsed object.
    """
    if not secrets_:
        raise ValueError("sign needs at least one secret")
    raw = body.encode() if isinstance(body, str) else body
    at = int(time.time()) if timestamp is None else timestamp
    parts = [f"{SCHEME}={_mac(secret, at, raw)}" for secret in secrets_]
    parsed = _parsed(raw)
    if parsed is not _NOT_JSON:
        canonical_body = canonical(parsed)
        parts += [f"{CANONICAL_SCHEME}={_canonical_mac(secret, at, canonical_body)}" for secret in secrets_]
    return f"t={at}," + ",".join(parts)


def _parse_all(header: str) -> tuple[int, dict[str, list[str]]]:
    timestamp: int | None = None
    signatures: dict[str, list[str]] = {SCHEME: [], CANONICAL_SCHEME: []}
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t":
            try:
                timestamp = int(value)
            except ValueError:
                raise InvalidSignature("the timestamp t= is not an integer") from None
        elif key in signatures and value:
            signatures[key].append(value)
    if timestamp is None:
        raise InvalidSignature("no timestamp t= in the signature")
    return timestamp, signatures


def parse(header: str) -> tuple[int, list[str]]:
    timestamp, signatures = _parse_all(header)
    if not signatures[SCHEME]:
        raise InvalidSignature(f"no {SCHEME}= signature")
    return timestamp, signatures[SCHEME]


def _check_age(timestamp: int, tolerance: int, now: float | None) -> None:
    current = time.time() if now is None else now
    if tolerance > 0 and abs(current - timestamp) > tolerance:
        raise InvalidSignature(f"the timestamp is more than {tolerance} s away from now")


def verify(
    body: bytes | str, header: str, secret: str, *, tolerance: int = DEFAULT_TOLERANCE, now: float | None = None
) -> int:
    """Check ``header`` against ``body``; return its timestamp or raise :class:`InvalidSignature`.

    ``tolerance`` ≤ 0 skips the age check (for re-verifying stored deliveries).
    """
    raw = body.encode() if isinstance(body, str) else body
    timestamp, signatures = parse(header)
    expected = _mac(secret, timestamp, raw)
    if not _matches(expected, signatures):
        raise InvalidSignature("no signature matches the body and secret")
    _check_age(timestamp, tolerance, now)
    return timestamp


def _matches(expected: str, candidates: list[str]) -> bool:
    # compare_digest against every candidate: constant time, and no early exit that tells which one failed
    return any([hmac.compare_digest(expected, candidate) for candidate in candidates])


def verify_event(
    payload: Any, header: str, secret: str, *, tolerance: int = DEFAULT_TOLERANCE, now: float | None = None
) -> int:
    """Check a delivery as a receiver kept it: the raw body (``str``/``bytes``) or the parsed object.

    Raw text matches its ``v1`` (exact bytes) or, if it was re-encoded on the way, its ``c1``; a parsed object
    matches its ``c1`` whichever JSON library parsed and re-encoded it. Returns the timestamp or raises.
    """
    timestamp, signatures = _parse_all(header)
    if not signatures[SCHEME] and not signatures[CANONICAL_SCHEME]:
        raise InvalidSignature(f"no {SCHEME}= or {CANONICAL_SCHEME}= signature")
    if isinstance(payload, str | bytes):
        raw = payload.encode() if isinstance(payload, str) else payload
        if _matches(_mac(secret, timestamp, raw), signatures[SCHEME]):
            _check_age(timestamp, tolerance, now)
            return timestamp
        payload = _parsed(raw)
        if payload is _NOT_JSON:
            raise InvalidSignature("no signature matches the body and secret")
    try:
        canonical_body = canonical(payload)
    except TypeError as exc:
        raise InvalidSignature(str(exc)) from None
    if not _matches(_canonical_mac(secret, timestamp, canonical_body), signatures[CANONICAL_SCHEME]):
        raise InvalidSignature("no signature matches the payload and secret")
    _check_age(timestamp, tolerance, now)
    return timestamp
