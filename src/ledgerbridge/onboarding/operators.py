"""Dashboard operators: who may log in, with a scrypt password hash, and which projects each one may see."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
import uuid

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from ledgerbridge.errors import Conflict, FieldError, ValidationFailed
from ledgerbridge.store import tenancy
from ledgerbridge.store.tables import operator_projects, operators, projects

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


async def create_operator(db: AsyncConnection, *, username: str, password: str) -> uuid.UUID:
    errors = []
    if not username.strip():
        errors.append(FieldError("username", "is required"))
    if len(password) < MIN_PASSWORD:
        errors.append(FieldError("password", f"must be at least {MIN_PASSWORD} characters"))
    if errors:
        raise ValidationFailed("Invalid operator", errors=errors)
    operator_id = uuid.uuid4()
    try:
        async with db.begin_nested():
            await db.execute(insert(operators).values(
                id=str(operator_id), username=username.strip(), password_hash=hash_password(password),
                created_at=dt.datetime.now(dt.UTC)))
    except IntegrityError as exc:
        raise Conflict(f"An operator named {username!r} already exists") from exc
    return operator_id


async def authenticate(db: AsyncConnection, *, username: str, password: str) -> uuid.UUID | None:
    row = (await db.execute(select(operators.c.id, operators.c.password_hash)
                            .where(operators.c.username == username.strip()))).first()
    if row is None:
        password_matches(password, _DUMMY_HASH)
        return None
    return uuid.UUID(row.id) if password_matches(password, row.password_hash) else None


async def operator_id_for(db: AsyncConnection, username: str) -> uuid.UUID | None:
    found = (await db.execute(select(operators.c.id).where(operators.c.username == username))).scalar()
    return None if found is None else uuid.UUID(found)


async def grant(db: AsyncConnection, *, operator_id: uuid.UUID, project_id: uuid.UUID) -> None:
    if await can_see(db, operator_id=operator_id, project_id=project_id):
        return
    await db.execute(insert(operator_projects).values(operator_id=str(operator_id), project_id=str(project_id)))


async def can_see(db: AsyncConnection, *, operator_id: uuid.UUID, project_id: uuid.UUID) -> bool:
    found = await db.execute(select(operator_projects.c.project_id).where(
        operator_projects.c.operator_id == str(operator_id), operator_projects.c.project_id == str(project_id)))
    return found.first() is not None


async def visible_projects(db: AsyncConnection, *, operator_id: uuid.UUID) -> list[tenancy.Project]:
    rows = await db.execute(
        select(projects.c.id, projects.c.name)
        .join(operator_projects, operator_projects.c.project_id == projects.c.id)
        .where(operator_projects.c.operator_id == str(operator_id))
        .order_by(projects.c.created_at)
    )
    return [tenancy.Project(uuid.UUID(r.id), r.name) for r in rows]
