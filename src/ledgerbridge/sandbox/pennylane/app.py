"""The ASGI app: Pennylane's OAuth endpoints and the API under ``/api/external/v2``.

An API call goes through, in Pennylane's order: the bearer token (401) → the token's rate limit (429, before any
work) → the request body against the contract (400 with the validator's code) → the handler. Every API answer
carries the ``ratelimit-*`` headers. URLs in records (``customer.url``…) are made absolute from the request, so
the app can be served under any prefix.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..faults import FaultInjectionMiddleware
from . import directory, invoices, ledger
from .contract import BASE_PATH, request_problems
from .errors import PennylaneError, bad_request, not_found, render_fault
from .listing import changelog, filtered, page
from .state import CHANGELOGS, Company, Record

if TYPE_CHECKING:
    from .sandbox import PennylaneSandbox


@dataclass
class Call:
    sandbox: PennylaneSandbox
    request: Request
    company: Company
    match: re.Match[str]
    body: Any

    @property
    def params(self) -> dict[str, str]:
        return dict(self.request.query_params)

    def id(self, group: str = "id") -> int:
        try:
            return int(self.match.group(group))
        except ValueError:
            raise not_found() from None

    @property
    def store(self) -> Any:
        return self.sandbox.store

    def render(self, record: Record) -> Record:
        """A stored record as the API shows it: private keys dropped, URLs made absolute."""
        root = str(self.request.base_url).rstrip("/") + self.request.scope.get("root_path", "")
        return _public(record, root.rstrip("/"))

    def invoice(self, record: Record) -> Record:
        shown = self.render(record)
        shown["status"] = invoices.status(record, dt.datetime.fromtimestamp(self.store.now(), dt.UTC).date())
        return shown


def _public(value: Any, root: str) -> Any:
    if isinstance(value, dict):
        return {k: (root + v if k == "url" and isinstance(v, str) and v.startswith("/") else _public(v, root))
                for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_public(v, root) for v in value]
    return value


Handler = Callable[[Call], Any]

# --- field getters for filters -----------------------------------------------------------------------------------


def _ref(name: str) -> Callable[[Record], Any]:
    return lambda row: (row.get(name) or {}).get("id")


INVOICE_FILTERS = {"id": lambda r: r["id"], "date": lambda r: r["date"], "customer_id": _ref("customer"),
                   "invoice_number": lambda r: r["invoice_number"], "draft": lambda r: r["draft"],
                   "credit_note": lambda r: r["credited_invoice"] is not None,
                   "external_reference": lambda r: r["external_reference"]}
SUPPLIER_INVOICE_FILTERS = {"id": lambda r: r["id"], "date": lambda r: r["date"], "supplier_id": _ref("supplier"),
                            "invoice_number": lambda r: r["invoice_number"],
                            "external_reference": lambda r: r["external_reference"]}
CUSTOMER_FILTERS = {"id": lambda r: r["id"], "customer_type": lambda r: r["customer_type"],
                    "ledger_account_id": _ref("ledger_account"), "name": lambda r: r["name"],
                    "external_reference": lambda r: r["external_reference"], "reg_no": lambda r: r.get("reg_no"),
                    "emails": lambda r: ",".join(r["emails"])}
SUPPLIER_FILTERS = {"id": lambda r: r["id"], "ledger_account_id": _ref("ledger_account"), "name": lambda r: r["name"],
                    "external_reference": lambda r: r["external_reference"]}
ACCOUNT_FILTERS = {"id": lambda r: r["id"], "number": lambda r: r["number"], "enabled": lambda r: r["enabled"]}
PRODUCT_FILTERS = {"id": lambda r: r["id"], "label": lambda r: r["label"], "reference": lambda r: r["reference"],
                   "external_reference": lambda r: r["external_reference"]}
CATEGORY_FILTERS = {"id": lambda r: r["id"], "label": lambda r: r["label"],
                    "category_group_id": _ref("category_group"), "analytical_code": lambda r: r["analytical_code"]}
JOURNAL_FILTERS = {"type": lambda r: r["type"]}
ENTRY_FILTERS = {"id": lambda r: r["id"], "date": lambda r: r["date"], "journal_id": lambda r: r["journal"]["id"],
                 "updated_at": lambda r: _instant(r["updated_at"]), "created_at": lambda r: _instant(r["created_at"])}


def _instant(value: str) -> Any:
    from .dates import parse_datetime

    return parse_datetime(value)


def _listing(collection: str, fields: dict[str, Callable[[Record], Any]], sortable: tuple[str, ...] = ("id",),
             invoice: bool = False, numbered: int | None = None) -> Handler:
    """A list; ``numbered`` (the largest page) for the lists still in their 2026 migration (ledger accounts,
    journals): ``page``/``per_page`` answer numbered pages, ``cursor``/``limit`` cursor pages, and the envelope
    carries both sets of fields, those of the other way null."""

    def handler(call: Call) -> Any:
        rows = filtered(list(call.company.table(collection).values()), call.params, fields)
        render = call.invoice if invoice else call.render
        if numbered is not None:
            return _numbered(rows, call.params, render, numbered)
        answer = page(rows, call.params, sortable=sortable, render=render)
        if invoice and "invoice_lines" in (call.params.get("include") or "").split(","):
            answer["included"] = {"invoice_lines": {
                str(item["id"]): _included_lines(call, item["id"]) for item in answer["items"]}}
        return answer
    return handler


def _numbered(rows: list[Record], params: dict[str, str], render: Callable[[Record], Record],
              maximum: int) -> dict[str, Any]:
    empty = {"total_pages": None, "current_page": None, "total_items": None, "per_page": None}
    if "page" not in params and "per_page" not in params:
        return {**empty, **page(rows, params, render=render, maximum=maximum)}
    try:
        number, size = int(params.get("page") or 1), int(params.get("per_page") or 20)
    except ValueError:
        raise bad_request("page and per_page must be integers", field="page") from None
    if not 1 <= size <= maximum or number < 1:
        raise bad_request(f"per_page must be between 1 and {maximum}", field="per_page", code="MoreThanMaximum")
    ordered = sorted(rows, key=lambda row: int(row["id"]))
    total_pages = max(1, -(-len(ordered) // size))
    chunk = ordered[(number - 1) * size : number * size]
    return {"total_pages": total_pages, "current_page": number, "total_items": len(ordered), "per_page": size,
            "items": [render(row) for row in chunk], "has_more": None, "next_cursor": None}


def _included_lines(call: Call, invoice_id: int) -> dict[str, Any]:
    """An invoice's first 20 lines, as ``include=invoice_lines`` adds them, with the URL of the rest."""
    lines = _lines_page(call, invoice_id, {"limit": "20", "sort": "id"})
    next_url = None
    if lines["has_more"]:
        root = str(call.request.base_url).rstrip("/") + call.request.scope.get("root_path", "")
        next_url = (f"{root.rstrip('/')}{BASE_PATH}/customer_invoices/{invoice_id}/invoice_lines"
                    f"?sort=id&cursor={lines['next_cursor']}")
    return {"items": lines["items"], "has_more": lines["has_more"], "next_url": next_url}


