"""Dashboard operators: who may log in, with a scrypt password hash, and which projects each one may see; their
server-side sessions (revoked at logout and when the password changes) and the throttling of failed logins."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
import uuid

from ledgerbridge.errors import Conflict, FieldError, NotFound, ValidationFailed
from ledgerbridge.store import dashboard_sessions, login_failures, tenancy
from ledgerbridge.store import operators as store
from ledgerbridge.store.session import Db

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # OWASP's minimum for scrypt; ~50 ms per login here
MIN_PASSWORD = 12


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    encoded_salt, encoded_digest = base64.b64encode(salt).decode(), base64.b64encode(digest).decode()
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${encoded_salt}${encoded_digest}"


def password_matches(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


# Checked against when the username is unknown, so a login takes as long whether or not the user exists.
_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


def _password_errors(password: str) -> list[FieldError]:
    if len(password) < MIN_PASSWORD:
        return [FieldError("password", f"must be at least {MIN_PASSWORD} characters")]
    return []


async def create_operator(db: Db, *, username: str, password: str) -> uuid.UUID:
    errors = []
    if not username.strip():
        errors.append(FieldError("username", "is required"))
    errors += _password_errors(password)
    if errors:
        raise ValidationFailed("Invalid operator", errors=errors)
    operator_id = uuid.uuid4()
    if not await store.create(db, operator_id=operator_id, username=username.strip(),
                              password_hash=hash_password(password)):
        raise Conflict(f"An operator named {username!r} already exists")
    return operator_id


async def authenticate(db: Db, *, username: str, password: str) -> uuid.UUID | None:
    found = await store.password_hash(db, username.strip())
    if found is None:
        password_matches(password, _DUMMY_HASH)
        return None
    operator_id, stored = found
    return operator_id if password_matches(password, stored) else None


async def operator_id_for(db: Db, username: str) -> uuid.UUID | None:
    return await store.operator_id_for(db, username)


async def grant(db: Db, *, operator_id: uuid.UUID, project_id: uuid.UUID) -> None:
    if not await can_see(db, operator_id=operator_id, project_id=project_id):
        await store.grant(db, operator_id=operator_id, project_id=project_id)


async def can_see(db: Db, *, operator_id: uuid.UUID, project_id: uuid.UUID) -> bool:
    return await store.can_see(db, operator_id=operator_id, project_id=project_id)


async def visible_projects(db: Db, *, operator_id: uuid.UUID) -> list[tenancy.Project]:
    return await store.visible_projects(db, operator_id=operator_id)


async def set_password(db: Db, *, username: str, password: str) -> int:
    """A new password for the operator; every session of theirs ends. Returns how many sessions were revoked."""
    errors = _password_errors(password)
    if errors:
        raise ValidationFailed("Invalid password", errors=errors)
    operator_id = await store.operator_id_for(db, username.strip())
    if operator_id is None:
        raise NotFound(f"No operator named {username!r}")
    await store.set_password_hash(db, operator_id=operator_id, password_hash=hash_password(password))
    return await dashboard_sessions.revoke_all(db, operator_id=operator_id)


# -- sessions ---------------------------------------------------------------------------------------------------

def new_session_id() -> str:
    return secrets.token_urlsafe(32)


async def start_session(db: Db, *, operator_id: uuid.UUID, max_age: int) -> str:
    """A fresh random session id for the cookie; only its hash is stored."""
    session_id = new_session_id()
    now = dt.datetime.now(dt.UTC)
    await dashboard_sessions.create(db, session_id=session_id, operator_id=operator_id, now=now,
                                    expires_at=now + dt.timedelta(seconds=max_age))
    return session_id


async def session_operator(db: Db, session_id: str) -> uuid.UUID | None:
    return await dashboard_sessions.operator_for(db, session_id=session_id, now=dt.datetime.now(dt.UTC))


async def end_session(db: Db, session_id: str) -> None:
    await dashboard_sessions.revoke(db, session_id=session_id)


# -- login throttling -------------------------------------------------------------------------------------------

ADDRESS_FACTOR = 4  # an address may serve several operators (an office behind one NAT): it gets more tries


def _subjects(username: str, address: str) -> tuple[str, str]:
    return f"name:{username.strip().lower()[:200]}", f"addr:{address[:90]}"


async def login_throttled(db: Db, *, username: str, address: str, max_failures: int, window: int) -> bool:
    """Whether the name has failed ``max_failures`` times within the last ``window`` seconds, or the address
    ``ADDRESS_FACTOR`` times that: then no password is even checked until the window has moved past them."""
    name, addr = _subjects(username, address)
    since = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=window)
    return (await login_failures.highest_count(db, subjects=[name], since=since) >= max_failures
            or await login_failures.highest_count(db, subjects=[addr], since=since) >= max_failures * ADDRESS_FACTOR)


async def login_failed(db: Db, *, username: str, address: str, window: int) -> None:
    now = dt.datetime.now(dt.UTC)
    await login_failures.sweep(db, before=now - dt.timedelta(seconds=window))
    await login_failures.record(db, subjects=list(_subjects(username, address)), now=now)


async def login_succeeded(db: Db, *, username: str, address: str) -> None:
    name, _ = _subjects(username, address)
    await login_failures.forget(db, subjects=[name])
