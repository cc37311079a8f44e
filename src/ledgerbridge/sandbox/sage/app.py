"""The ASGI app: Sage's OAuth endpoints and the Accounting API v3.1 under ``/v3.1``.

Pipeline of an API call: bearer token (401) → ``X-Business`` among the user's businesses (403; without the
header, the lead business, as Sage does) → rate limit (429, before any work) → handler. Bodies wrap the record
in its singular name (``{"sales_invoice": {...}}``); a create may carry Sage's ``idempotency_id`` inside that
object: a repeat answers the first record (201) and writes nothing.

Lists answer Sage's real envelope ``{"$total","$page","$next","$back","$itemsPerPage","$items"}`` (the swagger
says a bare array; the live API wraps it). Items are ``{id, displayed_as, $path}`` unless ``attributes=all``
(or a comma list of attributes). ``updated_or_created_since`` keeps records stamped at or after it;
``deleted_since`` lists the tombstones of deleted records instead. ``items_per_page`` defaults to 20, at most 200.

``GET /businesses`` and ``/businesses/{key}`` belong to Sage's core API (same host and version, not in the
accounting swagger).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from simplejson import JSONDecodeError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..faults import FaultInjectionMiddleware
from . import documents, masters
from .errors import SageError, bad_request, entry, forbidden, invalid, json_response, not_found
from .state import Record

if TYPE_CHECKING:
    from .sandbox import SageSandbox

PREFIX = "/v3.1"
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 200
Saver = Callable[[Any, str, Any, Record | None], Record]

# collection → (body key, saver) for the simple record kinds; documents and payments have their own handlers
SIMPLE: dict[str, tuple[str, Saver | None]] = {
    "contacts": ("contact", masters.save_contact),
    "ledger_accounts": ("ledger_account", masters.save_ledger_account),
    "products": ("product", masters.save_product),
    "tax_rates": ("tax_rate", masters.save_tax_rate),
    "journals": ("journal", masters.save_journal),
    "bank_accounts": ("bank_account", None),
    "analysis_types": ("analysis_type", None),
    "analysis_type_categories": ("analysis_type_category", None),
}
PAYMENTS = "contact_payments"


class Call:
    def __init__(self, sb: SageSandbox, request: Request, business: str) -> None:
        self.sb, self.request, self.business = sb, request, business
        self.params = request.query_params
        self.store = sb.store

    async def body(self, singular: str) -> Any:
        raw = await self.request.body()
        try:
            parsed = _loads(raw) if raw.strip() else None
        except (JSONDecodeError, ValueError) as exc:
            raise bad_request("The request body is not valid JSON") from exc
        if not isinstance(parsed, dict) or not isinstance(parsed.get(singular), dict):
            raise invalid(singular, f"The body must be an object with a '{singular}' object")
        return parsed[singular]

    def replay(self, collection: str, inner: dict[str, Any]) -> tuple[str | None, Record | None]:
        """Sage's idempotency: the record an earlier create with this ``idempotency_id`` made, if any."""
        key = inner.pop("idempotency_id", None)
        if not key:
            return None, None
        slot = f"{self.business}/{collection}/{key}"
        found = self.store.idempotency.get(slot)
        return slot, (self.store.get(self.business, collection, found) if found else None)

    def remember(self, slot: str | None, record: Record) -> None:
        if slot is not None:
            self.store.idempotency[slot] = record["id"]


def _loads(raw: bytes) -> Any:
    import simplejson

    return simplejson.loads(raw, use_decimal=True)


def _since(value: str | None, name: str) -> str | None:
    """A ``*_since`` parameter as a comparable stamp (Sage's own format, UTC to the second)."""
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "+"))
    except ValueError as exc:
        raise bad_request(f"{value!r} is not a valid date-time", name) from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _int_param(call: Call, name: str, default: int) -> int:
    value = call.params.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise bad_request(f"{name} must be a whole number", name) from exc


def _shape(record: Record, attributes: str | None) -> Record:
    summary = {"id": record["id"], "displayed_as": record.get("displayed_as", ""), "$path": record.get("$path", "")}
    if not attributes:
        return summary
    if attributes == "all":
        return record
    wanted = {a.strip() for a in attributes.split(",")}
    return {**summary, **{k: v for k, v in record.items() if k in wanted}}