def _one(collection: str, invoice: bool = False) -> Handler:
    def handler(call: Call) -> Any:
        found = call.company.table(collection).get(call.id())
        if found is None:
            raise not_found()
        return call.invoice(found) if invoice else call.render(found)
    return handler


def _lines_page(call: Call, invoice_id: int, params: dict[str, str]) -> dict[str, Any]:
    lines = call.company.lines.get(invoice_id, [])
    return page(lines, params, render=call.render)


def _lines(collection: str, group: str) -> Handler:
    def handler(call: Call) -> Any:
        invoice_id = call.id(group)
        if invoice_id not in call.company.table(collection):
            raise not_found()
        return _lines_page(call, invoice_id, call.params)
    return handler


def _me(call: Call) -> Any:
    company = call.company
    return {"user": {"id": 1, "first_name": "Camille", "last_name": "Martin", "email": "camille@example.fr",
                     "locale": "fr"},
            "company": {"id": company.id, "name": company.name, "reg_no": company.reg_no},
            "scopes": ["customer_invoices:all", "supplier_invoices:all", "customers:all", "suppliers:all",
                       "products:all", "ledger"]}


def _changes(call: Call) -> Any:
    collection = call.match.group("collection")
    if collection not in CHANGELOGS:
        raise not_found()
    return changelog(call.company.changes.get(collection, []), call.params)


def _created(record: Record) -> tuple[int, Record]:
    return 201, record


