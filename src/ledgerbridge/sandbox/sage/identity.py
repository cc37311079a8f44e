"""Sage's OAuth2 authorization-code flow, as Sage Business Cloud Accounting runs it.

- authorize: ``GET /oauth2/auth/central?filter=apiv3.1&client_id&response_type=code&redirect_uri&scope&state``
  shows a consent page; allowing redirects with ``code``, ``state`` and ``country`` (Sage adds the region).
- token: ``POST /token`` (form; client credentials in the form or HTTP Basic), grants ``authorization_code``
  and ``refresh_token``. Answers ``access_token``, ``expires_in`` 300, ``refresh_token``,
  ``refresh_token_expires_in`` (31 days), ``token_type: bearer``, ``scope``, ``requested_by_id``.
- access tokens last 300 seconds; refresh tokens rotate: each is single-use, and using one again fails with
  ``invalid_grant`` (the connector must keep the new one).
- revoke: ``POST /revoke`` with ``token`` (a refresh token) ends the grant.

A token grants every business of the sandbox's one user; ``X-Business`` picks one (see ``app.py``).
"""

from __future__ import annotations

import base64
import hmac
import html
import secrets
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from .errors import SageError, json_response, unauthorized
from .state import Store

ACCESS_TTL = 300  # Sage: access tokens last five minutes
REFRESH_TTL = 31 * 24 * 3600  # Sage: refresh tokens last 31 days (and rotate on every use)
CODE_TTL = 60
SCOPES = ("full_access", "readonly")
USER_ID = "5b0f3cbf0e4d4c2f9d6e5c4b3a291807"


class OAuthError(Exception):
    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(error)
        self.error, self.description, self.status = error, description, status

    def response(self) -> Response:
        return json_response({"error": self.error, "error_description": self.description}, self.status)


