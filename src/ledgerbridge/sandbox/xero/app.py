"""The ASGI app: Xero's identity endpoints and the Accounting API under ``/api.xro/2.0``.

Request pipeline for accounting calls, in Xero's order: bearer token (401) → ``xero-tenant-id`` granted to the
token's app (403) → rate limits (429, before any work) → ``Idempotency-Key`` replay → handler. Paths are
matched case-insensitively (xero-python says ``/Connections``, docs say ``/connections``). Absolute URLs are
never hard-coded, so the app can be mounted under any prefix.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from math import ceil
from typing import TYPE_CHECKING, Any

from simplejson import JSONDecodeError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..faults import FaultInjectionMiddleware
from . import attachments, journals, payments, purchase_orders, reports, settings
from . import invoices as inv
from .contacts import save_contact
from .dates import ms_date, parse_if_modified_since
from .errors import (
    XeroError,
    forbidden,
    json_response,
    not_found,
    post_data_invalid,
    query_parse_exception,
    render_fault,
    single_validation,
    validation_exception,
)
from .registry import Kind, kind
from .state import loads
from .unitofwork import UnitOfWork
from .where import WhereError, compile_where, parse_order, sort_rows

if TYPE_CHECKING:
    from .sandbox import XeroSandbox

PREFIX = "/api.xro/2.0"
MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = 100
Saver = Callable[[UnitOfWork, dict[str, Any], dict[str, Any] | None], tuple[dict[str, Any], list[str]]]


class Ctx:
    """Everything a handler needs about one accounting call."""

    def __init__(self, sb: XeroSandbox, request: Request, tenant: str, segs: list[str]) -> None:
        self.sb, self.request, self.tenant, self.segs = sb, request, tenant, segs
        self.params = {k.lower(): v for k, v in request.query_params.items()}
        self.method = request.method.upper()
        self._body: Any = None

    def flag(self, name: str, default: bool = False) -> bool:
        v = self.params.get(name.lower())
        return default if v is None else v.lower() in ("true", "1", "yes")

    def csv(self, name: str) -> list[str] | None:
        v = self.params.get(name.lower())
        return [x.strip() for x in v.split(",") if x.strip()] if v else None

    @property
    def unitdp(self) -> int:
        return 4 if self.params.get("unitdp") == "4" else 2

    async def body(self) -> Any:
        raw = await self.request.body()
        try:
            return loads(raw) if raw.strip() else {}
        except (JSONDecodeError, ValueError) as exc:
            raise post_data_invalid() from exc

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.sb.store, self.tenant)

    def envelope(self, name: str, items: list[Any], pagination: dict[str, int] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"Id": str(uuid.uuid4()), "Status": "OK", "ProviderName": self.sb.provider_name,
                               "DateTimeUTC": ms_date(int(self.sb.store.now() * 1000), offset=False)}
        if pagination is not None:
            out["pagination"] = pagination
        out[name] = items
        return out


def _by_update_time(order: list[tuple[list[str], bool]]) -> bool:
    """Ordered by update time, then the record's id, ascending: how a keyset reader pages. The store sorts
    that in SQL on its index (the general ``order`` is sorted in Python over every row)."""
    if not order or len(order) > 2 or order[0] != (["UpdatedDateUTC"], False):
        return False
    return all(not desc and len(path) == 1 and path[0].upper().endswith("ID") for path, desc in order[1:])


# --------------------------------------------------------------------------------------------- lists
def list_objects(ctx: Ctx, k: Kind, *, extra: dict[str, Any] | None = None) -> Response:
    ims = parse_if_modified_since(ctx.request.headers.get("if-modified-since"))
    filters: dict[str, Any] = dict(extra or {})
    if ctx.csv("IDs"):
        filters["ids"] = ctx.csv("IDs")
    if k.name == "Invoices":
        if ctx.csv("InvoiceNumbers"):
            filters["keys"] = ctx.csv("InvoiceNumbers")
        if ctx.csv("ContactIDs"):
            filters["contacts"] = ctx.csv("ContactIDs")
        if ctx.csv("Statuses"):
            filters["statuses"] = ctx.csv("Statuses")
    if k.name == "Contacts" and not ctx.flag("includeArchived"):
        filters["exclude_statuses"] = ["ARCHIVED"]
    if k.name == "Accounts":
        filters["exclude_statuses"] = ["DELETED"]
    where_text, order_text = ctx.params.get("where", ""), ctx.params.get("order", "")
    page = None
    if k.pageable and ctx.params.get("page"):
        try:
            page = max(1, int(ctx.params["page"]))
        except ValueError:
            page = 1
    size = DEFAULT_PAGE_SIZE
    if ctx.params.get("pagesize"):
        try:
            size = min(MAX_PAGE_SIZE, max(1, int(ctx.params["pagesize"])))
        except ValueError:
            size = DEFAULT_PAGE_SIZE
    try:
        predicate = compile_where(where_text)
        order = parse_order(order_text) if order_text else []
    except WhereError as exc:
        raise query_parse_exception(str(exc)) from exc
    store = ctx.sb.store
    by_updated = _by_update_time(order)
    if where_text.strip() or (order and not by_updated):
        rows, _ = store.query(ctx.tenant, k.name, updated_after=ims, **filters)
        rows = [r for r in rows if predicate(r)]
        if order:
            rows = sort_rows(rows, order)
        total = len(rows)
        if page is not None:
            rows = rows[(page - 1) * size: page * size]
    else:
        rows, total = store.query(ctx.tenant, k.name, updated_after=ims, **filters, by_updated=by_updated,
                                  limit=size if page is not None else None,
                                  offset=(page - 1) * size if page is not None else 0)
    if k.name in ("Invoices", "CreditNotes"):
        if ctx.flag("summaryOnly"):
            rows = [inv.summary_only(r) for r in rows]
        elif page is None and k.name == "Invoices":
            # Xero omits line items unless paging or fetching one invoice
            rows = [{key: v for key, v in r.items() if key != "LineItems"} for r in rows]
    pagination = None
    if page is not None:
        pagination = {"page": page, "pageSize": size, "pageCount": ceil(total / size) if total else 0,
                      "itemCount": total}
    return json_response(ctx.envelope(k.name, rows, pagination))


def get_one(ctx: Ctx, k: Kind, ident: str) -> dict[str, Any]:
    found = ctx.sb.store.get(ctx.tenant, k.name, ident)
    if found is None and k.key_field:
        matches = ctx.sb.store.find_key(ctx.tenant, k.name, ident)
        found = matches[0] if matches else None
    if found is None:
        raise not_found()
    return found


# -------------------------------------------------------------------------------------------- writes
def _elements(body: Any, name: str) -> list[Any]:
    if isinstance(body, dict) and isinstance(body.get(name), list):
        return body[name]
    if isinstance(body, dict) and body and name not in body:
        return [body]  # Xero also accepts a single bare object
    if isinstance(body, list):
        return body
    raise post_data_invalid()


async def write_objects(ctx: Ctx, k: Kind, save: Saver, *, path_id: str | None = None,
                        error_flag: str = "HasErrors") -> Response:
    elements = _elements(await ctx.body(), k.name)
    summarize = ctx.flag("summarizeErrors", True)
    uow = ctx.uow()
    results: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []
    for raw in elements:
        if not isinstance(raw, dict):
            raise post_data_invalid()
        existing, errors = None, []
        ident = path_id or raw.get(k.id_field)
        if ident:
            existing = uow.get(k.name, str(ident))
            if existing is None:
                if path_id:
                    raise not_found()
                errors = [f"{k.singular} with {k.id_field} '{ident}' could not be found"]
        elif ctx.method == "POST" and k.key_field and raw.get(k.key_field) and k.name not in ("TaxRates",):
            match = [m for m in uow.find_key(k.name, str(raw[k.key_field]))
                     if m.get("ContactStatus", "ACTIVE") == "ACTIVE"]
            existing = match[0] if match else None
        mark = uow.mark()
        obj: dict[str, Any] = raw
        if not errors:
            obj, errors = save(uow, raw, existing)
        if errors:
            uow.rollback(mark)
            echo = dict(raw)
            echo["ValidationErrors"] = [{"Message": m} for m in errors]
            failed.append(echo)
            results.append({**echo, error_flag: True, "StatusAttributeString": "ERROR"})
        else:
            uow.put(k.name, obj)
            results.append(obj)
    if failed and summarize:
        raise validation_exception(failed)
    uow.commit()
    if not summarize:
        results = [r if r.get("StatusAttributeString") == "ERROR" else {**r, error_flag: False,
                   "StatusAttributeString": "OK", "ValidationErrors": []} for r in results]
    return json_response(ctx.envelope(k.name, results))


def _doc_saver(rules: inv.DocRules, unitdp: int) -> Saver:
    return lambda uow, raw, existing: inv.save_document(uow, raw, existing, rules=rules, unitdp=unitdp)


# ------------------------------------------------------------------------------------------ handlers
async def handle_documents(ctx: Ctx, k: Kind, rules: inv.DocRules) -> Response:
    segs, m = ctx.segs, ctx.method
    saver = _doc_saver(rules, ctx.unitdp)
    if len(segs) == 1:
        if m == "GET":
            return list_objects(ctx, k)
        if m in ("PUT", "POST"):
            return await write_objects(ctx, k, saver)
    elif len(segs) == 2:
        if m == "GET":
            return json_response(ctx.envelope(k.name, [get_one(ctx, k, segs[1])]))
        if m == "POST":
            return await write_objects(ctx, k, saver, path_id=get_one(ctx, k, segs[1])[k.id_field])
    elif len(segs) == 3 and segs[2].lower() == "allocations" and k.name == "CreditNotes" and m == "PUT":
        return await allocate(ctx, get_one(ctx, k, segs[1]))
    raise not_found()


async def allocate(ctx: Ctx, credit: dict[str, Any]) -> Response:
    elements = _elements(await ctx.body(), "Allocations")
    uow = ctx.uow()
    out, failed = [], []
    for raw in elements:
        credit = uow.get("CreditNotes", credit["CreditNoteID"]) or credit
        result, errors = payments.allocate_credit(uow, credit, raw)
        if errors:
            failed.append({**raw, "ValidationErrors": [{"Message": e} for e in errors]})
        out.append(result)
    if failed:
        raise validation_exception(failed)
    uow.commit()
    return json_response(ctx.envelope("Allocations", out))


async def handle_simple(ctx: Ctx, k: Kind, save: Saver, *, error_flag: str = "HasErrors",
                        creatable_by_post: bool = True) -> Response:
    segs, m = ctx.segs, ctx.method
    if len(segs) == 1:
        if m == "GET":
            return list_objects(ctx, k)
        if m == "PUT" or (m == "POST" and creatable_by_post):
            return await write_objects(ctx, k, save, error_flag=error_flag)
    elif len(segs) == 2:
        if m == "GET":
            return json_response(ctx.envelope(k.name, [get_one(ctx, k, segs[1])]))
        if m == "POST":
            return await write_objects(ctx, k, save, path_id=get_one(ctx, k, segs[1])[k.id_field],
                                       error_flag=error_flag)
        if m == "DELETE" and k.name in ("Accounts", "Items"):
            return delete_setting(ctx, k, get_one(ctx, k, segs[1]))
    raise not_found()


def delete_setting(ctx: Ctx, k: Kind, obj: dict[str, Any]) -> Response:
    uow = ctx.uow()
    if k.name == "Items":
        ctx.sb.store.delete(ctx.tenant, "Items", obj["ItemID"])
        return Response(status_code=204)
    if obj.get("SystemAccount"):
        raise single_validation("System accounts cannot be deleted", {"AccountID": obj["AccountID"]})
    obj["Status"] = "DELETED"
    obj["UpdatedDateUTC"] = ms_date(uow.stamp())
    uow.put("Accounts", obj)
    uow.commit()
    return json_response(ctx.envelope("Accounts", [obj]))


async def handle_tracking(ctx: Ctx) -> Response:
    k, segs, m = kind("TrackingCategories"), ctx.segs, ctx.method
    if (len(segs) <= 2 and m in ("GET", "PUT")) or (len(segs) == 2 and m == "POST"):
        if m == "GET" and len(segs) == 1:
            hide = None if ctx.flag("includeArchived") else {"exclude_statuses": ["ARCHIVED", "DELETED"]}
            resp = list_objects(ctx, k, extra=hide)
            return resp
        return await handle_simple(ctx, k, settings.save_tracking_category)
    if len(segs) == 2 and m == "DELETE":
        cat = get_one(ctx, k, segs[1])
        uow = ctx.uow()
        cat["Status"] = "DELETED"
        uow.put(k.name, cat)
        uow.commit()
        return json_response(ctx.envelope(k.name, [cat]))
    if len(segs) >= 3 and segs[2].lower() == "options":
        cat = get_one(ctx, k, segs[1])
        uow = ctx.uow()
        if m == "PUT" and len(segs) == 3:
            out, failed = [], []
            for raw in _elements(await ctx.body(), "Options"):
                option, errors = settings.add_tracking_option(uow, cat, raw)
                if errors:
                    failed.append({**raw, "ValidationErrors": [{"Message": e} for e in errors]})
                out.append(option)
            if failed:
                raise validation_exception(failed)
            uow.put(k.name, cat)
            uow.commit()
            return json_response(ctx.envelope("Options", out))
        if len(segs) == 4 and m in ("POST", "DELETE"):
            found: dict[str, Any] | None = next(
                (o for o in cat.get("Options", []) if o["TrackingOptionID"] == segs[3].lower()), None)
            if found is None:
                raise not_found()
            if m == "DELETE":
                found["Status"] = "DELETED"
            else:
                raw = _elements(await ctx.body(), "Options")[0]
                found["Name"] = str(raw.get("Name") or found["Name"])
                found["Status"] = raw.get("Status") or found["Status"]
            uow.put(k.name, cat)
            uow.commit()
            return json_response(ctx.envelope("Options", [found]))
    raise not_found()


async def handle_payments(ctx: Ctx) -> Response:
    k, segs, m = kind("Payments"), ctx.segs, ctx.method
    if len(segs) == 1 and m == "GET":
        return list_objects(ctx, k)
    if len(segs) == 1 and m in ("PUT", "POST"):
        return await write_objects(ctx, k, lambda uow, raw, existing: payments.create_payment(uow, raw),
                                   error_flag="HasValidationErrors")
    if len(segs) == 2 and m == "GET":
        return json_response(ctx.envelope(k.name, [get_one(ctx, k, segs[1])]))
    if len(segs) == 2 and m == "POST":
        payment = get_one(ctx, k, segs[1])
        raw = _elements(await ctx.body(), "Payments")[0]
        if str(raw.get("Status", "")).upper() != "DELETED":
            raise single_validation("Payments can only be deleted; other changes are not allowed", raw)
        uow = ctx.uow()
        result, errors = payments.delete_payment(uow, payment)
        if errors:
            raise single_validation(errors[0], {"PaymentID": payment["PaymentID"]})
        uow.put(k.name, result)
        uow.commit()
        return json_response(ctx.envelope(k.name, [result]))
    raise not_found()


async def handle_organisation(ctx: Ctx) -> Response:
    if ctx.method != "GET":
        raise not_found()
    org = ctx.sb.store.get(ctx.tenant, "Organisations", ctx.tenant)
    return json_response(ctx.envelope("Organisations", [org] if org else []))


async def dispatch_accounting(ctx: Ctx) -> Response:
    name = ctx.segs[0].lower() if ctx.segs else ""
    unitdp = ctx.unitdp
    if len(ctx.segs) >= 3 and ctx.segs[2].lower() == "attachments":
        return await attachments.handle(ctx)
    if name == "invoices":
        return await handle_documents(ctx, kind("Invoices"), inv.INVOICE)
    if name == "creditnotes":
        return await handle_documents(ctx, kind("CreditNotes"), inv.CREDIT_NOTE)
    if name == "contacts":
        return await handle_simple(ctx, kind("Contacts"), save_contact, error_flag="HasValidationErrors")
    if name == "accounts":
        return await handle_simple(ctx, kind("Accounts"), settings.save_account, creatable_by_post=False)
    if name == "items":
        return await handle_simple(ctx, kind("Items"), settings.save_item)
    if name == "taxrates":
        return await handle_simple(ctx, kind("TaxRates"), settings.save_tax_rate)
    if name == "trackingcategories":
        return await handle_tracking(ctx)
    if name == "payments":
        return await handle_payments(ctx)
    if name == "banktransactions":
        return await handle_simple(ctx, kind("BankTransactions"),
                                   lambda u, r, e: journals.save_bank_transaction(u, r, e, unitdp))
    if name == "manualjournals":
        return await handle_simple(ctx, kind("ManualJournals"), journals.save_manual_journal)
    if name == "purchaseorders":
        return await handle_simple(ctx, kind("PurchaseOrders"),
                                   lambda u, r, e: purchase_orders.save_purchase_order(u, r, e, unitdp))
    if name == "organisation":
        return await handle_organisation(ctx)
    if name == "reports" and len(ctx.segs) == 2 and ctx.method == "GET":
        return json_response(reports.report(ctx.sb.store, ctx.tenant, ctx.segs[1], ctx.request.query_params))
    raise not_found()


# ------------------------------------------------------------------------------------------- pipeline
async def accounting(sb: XeroSandbox, request: Request, segs: list[str]) -> Response:
    client_id, _grant = sb.identity.bearer(request)
    tenant = (request.headers.get("xero-tenant-id") or "").strip().lower()
    if not tenant or not sb.identity.has_tenant(client_id, tenant):
        raise forbidden()
    decision = sb.limiter.acquire(tenant)
    if not decision.allowed:
        return Response(status_code=429, headers=decision.headers)
    try:
        key = request.headers.get("idempotency-key")
        use_key = key and request.method.upper() in ("PUT", "POST")
        if use_key:
            replay = sb.store.idempotent_get(tenant, key)  # type: ignore[arg-type]
            if replay is not None:
                status, headers, body = replay
                return Response(body, status_code=status, headers={**headers, **decision.headers})
        ctx = Ctx(sb, request, tenant, segs)
        await request.body()  # read (and cache) before taking the store lock: never hold it across I/O
        try:
            with sb.store.lock:
                response = await dispatch_accounting(ctx)
        except XeroError as err:
            response = err.response()
        if use_key and response.status_code < 500:
            sb.store.idempotent_put(tenant, key, response.status_code,  # type: ignore[arg-type]
                                    {"content-type": response.headers.get("content-type", "")}, bytes(response.body))
        response.headers.update(decision.headers)
        return response
    finally:
        sb.limiter.release(tenant)


def create_app(sandbox: XeroSandbox | None = None) -> Starlette:
    from .sandbox import XeroSandbox

    sb = sandbox or XeroSandbox()

    async def endpoint(request: Request) -> Response:
        rel = "/" + request.path_params.get("path", "")
        low = rel.lower().rstrip("/")
        try:
            if low in ("/identity/connect/authorize", "/connect/authorize"):
                tenants = sb.tenant_names()
                return await sb.identity.authorize(request, tenants)
            if low in ("/identity/connect/token", "/connect/token") and request.method == "POST":
                return await sb.identity.token(request)
            if low in ("/identity/connect/revocation", "/connect/revocation") and request.method == "POST":
                return await sb.identity.revoke(request)
            if low == "/connections" and request.method == "GET":
                client_id, _grant = sb.identity.bearer(request)
                conns = sb.identity.connections(client_id)
                event = request.query_params.get("authEventId")
                if event:
                    conns = [c for c in conns if c["authEventId"] == event]
                return json_response(conns)
            if low.startswith("/connections/") and request.method == "DELETE":
                client_id, _ = sb.identity.bearer(request)
                if not sb.identity.disconnect(client_id, rel.rsplit("/", 1)[1]):
                    raise not_found()
                return Response(status_code=204)
            if low == PREFIX or low.startswith(PREFIX + "/"):
                segs = [s for s in rel[len(PREFIX):].split("/") if s]
                return await accounting(sb, request, segs)
            raise not_found()
        except XeroError as err:
            return err.response()

    app = Starlette(
        routes=[Route("/{path:path}", endpoint, methods=["GET", "POST", "PUT", "DELETE", "PATCH"])],
        middleware=[Middleware(FaultInjectionMiddleware, plan=sb.faults, render_error=render_fault)])
    app.state.sandbox = sb
    return app


Handler = Callable[[Ctx], Awaitable[Response]]