ROUTES: list[tuple[str, str, Handler]] = [
    ("GET", r"/me", _me),
    ("GET", r"/customer_invoices", _listing("customer_invoices", INVOICE_FILTERS, ("id", "date"), invoice=True)),
    ("POST", r"/customer_invoices", lambda c: _created(c.invoice(
        invoices.create_customer_invoice(c.store, c.company, c.body)))),
    ("GET", r"/customer_invoices/(?P<id>[^/]+)", _one("customer_invoices", invoice=True)),
    ("PUT", r"/customer_invoices/(?P<id>[^/]+)", lambda c: c.invoice(
        invoices.update_customer_invoice(c.store, c.company, c.id(), c.body))),
    ("DELETE", r"/customer_invoices/(?P<id>[^/]+)", lambda c: invoices.delete(c.store, c.company, c.id())),
    ("PUT", r"/customer_invoices/(?P<id>[^/]+)/finalize", lambda c: c.invoice(
        invoices.finalize(c.store, c.company, c.id()))),
    ("PUT", r"/customer_invoices/(?P<id>[^/]+)/mark_as_paid", lambda c: invoices.mark_as_paid(
        c.store, c.company, c.id())),
    ("GET", r"/customer_invoices/(?P<id>[^/]+)/invoice_lines", _lines("customer_invoices", "id")),
    ("GET", r"/supplier_invoices", _listing("supplier_invoices", SUPPLIER_INVOICE_FILTERS, ("id", "date"))),
    ("GET", r"/supplier_invoices/(?P<id>[^/]+)", _one("supplier_invoices")),
    ("PUT", r"/supplier_invoices/(?P<id>[^/]+)", lambda c: c.render(
        invoices.update_supplier_invoice(c.store, c.company, c.id(), c.body))),
    ("GET", r"/supplier_invoices/(?P<id>[^/]+)/invoice_lines", _lines("supplier_invoices", "id")),
    ("GET", r"/customers", _listing("customers", CUSTOMER_FILTERS)),
    ("GET", r"/customers/(?P<id>[^/]+)", _one("customers")),
    ("POST", r"/company_customers", lambda c: _created(_typed(c.render(
        directory.save_customer(c.store, c.company, "company", c.body))))),
    ("GET", r"/company_customers/(?P<id>[^/]+)", lambda c: _kind(c, "company")),
    ("PUT", r"/company_customers/(?P<id>[^/]+)", lambda c: _typed(c.render(
        directory.save_customer(c.store, c.company, "company", c.body, c.id())))),
    ("POST", r"/individual_customers", lambda c: _created(_typed(c.render(
        directory.save_customer(c.store, c.company, "individual", c.body))))),
    ("GET", r"/individual_customers/(?P<id>[^/]+)", lambda c: _kind(c, "individual")),
    ("PUT", r"/individual_customers/(?P<id>[^/]+)", lambda c: _typed(c.render(
        directory.save_customer(c.store, c.company, "individual", c.body, c.id())))),
    ("GET", r"/suppliers", _listing("suppliers", SUPPLIER_FILTERS)),
    ("POST", r"/suppliers", lambda c: _created(c.render(directory.save_supplier(c.store, c.company, c.body)))),
    ("GET", r"/suppliers/(?P<id>[^/]+)", _one("suppliers")),
    ("PUT", r"/suppliers/(?P<id>[^/]+)", lambda c: c.render(
        directory.save_supplier(c.store, c.company, c.body, c.id()))),
    ("GET", r"/ledger_accounts", _listing("ledger_accounts", ACCOUNT_FILTERS, numbered=1000)),
    ("POST", r"/ledger_accounts", lambda c: _created(c.render(
        directory.create_ledger_account(c.store, c.company, c.body)))),
    ("GET", r"/ledger_accounts/(?P<id>[^/]+)", _one("ledger_accounts")),
    ("PUT", r"/ledger_accounts/(?P<id>[^/]+)", lambda c: c.render(
        directory.update_ledger_account(c.store, c.company, c.id(), c.body))),
    ("GET", r"/products", _listing("products", PRODUCT_FILTERS)),
    ("POST", r"/products", lambda c: _created(c.render(directory.save_product(c.store, c.company, c.body)))),
    ("GET", r"/products/(?P<id>[^/]+)", _one("products")),
    ("PUT", r"/products/(?P<id>[^/]+)", lambda c: c.render(
        directory.save_product(c.store, c.company, c.body, c.id()))),
    ("GET", r"/categories", _listing("categories", CATEGORY_FILTERS)),
    ("GET", r"/categories/(?P<id>[^/]+)", _one("categories")),
    ("GET", r"/journals", _listing("journals", JOURNAL_FILTERS, numbered=100)),
    ("GET", r"/journals/(?P<id>[^/]+)", _one("journals")),
    ("GET", r"/changelogs/(?P<collection>[a-z_]+)", _changes),
]
COMPILED = [(method, re.compile(f"^{pattern}/?$"), handler) for method, pattern, handler in ROUTES]


def _kind(call: Call, kind: str) -> Any:
    found = call.company.table("customers").get(call.id())
    if found is None or found["customer_type"] != kind:
        raise not_found()
    return _typed(call.render(found))