class Identity:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def _clients(self) -> dict[str, Any]:
        return self.store.auth["clients"]  # type: ignore[no-any-return]

    @property
    def _tokens(self) -> dict[str, Any]:
        return self.store.auth["tokens"]  # type: ignore[no-any-return]

    def register_client(self, client_id: str, secret: str, redirect_uris: list[str] | None = None) -> None:
        with self.store.lock:
            known = self._clients.get(client_id, {}).get("redirect_uris", [])
            uris = sorted(set(known) | set(redirect_uris or []))
            self._clients[client_id] = {"secret": secret, "redirect_uris": uris}
        self.store.save()

    def _save(self, token: str, kind: str, client_id: str, ttl: float, **data: Any) -> None:
        with self.store.lock:
            self._tokens[token] = {"kind": kind, "client_id": client_id, "expires": self.store.now() + ttl, **data}

    def _take(self, token: str, kind: str) -> dict[str, Any] | None:
        """Single-use lookup (codes, refresh tokens): consumed whether or not still valid."""
        with self.store.lock:
            found = self._tokens.get(token)
            if found is None or found["kind"] != kind:
                return None
            del self._tokens[token]
        return found if found["expires"] >= self.store.now() else None

    def issue(self, client_id: str, scope: str = "full_access") -> dict[str, Any]:
        """Mint an access/refresh pair (what a finished consent gives)."""
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with self.store.lock:
            # expired access tokens are forgotten as new ones are minted
            now = self.store.now()
            for old in [t for t, d in self._tokens.items() if d["expires"] < now]:
                del self._tokens[old]
            self._save(access, "access", client_id, ACCESS_TTL, scope=scope)
            self._save(refresh, "refresh", client_id, REFRESH_TTL, scope=scope)
        self.store.save()
        return {"access_token": access, "expires_in": ACCESS_TTL, "token_type": "bearer",
                "refresh_token": refresh, "refresh_token_expires_in": REFRESH_TTL, "scope": scope,
                "requested_by_id": USER_ID}

    def bearer(self, request: Request) -> dict[str, Any]:
        """The grant behind the request's bearer token, or Sage's 401."""
        auth = request.headers.get("authorization", "")
        if not auth.lower().startswith("bearer "):
            raise unauthorized("No access token was given")
        with self.store.lock:
            found = self._tokens.get(auth[7:].strip())
        if found is None or found["kind"] != "access":
            raise unauthorized()
        if found["expires"] < self.store.now():
            raise unauthorized("The access token has expired")
        return dict(found)

    # -- HTTP -------------------------------------------------------------------------------------------------
    def _client_for(self, params: dict[str, str]) -> dict[str, Any]:
        client = self._clients.get(params.get("client_id", ""))
        if client is None or params.get("redirect_uri") not in client["redirect_uris"]:
            raise SageError(400, [{"$severity": "error", "$dataCode": "InvalidClient",
                                   "$message": "Unknown client_id or redirect_uri", "$source": "client_id"}])
        return client

    async def authorize(self, request: Request, businesses: list[tuple[str, str]]) -> Response:
        if request.method == "GET":
            params = dict(request.query_params)
        else:
            params = dict(parse_qsl((await request.body()).decode()))
        try:
            self._client_for(params)
        except SageError:
            return HTMLResponse(_page("Error", "Unknown client_id or redirect_uri"), status_code=400)
        state = params.get("state")
        if request.method == "GET":
            if params.get("response_type", "code") != "code":
                return _redirect(params["redirect_uri"], {"error": "unsupported_response_type", "state": state})
            return HTMLResponse(_consent_page(params, businesses))
        if params.get("decision") != "allow":
            return _redirect(params["redirect_uri"], {"error": "access_denied", "state": state})
        scope = params.get("scope") or "full_access"
        code = secrets.token_urlsafe(24)
        self._save(code, "code", params["client_id"], CODE_TTL, redirect_uri=params["redirect_uri"], scope=scope)
        self.store.save()
        return _redirect(params["redirect_uri"], {"code": code, "state": state, "country": "GB"})

    def _authenticate(self, request: Request, form: dict[str, str]) -> str:
        client_id, secret = form.get("client_id"), form.get("client_secret")
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("basic "):
            try:
                client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            except ValueError as exc:
                raise OAuthError("invalid_client", "Malformed client credentials", 401) from exc
        client = self._clients.get(client_id or "")
        if client is None or not hmac.compare_digest(str(secret or ""), client["secret"]):
            raise OAuthError("invalid_client", "Client authentication failed", 401)
        return str(client_id)

    async def token(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        try:
            client_id = self._authenticate(request, form)
            grant = form.get("grant_type")
            if grant == "authorization_code":
                found = self._take(form.get("code", ""), "code")
                if found is None or found["client_id"] != client_id:
                    raise OAuthError("invalid_grant", "The authorization code is invalid or has expired")
                if form.get("redirect_uri") != found["redirect_uri"]:
                    raise OAuthError("invalid_grant", "redirect_uri does not match the authorization request")
                return json_response(self.issue(client_id, found["scope"]))
            if grant == "refresh_token":
                found = self._take(form.get("refresh_token", ""), "refresh")
                if found is None or found["client_id"] != client_id:
                    raise OAuthError("invalid_grant", "The refresh token is invalid, expired or already used")
                return json_response(self.issue(client_id, found["scope"]))
            raise OAuthError("unsupported_grant_type", f"grant_type {grant!r} is not supported")
        except OAuthError as err:
            self.store.save()
            return err.response()

    async def revoke(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        try:
            client_id = self._authenticate(request, form)
        except OAuthError as err:
            return err.response()
        with self.store.lock:
            found = self._tokens.get(form.get("token", ""))
            if found is not None and found["client_id"] == client_id:
                for token in [t for t, d in self._tokens.items() if d["client_id"] == client_id]:
                    del self._tokens[token]
        self.store.save()
        return Response(status_code=200)


def _redirect(uri: str, params: dict[str, Any]) -> RedirectResponse:
    parts = urlsplit(uri)
    query = parse_qsl(parts.query) + [(k, str(v)) for k, v in params.items() if v is not None]
    return RedirectResponse(urlunsplit(parts._replace(query=urlencode(query))), status_code=302)


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Sage sandbox – {html.escape(title)}</title>"
            f"</head><body style='font-family:sans-serif;max-width:40em;margin:3em auto'>"
            f"<h1>{html.escape(title)}</h1><p>{html.escape(body)}</p></body></html>")


def _consent_page(params: dict[str, str], businesses: list[tuple[str, str]]) -> str:
    hidden = "".join(f"<input type='hidden' name='{html.escape(k)}' value='{html.escape(v)}'>"
                     for k, v in params.items() if k != "decision")
    names = "".join(f"<li>{html.escape(name)}</li>" for _, name in businesses) or "<li>No businesses</li>"
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Sage sandbox – Allow access</title></head>"
            f"<body style='font-family:sans-serif;max-width:40em;margin:3em auto'>"
            f"<h1>{html.escape(params.get('client_id', ''))} wants to access your Sage Accounting data</h1>"
            f"<p>Scope: {html.escape(params.get('scope', 'full_access'))}</p><ul>{names}</ul>"
            f"<form method='post'>{hidden}"
            f"<button type='submit' name='decision' value='allow'>Allow</button> "
            f"<button type='submit' name='decision' value='deny'>Deny</button></form></body></html>")
