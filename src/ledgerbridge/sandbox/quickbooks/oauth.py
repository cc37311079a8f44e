"""Intuit-style OAuth 2.0: discovery document, consent page, token and revoke endpoints.

intuit-oauth's AuthClient fetches the discovery document when given a custom ``environment`` URL, so
every endpoint URL is built from the request's base URL (the app may be mounted under a prefix).
"""

from __future__ import annotations

import base64
import html
import secrets
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

if TYPE_CHECKING:
    from .sandbox import QuickBooksSandbox

CODE_TTL = 600


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


async def discovery(request: Request) -> Response:
    base = _base(request)
    return JSONResponse({
        "issuer": f"{base}/op/v1",
        "authorization_endpoint": f"{base}/connect/oauth2",
        "token_endpoint": f"{base}/oauth2/v1/tokens/bearer",
        "userinfo_endpoint": f"{base}/v1/openid_connect/userinfo",
        "revocation_endpoint": f"{base}/oauth2/v1/tokens/revoke",
        "jwks_uri": f"{base}/op/v1/jwks",
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "email", "profile", "address", "phone", "com.intuit.quickbooks.accounting"],
        "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
        "claims_supported": ["aud", "exp", "iat", "iss", "realmid", "sub"],
    })


async def jwks(request: Request) -> Response:
    return JSONResponse({"keys": []})


async def userinfo(request: Request) -> Response:
    return JSONResponse({"sub": "sandbox-user", "email": "sandbox@example.com", "emailVerified": True,
                         "givenName": "Sandbox", "familyName": "User"})


def _error_page(message: str, status: int = 400) -> HTMLResponse:
    return HTMLResponse(f"<!doctype html><title>Authorization error</title><h1>Authorization error</h1>"
                        f"<p>{html.escape(message)}</p>", status_code=status)


async def consent(request: Request) -> Response:
    sb: QuickBooksSandbox = request.app.state.sandbox
    params = dict(request.query_params) if request.method == "GET" else dict(await request.form())
    client_id, redirect_uri = str(params.get("client_id", "")), str(params.get("redirect_uri", ""))
    state, scope = str(params.get("state", "")), str(params.get("scope", ""))
    client = sb.store.client(client_id)
    if client is None:
        return _error_page("Unknown client_id.")
    if redirect_uri not in client["redirect_uris"]:
        return _error_page("The redirect_uri is not registered for this app.")  # never redirect to it
    if request.method == "GET":
        if params.get("response_type", "code") != "code":
            return _error_page("response_type must be 'code'.")
        realms = sb.store.realms() or [sb.create_realm()]
        options = "".join(
            f'<option value="{html.escape(r)}">'
            f'{html.escape((sb.entity(r, "CompanyInfo", "1") or {}).get("CompanyName", r))} ({html.escape(r)})</option>'
            for r in realms)
        hidden = "".join(f'<input type="hidden" name="{k}" value="{html.escape(v)}">'
                         for k, v in (("client_id", client_id), ("redirect_uri", redirect_uri),
                                      ("state", state), ("scope", scope)))
        return HTMLResponse(
            "<!doctype html><title>Connect to QuickBooks (sandbox)</title><h1>Connect to QuickBooks</h1>"
            f"<p>App <b>{html.escape(client_id)}</b> requests access: {html.escape(scope)}</p>"
            f'<form method="post">{hidden}<label>Company <select name="realm_id">{options}</select></label> '
            '<button name="action" value="authorize">Authorize</button> '
            '<button name="action" value="deny">Deny</button></form>')
    if params.get("action") != "authorize":
        return RedirectResponse(f"{redirect_uri}?{urlencode({'error': 'access_denied', 'state': state})}", 302)
    realm = str(params.get("realm_id") or "")
    if sb.store.realm_info(realm) is None:
        return _error_page("Unknown company.")
    code = "AB1" + secrets.token_urlsafe(24)
    sb.store.put_token(code, "code", {"client_id": client_id, "realm": realm, "redirect_uri": redirect_uri,
                                      "expires": sb.clock() + CODE_TTL})
    return RedirectResponse(f"{redirect_uri}?{urlencode({'code': code, 'state': state, 'realmId': realm})}", 302)


def _client_auth(request: Request, form: dict[str, str]) -> tuple[str, str]:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("basic "):
        try:
            client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
            return client_id, secret
        except Exception:
            return "", ""
    return form.get("client_id", ""), form.get("client_secret", "")


def _oauth_error(error: str, status: int) -> JSONResponse:
    return JSONResponse({"error": error}, status_code=status)


async def token(request: Request) -> Response:
    sb: QuickBooksSandbox = request.app.state.sandbox
    form = {k: str(v) for k, v in (await request.form()).items()}
    client_id, secret = _client_auth(request, form)
    client = sb.store.client(client_id)
    if client is None or client["secret"] != secret:
        return _oauth_error("invalid_client", 401)
    grant = form.get("grant_type")
    if grant == "authorization_code":
        found = sb.store.token(form.get("code", ""))
        # codes are single-use: dropped on first presentation, even if the rest of the request is wrong
        if found is None or found[0] != "code" or not sb.store.drop_token(form.get("code", "")):
            return _oauth_error("invalid_grant", 400)
        data = found[1]
        if (data["client_id"] != client_id or data["redirect_uri"] != form.get("redirect_uri")
                or data["expires"] < sb.clock()):
            return _oauth_error("invalid_grant", 400)
        return JSONResponse(sb.issue_tokens(client_id, data["realm"]))
    if grant == "refresh_token":
        old = form.get("refresh_token", "")
        found = sb.store.token(old)
        if (found is None or found[0] != "refresh" or found[1]["client_id"] != client_id
                or found[1]["expires"] < sb.clock()):
            return _oauth_error("invalid_grant", 400)
        sb.store.drop_token(old)  # rotation: the old refresh token stops working
        return JSONResponse(sb.issue_tokens(client_id, found[1]["realm"]))
    return _oauth_error("unsupported_grant_type", 400)


async def revoke(request: Request) -> Response:
    sb: QuickBooksSandbox = request.app.state.sandbox
    body = await request.body()
    try:
        import json
        value = json.loads(body or b"{}").get("token", "")
    except ValueError:
        return _oauth_error("invalid_request", 400)
    found = sb.store.token(value)
    if found is not None:
        sb.store.drop_token(value)
        if found[0] == "refresh" and found[1].get("access"):
            sb.store.drop_token(found[1]["access"])
    return Response(status_code=200)
