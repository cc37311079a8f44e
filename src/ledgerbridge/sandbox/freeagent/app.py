"""The ASGI app: FreeAgent's API under ``/v2``.

Pipeline, as FreeAgent orders it: OAuth endpoints (``approve_app``, ``token_endpoint``) need no token; every
other call needs a bearer token (401), is counted against its user's limits (429 + ``Retry-After``, before any
work), then runs. Bodies are wrapped in the resource's singular name (``{"invoice": {…}}``), lists in its plural
(``{"invoices": […]}``), resources are named by full URLs built from where the app is served (so it can be mounted
under any prefix). Lists page with ``page``/``per_page`` (default 25, at most 100), answer ``X-Total-Count`` and
RFC 5988 ``Link`` headers, and filter by ``updated_since``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..faults import FaultInjectionMiddleware
from . import bills, contacts, documents, journals, settings
from .errors import FreeAgentError, bad_request, invalid, not_found, render_fault
from .identity import Grant
from .state import API, absolute

if TYPE_CHECKING:
    from .sandbox import FreeAgentSandbox

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100
Row = dict[str, Any]


class Call:
    """One authenticated API call: the sandbox, the request, the caller's company and the path segments."""

    def __init__(self, sb: FreeAgentSandbox, request: Request, grant: Grant, segs: list[str]) -> None:
        self.sb, self.request, self.grant, self.segs = sb, request, grant, segs
        self.company = grant.company
        self.store = sb.store
        # Full URLs name resources: https://host[/where the app is mounted]/v2/… — everything before /v2/.
        here = str(request.url.replace(query=""))
        self.base = here[: here.find(API + "/")]

    async def body(self, envelope: str) -> Any:
        raw = await self.request.body()
        try:
            data = json.loads(raw or b"{}")
        except ValueError:
            raise bad_request("Request body is not valid JSON") from None
        if not isinstance(data, dict) or envelope not in data:
            raise invalid(f"{envelope.replace('_', ' ').capitalize()} can't be blank")
        return data[envelope]

    def one(self, envelope: str, record: Row, status: int = 200) -> Response:
        return JSONResponse({envelope: absolute(record, self.base)}, status_code=status)

    def page(self, envelope: str, rows: list[Row]) -> Response:
        params = self.request.query_params
        since = params.get("updated_since")
        if since:
            try:
                cut = _instant(since)
            except ValueError:
                raise bad_request("updated_since is not a valid ISO 8601 timestamp") from None
            rows = [r for r in rows if _instant(r["updated_at"]) >= cut]
        try:
            page = max(1, int(params.get("page", "1")))
            per_page = min(MAX_PER_PAGE, max(1, int(params.get("per_page", str(DEFAULT_PER_PAGE)))))
        except ValueError:
            raise bad_request("page and per_page must be numbers") from None
        total = len(rows)
        last = max(1, -(-total // per_page))
        chosen = rows[(page - 1) * per_page: page * per_page]
        links = []
        url = str(self.request.url.replace(query=""))

        def link(number: int, rel: str) -> str:
            query = {k: v for k, v in params.items() if k not in ("page", "per_page")}
            return f'<{url}?{urlencode({**query, "page": number, "per_page": per_page})}>; rel="{rel}"'

        if page > 1:
            links += [link(page - 1, "prev"), link(1, "first")]
        if page < last:
            links += [link(page + 1, "next"), link(last, "last")]
        headers = {"X-Total-Count": str(total)}
        if links:
            headers["Link"] = ", ".join(links)
        return JSONResponse({envelope: [absolute(r, self.base) for r in chosen]}, headers=headers)

    def rows(self, collection: str) -> list[Row]:
        return sorted(self.store.collection(self.company, collection).values(), key=_by_id)

    def existing(self, collection: str, key: str) -> Row:
        record = self.store.get(self.company, collection, key)
        if record is None:
            raise not_found()
        return record


def _by_id(record: Row) -> tuple[int, str]:
    tail = str(record["url"]).rsplit("/", 1)[-1]
    return (int(tail), "") if tail.isdigit() else (0, tail)


def _instant(text: str) -> dt.datetime:
    stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


# --- handlers by collection -------------------------------------------------------------------------------------


async def company(call: Call) -> Response:
    if call.request.method != "GET" or len(call.segs) != 1:
        raise not_found()
    return call.one("company", call.existing("company", "company"))


async def users(call: Call) -> Response:
    if call.request.method != "GET":
        raise not_found()
    if len(call.segs) == 1:
        return call.page("users", call.rows("users"))
    key = call.grant.user if call.segs[1] == "me" else call.segs[1]
    return call.one("user", call.existing("users", key))


async def contact_calls(call: Call) -> Response:
    method, segs = call.request.method, call.segs
    if len(segs) == 1 and method == "GET":
        view = call.request.query_params.get("view", "active")
        rows = call.rows("contacts")
        if view in ("active", "hidden"):
            rows = [r for r in rows if r.get("status", "Active").lower() == view]
        return call.page("contacts", rows)
    if len(segs) == 1 and method == "POST":
        return call.one("contact", contacts.create(call.store, call.company, await call.body("contact")), 201)
    if len(segs) != 2:
        raise not_found()
    if method == "GET":
        return call.one("contact", call.existing("contacts", segs[1]))
    if method == "PUT":
        return call.one("contact", contacts.update(call.store, call.company, segs[1], await call.body("contact")))
    if method == "DELETE":
        contacts.delete(call.store, call.company, segs[1])
        return Response(status_code=200)
    raise not_found()


def document_calls(kind: documents.Kind) -> Callable[[Call], Any]:
    async def handle(call: Call) -> Response:
        method, segs, store, today = call.request.method, call.segs, call.store, call.store.today()
        if len(segs) == 1 and method == "GET":
            params = call.request.query_params
            rows = call.rows(kind.collection)
            contact = params.get("contact")
            if contact:
                rows = [r for r in rows if absolute(r["contact"], call.base) == contact]
            view = params.get("view", "all")
            wanted = {"draft": {"Draft"}, "open": {"Sent", "Scheduled"}, "overdue": {"Overdue"},
                      "open_or_overdue": {"Sent", "Scheduled", "Overdue"}, "paid": {"Paid"},
                      "cancelled": {"Cancelled"}}.get(view)
            shown = [documents.render(r, today) for r in rows]
            if wanted is not None:
                shown = [r for r in shown if r["status"] in wanted]
            if kind is documents.INVOICE and params.get("nested_invoice_items") != "true":
                shown = [{k: v for k, v in r.items() if k != kind.items} for r in shown]
            return call.page(kind.collection, shown)
        if len(segs) == 1 and method == "POST":
            created = documents.create(store, call.company, kind, await call.body(kind.singular))
            return call.one(kind.singular, documents.render(created, today), 201)
        if len(segs) == 4 and segs[2] == "transitions" and method == "PUT":
            moved = documents.transition(store, call.company, kind, segs[1], segs[3])
            return call.one(kind.singular, documents.render(moved, today))
        if len(segs) != 2:
            raise not_found()
        if method == "GET":
            return call.one(kind.singular, documents.render(call.existing(kind.collection, segs[1]), today))
        if method == "PUT":
            changed = documents.update(store, call.company, kind, segs[1], await call.body(kind.singular))
            return call.one(kind.singular, documents.render(changed, today))
        if method == "DELETE":
            documents.delete(store, call.company, kind, segs[1])
            return Response(status_code=200)
        raise not_found()

    return handle


async def invoice_items(call: Call) -> Response:
    """``POST /v2/invoice_items`` with ``{"invoice": url, "invoice_item": {…}}``: add one line to an invoice."""
    if call.request.method != "POST" or len(call.segs) != 1:
        raise not_found()
    item = await call.body("invoice_item")
    invoice_url = await call.body("invoice")
    key = str(invoice_url).rstrip("/").rsplit("/", 1)[-1]
    invoice = call.existing("invoices", key)
    lines = [{k: v for k, v in line.items() if k not in ("url", "position", "sales_tax_value")}
             for line in invoice["invoice_items"]]
    changed = documents.update(call.store, call.company, documents.INVOICE, key,
                               {"invoice_items": [*lines, item]})
    return call.one("invoice_item", changed["invoice_items"][-1], 201)


async def bill_calls(call: Call) -> Response:
    method, segs, today = call.request.method, call.segs, call.store.today()
    if len(segs) == 1 and method == "GET":
        rows = [bills.render(r, today) for r in call.rows("bills")]
        view = call.request.query_params.get("view", "all")
        wanted = {"open": {"Open"}, "overdue": {"Overdue"}, "open_or_overdue": {"Open", "Overdue"},
                  "paid": {"Paid"}}.get(view)
        if wanted is not None:
            rows = [r for r in rows if r["status"] in wanted]
        return call.page("bills", rows)
    if len(segs) == 1 and method == "POST":
        return call.one("bill", bills.render(bills.create(call.store, call.company, await call.body("bill")), today),
                        201)
    if len(segs) != 2:
        raise not_found()
    if method == "GET":
        return call.one("bill", bills.render(call.existing("bills", segs[1]), today))
    if method == "PUT":
        changed = bills.update(call.store, call.company, segs[1], await call.body("bill"))
        return call.one("bill", bills.render(changed, today))
    if method == "DELETE":
        bills.delete(call.store, call.company, segs[1])
        return Response(status_code=200)
    raise not_found()


async def category_calls(call: Call) -> Response:
    method, segs = call.request.method, call.segs
    if len(segs) == 1 and method == "GET":
        grouped = settings.categories(call.store, call.company)
        return JSONResponse({name: absolute(rows, call.base) for name, rows in grouped.items()})
    if len(segs) == 1 and method == "POST":
        return call.one("category", settings.create_category(call.store, call.company, await call.body("category")),
                        201)
    if len(segs) != 2:
        raise not_found()
    if method == "GET":
        return call.one("category", call.existing("categories", segs[1]))
    if method == "PUT":
        changed = settings.update_category(call.store, call.company, segs[1], await call.body("category"))
        return call.one("category", changed)
    raise not_found()


async def bank_account_calls(call: Call) -> Response:
    if call.request.method != "GET":
        raise not_found()
    if len(call.segs) == 1:
        return call.page("bank_accounts", call.rows("bank_accounts"))
    return call.one("bank_account", call.existing("bank_accounts", call.segs[1]))


async def explanation_calls(call: Call) -> Response:
    method, segs = call.request.method, call.segs
    if len(segs) == 1 and method == "GET":
        rows = call.rows("bank_transaction_explanations")
        account = call.request.query_params.get("bank_account")
        if account:
            rows = [r for r in rows if absolute(r["bank_account"], call.base) == account]
        return call.page("bank_transaction_explanations", rows)
    if len(segs) == 1 and method == "POST":
        created = settings.explain(call.store, call.company, await call.body("bank_transaction_explanation"))
        return call.one("bank_transaction_explanation", created, 201)
    if len(segs) == 2 and method == "GET":
        return call.one("bank_transaction_explanation", call.existing("bank_transaction_explanations", segs[1]))
    raise not_found()


async def price_list_item_calls(call: Call) -> Response:
    """The company's price list (FreeAgent's items): read only, as the collection has it."""
    if call.request.method != "GET":
        raise not_found()
    if len(call.segs) == 1:
        return call.page("price_list_items", call.rows("price_list_items"))
    return call.one("price_list_item", call.existing("price_list_items", call.segs[1]))


async def project_calls(call: Call) -> Response:
    """Projects: the work a company tracks per client (read here; the connector reads them as tracking)."""
    if call.request.method != "GET":
        raise not_found()
    if len(call.segs) == 1:
        view = call.request.query_params.get("view", "active")
        rows = call.rows("projects")
        if view in ("active", "completed", "cancelled", "hidden"):
            rows = [r for r in rows if str(r.get("status", "")).lower() == view]
        return call.page("projects", rows)
    return call.one("project", call.existing("projects", call.segs[1]))


async def journal_set_calls(call: Call) -> Response:
    method, segs = call.request.method, call.segs
    if len(segs) == 1 and method == "GET":
        params = call.request.query_params
        rows = call.rows("journal_sets")
        if params.get("from_date"):
            rows = [r for r in rows if r["dated_on"] >= params["from_date"]]
        if params.get("to_date"):
            rows = [r for r in rows if r["dated_on"] <= params["to_date"]]
        if params.get("tag"):
            rows = [r for r in rows if r.get("tag") == params["tag"]]
        return call.page("journal_sets", rows)
    if len(segs) == 1 and method == "POST":
        created = journals.create(call.store, call.company, await call.body("journal_set"))
        return call.one("journal_set", created, 201)
    if len(segs) != 2:
        raise not_found()
    if method == "GET":
        return call.one("journal_set", call.existing("journal_sets", segs[1]))
    if method == "DELETE":
        journals.delete(call.store, call.company, segs[1])
        return Response(status_code=200)
    raise not_found()


HANDLERS: dict[str, Callable[[Call], Any]] = {
    "company": company,
    "users": users,
    "contacts": contact_calls,
    "invoices": document_calls(documents.INVOICE),
    "credit_notes": document_calls(documents.CREDIT_NOTE),
    "invoice_items": invoice_items,
    "bills": bill_calls,
    "categories": category_calls,
    "bank_accounts": bank_account_calls,
    "price_list_items": price_list_item_calls,
    "projects": project_calls,
    "journal_sets": journal_set_calls,
    "bank_transaction_explanations": explanation_calls,
}


def create_app(sandbox: FreeAgentSandbox | None = None) -> Starlette:
    from .sandbox import FreeAgentSandbox

    sb = sandbox or FreeAgentSandbox()

    async def endpoint(request: Request) -> Response:
        path = "/" + request.path_params.get("path", "")
        try:
            if not path.startswith(API + "/"):
                raise not_found()
            segs = [s for s in path[len(API):].split("/") if s]
            if segs == ["approve_app"] and request.method in ("GET", "POST"):
                return await sb.identity.approve_app(request, sb.companies())
            if segs == ["token_endpoint"] and request.method == "POST":
                return await sb.identity.token(request)
            grant = sb.identity.bearer(request)
            wait = sb.limiter.acquire(f"{grant.company}/{grant.user}")  # the limits are per user of a company
            if wait:
                raise FreeAgentError(429, ["Rate limit exceeded"], {"Retry-After": str(wait)})
            handler = HANDLERS.get(segs[0]) if segs else None
            if handler is None:
                raise not_found()
            response: Response = await handler(Call(sb, request, grant, segs))
            return response
        except FreeAgentError as err:
            return err.response()

    app = Starlette(
        routes=[Route("/{path:path}", endpoint, methods=["GET", "POST", "PUT", "DELETE"])],
        middleware=[Middleware(FaultInjectionMiddleware, plan=sb.faults, render_error=render_fault)])
    app.state.sandbox = sb
    return app
