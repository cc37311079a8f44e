"""Microsoft Entra ID (Azure AD) v2.0 endpoints as Business Central's OAuth2 authorization-code flow uses them.

``GET /{tenant}/oauth2/v2.0/authorize`` consents at once (the sandbox has one signed-in user per tenant) and
redirects with a ``code``; ``POST /{tenant}/oauth2/v2.0/token`` redeems a code (PKCE checked when a challenge was
sent) or a refresh token. ``{tenant}`` is a tenant id or ``common``/``organizations`` (then the sandbox's first
tenant signs in). Access tokens are JWT-shaped (``tid``, ``aud``, ``exp``; HS256 over a per-sandbox secret) and
live an hour; refresh tokens rotate: each works once, and a new one comes with every refresh.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import uuid
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from .errors import json_response
from .state import State

ACCESS_TTL = 3599  # Entra's access tokens: about an hour
REFRESH_TTL = 90 * 86400
CODE_TTL = 600
AUDIENCE = "https://api.businesscentral.dynamics.com"
SCOPE = f"{AUDIENCE}/.default offline_access"
GRANTED_SCOPE = f"{AUDIENCE}/Financials.ReadWrite.All {AUDIENCE}/user_impersonation"
ANY_TENANT = ("common", "organizations")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class OAuthError(Exception):
    """An Entra error: ``{"error", "error_description": "AADSTS…", "error_codes"}``."""

    def __init__(self, error: str, code: int, description: str, status: int = 400) -> None:
        super().__init__(description)
        self.error, self.code, self.description, self.status = error, code, description, status

    def response(self) -> Response:
        return json_response({"error": self.error, "error_description": f"AADSTS{self.code}: {self.description}",
                              "error_codes": [self.code], "trace_id": str(uuid.uuid4()),
                              "correlation_id": str(uuid.uuid4())}, self.status)


class Identity:
    def __init__(self, state: State) -> None:
        self.state = state
        oauth = state.data["oauth"]
        self.secret = oauth.setdefault("secret", secrets.token_hex(32)).encode()

    @property
    def _oauth(self) -> dict[str, Any]:
        return self.state.data["oauth"]  # type: ignore[no-any-return]

    def register_client(self, client_id: str, client_secret: str, redirect_uris: list[str] | None = None) -> None:
        with self.state.writing():
            self._oauth["clients"][client_id] = {"secret": client_secret, "redirect_uris": redirect_uris or []}

    # --- tokens --------------------------------------------------------------------------------------------
    def _jwt(self, claims: dict[str, Any]) -> str:
        head = _b64(json.dumps({"typ": "JWT", "alg": "HS256"}).encode())
        body = _b64(json.dumps(claims).encode())
        sig = _b64(hmac.new(self.secret, f"{head}.{body}".encode(), hashlib.sha256).digest())
        return f"{head}.{body}.{sig}"

    def issue(self, client_id: str, tenant: str) -> dict[str, Any]:
        """The token answer of a finished consent or refresh: a new access token and a new refresh token."""
        now = self.state.now()
        access = self._jwt({"aud": AUDIENCE, "tid": tenant, "appid": client_id, "scp": "Financials.ReadWrite.All",
                            "iat": int(now), "exp": int(now + ACCESS_TTL), "jti": str(uuid.uuid4())})
        refresh = "0.A" + secrets.token_urlsafe(48)
        with self.state.writing():
            self._oauth["access"][access] = {"tenant": tenant, "client_id": client_id, "expires": now + ACCESS_TTL}
            self._oauth["refresh"][refresh] = {"tenant": tenant, "client_id": client_id,
                                               "expires": now + REFRESH_TTL}
        return {"token_type": "Bearer", "scope": GRANTED_SCOPE, "expires_in": ACCESS_TTL,
                "ext_expires_in": ACCESS_TTL, "access_token": access, "refresh_token": refresh}

    def tenant_of(self, bearer: str) -> str | None:
        """The tenant a live access token reaches, or None (unknown or expired)."""
        found = self._oauth["access"].get(bearer)
        if found is None or found["expires"] <= self.state.now():
            return None
        return str(found["tenant"])

    def client_of(self, bearer: str) -> str:
        return str(self._oauth["access"].get(bearer, {}).get("client_id", ""))

    # --- endpoints -----------------------------------------------------------------------------------------
    def _home_tenant(self, tenant: str) -> str | None:
        tenants = self.state.data["companies"]
        if tenant.lower() in ANY_TENANT:
            return next(iter(tenants), None)
        return tenant.lower() if tenant.lower() in tenants else None

    def authorize(self, request: Request, tenant: str) -> Response:
        q = request.query_params
        client = self._oauth["clients"].get(q.get("client_id", ""))
        if client is None:
            return OAuthError("unauthorized_client", 700016,
                              f"Application with identifier '{q.get('client_id')}' was not found.").response()
        redirect = q.get("redirect_uri", "")
        if client["redirect_uris"] and redirect not in client["redirect_uris"]:
            return OAuthError("invalid_request", 50011, "The redirect URI specified in the request does not "
                              "match the redirect URIs configured for the application.").response()
        if q.get("response_type") != "code":
            return OAuthError("unsupported_response_type", 700054, "response_type must be 'code'.").response()
        home = self._home_tenant(tenant)
        if home is None:
            return OAuthError("invalid_tenant", 90002, f"Tenant '{tenant}' not found.").response()
        code = "0.A" + secrets.token_urlsafe(32)
        with self.state.writing():
            self._oauth["codes"][code] = {
                "client_id": q["client_id"], "tenant": home, "redirect_uri": redirect,
                "challenge": q.get("code_challenge"), "method": q.get("code_challenge_method", "plain"),
                "expires": self.state.now() + CODE_TTL}
        params = {"code": code, **({"state": q["state"]} if "state" in q else {})}
        sep = "&" if "?" in redirect else "?"
        return RedirectResponse(f"{redirect}{sep}{urlencode(params)}", status_code=302)

    async def token(self, request: Request, tenant: str) -> Response:
        form = {k: str(v) for k, v in (await request.form()).items()}
        try:
            client_id = self._authenticate(request, form)
            grant = form.get("grant_type")
            if grant == "authorization_code":
                home = self._redeem_code(form, client_id)
            elif grant == "refresh_token":
                home = self._redeem_refresh(form, client_id)
            else:
                raise OAuthError("unsupported_grant_type", 70003, f"The app requested an unsupported grant type "
                                 f"'{grant}'.")
        except OAuthError as exc:
            return exc.response()
        if tenant.lower() not in ANY_TENANT and tenant.lower() != home:
            return OAuthError("invalid_grant", 50020, "The token was issued for another tenant.").response()
        return json_response(self.issue(client_id, home), headers={"Cache-Control": "no-store"})

    def _authenticate(self, request: Request, form: dict[str, str]) -> str:
        client_id, secret = form.get("client_id", ""), form.get("client_secret")
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("basic "):
            client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
        client = self._oauth["clients"].get(client_id)
        if client is None:
            raise OAuthError("unauthorized_client", 700016, f"Application with identifier '{client_id}' was not "
                             "found in the directory.")
        if secret != client["secret"]:
            raise OAuthError("invalid_client", 7000215, "Invalid client secret provided.", 401)
        return client_id

    def _redeem_code(self, form: dict[str, str], client_id: str) -> str:
        with self.state.writing():
            code = self._oauth["codes"].pop(form.get("code", ""), None)
        if code is None or code["expires"] <= self.state.now() or code["client_id"] != client_id:
            raise OAuthError("invalid_grant", 70008, "The provided authorization code or refresh token has "
                             "expired or was already used.")
        if code["redirect_uri"] != form.get("redirect_uri", ""):
            raise OAuthError("invalid_grant", 70002, "The redirect_uri does not match the one of the request.")
        if code["challenge"]:
            verifier = form.get("code_verifier", "")
            made = _b64(hashlib.sha256(verifier.encode()).digest()) if code["method"] == "S256" else verifier
            if not verifier or made != code["challenge"]:
                raise OAuthError("invalid_grant", 501481, "The Code_Verifier does not match the code_challenge "
                                 "supplied in the authorization request.")
        return str(code["tenant"])

    def _redeem_refresh(self, form: dict[str, str], client_id: str) -> str:
        with self.state.writing():
            found = self._oauth["refresh"].pop(form.get("refresh_token", ""), None)  # rotation: used once
        if found is None or found["expires"] <= self.state.now() or found["client_id"] != client_id:
            raise OAuthError("invalid_grant", 70008, "The provided authorization code or refresh token has "
                             "expired or was already used.")
        return str(found["tenant"])
