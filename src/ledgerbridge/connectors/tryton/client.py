"""Tryton JSON-RPC on the shared provider client: login sessions, model calls, wizards.

    rpc = TrytonRpc(http, credentials)
    ids = await rpc.model("account.invoice", "search", [("state", "=", "posted")], 0, 10, [("id", "ASC")])

Calls go to ``POST <url>/<database>/rpc/`` as ``{"id", "method", "params"}`` (``codec``); model methods take the
user's context as their last parameter, which :meth:`TrytonRpc.model` appends. The session (``common.db.login``)
is kept per (server, database, user) for the process and renewed once when the server answers 401.

Tryton has no idempotency key, so a write is sent once (``safe_to_retry=False``): a lost reply surfaces as an
error rather than a second write.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, cast

import httpx

from ledgerbridge.connectors.client import ProviderClient
from ledgerbridge.connectors.http import ProviderHttp
from ledgerbridge.connectors.tryton import errors
from ledgerbridge.connectors.tryton.codec import dumps, loads
from ledgerbridge.errors import ProviderAuthFailed, ProviderDetail, ProviderError

PROVIDER = "tryton"

# (url, database, username, password digest) -> (user id, session token): one login per process, not per request.
_SESSIONS: dict[tuple[str, str, str, str], tuple[int, str]] = {}


class TrytonRpc(ProviderClient):
    provider = PROVIDER
    classify = staticmethod(errors.classify)

    def __init__(self, http: ProviderHttp, credentials: dict[str, Any]) -> None:
        try:
            self.url = str(credentials["url"]).rstrip("/")
            self.database = str(credentials["database"])
            self.username = str(credentials["username"])
            self._password = str(credentials["password"])
        except KeyError as exc:
            raise ProviderAuthFailed(ProviderDetail(PROVIDER, message=f"missing credential {exc.args[0]}")) from None
        super().__init__(http, base_url=f"{self.url}/{self.database}", auth=None, budget=None)
        digest = hashlib.sha256(self._password.encode()).hexdigest()
        self._key = (self.url, self.database, self.username, digest)
        self._context: dict[str, Any] | None = None
        self._login_lock = asyncio.Lock()

    def decode(self, response: httpx.Response) -> dict[str, Any]:
        body = loads(response.content)  # classify() has already refused a reply that is not JSON
        return body if isinstance(body, dict) else {}

    async def request(self, method: str, params: list[Any], *, session: str | None, safe_to_retry: bool) -> Any:
        """One JSON-RPC call, its ``result``; ``session`` is the Authorization header (None to log in)."""
        headers = {"Content-Type": "application/json"}
        if session is not None:
            headers["Authorization"] = session
        answer = await self.send("POST", "rpc/", content=dumps(method, params), headers=headers,
                                 safe_to_retry=safe_to_retry)
        return answer.get("result")

    async def login(self) -> tuple[int, str]:
        """(user id, session token) of this user, logging in unless the process already has a session."""
        async with self._login_lock:
            session = _SESSIONS.get(self._key)
            if session is not None:
                return session
            try:
                result = await self.request("common.db.login", [self.username, {"password": self._password}],
                                            session=None, safe_to_retry=True)
            except ProviderAuthFailed as exc:
                raise ProviderAuthFailed(ProviderDetail(
                    PROVIDER, exc.detail.status,
                    message=f"login refused for {self.username!r} on database {self.database!r}")) from None
            if not isinstance(result, list) or len(result) < 2 or not result[1]:
                raise ProviderAuthFailed(ProviderDetail(PROVIDER, message="login answered no session"))
            session = _SESSIONS[self._key] = (int(result[0]), str(result[1]))
            return session

    async def authorization(self) -> str:
        """The ``Authorization`` header of this user's session (``Session base64(user:id:token)``)."""
        return session_header(self.username, await self.login())

    async def call(self, method: str, *params: Any, safe_to_retry: bool = True) -> Any:
        """Call ``method`` with the session; log in again once if the server no longer knows it."""
        for attempt in (1, 2):
            session = await self.login()
            try:
                return await self.request(method, list(params), session=session_header(self.username, session),
                                          safe_to_retry=safe_to_retry)
            except ProviderAuthFailed:
                if attempt == 2:
                    raise
                if _SESSIONS.get(self._key) == session:
                    del _SESSIONS[self._key]  # expired or logged out: log in again
        raise AssertionError("unreachable")  # pragma: no cover

    async def context(self) -> dict[str, Any]:
        """The user's preferences (company, language…), sent as the context of every model call."""
        if self._context is None:
            self._context = await self.call("model.res.user.get_preferences", True, {})
        return self._context

    async def model(self, model: str, method: str, *params: Any, write: bool = False,
                    context: dict[str, Any] | None = None) -> Any:
        """``model.<model>.<method>(*params, context)``; ``write`` calls are sent once, never retried."""
        ctx = await self.context()
        if context:
            ctx = {**ctx, **context}
        return await self.call(f"model.{model}.{method}", *params, ctx, safe_to_retry=not write)

    async def read(self, model: str, ids: list[int], fields: list[str]) -> list[dict[str, Any]]:
        if not ids:
            return []
        return cast(list[dict[str, Any]], await self.model(model, "read", ids, fields))

    async def search_read(self, model: str, domain: list[Any], fields: list[str], *, offset: int = 0,
                          limit: int | None = None, order: list[Any] | None = None,
                          context: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        rows = await self.model(model, "search_read", domain, offset, limit, order, fields, context=context)
        return cast(list[dict[str, Any]], rows)

    async def create(self, model: str, values: dict[str, Any]) -> int:
        """Create one record; its id."""
        created, = await self.model(model, "create", [values], write=True)
        return int(created)

    @contextlib.asynccontextmanager
    async def open_wizard(self, name: str, *, model: str, ids: list[int]) -> AsyncIterator[Wizard]:
        """A session of wizard ``name`` on records, deleted on the way out."""
        ctx = {**await self.context(), "active_model": model, "active_id": ids[0], "active_ids": ids}
        session_id, _start, _end = await self.call(f"wizard.{name}.create", ctx, safe_to_retry=False)
        try:
            yield Wizard(self, name, session_id, ctx)
        finally:
            with contextlib.suppress(ProviderError):  # the session expires anyway; what it did is what matters
                await self.call(f"wizard.{name}.delete", session_id, ctx, safe_to_retry=False)

    async def wizard(self, name: str, *, model: str, ids: list[int], steps: list[tuple[str, dict[str, Any]]],
                     ) -> list[Any]:
        """Run wizard ``name`` on records: each step is (state to execute, values of the forms so far)."""
        async with self.open_wizard(name, model=model, ids=ids) as wizard:
            return [await wizard.execute(state, data) for state, data in steps]


def session_header(username: str, session: tuple[int, str]) -> str:
    user_id, token = session
    return "Session " + base64.b64encode(f"{username}:{user_id}:{token}".encode()).decode()


@dataclass(frozen=True)
class Wizard:
    """One open wizard session (see :meth:`TrytonRpc.open_wizard`)."""

    client: TrytonRpc
    name: str
    session_id: int
    context: dict[str, Any]

    async def execute(self, state: str, data: dict[str, Any]) -> Any:
        """Execute ``state`` with the values of the forms so far; the wizard's answer (its next view…)."""
        return await self.client.call(f"wizard.{self.name}.execute", self.session_id, data, state, self.context,
                                      safe_to_retry=False)
