"""Magic links: a signed, expiring URL that lets one linked user of one project connect their accounts.

Stateless on purpose: the link names the project, the linked user and where to send the user back, and its
signature (keyed by the server secret) is the only authority. Nothing in it is secret, and nothing secret is
needed to use it, so it can be e-mailed or embedded by the project's own product.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from ledgerbridge.errors import FieldError, ValidationFailed
from ledgerbridge.onboarding.signing import Signer, TokenRejected
from ledgerbridge.runtime import Runtime
from ledgerbridge.store.linked_users import linked_user_exists

KIND = "magic-link"
DEFAULT_TTL_SECONDS = 24 * 3600
MAX_TTL_SECONDS = 30 * 24 * 3600


@dataclass(frozen=True)
class MagicLink:
    project_id: uuid.UUID
    linked_user_id: uuid.UUID
    return_url: str | None


def check_return_url(return_url: str | None) -> None:
    if return_url is None:
        return
    parts = urlsplit(return_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationFailed("Invalid return_url",
                               errors=[FieldError("return_url", "must be an absolute http(s) URL")])


def issue_token(runtime: Runtime, link: MagicLink, *, ttl: int = DEFAULT_TTL_SECONDS) -> str:
    if not 0 < ttl <= MAX_TTL_SECONDS:
        raise ValidationFailed("Invalid ttl", errors=[FieldError("ttl", f"must be 1..{MAX_TTL_SECONDS} seconds")])
    check_return_url(link.return_url)
    return Signer(runtime.settings, KIND).dumps(
        {"p": str(link.project_id), "u": str(link.linked_user_id), "r": link.return_url, "ttl": ttl}
    )


async def magic_link(
    runtime: Runtime,
    *,
    project_id: uuid.UUID,
    linked_user_id: uuid.UUID,
    base_url: str,
    return_url: str | None = None,
    ttl: int = DEFAULT_TTL_SECONDS,
) -> str:
    """The URL of the hosted connect page for this linked user (who must belong to the project)."""
    async with runtime.engine.connect() as db:
        if not await linked_user_exists(db, project_id=project_id, linked_user_id=linked_user_id):
            raise ValidationFailed("Unknown linked user",
                                   errors=[FieldError("linked_user_id", "no such linked user in this project")])
    token = issue_token(runtime, MagicLink(project_id, linked_user_id, return_url), ttl=ttl)
    return f"{base_url.rstrip('/')}/connect?{urlencode({'link': token})}"


async def open_link(runtime: Runtime, token: str) -> MagicLink:
    """The link's contents, or :class:`TokenRejected` if forged, expired, or its linked user is gone."""
    value = Signer(runtime.settings, KIND).loads_own_ttl(token)
    try:
        link = MagicLink(uuid.UUID(value["p"]), uuid.UUID(value["u"]), value.get("r"))
    except (KeyError, ValueError, TypeError) as exc:
        raise TokenRejected("invalid") from exc
    async with runtime.engine.connect() as db:
        if not await linked_user_exists(db, project_id=link.project_id, linked_user_id=link.linked_user_id):
            raise TokenRejected("invalid")
    return link
