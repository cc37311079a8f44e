"""Pennylane's OAuth 2.0: the authorization-code flow (PKCE when the client asks for it), rotating refresh tokens
and revocation, in the shape of Doorkeeper, the Rails engine Pennylane runs.

The contract's ``securitySchemes`` give the authorize URL ``/oauth/authorize`` and the token and refresh URL
``/oauth/oauth/token``; it is silent on lifetimes and revocation, so these follow Doorkeeper's defaults as
Pennylane documents them: access tokens last 24 hours, a refresh token works once (it is rotated), and
``/oauth/revoke`` revokes a token. A grant reaches exactly one company, the one chosen on the consent page.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import secrets
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from .errors import unauthorized
from .state import Store

AUTHORIZE_PATH = "/oauth/authorize"
TOKEN_PATH = "/oauth/oauth/token"
REVOKE_PATH = "/oauth/revoke"
ACCESS_TTL = 86400
REFRESH_TTL = 90 * 86400
CODE_TTL = 600
DEFAULT_SCOPE = "customer_invoices:all supplier_invoices:all customers:all suppliers:all products:all ledger"


def _token_error(error: str, description: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


class Identity:
    def __init__(self, store: Store) -> None:
        self.store = store

    def register_client(self, client_id: str, secret: str, redirect_uris: list[str] | None = None) -> None:
        with self.store.lock:
            known = self.store.clients.get(client_id, {}).get("redirect_uris", [])
            uris = sorted(set(known) | set(redirect_uris or []))
            self.store.clients[client_id] = {"secret": secret, "redirect_uris": uris}
            self.store.save()

    def issue(self, client_id: str, company_id: int, scope: str = DEFAULT_SCOPE) -> dict[str, Any]:
        """A fresh access and refresh token for ``company_id``, as the token endpoint answers them."""
        now = self.store.now()
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        grant = {"client_id": client_id, "company_id": company_id, "scope": scope}
        with self.store.lock:
            self.store.tokens[access] = {**grant, "kind": "access", "expires": now + ACCESS_TTL, "refresh": refresh}
            self.store.tokens[refresh] = {**grant, "kind": "refresh", "expires": now + REFRESH_TTL, "access": access}
            self.store.save()
        return {"access_token": access, "token_type": "Bearer", "expires_in": ACCESS_TTL, "refresh_token": refresh,
                "scope": scope, "created_at": int(now)}

    def company_of(self, request: Request) -> tuple[str, int]:
        """(the bearer token, the company it reaches), or Pennylane's 401."""
        header = request.headers.get("authorization", "")
        if not header.lower().startswith("bearer "):
            raise unauthorized()
        token = header[7:].strip()
        found = self.store.tokens.get(token)
        if found is None or found["kind"] != "access" or found["expires"] < self.store.now():
            raise unauthorized()
        return token, int(found["company_id"])

    # --- HTTP ------------------------------------------------------------------------------------------------

    async def authorize(self, request: Request, companies: list[tuple[int, str]]) -> Response:
        params = dict(request.query_params) if request.method == "GET" else dict(
            parse_qsl((await request.body()).decode()))
        client = self.store.clients.get(params.get("client_id", ""))
        if client is None or params.get("redirect_uri") not in client["redirect_uris"]:
            return HTMLResponse(_page("The client or its redirect URI is not known to Pennylane."), status_code=400)
        state = params.get("state")
        if params.get("response_type", "code") != "code":
            return _redirect(params["redirect_uri"], {"error": "unsupported_response_type", "state": state})
        if request.method == "GET":
            return HTMLResponse(_consent(params, companies))
        if params.get("decision") != "allow":
            return _redirect(params["redirect_uri"], {"error": "access_denied", "state": state})
        company = int(params.get("company_id") or companies[0][0])
        code = secrets.token_urlsafe(24)
        with self.store.lock:
            self.store.tokens[code] = {
                "kind": "code", "client_id": params["client_id"], "company_id": company,
                "redirect_uri": params["redirect_uri"], "scope": params.get("scope") or DEFAULT_SCOPE,
                "challenge": params.get("code_challenge"), "method": params.get("code_challenge_method", "plain"),
                "expires": self.store.now() + CODE_TTL}
        return _redirect(params["redirect_uri"], {"code": code, "state": state})

    async def token(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        client_id = self._client(request, form)
        if client_id is None:
            return _token_error("invalid_client", "Client authentication failed.", 401)
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            code = self._take(form.get("code", ""), "code", client_id)
            if code is None or form.get("redirect_uri", code["redirect_uri"]) != code["redirect_uri"]:
                return _token_error("invalid_grant", "The provided authorization grant is invalid or expired.")
            if code.get("challenge") and not _pkce_ok(code, form.get("code_verifier", "")):
                return _token_error("invalid_grant", "The code verifier does not match the challenge.")
            return JSONResponse(self.issue(client_id, int(code["company_id"]), code["scope"]))
        if grant_type == "refresh_token":
            refresh = self._take(form.get("refresh_token", ""), "refresh", client_id)
            if refresh is None:
                return _token_error("invalid_grant", "The refresh token is invalid, revoked or already used.")
            self.store.tokens.pop(refresh.get("access", ""), None)  # rotation retires the old access token too
            return JSONResponse(self.issue(client_id, int(refresh["company_id"]), refresh["scope"]))
        return _token_error("unsupported_grant_type", "The authorization grant type is not supported.")

    async def revoke(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        if self._client(request, form) is None:
            return _token_error("invalid_client", "Client authentication failed.", 401)
        with self.store.lock:
            found = self.store.tokens.pop(form.get("token", ""), None)
            if found is not None:
                self.store.tokens.pop(found.get("refresh") or found.get("access") or "", None)
            self.store.save()
        return JSONResponse({})  # RFC 7009: 200 whether or not the token was known

    def _client(self, request: Request, form: dict[str, str]) -> str | None:
        client_id, secret = form.get("client_id"), form.get("client_secret")
        header = request.headers.get("authorization", "")
        if header.lower().startswith("basic "):
            try:
                client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
            except ValueError:
                return None
        client = self.store.clients.get(client_id or "")
        if client is None or not hmac.compare_digest(str(secret or ""), client["secret"]):
            return None
        return client_id

    def _take(self, token: str, kind: str, client_id: str) -> dict[str, Any] | None:
        """A single-use token (code, refresh token): consumed by this look-up whether or not it is still valid."""
        with self.store.lock:
            found = self.store.tokens.get(token)
            if found is None or found["kind"] != kind:
                return None
            del self.store.tokens[token]
            self.store.save()
        if found["client_id"] != client_id or found["expires"] < self.store.now():
            return None
        return found


def _pkce_ok(code: dict[str, Any], verifier: str) -> bool:
    if code["method"] == "S256":
        digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        return bool(verifier) and hmac.compare_digest(digest, code["challenge"])
    return bool(verifier) and hmac.compare_digest(verifier, code["challenge"])


def _redirect(uri: str, params: dict[str, Any]) -> RedirectResponse:
    parts = urlsplit(uri)
    query = parse_qsl(parts.query) + [(k, str(v)) for k, v in params.items() if v is not None]
    return RedirectResponse(urlunsplit(parts._replace(query=urlencode(query))), status_code=302)


def _page(message: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Pennylane sandbox</title></head>"
            f"<body style='font-family:sans-serif;max-width:40em;margin:3em auto'><p>{html.escape(message)}</p>"
            f"</body></html>")


def _consent(params: dict[str, str], companies: list[tuple[int, str]]) -> str:
    hidden = "".join(f"<input type='hidden' name='{html.escape(k)}' value='{html.escape(v)}'>"
                     for k, v in params.items() if k not in ("decision", "company_id"))
    choices = "".join(f"<li><label><input type='radio' name='company_id' value='{cid}'{' checked' if i == 0 else ''}>"
                      f" {html.escape(name)}</label></li>" for i, (cid, name) in enumerate(companies))
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Pennylane sandbox – Authorize</title></head>"
            f"<body style='font-family:sans-serif;max-width:40em;margin:3em auto'>"
            f"<h1>Authorize {html.escape(params.get('client_id', ''))} to use your Pennylane account?</h1>"
            f"<p>Scopes: {html.escape(params.get('scope') or DEFAULT_SCOPE)}</p>"
            f"<form method='post'>{hidden}<ul>{choices}</ul>"
            f"<button type='submit' name='decision' value='allow'>Authorize</button> "
            f"<button type='submit' name='decision' value='deny'>Deny</button></form></body></html>")
