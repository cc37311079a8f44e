"""Moneybird's OAuth 2.0 authorization-code flow: consent page, token endpoint with refresh rotation, revocation.

The OpenAPI document declares only ``bearerAuth``; the OAuth endpoints (``/oauth/authorize``, ``/oauth/token``)
come from providers.md, unverified against a contract. Moneybird's OAuth server is Doorkeeper's, so the token
answer has Doorkeeper's shape (``access_token``, ``token_type: "bearer"``, ``refresh_token``, ``scope``,
``created_at``, ``expires_in``) and its errors ``{"error", "error_description"}``. Token lifetimes are not
documented in the contract: access tokens here live an hour and each refresh token works exactly once (a refresh
answers a new pair). The moneybird SDK asks for ``/oauth/authorize/`` and ``/oauth/token/`` with a trailing
slash; both spellings are served.

A token reaches every administration of the sandbox, as a Moneybird user token reaches the user's
administrations; its scopes decide which endpoints answer (403 otherwise).
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

from .errors import MoneybirdError, json_response, symbolic
from .state import Store

ACCESS_TTL = 3600
REFRESH_TTL = 90 * 86400
CODE_TTL = 600
SCOPES = ("sales_invoices", "documents", "estimates", "bank", "time_entries", "settings")
DEFAULT_SCOPE = " ".join(SCOPES)


def token_error(error: str, description: str, status: int = 400) -> MoneybirdError:
    return MoneybirdError(status, {"error": error, "error_description": description})


class Identity:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def _tokens(self) -> dict[str, Any]:
        return self.store.data["tokens"]  # type: ignore[no-any-return]

    # -- clients ------------------------------------------------------------------------------
    def register_client(self, client_id: str, client_secret: str, redirect_uris: list[str] | None = None) -> None:
        with self.store.lock:
            self.store.data["clients"][client_id] = {"secret": client_secret, "redirect_uris": redirect_uris or []}
            self.store.save()

    def _client(self, client_id: str | None) -> dict[str, Any] | None:
        return self.store.data["clients"].get(client_id or "")  # type: ignore[no-any-return]

    def _authenticate(self, request: Request, form: dict[str, str]) -> str:
        client_id, secret = form.get("client_id"), form.get("client_secret")
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("basic "):
            try:
                client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            except ValueError as exc:
                raise token_error("invalid_client", "Client authentication failed", 401) from exc
        client = self._client(client_id)
        if client is None or not hmac.compare_digest(str(secret or ""), client["secret"]):
            raise token_error("invalid_client", "Client authentication failed", 401)
        return str(client_id)

    # -- tokens -------------------------------------------------------------------------------
    def _save(self, token: str, kind: str, client_id: str, ttl: float, **data: Any) -> None:
        with self.store.lock:
            self._tokens[token] = {"kind": kind, "client_id": client_id, "expires": self.store.now() + ttl, **data}
            self.store.save()

    def _take(self, token: str, kind: str) -> dict[str, Any] | None:
        """Single use (codes, refresh tokens): consumed whether or not it is still valid."""
        with self.store.lock:
            found = self._tokens.get(token)
            if found is None or found["kind"] != kind:
                return None
            del self._tokens[token]
            self.store.save()
        return found if found["expires"] >= self.store.now() else None

    def issue(self, client_id: str, scope: str = DEFAULT_SCOPE) -> dict[str, Any]:
        access, refresh = secrets.token_hex(32), secrets.token_hex(32)
        self._save(access, "access", client_id, ACCESS_TTL, scope=scope)
        self._save(refresh, "refresh", client_id, REFRESH_TTL, scope=scope)
        return {"access_token": access, "token_type": "bearer", "expires_in": ACCESS_TTL, "refresh_token": refresh,
                "scope": scope, "created_at": int(self.store.now())}

    def bearer(self, request: Request) -> tuple[str, set[str]]:
        """The access token of the request and its scopes, or Moneybird's 401."""
        auth = request.headers.get("authorization", "")
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        found = self._tokens.get(token) if token else None
        if found is None or found["kind"] != "access":
            raise symbolic(401, "No access to this resource, please provide a valid access token", "authorization",
                           "invalid_token")
        if found["expires"] < self.store.now():
            raise symbolic(401, "The access token expired", "authorization", "expired_token")
        return token, set(str(found["scope"]).split())

    # -- HTTP ---------------------------------------------------------------------------------
    async def authorize(self, request: Request) -> Response:
        params = dict(request.query_params)
        if request.method == "POST":
            params.update(dict(parse_qsl((await request.body()).decode())))
        client = self._client(params.get("client_id"))
        if client is None:
            return HTMLResponse(_page("Unknown client", "The client_id is not registered."), status_code=400)
        redirect = params.get("redirect_uri", "")
        if redirect not in client["redirect_uris"]:
            return HTMLResponse(_page("Invalid redirect", "The redirect_uri is not registered."), status_code=400)
        if params.get("response_type", "code") != "code":
            return _redirect(redirect, {"error": "unsupported_response_type", "state": params.get("state")})
        if request.method == "GET":
            return HTMLResponse(_consent_page(params))
        if params.get("decision") != "allow":
            return _redirect(redirect, {"error": "access_denied", "state": params.get("state")})
        code = secrets.token_urlsafe(24)
        self._save(code, "code", params["client_id"], CODE_TTL, redirect_uri=redirect,
                   scope=params.get("scope") or DEFAULT_SCOPE)
        return _redirect(redirect, {"code": code, "state": params.get("state")})

    async def token(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        client_id = self._authenticate(request, form)
        grant = form.get("grant_type")
        if grant == "authorization_code":
            found = self._take(form.get("code", ""), "code")
            if found is None or found["client_id"] != client_id or \
                    form.get("redirect_uri", found["redirect_uri"]) != found["redirect_uri"]:
                raise token_error("invalid_grant", "The provided authorization grant is invalid, expired or revoked")
            return json_response(self.issue(client_id, found["scope"]))
        if grant == "refresh_token":
            found = self._take(form.get("refresh_token", ""), "refresh")
            if found is None or found["client_id"] != client_id:
                raise token_error("invalid_grant", "The provided authorization grant is invalid, expired or revoked")
            return json_response(self.issue(client_id, found["scope"]))
        raise token_error("unsupported_grant_type", "The authorization grant type is not supported")

    async def revoke(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        client_id = self._authenticate(request, form)
        with self.store.lock:
            found = self._tokens.get(form.get("token", ""))
            if found is not None and found["client_id"] == client_id:
                del self._tokens[form["token"]]
                self.store.save()
        return json_response({})


def _redirect(uri: str, params: dict[str, Any]) -> RedirectResponse:
    parts = urlsplit(uri)
    query = parse_qsl(parts.query) + [(k, str(v)) for k, v in params.items() if v is not None]
    return RedirectResponse(urlunsplit(parts._replace(query=urlencode(query))), status_code=302)


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Moneybird sandbox – {html.escape(title)}"
            f"</title></head><body style='font-family:sans-serif;max-width:40em;margin:3em auto'>"
            f"<h1>{html.escape(title)}</h1><p>{html.escape(body)}</p></body></html>")


def _consent_page(params: dict[str, str]) -> str:
    hidden = "".join(f"<input type='hidden' name='{html.escape(k)}' value='{html.escape(v)}'>"
                     for k, v in params.items() if k != "decision")
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Moneybird sandbox – Authorize</title></head>"
            f"<body style='font-family:sans-serif;max-width:40em;margin:3em auto'>"
            f"<h1>Authorize {html.escape(params.get('client_id', ''))}?</h1>"
            f"<p>Scopes: {html.escape(params.get('scope') or DEFAULT_SCOPE)}</p>"
            f"<form method='post'>{hidden}"
            f"<button type='submit' name='decision' value='allow'>Authorize</button> "
            f"<button type='submit' name='decision' value='deny'>Deny</button></form></body></html>")
