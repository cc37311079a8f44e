"""Xero identity: OAuth 2.0 authorisation-code (+PKCE) and refresh grants, consent page, revocation,
connections (tenants granted to an app).

Access tokens are JWT-shaped (HS256 over a per-sandbox secret) like Xero's, but the sandbox also keeps them in
SQLite so revocation and expiry are checked by lookup. Refresh tokens rotate: each one works exactly once.
A tenant is reachable with a token when the token's client has a connection to it; DELETE /connections/{id}
therefore cuts access immediately, as it does at Xero.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import secrets
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from .errors import XeroError, json_response, unauthorized
from .state import NAMESPACE, Store, dumps, loads

ACCESS_TTL = 1800
REFRESH_TTL = 60 * 86400
CODE_TTL = 300
DEFAULT_SCOPE = ("openid profile email offline_access accounting.transactions accounting.contacts "
                 "accounting.settings accounting.journals.read accounting.reports.read accounting.attachments")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _iso(ts: float) -> str:
    # Xero prints 7 fractional digits and no zone: "2020-03-18T21:20:07.7179250"
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f") + "0"


def token_error(error: str, status: int = 400) -> XeroError:
    return XeroError(status, {"error": error})


class Identity:
    def __init__(self, store: Store) -> None:
        self.store = store
        secret = store.meta("jwt_secret")
        if secret is None:
            secret = secrets.token_hex(32)
            store.set_meta("jwt_secret", secret)
        self.secret = secret.encode()

    # -- clients --------------------------------------------------------------------------------
    def register_client(self, client_id: str, client_secret: str, redirect_uris: list[str] | None = None) -> None:
        with self.store.lock:
            self.store.db.execute("INSERT OR REPLACE INTO clients VALUES (?,?,?)",
                                  (client_id, client_secret, json.dumps(redirect_uris or [])))

    def client(self, client_id: str | None) -> dict[str, Any] | None:
        if not client_id:
            return None
        with self.store.lock:
            row = self.store.db.execute("SELECT secret, redirect_uris FROM clients WHERE client_id=?",
                                        (client_id,)).fetchone()
        return {"client_id": client_id, "secret": row[0], "redirect_uris": json.loads(row[1])} if row else None

    def authenticate_client(self, request: Request, form: dict[str, str], *, secret_optional: bool = False) -> str:
        client_id, secret = form.get("client_id"), form.get("client_secret")
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("basic "):
            try:
                client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            except ValueError as exc:
                raise token_error("invalid_client") from exc
        client = self.client(client_id)
        if client is None:
            raise token_error("invalid_client")
        if secret is None and secret_optional:
            return str(client_id)
        if not hmac.compare_digest(str(secret or ""), client["secret"]):
            raise token_error("invalid_client")
        return str(client_id)

    # -- tokens ---------------------------------------------------------------------------------
    def _save(self, token: str, kind: str, client_id: str, data: dict[str, Any], ttl: float) -> None:
        with self.store.lock:
            self.store.db.execute("INSERT OR REPLACE INTO tokens VALUES (?,?,?,?,?)",
                                  (token, kind, client_id, dumps(data), self.store.now() + ttl))

    def _take(self, token: str, kind: str) -> tuple[str, dict[str, Any]] | None:
        """Single-use lookup (codes, refresh tokens): the row is consumed whether or not it is still valid."""
        with self.store.lock:
            row = self.store.db.execute("SELECT client_id, data, expires FROM tokens WHERE token=? AND kind=?",
                                        (token, kind)).fetchone()
            if row is None:
                return None
            self.store.db.execute("DELETE FROM tokens WHERE token=?", (token,))
        if row[2] < self.store.now():
            return None
        return row[0], loads(row[1])

    def _jwt(self, claims: dict[str, Any]) -> str:
        head = _b64(json.dumps({"alg": "HS256", "kid": "sandbox", "typ": "JWT"}).encode())
        body = _b64(json.dumps(claims, separators=(",", ":")).encode())
        sig = _b64(hmac.new(self.secret, f"{head}.{body}".encode(), hashlib.sha256).digest())
        return f"{head}.{body}.{sig}"

    def issue(self, client_id: str, tenant_ids: list[str] | None, scope: str = DEFAULT_SCOPE, *,
              auth_event_id: str | None = None, refresh: bool = True) -> dict[str, Any]:
        """Mint an access/refresh pair; ``tenant_ids`` (when given) become connections of the client."""
        auth_event_id = auth_event_id or str(uuid.uuid4())
        if tenant_ids is not None:
            for tenant in tenant_ids:
                self.connect(client_id, tenant, auth_event_id)
        now = int(self.store.now())
        claims = {"nbf": now, "exp": now + ACCESS_TTL, "iss": "https://identity.xero.com",
                  "aud": "https://identity.xero.com/resources", "client_id": client_id,
                  "sub": str(uuid.uuid5(NAMESPACE, "sandbox-user")), "auth_time": now,
                  "xero_userid": str(uuid.uuid5(NAMESPACE, "sandbox-user")),
                  "global_session_id": secrets.token_hex(16), "jti": secrets.token_hex(16),
                  "authentication_event_id": auth_event_id, "scope": scope.split()}
        access = self._jwt(claims)
        grant = {"auth_event_id": auth_event_id, "scope": scope}
        self._save(access, "access", client_id, grant, ACCESS_TTL)
        out: dict[str, Any] = {"id_token": None, "access_token": access, "expires_in": ACCESS_TTL,
                               "token_type": "Bearer", "scope": scope}
        if refresh:
            out["refresh_token"] = secrets.token_hex(32)
            self._save(out["refresh_token"], "refresh", client_id, grant, REFRESH_TTL)
        out.pop("id_token")
        return out

    def bearer(self, request: Request) -> tuple[str, dict[str, Any]]:
        """The (client_id, grant) behind the request's bearer token, or a Xero-shaped 401."""
        auth = request.headers.get("authorization", "")
        if not auth.lower().startswith("bearer "):
            raise unauthorized()
        token = auth[7:].strip()
        with self.store.lock:
            row = self.store.db.execute("SELECT client_id, data, expires FROM tokens WHERE token=? AND kind='access'",
                                        (token,)).fetchone()
        if row is None:
            raise unauthorized()
        if row[2] < self.store.now():
            when = datetime.fromtimestamp(row[2], UTC).strftime("%m/%d/%Y %H:%M:%S")
            raise unauthorized(f"TokenExpired: token expired at {when}")
        return row[0], loads(row[1])

    # -- connections ----------------------------------------------------------------------------
    def connect(self, client_id: str, tenant_id: str, auth_event_id: str) -> None:
        conn_id = str(uuid.uuid5(NAMESPACE, f"connection/{client_id}/{tenant_id}"))
        now = _iso(self.store.now())
        with self.store.lock:
            self.store.db.execute(
                "INSERT INTO connections VALUES (?,?,?,?,?,?) ON CONFLICT(client_id, tenant_id) DO UPDATE SET "
                "auth_event_id=excluded.auth_event_id, updated=excluded.updated",
                (conn_id, client_id, tenant_id, auth_event_id, now, now))

    def connections(self, client_id: str) -> list[dict[str, Any]]:
        with self.store.lock:
            rows = self.store.db.execute(
                "SELECT c.id, c.auth_event_id, c.tenant_id, t.name, c.created, c.updated FROM connections c "
                "JOIN tenants t ON t.id = c.tenant_id WHERE c.client_id=? ORDER BY c.created, c.id",
                (client_id,)).fetchall()
        return [{"id": r[0], "authEventId": r[1], "tenantId": r[2], "tenantType": "ORGANISATION", "tenantName": r[3],
                 "createdDateUtc": r[4], "updatedDateUtc": r[5]} for r in rows]

    def has_tenant(self, client_id: str, tenant_id: str) -> bool:
        with self.store.lock:
            return self.store.db.execute("SELECT 1 FROM connections WHERE client_id=? AND tenant_id=?",
                                         (client_id, tenant_id.lower())).fetchone() is not None

    def disconnect(self, client_id: str, connection_id: str) -> bool:
        with self.store.lock:
            cur = self.store.db.execute("DELETE FROM connections WHERE client_id=? AND id=?",
                                        (client_id, connection_id.lower()))
        return cur.rowcount > 0

    # -- HTTP: consent ----------------------------------------------------------------------------
    def _authorize_params(self, params: dict[str, str]) -> dict[str, Any]:
        client = self.client(params.get("client_id"))
        if client is None:
            raise XeroError(400, _page("Error", "unauthorized_client: Unknown client or client not enabled"), text=True)
        uri = params.get("redirect_uri", "")
        if uri not in client["redirect_uris"]:
            raise XeroError(400, _page("Error", "Invalid redirect_uri"), text=True)
        return client

    async def authorize(self, request: Request, tenants: list[tuple[str, str]]) -> Response:
        if request.method == "GET":
            params = dict(request.query_params)
        else:
            params = dict(parse_qsl((await request.body()).decode()))
        try:
            self._authorize_params(params)
        except XeroError as err:
            return HTMLResponse(str(err.body), status_code=400)
        state = params.get("state")
        if request.method == "GET":
            if params.get("response_type", "code") != "code":
                return _redirect(params["redirect_uri"], {"error": "unsupported_response_type", "state": state})
            return HTMLResponse(_consent_page(params, tenants))
        if params.get("decision") != "allow":
            return _redirect(params["redirect_uri"], {"error": "access_denied", "state": state})
        chosen = [t for t in params.get("tenants", "").split(",") if t] or [t[0] for t in tenants]
        form_tenants = [v for k, v in parse_qsl((await request.body()).decode()) if k == "tenant"]
        if form_tenants:
            chosen = form_tenants
        code = secrets.token_urlsafe(24)
        self._save(code, "code", params["client_id"], {
            "redirect_uri": params["redirect_uri"], "scope": params.get("scope") or DEFAULT_SCOPE,
            "tenants": chosen, "challenge": params.get("code_challenge"),
            "method": params.get("code_challenge_method", "plain")}, CODE_TTL)
        return _redirect(params["redirect_uri"], {"code": code, "scope": params.get("scope"), "state": state})

    # -- HTTP: token / revocation -----------------------------------------------------------------
    async def token(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        grant = form.get("grant_type")
        if grant == "authorization_code":
            peek = self._peek(form.get("code", ""), "code")
            client_id = self.authenticate_client(request, form,
                                                 secret_optional=peek is None or bool(peek.get("challenge")))
            found = self._take(form.get("code", ""), "code")
            if found is None or found[0] != client_id:
                raise token_error("invalid_grant")
            data = found[1]
            if form.get("redirect_uri") and form["redirect_uri"] != data["redirect_uri"]:
                raise token_error("invalid_grant")
            if data.get("challenge"):
                verifier = form.get("code_verifier", "")
                expected = _b64(hashlib.sha256(verifier.encode()).digest()) if data["method"] == "S256" else verifier
                if not verifier or not hmac.compare_digest(expected, data["challenge"]):
                    raise token_error("invalid_grant")
            return json_response(self.issue(client_id, data["tenants"], data["scope"]))
        if grant == "refresh_token":
            peek = self._peek(form.get("refresh_token", ""), "refresh")
            client_id = self.authenticate_client(request, form, secret_optional=False)
            if peek is None:
                raise token_error("invalid_grant")
            found = self._take(form.get("refresh_token", ""), "refresh")
            if found is None or found[0] != client_id:
                raise token_error("invalid_grant")
            return json_response(self.issue(client_id, None, found[1]["scope"],
                                            auth_event_id=found[1]["auth_event_id"]))
        if grant == "client_credentials":
            client_id = self.authenticate_client(request, form)
            return json_response(self.issue(client_id, None, form.get("scope") or DEFAULT_SCOPE, refresh=False))
        raise token_error("unsupported_grant_type")

    def _peek(self, token: str, kind: str) -> dict[str, Any] | None:
        with self.store.lock:
            row = self.store.db.execute("SELECT data FROM tokens WHERE token=? AND kind=?", (token, kind)).fetchone()
        return loads(row[0]) if row else None

    async def revoke(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        client_id = self.authenticate_client(request, form)
        found = self._peek(form.get("token", ""), "refresh")
        if found is not None:
            event = found["auth_event_id"]
            with self.store.lock:
                self.store.db.execute("DELETE FROM tokens WHERE client_id=? AND data LIKE ?",
                                      (client_id, f'%"{event}"%'))
                self.store.db.execute("DELETE FROM connections WHERE client_id=? AND auth_event_id=?",
                                      (client_id, event))
        return Response(status_code=200)


def _redirect(uri: str, params: dict[str, Any]) -> RedirectResponse:
    parts = urlsplit(uri)
    query = parse_qsl(parts.query) + [(k, str(v)) for k, v in params.items() if v is not None]
    return RedirectResponse(urlunsplit(parts._replace(query=urlencode(query))), status_code=302)


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Xero sandbox – {html.escape(title)}</title>"
            f"</head><body style='font-family:sans-serif;max-width:40em;margin:3em auto'>"
            f"<h1>{html.escape(title)}</h1><p>{html.escape(body)}</p></body></html>")


def _consent_page(params: dict[str, str], tenants: list[tuple[str, str]]) -> str:
    hidden = "".join(f"<input type='hidden' name='{html.escape(k)}' value='{html.escape(v)}'>"
                     for k, v in params.items() if k != "decision")
    rows = "".join(f"<li><label><input type='checkbox' name='tenant' value='{html.escape(t)}' checked> "
                   f"{html.escape(name)}</label></li>" for t, name in tenants) or "<li>No organisations</li>"
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Xero sandbox – Allow access</title></head>"
            f"<body style='font-family:sans-serif;max-width:40em;margin:3em auto'>"
            f"<h1>{html.escape(params.get('client_id', ''))} wants to access your Xero data</h1>"
            f"<p>Scopes: {html.escape(params.get('scope', ''))}</p>"
            f"<form method='post'>{hidden}<ul>{rows}</ul>"
            f"<button type='submit' name='decision' value='allow'>Allow access</button> "
            f"<button type='submit' name='decision' value='deny'>Deny</button></form></body></html>")