def list_records(call: Call, collection: str) -> Response:
    params = call.params
    deleted_since = _since(params.get("deleted_since"), "deleted_since")
    since = _since(params.get("updated_or_created_since"), "updated_or_created_since")
    if deleted_since is not None:
        rows = [r for r in call.store.deleted(call.business, collection) if r["deleted_at"] >= deleted_since]
    else:
        rows = call.store.all(call.business, collection)
        if since is not None:
            rows = [r for r in rows if r["updated_at"] >= since]
    if params.get("contact_id"):
        rows = [r for r in rows if (r.get("contact") or {}).get("id") == params["contact_id"]]
    if params.get("status_id"):
        rows = [r for r in rows if (r.get("status") or {}).get("id") == params["status_id"]]
    if params.get("from_date"):
        rows = [r for r in rows if str(r.get("date", "")) >= params["from_date"]]
    if params.get("to_date"):
        rows = [r for r in rows if str(r.get("date", "")) <= params["to_date"]]
    if params.get("search"):
        needle = params["search"].lower()
        rows = [r for r in rows if needle in str(r.get("displayed_as", "")).lower()]
    if params.get("contact_type_id"):
        rows = [r for r in rows if params["contact_type_id"] in [t["id"] for t in r.get("contact_types", [])]]
    rows.sort(key=lambda r: (str(r.get("created_at", "")), r["id"]))
    size = min(MAX_PAGE_SIZE, max(1, _int_param(call, "items_per_page", DEFAULT_PAGE_SIZE)))
    page = max(1, _int_param(call, "page", 1))
    chunk = rows[(page - 1) * size: page * size]
    attributes = params.get("attributes")

    def link(to: int) -> str:
        query = {k: v for k, v in params.items() if k not in ("page",)} | {"page": str(to)}
        return f"/{collection}?{urlencode(query)}"

    body = {"$total": len(rows), "$page": page, "$next": link(page + 1) if page * size < len(rows) else None,
            "$back": link(page - 1) if page > 1 else None, "$itemsPerPage": size,
            "$items": [_shape(r, attributes if deleted_since is None else "all") for r in chunk]}
    return json_response(body)


def one(call: Call, collection: str, key: str) -> Record:
    found = call.store.get(call.business, collection, key)
    if found is None:
        raise not_found(collection.rstrip("s").replace("_", " "))
    return found


def _store(call: Call, collection: str, record: Record) -> Record:
    saved = call.store.put(call.business, collection, record)
    call.store.save()
    return saved


async def simple(call: Call, collection: str, key: str | None) -> Response:
    singular, saver = SIMPLE[collection]
    method = call.request.method
    if key is None and method == "GET":
        return list_records(call, collection)
    if key is None and method == "POST" and saver is not None:
        inner = await call.body(singular)
        slot, earlier = call.replay(collection, inner)
        if earlier is not None:
            return json_response(earlier, 201)
        record = _store(call, collection, saver(call.store, call.business, inner, None))
        call.remember(slot, record)
        call.store.save()
        return json_response(record, 201)
    if key is not None and method == "GET":
        return json_response(one(call, collection, key))
    if key is not None and method == "PUT" and saver is not None and collection != "journals":
        current = one(call, collection, key)
        return json_response(_store(call, collection, saver(call.store, call.business,
                                                            await call.body(singular), current)))
    if key is not None and method == "DELETE" and collection in ("contacts", "products", "journals"):
        current = one(call, collection, key)
        if collection == "contacts" and any(r["contact"]["id"] == key for c in ("sales_invoices", "purchase_invoices")
                                            for r in call.store.all(call.business, c)):
            raise invalid("base", "A contact with transactions cannot be deleted", "RecordNotDeletable")
        call.store.delete(call.business, collection, current["id"])
        call.store.save()
        return Response(status_code=204)
    raise _not_allowed()


def _not_allowed() -> SageError:
    return SageError(405, [entry("MethodNotAllowed", "This operation is not available on this resource")])


async def document(call: Call, kind: documents.DocKind, key: str | None, action: str | None) -> Response:
    method, collection = call.request.method, kind.collection
    if action is not None:
        if action == "release" and method == "POST" and kind is documents.SALES_INVOICES:
            released = documents.release(call.store, call.business, kind, one(call, collection, key or ""))
            return json_response(_store(call, collection, released), 201)
        raise not_found()
    if key is None and method == "GET":
        return list_records(call, collection)
    if key is None and method == "POST":
        inner = await call.body(kind.singular)
        slot, earlier = call.replay(collection, inner)
        if earlier is not None:
            return json_response(earlier, 201)
        record = _store(call, collection, documents.save(call.store, call.business, kind, inner, None))
        call.remember(slot, record)
        call.store.save()
        return json_response(record, 201)
    if key is None:
        raise _not_allowed()
    current = one(call, collection, key)
    if method == "GET":
        return json_response(current)
    if method == "PUT":
        inner = await call.body(kind.singular)
        return json_response(_store(call, collection, documents.save(call.store, call.business, kind, inner,
                                                                     current)))
    if method == "DELETE":
        if kind is documents.PURCHASE_INVOICES or current["status"]["id"] == "DRAFT":
            documents.check_deletable(kind, current)
            gone = call.store.delete(call.business, collection, key)
            call.store.save()
            if kind is documents.PURCHASE_INVOICES:
                return Response(status_code=204)
            return json_response(gone)
        voided = documents.void(kind, current, call.params.get("void_reason"))
        return json_response(_store(call, collection, voided))
    raise _not_allowed()


