"""Dashboard operators: who may log in, with a scrypt password hash, and which projects each one may see."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid

from ledgerbridge.errors import Conflict, FieldError, ValidationFailed
from ledgerbridge.store import operators as store
from ledgerbridge.store import tenancy
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


async def create_operator(db: Db, *, username: str, password: str) -> uuid.UUID:
    errors = []
    if not username.strip():
        errors.append(FieldError("username", "is required"))
    if len(password) < MIN_PASSWORD:
        errors.append(FieldError("password", f"must be at least {MIN_PASSWORD} characters"))
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
