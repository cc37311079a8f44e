"""Tryton JSON-RPC over the shared httpx client: typed values, login sessions, error classification.

    rpc = TrytonRpc(http, credentials)
    ids = await rpc.model("account.invoice", "search", [("state", "=", "posted")], 0, 10, [("id", "ASC")])

Calls go to ``POST <url>/<database>/rpc/`` as ``{"id", "method", "params"}``; model methods take the user's
context as their last parameter, which :meth:`TrytonRpc.model` appends. The session (``common.db.login``) is kept
per (server, database, user) for the process and renewed once when the server answers 401.

Tryton answers 200 with ``{"error": [kind, detail]}`` for refused calls: ``UserError`` (detail is
``[message, description, domain]``), ``UserWarning`` (``[name, message, description]``) and
``ConcurrencyException``; any other exception comes back as ``[str(exception), traceback]``.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import datetime as dt
import hashlib
import itertools
import json
from decimal import Decimal
from typing import Any

import httpx

from ledgerbridge.connectors.http import ProviderHttp, send
from ledgerbridge.errors import (
    ProviderAuthFailed,
    ProviderDetail,
    ProviderError,
    ProviderRateLimited,
    ProviderRejected,
    ProviderUnavailable,
)

PROVIDER = "tryton"
_ids = itertools.count(1)


# --- Tryton's JSON: Decimal, date and datetime travel as {"__class__": …} objects --------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"__class__": "Decimal", "decimal": str(value)}
    if isinstance(value, dt.datetime):
        value = value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
        return {"__class__": "datetime", "year": value.year, "month": value.month, "day": value.day,
                "hour": value.hour, "minute": value.minute, "second": value.second,
                "microsecond": value.microsecond}
    if isinstance(value, dt.date):
        return {"__class__": "date", "year": value.year, "month": value.month, "day": value.day}
    if isinstance(value, bytes):
        return {"__class__": "bytes", "base64": base64.b64encode(value).decode()}
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    return value


def _decode(obj: dict[str, Any]) -> Any:
    kind = obj.get("__class__")
    if kind is None:
        return obj
    if kind == "Decimal":
        return Decimal(obj["decimal"])
    if kind == "date":
        return dt.date(obj["year"], obj["month"], obj["day"])
    if kind == "datetime":
        # Tryton stores and sends UTC, without an offset.
        return dt.datetime(obj["year"], obj["month"], obj["day"], obj.get("hour", 0), obj.get("minute", 0),
                           obj.get("second", 0), obj.get("microsecond", 0), tzinfo=dt.UTC)
    if kind == "time":
        return dt.time(obj.get("hour", 0), obj.get("minute", 0), obj.get("second", 0), obj.get("microsecond", 0))
    if kind == "timedelta":
        return dt.timedelta(seconds=obj["seconds"])
    if kind == "bytes":
        return base64.b64decode(obj["base64"])
    return obj


def dumps(method: str, params: list[Any]) -> bytes:
    return json.dumps({"id": next(_ids), "method": method, "params": _encode(params)}).encode()


def loads(content: bytes) -> Any:
    return json.loads(content, object_hook=_decode, parse_float=Decimal)


# --- errors --------------------------------------------------------------------------------------------------------


class TrytonWarning(ProviderRejected):
    """A ``UserWarning``: Tryton asks to confirm (e.g. a due date in the past). ``name`` is the key to skip it."""

    def __init__(self, detail: ProviderDetail, name: str) -> None:
        super().__init__(detail)
        self.name = name


def rpc_error(error: Any, status: int | None = None) -> ProviderError:
    """The Ledgerbridge error for a JSON-RPC ``error`` member."""
    kind, detail = (error[0], error[1]) if isinstance(error, list | tuple) and len(error) == 2 else (error, None)
    if kind == "UserError" and isinstance(detail, list | tuple):
        message = " ".join(str(part) for part in detail[:2] if part)
        return ProviderRejected(ProviderDetail(PROVIDER, status, message=message, code="UserError", raw=error))
    if kind == "UserWarning" and isinstance(detail, list | tuple):
        message = " ".join(str(part) for part in detail[1:3] if part)
        return TrytonWarning(ProviderDetail(PROVIDER, status, message=message, code="UserWarning", raw=error),
                             str(detail[0]))
    if kind == "ConcurrencyException":
        return ProviderRejected(ProviderDetail(PROVIDER, status, message=str(detail), code=kind, raw=error))
    # An unexpected server exception: [str(exception), traceback]. Keep the message, drop the traceback.
    return ProviderUnavailable(ProviderDetail(PROVIDER, status, message=str(kind), code="ServerError"))


def classify(response: httpx.Response) -> ProviderError | None:
    status = response.status_code
    if status == 401:
        return ProviderAuthFailed(ProviderDetail(PROVIDER, status, message="session or credentials refused"))
    if status == 429:
        return ProviderRateLimited(ProviderDetail(PROVIDER, status, message="too many login attempts"),
                                   retry_after=60)
    if status == 403:
        return ProviderRejected(ProviderDetail(PROVIDER, status, message="access denied to this method"))
    if status == 404:
        return ProviderAuthFailed(ProviderDetail(PROVIDER, status, message="no such database"))
    if status >= 500:
        return ProviderUnavailable(ProviderDetail(PROVIDER, status, message=response.text[:500]))
    if status >= 400:
        return ProviderRejected(ProviderDetail(PROVIDER, status, message=response.text[:500]))
    try:
        body = loads(response.content)
    except ValueError:
        return ProviderUnavailable(ProviderDetail(PROVIDER, status, message="the reply is not JSON"))
    if isinstance(body, dict) and body.get("error") is not None:
        return rpc_error(body["error"], status)
    return None


# --- the client ----------------------------------------------------------------------------------------------------

# (url, database, username, password digest) -> (user id, session token): one login per process, not per request.
_SESSIONS: dict[tuple[str, str, str, str], tuple[int, str]] = {}


class TrytonRpc:
    def __init__(self, http: ProviderHttp, credentials: dict[str, Any]) -> None:
        try:
            self.url = str(credentials["url"]).rstrip("/")
            self.database = str(credentials["database"])
            self.username = str(credentials["username"])
            self._password = str(credentials["password"])
        except KeyError as exc:
            raise ProviderAuthFailed(ProviderDetail(PROVIDER, message=f"missing credential {exc.args[0]}")) from None
        self.client = http.client(PROVIDER)
        digest = hashlib.sha256(self._password.encode()).hexdigest()
        self._key = (self.url, self.database, self.username, digest)
        self._context: dict[str, Any] | None = None
        self._login_lock = asyncio.Lock()

    @property
    def endpoint(self) -> str:
        return f"{self.url}/{self.database}/rpc/"

    async def _post(self, method: str, params: list[Any], *, headers: dict[str, str],
                    safe_to_retry: bool) -> Any:
        request = self.client.build_request("POST", self.endpoint, content=dumps(method, params),
                                            headers={"Content-Type": "application/json", **headers})
        response = await send(self.client, request, provider=PROVIDER, classify=classify,
                              safe_to_retry=safe_to_retry)
        return loads(response.content)["result"]

    async def login(self) -> tuple[int, str]:
        async with self._login_lock:
            session = _SESSIONS.get(self._key)
            if session is not None:
                return session
            try:
                result = await self._post("common.db.login", [self.username, {"password": self._password}],
                                          headers={}, safe_to_retry=True)
            except ProviderAuthFailed as exc:
                raise ProviderAuthFailed(ProviderDetail(
                    PROVIDER, exc.detail.status,
                    message=f"login refused for {self.username!r} on database {self.database!r}")) from None
            if not isinstance(result, list) or len(result) < 2 or not result[1]:
                raise ProviderAuthFailed(ProviderDetail(PROVIDER, message="login answered no session"))
            session = _SESSIONS[self._key] = (int(result[0]), str(result[1]))
            return session

    async def call(self, method: str, *params: Any, safe_to_retry: bool = True) -> Any:
        """Call ``method`` with the session; log in again once if the server no longer knows it."""
        for attempt in (1, 2):
            user_id, token = await self.login()
            auth = base64.b64encode(f"{self.username}:{user_id}:{token}".encode()).decode()
            try:
                return await self._post(method, list(params), headers={"Authorization": f"Session {auth}"},
                                        safe_to_retry=safe_to_retry)
            except ProviderAuthFailed:
                if attempt == 2:
                    raise
                if _SESSIONS.get(self._key) == (user_id, token):
                    del _SESSIONS[self._key]  # expired or logged out: log in again
        raise AssertionError("unreachable")  # pragma: no cover

    async def context(self) -> dict[str, Any]:
        """The user's preferences (company, language…), sent as the context of every model call."""
        if self._context is None:
            self._context = await self.call("model.res.user.get_preferences", True, {})
        return self._context

    async def model(self, model: str, method: str, *params: Any, write: bool = False,
                    context: dict[str, Any] | None = None) -> Any:
        ctx = await self.context()
        if context:
            ctx = {**ctx, **context}
        return await self.call(f"model.{model}.{method}", *params, ctx, safe_to_retry=not write)

    async def read(self, model: str, ids: list[int], fields: list[str]) -> list[dict[str, Any]]:
        if not ids:
            return []
        return await self.model(model, "read", ids, fields)  # type: ignore[no-any-return]

    async def search_read(self, model: str, domain: list[Any], fields: list[str], *, offset: int = 0,
                          limit: int | None = None, order: list[Any] | None = None) -> list[dict[str, Any]]:
        return await self.model(model, "search_read", domain, offset, limit, order, fields)  # type: ignore[no-any-return]

    async def wizard(self, name: str, *, model: str, ids: list[int], steps: list[tuple[str, dict[str, Any]]],
                     ) -> list[Any]:
        """Run wizard ``name`` on records: each step is (state to execute, values of the forms so far)."""
        ctx = {**await self.context(), "active_model": model, "active_id": ids[0], "active_ids": ids}
        session_id, _start, _end = await self.call(f"wizard.{name}.create", ctx, safe_to_retry=False)
        results: list[Any] = []
        try:
            for state, data in steps:
                results.append(await self.call(f"wizard.{name}.execute", session_id, data, state, ctx,
                                               safe_to_retry=False))
        finally:
            with contextlib.suppress(ProviderError):
                await self.call(f"wizard.{name}.delete", session_id, ctx, safe_to_retry=False)
        return results