def _typed(customer: Record) -> Record:
    """A customer as ``/company_customers`` and ``/individual_customers`` show it: the path says its type."""
    return {k: v for k, v in customer.items() if k != "customer_type"}


def create_app(sandbox: PennylaneSandbox) -> Starlette:
    async def api(request: Request) -> Response:
        rate: dict[str, str] = {}
        try:
            token, company_id = sandbox.identity.company_of(request)
            decision = sandbox.limiter.acquire(token)
            rate = decision.headers
            if not decision.allowed:
                raise PennylaneError(429, {"error": "Too many requests", "status": 429}, decision.headers)
            response = await _dispatch(sandbox, request, sandbox.store.company(company_id))
        except PennylaneError as failure:
            response = failure.response()
        response.headers.update(rate)
        return response

    async def authorize(request: Request) -> Response:
        companies = [(c.id, c.name) for c in sandbox.store.companies.values()]
        return await sandbox.identity.authorize(request, companies)

    routes = [
        Route("/oauth/authorize", authorize, methods=["GET", "POST"]),
        Route("/oauth/oauth/token", sandbox.identity.token, methods=["POST"]),
        Route("/oauth/revoke", sandbox.identity.revoke, methods=["POST"]),
        Route(BASE_PATH + "/{rest:path}", api, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
    ]
    middleware = [Middleware(FaultInjectionMiddleware, plan=sandbox.faults, render_error=render_fault)]
    return Starlette(routes=routes, middleware=middleware)


async def _dispatch(sandbox: PennylaneSandbox, request: Request, company: Company) -> Response:
    path = "/" + request.path_params["rest"].strip("/")
    method = request.method.upper()
    matched = [(m, pattern.match(path), handler) for m, pattern, handler in COMPILED]
    hits = [(m, match, handler) for m, match, handler in matched if match is not None]
    if not hits:
        raise not_found()
    chosen = next(((match, handler) for m, match, handler in hits if m == method), None)
    if chosen is None:
        raise not_found()
    body: Any = None
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        body = await _upload(request)
    elif method in ("POST", "PUT"):
        raw = await request.body()
        try:
            body = json.loads(raw) if raw.strip() else {}
        except ValueError:
            raise bad_request("The request body is not valid JSON") from None
        problems = request_problems(method, request.url.path, body)
        if problems:
            message, code, field = problems[0]
            raise bad_request(message, field=field, code=code)
    with sandbox.store.lock:
        result = chosen[1](Call(sandbox, request, company, chosen[0], body))
    if result is None:
        return Response(status_code=204)
    status, payload = result if isinstance(result, tuple) else (200, result)
    return JSONResponse(payload, status_code=status)


UPLOADABLE = ("image/png", "image/jpeg", "image/tiff", "image/bmp", "image/gif", "application/pdf")


async def _upload(request: Request) -> dict[str, Any]:
    """A multipart upload (``file``, ``filename``) read whole, before the handler runs under the lock."""
    form = await request.form()
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise bad_request("file is required", field="file", code="NotExistRequiredKey")
    content_type = (upload.content_type or "").split(";")[0]
    if content_type not in UPLOADABLE:
        raise bad_request(f"{content_type} files are not accepted", field="file", code="NotEnumInclude")
    name = form.get("filename")
    return {"filename": str(name) if isinstance(name, str) and name else upload.filename or "document",
            "content_type": content_type, "content": await upload.read()}


def _attach(call: Call) -> tuple[int, Record]:
    record = {"id": call.store.new_id(), "url": "", "filename": call.body["filename"],
              "_size": len(call.body["content"]), "_content_type": call.body["content_type"]}
    record["url"] = f"https://app.pennylane.com/files/{record['id']}/{call.body['filename']}"
    call.company.table("file_attachments")[record["id"]] = record
    call.store.insert(call.company, "file_attachments", record)
    return 201, call.render(record)


ROUTES += [
    ("POST", r"/file_attachments", _attach),
    ("POST", r"/supplier_invoices/import", lambda c: _created(c.render(
        invoices.import_supplier_invoice(c.store, c.company, c.body)))),
    ("GET", r"/ledger_entries/(?P<id>[^/]+)", _one("ledger_entries")),
    ("GET", r"/ledger_entries", lambda c: _numbered(
        filtered(list(c.company.table("ledger_entries").values()), c.params, ENTRY_FILTERS), c.params,
        lambda entry: c.render(ledger.listed(entry)), 100)),
    ("POST", r"/ledger_entries", lambda c: _created(c.render(ledger.created(
        ledger.create_entry(c.store, c.company, c.body))))),
]
COMPILED[:0] = [(method, re.compile(f"^{pattern}/?$"), handler) for method, pattern, handler in ROUTES[-5:]]