async def payment(call: Call, key: str | None) -> Response:
    method = call.request.method
    if key is None and method == "GET":
        return list_records(call, PAYMENTS)
    if key is not None and method == "GET":
        return json_response(one(call, PAYMENTS, key))
    if key is None and method == "POST":
        inner = await call.body("contact_payment")
        slot, earlier = call.replay(PAYMENTS, inner)
        if earlier is not None:
            return json_response(earlier, 201)
        record, settled = masters.save_contact_payment(call.store, call.business, inner, None)
        with call.store.lock:
            for doc in settled:
                call.store.put(call.business, "sales_invoices" if record["transaction_type"]["id"] ==
                               "CUSTOMER_RECEIPT" else "purchase_invoices", doc)
            saved = call.store.put(call.business, PAYMENTS, record)
            call.remember(slot, saved)
        call.store.save()
        return json_response(saved, 201)
    raise _not_allowed()


def business_record(call: Call, business: Record) -> Record:
    return {**business, "$path": f"/businesses/{business['id']}"}


async def api(request: Request) -> Response:
    sb: SageSandbox = request.app.state.sandbox
    try:
        sb.identity.bearer(request)
        # The route's own path parameter: under the demo the app is mounted, so the URL path has a prefix.
        segs = [s for s in request.path_params["path"].split("/") if s]
        if not segs:
            raise not_found()
        if segs[0] == "businesses":  # the core API: every business the user may reach
            if request.method != "GET":
                raise _not_allowed()
            rows = [business_record(Call(sb, request, b), sb.store.businesses[b]) for b in sb.store.businesses]
            if len(segs) == 2:
                found = next((r for r in rows if r["id"] == segs[1]), None)
                if found is None:
                    raise not_found("business")
                return json_response(found)
            return json_response({"$total": len(rows), "$page": 1, "$next": None, "$back": None,
                                  "$itemsPerPage": len(rows), "$items": rows})
        business = request.headers.get("x-business") or sb.lead_business()
        if business not in sb.store.businesses:
            raise forbidden(f"You do not have access to business {business!r}")
        wait = sb.limiter.acquire(business)
        if wait is not None:
            raise SageError(429, [entry("TooManyRequests", "Rate limit exceeded; retry later")],
                            {"Retry-After": str(wait)})
        call = Call(sb, request, business)
        collection, key = segs[0], segs[1] if len(segs) > 1 else None
        action = segs[2] if len(segs) > 2 else None
        if len(segs) > 3:
            raise not_found()
        if collection in documents.DOC_KINDS:
            return await document(call, documents.DOC_KINDS[collection], key, action)
        if action is None and collection in SIMPLE:
            return await simple(call, collection, key)
        if action is None and collection == PAYMENTS:
            return await payment(call, key)
        if collection == "financial_settings" and key is None and request.method == "GET":
            return json_response(sb.financial_settings(business))
        raise not_found()
    except SageError as err:
        return err.response()


async def authorize(request: Request) -> Response:
    sb: SageSandbox = request.app.state.sandbox
    return await sb.identity.authorize(request, [(b["id"], b["name"]) for b in sb.store.businesses.values()])


async def token(request: Request) -> Response:
    return await request.app.state.sandbox.identity.token(request)  # type: ignore[no-any-return]


async def revoke(request: Request) -> Response:
    return await request.app.state.sandbox.identity.revoke(request)  # type: ignore[no-any-return]


def _render_fault(status: int) -> Response:
    return json_response([entry("ServiceUnavailable" if status >= 500 else "Error", f"HTTP {status}")], status)


def create_app(sandbox: SageSandbox) -> Starlette:
    methods = ["GET", "POST", "PUT", "DELETE"]
    app = Starlette(routes=[
        Route("/oauth2/auth/central", authorize, methods=["GET", "POST"]),
        Route("/token", token, methods=["POST"]),
        Route("/revoke", revoke, methods=["POST"]),
        Route(PREFIX + "/{path:path}", api, methods=methods),
    ])
    app.state.sandbox = sandbox
    app.add_middleware(FaultInjectionMiddleware, plan=sandbox.faults, render_error=_render_fault)
    return app
