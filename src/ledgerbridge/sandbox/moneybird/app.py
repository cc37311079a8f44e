"""The ASGI app: Moneybird's OAuth endpoints and the API under ``/api/v2``.

URL layout: ``/api/v2/administrations.json`` and ``/api/v2/{administration_id}/{resource}[/{id}[/{action}]].json``
(the ``.json`` format suffix may be left out, as the spec's ``format`` parameter allows). Each API call goes
through, in order: bearer token (401) → rate limit per token (429, before any work) → administration (404) →
token scope (403) → handler. Lists are plain JSON arrays paged with ``page`` and ``per_page`` (1–100; the spec
gives no default, Moneybird's documentation says 50 — the sandbox uses 50).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from simplejson import JSONDecodeError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..faults import FaultInjectionMiddleware
from . import filters, invoices, records
from .errors import MoneybirdError, bad_request, json_response, not_found, symbolic
from .invoices import SALES_STATES, visible_state
from .state import loads

if TYPE_CHECKING:
    from .sandbox import MoneybirdSandbox

PREFIX = "/api/v2"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
PURCHASE_STATES = ("new", "open", "late", "paid", "saved", "pending_payment")
# Which scope a resource needs (Moneybird's scopes; contacts answer to any of them).
SCOPES = {"sales_invoices": {"sales_invoices"}, "documents": {"documents"}, "ledger_accounts": {"settings"},
          "tax_rates": {"settings", "sales_invoices", "documents"}, "products": {"settings", "sales_invoices"},
          "projects": {"settings", "sales_invoices", "documents"},
          "payments": {"sales_invoices", "documents"}}


class Call:
    """One API call: the sandbox, the request, its administration and token."""

    def __init__(self, sb: MoneybirdSandbox, request: Request, admin: str, token: str) -> None:
        self.sb, self.request, self.admin, self.token = sb, request, admin, token
        self.store = sb.store
        self.base_url = str(request.base_url).rstrip("/") + PREFIX

    async def body(self) -> dict[str, Any]:
        raw = await self.request.body()
        try:
            body = loads(raw) if raw.strip() else {}
        except (JSONDecodeError, ValueError) as exc:
            raise bad_request("Body is not valid JSON", "body", "invalid") from exc
        if not isinstance(body, dict):
            raise bad_request("Body must be a JSON object", "body", "invalid")
        return body

    async def attrs(self, wrapper: str, *, required: bool = True, missing_status: int = 400) -> dict[str, Any]:
        """The record's attributes under its wrapper key. Without it: 400 (``"Contact is required"``, as the
        spec's example words it), or 422 where the operation declares no 400 (creating sales invoices, products)."""
        body = await self.body()
        inner = body.get(wrapper)
        if not isinstance(inner, dict):
            if required:
                raise symbolic(missing_status, f"{wrapper.replace('_', ' ').capitalize()} is required", wrapper,
                               "required")
            return {}
        return inner

    def page(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        params = self.request.query_params
        try:
            per_page = int(params.get("per_page", DEFAULT_PER_PAGE))
            page = int(params.get("page", 1))
        except ValueError as exc:
            raise bad_request("Page and per_page must be numbers", "per_page", "invalid") from exc
        if not 1 <= per_page <= MAX_PER_PAGE:
            raise bad_request(f"Per page must be between 1 and {MAX_PER_PAGE}", "per_page", "invalid")
        page = max(page, 1)
        return rows[(page - 1) * per_page: page * per_page]

    def get(self, coll: str, record_id: str) -> dict[str, Any]:
        found = self.store.get(self.admin, coll, record_id)
        if found is None:
            raise not_found()
        return found

    def render(self, record: dict[str, Any]) -> dict[str, Any]:
        """The wire form: internal keys (``_…``) left out, ``late`` derived."""
        out = {k: v for k, v in record.items() if not k.startswith("_")}
        if "state" in out and ("invoice_id" in out or "entry_number" in out):  # sales or purchase invoices
            out["state"] = visible_state(out, self.store.today())
        return out


Handler = Callable[[Call, list[str]], Awaitable[Response]]


def ok(body: Any, status: int = 200) -> Response:
    return json_response(body, status)


# ----------------------------------------------------------------------------------------------- handlers
def _documents_list(call: Call, coll: str, date_field: str, states: tuple[str, ...], filter_text: str | None,
                    default: str = "period:this_year") -> list[dict[str, Any]]:
    terms = filters.parse(filter_text if filter_text is not None else default)
    keep = filters.document_predicate(terms, date_field=date_field, today=call.store.today(),
                                      state_of=lambda d: visible_state(d, call.store.today()), states=states)
    return [call.render(r) for r in call.store.all(call.admin, coll) if keep(r)]


async def sales_invoices(call: Call, rest: list[str]) -> Response:
    m, store, admin = call.request.method, call.store, call.admin
    coll = "sales_invoices"
    if not rest:
        if m == "GET":
            rows = _documents_list(call, coll, "invoice_date", SALES_STATES, call.request.query_params.get("filter"))
            return ok(call.page(rows))
        if m == "POST":
            inv = invoices.save_sales_invoice(store, admin, await call.attrs("sales_invoice", missing_status=422), None,
                                              call.base_url)
            store.put(admin, coll, inv)
            return ok(call.render(inv), 201)
    elif rest[0] == "synchronization":
        return await synchronization(call, coll, "invoice_date", SALES_STATES)
    elif rest[0] == "find_by_invoice_id" and len(rest) == 2 and m == "GET":
        found = [r for r in store.all(admin, coll) if r["invoice_id"] == rest[1]]
        if not found:
            raise not_found("invoice_id")
        return ok(call.render(found[0]))
    elif len(rest) == 1:
        inv = call.get(coll, rest[0])
        if m == "GET":
            return ok(call.render(inv))
        if m == "PATCH":
            inv = invoices.save_sales_invoice(store, admin, await call.attrs("sales_invoice"), inv, call.base_url)
            store.put(admin, coll, inv)
            return ok(call.render(inv))
        if m == "DELETE":
            if inv["payments"]:
                raise bad_request("Sales invoice has payments and cannot be deleted", "payments", "present")
            store.delete(admin, coll, inv["id"])
            return Response(status_code=204)
    else:
        inv = call.get(coll, rest[0])
        action = rest[1]
        if action == "send_invoice" and m == "PATCH":
            inv = invoices.send_sales_invoice(store, admin, inv, await call.attrs("sales_invoice_sending",
                                                                                  required=False))
        elif action == "payments" and m == "POST" and len(rest) == 2:
            payment = invoices.add_payment(store, admin, inv, await call.attrs("payment"),
                                           invoice_type="SalesInvoice", user_id=call.sb.user_id)
            store.put(admin, coll, inv)
            store.put(admin, "payments", payment)
            return ok(payment, 201)
        elif action == "payments" and m == "DELETE" and len(rest) == 3:
            invoices.remove_payment(store, inv, rest[2])
            store.delete(admin, "payments", rest[2])
            store.put(admin, coll, inv)
            return Response(status_code=204)
        elif action == "register_payment" and m == "PATCH":
            payment = invoices.add_payment(store, admin, inv, await call.attrs("payment"),
                                           invoice_type="SalesInvoice", user_id=call.sb.user_id)
            store.put(admin, "payments", payment)
        elif action == "duplicate_creditinvoice" and m == "PATCH":
            credit = invoices.credit_invoice(store, admin, inv, call.base_url)
            store.put(admin, coll, credit)
            return ok(call.render(credit))
        elif action == "mark_as_uncollectible" and m == "PATCH":
            if visible_state(inv, store.today()) not in ("open", "late", "reminded"):
                raise bad_request("Only open invoices can be marked as uncollectible", "state", inv["state"])
            body = await call.body()
            inv["state"] = "uncollectible"
            inv["marked_uncollectible_on"] = body.get("uncollectible_date") or store.today().isoformat()
            inv["version"] = store.next_version()
        else:
            raise not_found("action")
        store.put(admin, coll, inv)
        return ok(call.render(inv))
    raise not_found("action")


async def synchronization(call: Call, coll: str, date_field: str, states: tuple[str, ...]) -> Response:
    """GET → ``[{id, version}]`` of what the filter selects; POST ``{"ids": [...]}`` → those records (max 100)."""
    if call.request.method == "GET":
        rows = _documents_list(call, coll, date_field, states, call.request.query_params.get("filter"), default="")
        return ok([{"id": r["id"], "version": r["version"]} for r in rows])
    body = await call.body()
    ids = body.get("ids")
    if not isinstance(ids, list) or len(ids) > 100:
        raise bad_request("Ids must be a list of at most 100 ids", "ids", "invalid")
    wanted = {str(i) for i in ids}
    return ok([call.render(r) for r in call.store.all(call.admin, coll) if r["id"] in wanted])


async def purchase_invoices(call: Call, rest: list[str]) -> Response:
    m, store, admin, coll = call.request.method, call.store, call.admin, "purchase_invoices"
    if not rest:
        if m == "GET":
            return ok(call.page(_documents_list(call, coll, "date", PURCHASE_STATES,
                                                call.request.query_params.get("filter"))))
        if m == "POST":
            doc = invoices.save_purchase_invoice(store, admin, await call.attrs("purchase_invoice"), None)
            store.put(admin, coll, doc)
            return ok(call.render(doc), 201)
    elif rest[0] == "synchronization":
        return await synchronization(call, coll, "date", PURCHASE_STATES)
    elif len(rest) == 1:
        doc = call.get(coll, rest[0])
        if m == "GET":
            return ok(call.render(doc))
        if m == "PATCH":
            doc = invoices.save_purchase_invoice(store, admin, await call.attrs("purchase_invoice"), doc)
            store.put(admin, coll, doc)
            return ok(call.render(doc))
        if m == "DELETE":
            if doc["payments"]:
                raise bad_request("Purchase invoice has payments and cannot be deleted", "payments", "present")
            store.delete(admin, coll, doc["id"])
            return ok(200)
    elif rest[1] in ("payments", "register_payment"):
        doc = call.get(coll, rest[0])
        if (rest[1], m, len(rest)) in (("payments", "POST", 2), ("register_payment", "PATCH", 2)):
            payment = invoices.add_payment(store, admin, doc, await call.attrs("payment"), invoice_type="Document",
                                           user_id=call.sb.user_id)
            store.put(admin, coll, doc)
            store.put(admin, "payments", payment)
            return ok(payment, 201) if rest[1] == "payments" else ok(call.render(doc))
        if rest[1] == "payments" and m == "DELETE" and len(rest) == 3:
            invoices.remove_payment(store, doc, rest[2])
            store.delete(admin, "payments", rest[2])
            store.put(admin, coll, doc)
            return Response(status_code=204)
    raise not_found("action")


async def journal_documents(call: Call, rest: list[str]) -> Response:
    m, store, admin, coll = call.request.method, call.store, call.admin, "general_journal_documents"
    if not rest:
        if m == "GET":
            return ok(call.page(_documents_list(call, coll, "date", PURCHASE_STATES,
                                                call.request.query_params.get("filter"))))
        if m == "POST":
            doc = records.save_journal_document(store, admin, await call.attrs("general_journal_document"), None)
            store.put(admin, coll, doc)
            return ok(doc, 201)
    elif rest[0] == "synchronization":
        return await synchronization(call, coll, "date", PURCHASE_STATES)
    elif len(rest) == 1:
        doc = call.get(coll, rest[0])
        if m == "GET":
            return ok(doc)
        if m == "PATCH":
            doc = records.save_journal_document(store, admin, await call.attrs("general_journal_document"), doc)
            store.put(admin, coll, doc)
            return ok(doc)
        if m == "DELETE":
            store.delete(admin, coll, doc["id"])
            return ok(200)
    raise not_found("action")


async def contacts(call: Call, rest: list[str]) -> Response:
    m, store, admin, coll = call.request.method, call.store, call.admin, "contacts"
    if not rest:
        if m == "GET":
            params = call.request.query_params
            rows = store.all(admin, coll)
            if str(params.get("include_archived", "")).lower() not in ("true", "1"):
                rows = [r for r in rows if not r["archived"]]
            query = (params.get("query") or "").lower()
            if query:
                rows = [r for r in rows if query in " ".join(str(r.get(k) or "") for k in (
                    "company_name", "firstname", "lastname", "customer_id", "email", "city")).lower()]
            return ok(call.page(rows))
        if m == "POST":
            contact = records.save_contact(store, admin, await call.attrs("contact"), None, call.base_url)
            store.put(admin, coll, contact)
            return ok(contact, 201)
    elif rest[0] == "synchronization":
        if m == "GET":
            return ok([{"id": r["id"], "version": r["version"]} for r in store.all(admin, coll)])
        body = await call.body()
        wanted = {str(i) for i in body.get("ids") or []}
        return ok([r for r in store.all(admin, coll) if r["id"] in wanted])
    elif rest[0] == "customer_id" and len(rest) == 2 and m == "GET":
        found = [r for r in store.all(admin, coll) if r["customer_id"] == rest[1]]
        if not found:
            raise not_found("customer_id")
        return ok(found[0])
    elif len(rest) == 1:
        contact = call.get(coll, rest[0])
        if m == "GET":
            return ok(contact)
        if m == "PATCH":
            contact = records.save_contact(store, admin, await call.attrs("contact"), contact, call.base_url)
            store.put(admin, coll, contact)
            return ok(contact)
        if m == "DELETE":
            used = any(d.get("contact_id") == contact["id"] for c in ("sales_invoices", "purchase_invoices")
                       for d in store.all(admin, c))
            if used:
                contact["archived"] = True
                contact["version"] = store.next_version()
                store.put(admin, coll, contact)
            else:
                store.delete(admin, coll, contact["id"])
            return Response(status_code=204)
    raise not_found("action")


def _simple(coll: str, wrapper: str, save: Callable[..., dict[str, Any]], *, paged: bool) -> Handler:
    """List/create/read/update/delete of a settings record (ledger accounts, products)."""

    async def handle(call: Call, rest: list[str]) -> Response:
        m, store, admin = call.request.method, call.store, call.admin
        if not rest:
            if m == "GET":
                rows = store.all(admin, coll)
                return ok(call.page(rows) if paged else rows)
            if m == "POST":
                record = save(store, admin, await call.attrs(wrapper, missing_status=422), None)
                store.put(admin, coll, record)
                return ok(record, 201)
        elif len(rest) == 1:
            record = call.get(coll, rest[0])
            if m == "GET":
                return ok(record)
            if m == "PATCH":
                record = save(store, admin, await call.attrs(wrapper), record)
                store.put(admin, coll, record)
                return ok(record)
            if m == "DELETE":
                store.delete(admin, coll, record["id"])
                return Response(status_code=204)
        raise not_found("action")

    return handle


async def tax_rates(call: Call, rest: list[str]) -> Response:
    if rest or call.request.method != "GET":
        raise not_found("action")
    terms = filters.parse(call.request.query_params.get("filter"))
    rows = call.store.all(call.admin, "tax_rates")
    kinds = [k for k in terms.get("tax_rate_type", []) if k != "all"]
    if kinds:
        rows = [r for r in rows if r["tax_rate_type"] in kinds]
    if "active" in terms:
        rows = [r for r in rows if str(r["active"]).lower() == terms["active"][0].lower()]
    if "percentage" in terms:
        rows = [r for r in rows if r["percentage"] is not None and str(int(r["percentage"])) in terms["percentage"]]
    return ok(call.page(rows))


async def payments(call: Call, rest: list[str]) -> Response:
    if len(rest) != 1 or call.request.method != "GET":
        raise not_found("action")
    return ok(call.get("payments", rest[0]))


RESOURCES: dict[str, Handler] = {
    "sales_invoices": sales_invoices,
    "documents/purchase_invoices": purchase_invoices,
    "documents/general_journal_documents": journal_documents,
    "contacts": contacts,
    "ledger_accounts": _simple("ledger_accounts", "ledger_account", records.save_ledger_account, paged=False),
    "products": _simple("products", "product", records.save_product, paged=True),
    "projects": _simple("projects", "project", records.save_project, paged=True),
    "tax_rates": tax_rates,
    "payments": payments,
}
_FORMAT = re.compile(r"\.(json|xml)$")


# ------------------------------------------------------------------------------------------------- app
def create_app(sb: MoneybirdSandbox) -> Starlette:
    async def api(request: Request) -> Response:
        headers: dict[str, str] = {}
        try:
            token, scopes = sb.identity.bearer(request)
            decision = sb.limiter.acquire(token)
            headers = decision.headers
            if not decision.allowed:
                return json_response("Retry later", 429, headers)
            response = await _dispatch(sb, request, token, scopes)
        except MoneybirdError as exc:
            response = exc.response()
        response.headers.update(headers)
        return response

    async def oauth(request: Request) -> Response:
        action = request.path_params["action"].strip("/")
        try:
            if action == "authorize":
                return await sb.identity.authorize(request)
            if action == "token" and request.method == "POST":
                return await sb.identity.token(request)
            if action == "revoke" and request.method == "POST":
                return await sb.identity.revoke(request)
        except MoneybirdError as exc:
            return exc.response()
        return json_response({"error": "not_found"}, 404)

    routes = [
        Route("/oauth/{action:path}", oauth, methods=["GET", "POST"]),
        Route(PREFIX + "/{path:path}", api, methods=["GET", "POST", "PATCH", "PUT", "DELETE"]),
    ]
    return Starlette(routes=routes, middleware=[Middleware(FaultInjectionMiddleware, plan=sb.faults,
                                                           render_error=_fault_body)])


def _fault_body(status: int) -> Response:
    """An injected failure as Moneybird words its errors (429 is its plain string)."""
    if status == 429:
        return json_response("Retry later", 429)
    return json_response({"error": "injected fault", "symbolic": {"sandbox": "fault"}}, status)


async def _dispatch(sb: MoneybirdSandbox, request: Request, token: str, scopes: set[str]) -> Response:
    path = request.path_params["path"].strip("/")
    fmt = _FORMAT.search(path)
    if fmt and fmt.group(1) == "xml":
        raise symbolic(406, "Only JSON is served by this sandbox", "format", "not_acceptable")
    segments = _FORMAT.sub("", path).split("/")
    if segments == ["administrations"]:
        return ok(sb.administrations())
    admin, rest = segments[0], segments[1:]
    if admin not in sb.store.data["administrations"]:
        raise symbolic(404, "Administration not found", "administration_id", "not_found")
    for name, handler in RESOURCES.items():
        parts = name.split("/")
        if rest[: len(parts)] == parts:
            needed = SCOPES.get(parts[0])
            if needed is not None and not needed & scopes:
                raise symbolic(403, "No access to this resource with the scopes of this token", "scope",
                               "insufficient_scope")
            return await handler(Call(sb, request, admin, token), rest[len(parts):])
    raise not_found("resource")
