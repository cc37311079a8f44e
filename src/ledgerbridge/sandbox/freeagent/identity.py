"""FreeAgent OAuth 2.0: ``GET /v2/approve_app`` (the consent page), ``POST /v2/token_endpoint`` (authorization-code
and refresh grants), bearer checks on every API call.

From the collection's auth block: authorize ``{{url}}/v2/approve_app``, token ``{{url}}/v2/token_endpoint``,
client credentials in a Basic header (``client_authentication: header``), PKCE S256 accepted; its refresh request
sends ``client_id``/``client_secret`` in the form body, so both are accepted. Lifetimes follow providers.md
(access tokens an hour); refresh tokens rotate: each one works once (the brief's rule, the contract is silent).
A token reaches one company, the one the user approved the app for, as at FreeAgent (one login, one company).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import secrets
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from .errors import unauthorized
from .state import Store

ACCESS_TTL = 3600
REFRESH_TTL = 90 * 86400
CODE_TTL = 600


class Grant:
    """Who an access token acts for."""

    def __init__(self, client_id: str, company: str, user: str) -> None:
        self.client_id, self.company, self.user = client_id, company, user


def _token_error(error: str, status: int = 400) -> Response:
    return JSONResponse({"error": error}, status_code=status)


class Identity:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def oauth(self) -> dict[str, dict[str, Any]]:
        return self.store.oauth

    def register_client(self, client_id: str, secret: str, redirect_uris: list[str] | None = None) -> None:
        with self.store.lock:
            known = self.oauth["clients"].get(client_id, {}).get("redirect_uris", [])
            self.oauth["clients"][client_id] = {"secret": secret,
                                                "redirect_uris": sorted(set(known) | set(redirect_uris or []))}
            self.store.save()

    def issue(self, client_id: str, company: str, user: str) -> dict[str, Any]:
        """A fresh access + refresh token pair for ``company``, as the token endpoint answers it."""
        with self.store.lock:
            now = self.store.now()
            access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
            grant = {"client_id": client_id, "company": company, "user": user}
            self.oauth["access"][access] = {**grant, "expires": now + ACCESS_TTL}
            self.oauth["refresh"][refresh] = {**grant, "expires": now + REFRESH_TTL}
            self.store.save()
        return {"access_token": access, "token_type": "bearer", "expires_in": ACCESS_TTL,
                "refresh_token": refresh, "refresh_token_expires_in": REFRESH_TTL}

    def bearer(self, request: Request) -> Grant:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise unauthorized("No access token provided")
        found = self.oauth["access"].get(token.strip())
        if found is None:
            raise unauthorized()
        if found["expires"] <= self.store.now():
            raise unauthorized("Access token has expired")
        return Grant(found["client_id"], found["company"], found["user"])

    # -- HTTP: consent ------------------------------------------------------------------------------
    async def approve_app(self, request: Request, companies: list[tuple[str, str, str]]) -> Response:
        """GET shows the consent page (one button per company the sandbox holds); POST approves and redirects
        to the app's ``redirect_uri`` with a code (or ``error=access_denied``)."""
        params = dict(request.query_params)
        if request.method == "POST":
            params.update(dict(parse_qsl((await request.body()).decode())))
        client = self.oauth["clients"].get(params.get("client_id", ""))
        redirect = params.get("redirect_uri", "")
        if client is None or (client["redirect_uris"] and redirect not in client["redirect_uris"]):
            return HTMLResponse("<p>Unknown application or redirect URI.</p>", status_code=400)
        state = params.get("state")
        if request.method == "GET":
            return HTMLResponse(_consent_page(params, companies))
        if params.get("decision") != "allow" or not companies:
            return _redirect(redirect, {"error": "access_denied", "state": state})
        chosen = params.get("company") or companies[0][0]
        user = next((u for c, _, u in companies if c == chosen), None)
        if user is None:
            return HTMLResponse("<p>Unknown company.</p>", status_code=400)
        code = secrets.token_urlsafe(24)
        with self.store.lock:
            self.oauth["codes"][code] = {
                "client_id": params["client_id"], "company": chosen, "user": user, "redirect_uri": redirect,
                "challenge": params.get("code_challenge"), "method": params.get("code_challenge_method", "plain"),
                "expires": self.store.now() + CODE_TTL}
            self.store.save()
        return _redirect(redirect, {"code": code, "state": state})

    # -- HTTP: token endpoint -----------------------------------------------------------------------
    async def token(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        client_id = self._client(request, form)
        if client_id is None:
            return _token_error("invalid_client", 401)
        grant = form.get("grant_type")
        if grant == "authorization_code":
            with self.store.lock:
                code = self.oauth["codes"].pop(form.get("code", ""), None)
                self.store.save()
            if code is None or code["client_id"] != client_id or code["expires"] <= self.store.now():
                return _token_error("invalid_grant")
            if form.get("redirect_uri") and form["redirect_uri"] != code["redirect_uri"]:
                return _token_error("invalid_grant")
            if code.get("challenge"):
                verifier = form.get("code_verifier", "")
                digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
                expected = digest if code["method"] == "S256" else verifier
                if not verifier or not hmac.compare_digest(expected, code["challenge"]):
                    return _token_error("invalid_grant")
            return JSONResponse(self.issue(client_id, code["company"], code["user"]))
        if grant == "refresh_token":
            with self.store.lock:
                found = self.oauth["refresh"].pop(form.get("refresh_token", ""), None)
                self.store.save()
            if found is None or found["client_id"] != client_id or found["expires"] <= self.store.now():
                return _token_error("invalid_grant")
            return JSONResponse(self.issue(client_id, found["company"], found["user"]))
        return _token_error("unsupported_grant_type")

    def _client(self, request: Request, form: dict[str, str]) -> str | None:
        """The authenticated client: HTTP Basic, or ``client_id``/``client_secret`` in the form."""
        client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        header = request.headers.get("authorization", "")
        if header.lower().startswith("basic "):
            try:
                client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
            except ValueError:
                return None
        client = self.oauth["clients"].get(client_id)
        if client is None or not hmac.compare_digest(client["secret"], secret):
            return None
        return client_id


def _redirect(uri: str, params: dict[str, str | None]) -> RedirectResponse:
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return RedirectResponse(f"{uri}{'&' if '?' in uri else '?'}{query}", status_code=302)


def _consent_page(params: dict[str, str], companies: list[tuple[str, str, str]]) -> str:
    hidden = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                     for k, v in params.items() if k not in ("decision", "company"))
    buttons = "".join(f'<button name="company" value="{html.escape(c)}">Approve for {html.escape(name)}</button>'
                      for c, name, _ in companies)
    return ("<!doctype html><title>FreeAgent sandbox: approve app</title>"
            "<h1>Allow this app to access your FreeAgent data?</h1>"
            f'<form method="post"><input type="hidden" name="decision" value="allow">{hidden}{buttons}</form>'
            f'<form method="post"><input type="hidden" name="decision" value="deny">{hidden}'
            "<button>Deny</button></form>")
