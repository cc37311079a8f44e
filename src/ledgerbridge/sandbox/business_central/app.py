"""The ASGI app: Entra ID's OAuth endpoints and the Business Central API v1.0 under
``/v2.0/{tenant}/{environment}/api/v1.0``.

Pipeline of an API call, in Business Central's order: bearer token for this tenant (401) → rate limit (429 with
``Retry-After``, before any work) → entity set and record (404) → ``If-Match`` on PATCH/DELETE (400 without one,
412 when stale) → the change. Records carry ``@odata.etag``; lists are ``{"@odata.context", "value"}`` with an
``@odata.nextLink`` when ``Prefer: odata.maxpagesize`` cut the page.

Deletions: the v1.0 API has no deleted-records feed; a client learns of a deletion only by reading again (a 404,
or a record missing from a full listing).
"""

from __future__ import annotations

import re
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from simplejson import JSONDecodeError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..faults import FaultInjectionMiddleware
from . import documents as docs
from . import odata
from .entities import EXPANDS, PARENT_FIELD, SETS, EntitySet
from .errors import BCError, bad_request, dialog, json_response, missing_etag, not_found, render_fault, unauthorized
from .errors import entity_changed as stale
from .state import etag, loads, public

if TYPE_CHECKING:
    from .sandbox import BusinessCentralSandbox

API = "/v2.0/{tenant}/{environment}/api/v1.0"
_SEGMENT = re.compile(r"^([A-Za-z.]+)(?:\((.*)\))?$")
ACTIONS = {"salesInvoices": {"post", "postAndSend", "send", "cancel", "cancelAndSend", "makeCorrectiveCreditMemo"},
           "salesCreditMemos": {"post", "postAndSend", "send", "cancel", "cancelAndSend"},
           "purchaseInvoices": {"post"}, "journals": {"post"}}


def _key(raw: str | None) -> str | None:
    return None if raw is None else raw.strip("'").lower()


class Call:
    """One API call: the company, the path below it and the request."""

    def __init__(self, sb: BusinessCentralSandbox, request: Request, base: str, company: str) -> None:
        self.sb, self.request, self.base, self.company = sb, request, base, company
        self.state = sb.state
        self.params = dict(request.query_params)

    async def body(self) -> dict[str, Any]:
        try:
            body = loads(await self.request.body() or b"{}")
        except JSONDecodeError as exc:
            raise bad_request("The request body is not valid JSON.") from exc
        if not isinstance(body, dict):
            raise bad_request("The request body must be a JSON object.")
        return body

    def wire(self, entity_set: str, record: dict[str, Any], expand: list[str] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"@odata.etag": etag(int(record["_version"]))}
        known = SETS[entity_set].properties  # what this entity has in the contract, and nothing else
        out.update({k: v for k, v in public(record).items() if k in known})
        for name in expand or []:
            child = EXPANDS[entity_set][name]
            out[name] = [self.wire(child, r) for r in self.children(child, record["id"])]
        return out

    def children(self, child: str, parent_id: str) -> list[dict[str, Any]]:
        field = PARENT_FIELD[child]
        rows = [r for r in self.state.rows(self.company, child).values() if r.get(field) == parent_id.lower()]
        return sorted(rows, key=lambda r: (int(r.get("sequence") or r.get("lineNumber") or 0), r["_seq"]))

    def record(self, entity_set: str, ident: str) -> dict[str, Any]:
        found = self.state.get(self.company, entity_set, ident)
        if found is None:
            raise not_found(SETS[entity_set].entity, ident)
        return found

    def check_etag(self, record: dict[str, Any]) -> None:
        given = self.request.headers.get("if-match")
        if not given:
            raise missing_etag()
        if given.strip() != "*" and given.strip() != etag(int(record["_version"])):
            raise stale()


def _writable(es: EntitySet, body: dict[str, Any], *, nested: frozenset[str] = frozenset()) -> dict[str, Any]:
    for field in body:
        if field.startswith("@odata"):
            continue
        if field not in es.properties:
            raise bad_request(f"The property '{field}' does not exist on type 'Microsoft.NAV.{es.entity}'. Make sure "
                              "to only use property names that are defined by the type.")
    return {k: v for k, v in body.items() if (k not in es.read_only and not k.startswith("@odata"))
            or k in nested}


# --- reads -----------------------------------------------------------------------------------------------------

def list_rows(call: Call, entity_set: str, rows: list[dict[str, Any]], context: str) -> Response:
    es = SETS[entity_set]
    p = call.params
    if "$filter" in p:
        predicate = odata.parse_filter(p["$filter"], set(es.properties))
        rows = [r for r in rows if predicate(r)]
    rows = sorted(rows, key=lambda r: int(r["_seq"]))
    token = p.get("$skiptoken")
    if token is not None:
        rows = [r for r in rows if int(r["_seq"]) > int(token)]
    skip, top = odata.integer(p, "$skip") or 0, odata.integer(p, "$top")
    rows = rows[skip:] if top is None else rows[skip:skip + top]
    size = odata.max_page_size(call.request.headers.get("prefer"))
    page, more = rows[:size], len(rows) > size
    expand = _expand(entity_set, p.get("$expand"))
    select = odata.csv(p.get("$select"))
    for name in select:
        if name not in es.properties:
            raise bad_request(f"Could not find a property named '{name}' on type 'Microsoft.NAV.{es.entity}'.")
    value = []
    for row in page:
        item = call.wire(entity_set, row, expand)
        if select:
            item = {k: v for k, v in item.items() if k in select or k == "@odata.etag" or k in expand}
        value.append(item)
    body: dict[str, Any] = {"@odata.context": f"{call.base}/$metadata#{context}", "value": value}
    headers = {}
    if more:
        # The rest after the last row served; $skip/$top already applied to this window, so they are not repeated.
        rest = {k: v for k, v in p.items() if k not in ("$skip", "$top", "$skiptoken")}
        if top is not None:
            rest["$top"] = str(len(rows) - size)
        rest["$skiptoken"] = str(page[-1]["_seq"])
        body["@odata.nextLink"] = f"{str(call.request.url).split('?')[0]}?{urlencode(rest)}"
        headers["Preference-Applied"] = f"odata.maxpagesize={size}"
    return json_response(body, headers=headers)


def _expand(entity_set: str, raw: str | None) -> list[str]:
    names = odata.csv(raw)
    for name in names:
        if name not in EXPANDS.get(entity_set, {}):
            raise bad_request(f"Could not find a navigation property named '{name}' on type "
                              f"'Microsoft.NAV.{SETS[entity_set].entity}'.")
    return names


# --- writes ----------------------------------------------------------------------------------------------------

def _master(call: Call, es: EntitySet, body: dict[str, Any], current: dict[str, Any] | None) -> dict[str, Any]:
    record = dict(current or {"id": str(uuid.uuid4())})
    record.update(body)
    if current is None:
        if es.series is not None and not record.get("number"):
            prefix, start = es.series
            record["number"] = f"{prefix}{call.state.next_number(call.company, es.name, start)}"
        if es.name in ("customers", "vendors"):
            record.setdefault("displayName", "")
            record.setdefault("address", {"street": "", "city": "", "state": "", "countryLetterCode": "",
                                          "postalCode": ""})
            record.setdefault("blocked", " ")
            record.setdefault("currencyCode", "")
            record.setdefault("taxLiable", False)
            if es.name == "customers":
                record.setdefault("type", "Company")
            else:
                record["balance"] = Decimal("0")
        if es.name == "items":
            record.setdefault("type", "Inventory")
            record.setdefault("blocked", False)
            record.setdefault("unitPrice", Decimal("0"))
            record.setdefault("unitCost", Decimal("0"))
            record.setdefault("priceIncludesTax", False)
            record["inventory"] = Decimal("0")
        if es.name in ("taxGroups", "taxAreas"):
            record.setdefault("taxType", "Sales Tax")
    if "number" in record and es.series is not None:
        clash = [r for r in call.state.rows(call.company, es.name).values()
                 if r.get("number") == record["number"] and r["id"] != record["id"]]
        if clash:
            raise bad_request(f"The record in table {es.entity} already exists. Identification fields and values: "
                              f"No.='{record['number']}'", "Internal_EntityWithSameKeyExists")
    if es.name == "items" and record.get("taxGroupCode"):
        docs.tax_percent(call.state, call.company, str(record["taxGroupCode"]))
    return record


async def create(call: Call, entity_set: str, parent: tuple[str, str] | None) -> Response:
    es = SETS[entity_set]
    if not es.create:
        raise BCError(405, "BadRequest_MethodNotAllowed", f"'POST' requests for '{entity_set}' are not allowed.")
    kind = docs.DOCUMENTS.get(entity_set)
    body = _writable(es, await call.body(), nested=frozenset({kind.lines}) if kind else frozenset())
    state = call.state
    with state.writing():
        if kind is not None:
            doc, lines = docs.new_document(state, call.company, kind, body)
            for line in lines:
                state.put(call.company, kind.lines, line)
            docs.recompute(state, call.company, kind, doc)
            record = state.put(call.company, entity_set, doc)
            expand = [kind.lines] if kind.lines in body else []
            return _created(call, entity_set, record, expand)
        line_kind = docs.LINE_SETS.get(entity_set)
        if line_kind is not None:
            return _created(call, entity_set, _add_line(call, line_kind, parent, body))
        if entity_set == "customerPayments":
            return _created(call, entity_set, _payment(call, body, parent))
        if entity_set == "journalLines":
            return _created(call, entity_set, _journal_line(call, body, parent))
        record = state.put(call.company, entity_set, _master(call, es, body, None))
        return _created(call, entity_set, record)


def _created(call: Call, entity_set: str, record: dict[str, Any], expand: list[str] | None = None) -> Response:
    location = f"{call.base}/companies({call.company})/{entity_set}({record['id']})"
    return json_response(call.wire(entity_set, record, expand), 201, {"Location": location})


def _add_line(call: Call, kind: docs.DocKind, parent: tuple[str, str] | None, body: dict[str, Any]) -> dict[str, Any]:
    doc_id = parent[1] if parent else str(body.get("documentId") or "")
    doc = call.record(kind.entity_set, doc_id)
    docs.require_draft(kind, doc, "change the lines of")
    existing = docs.lines_of(call.state, call.company, kind, doc["id"])
    sequence = int(body.get("sequence") or (max((int(r["sequence"]) for r in existing), default=0) + 10000))
    line = docs.build_line(call.state, call.company, kind, doc, body, sequence)
    record = call.state.put(call.company, kind.lines, line)
    docs.recompute(call.state, call.company, kind, doc)
    call.state.put(call.company, kind.entity_set, doc)
    return record


def _payment(call: Call, body: dict[str, Any], parent: tuple[str, str] | None) -> dict[str, Any]:
    """A customer payment line. The v1.0 contract gives customer payment journals no post action, so the sandbox
    applies a payment to the invoice it names at once (as a posted cash receipt would)."""
    state, company = call.state, call.company
    journals = state.rows(company, "customerPaymentJournals")
    journal = call.record("customerPaymentJournals", parent[1]) if parent else next(
        (j for j in journals.values() if j["code"] == body.get("journalDisplayName", "CASHRCPT")), None)
    if journal is None:
        raise bad_request(f"The journal '{body.get('journalDisplayName')}' does not exist.", "Internal_RecordNotFound")
    customer = None
    if body.get("customerId"):
        customer = call.record("customers", str(body["customerId"]))
    elif body.get("customerNumber"):
        customer = next((c for c in state.rows(company, "customers").values()
                         if c["number"] == body["customerNumber"]), None)
    invoice = None
    if body.get("appliesToInvoiceId"):
        invoice = call.record("salesInvoices", str(body["appliesToInvoiceId"]))
    elif body.get("appliesToInvoiceNumber"):
        invoice = next((i for i in state.rows(company, "salesInvoices").values()
                        if i["number"] == body["appliesToInvoiceNumber"]), None)
    if invoice is not None and customer is None:
        customer = state.get(company, "customers", str(invoice["customerId"]))
    if invoice is not None and customer is not None and invoice["customerId"] != customer["id"]:
        raise dialog("The invoice the payment applies to belongs to another customer.")
    amount = docs.number(body.get("amount"), "amount")
    existing = call.children("customerPayments", journal["id"])
    record = {"id": str(uuid.uuid4()), "journalDisplayName": journal["code"],
              "lineNumber": max((int(r["lineNumber"]) for r in existing), default=0) + 10000,
              "customerId": customer["id"] if customer else None,
              "customerNumber": customer["number"] if customer else "", "contactId": "",
              "postingDate": body.get("postingDate") or state.stamp()[:10],
              "documentNumber": body.get("documentNumber") or f"G{state.next_number(company, 'PAY', 1)}",
              "externalDocumentNumber": body.get("externalDocumentNumber", ""), "amount": amount,
              "appliesToInvoiceId": invoice["id"] if invoice else None,
              "appliesToInvoiceNumber": invoice["number"] if invoice else "",
              "description": body.get("description") or (customer["displayName"] if customer else ""),
              "comment": body.get("comment", ""), "_journal": journal["id"]}
    if invoice is not None:
        docs.apply_payment(state, company, invoice, amount)
        state.put(company, "salesInvoices", invoice)
        record["_applied"] = True
    return state.put(company, "customerPayments", record)


def _journal_line(call: Call, body: dict[str, Any], parent: tuple[str, str] | None) -> dict[str, Any]:
    state, company = call.state, call.company
    journal = call.record("journals", parent[1]) if parent else next(
        (j for j in state.rows(company, "journals").values() if j["code"] == body.get("journalDisplayName")), None)
    if journal is None:
        raise bad_request(f"The journal '{body.get('journalDisplayName')}' does not exist.", "Internal_RecordNotFound")
    account = None
    if body.get("accountId"):
        account = call.record("accounts", str(body["accountId"]))
    elif body.get("accountNumber"):
        account = next((a for a in state.rows(company, "accounts").values()
                        if a["number"] == body["accountNumber"]), None)
        if account is None:
            raise bad_request(f"The G/L Account '{body['accountNumber']}' does not exist.", "Internal_RecordNotFound")
    existing = call.children("journalLines", journal["id"])
    record = {"id": str(uuid.uuid4()), "journalDisplayName": journal["code"],
              "lineNumber": int(body.get("lineNumber") or max((int(r["lineNumber"]) for r in existing),
                                                              default=0) + 10000),
              "accountType": body.get("accountType", "G/L Account"),
              "accountId": account["id"] if account else None, "accountNumber": account["number"] if account else "",
              "postingDate": body.get("postingDate") or state.stamp()[:10],
              "documentNumber": body.get("documentNumber", ""),
              "externalDocumentNumber": body.get("externalDocumentNumber", ""),
              "amount": docs.number(body.get("amount"), "amount"), "description": body.get("description", ""),
              "comment": body.get("comment", ""), "_journal": journal["id"]}
    return state.put(company, "journalLines", record)


def post_journal(call: Call, journal: dict[str, Any]) -> None:
    """Post a general journal: each document's lines must balance (or the journal's balancing account takes the
    difference line by line); they become general ledger entries and leave the journal."""
    state, company = call.state, call.company
    lines = call.children("journalLines", journal["id"])
    if not lines:
        raise dialog("There is nothing to post.")
    balancing = journal.get("balancingAccountId")
    if not balancing:
        by_doc: dict[str, Decimal] = {}
        for line in lines:
            by_doc[line["documentNumber"]] = by_doc.get(line["documentNumber"], Decimal(0)) + line["amount"]
        for doc, total in by_doc.items():
            if total != 0:
                raise dialog(f"Document No. {doc} is out of balance by {total}. Please check that the Posting Date, "
                             "Document Type, Document No. and amount are correct for each line.")
    entries = state.rows(company, "generalLedgerEntries")
    for line in lines:
        legs = [(line["accountId"], line["accountNumber"], line["amount"])]
        if balancing:
            bal = state.get(company, "accounts", str(balancing)) or {}
            legs.append((balancing, bal.get("number", ""), -line["amount"]))
        for account_id, account_number, amount in legs:
            entry_no = len(entries) + 1
            state.put(company, "generalLedgerEntries", {
                "id": entry_no, "postingDate": line["postingDate"], "documentNumber": line["documentNumber"],
                "documentType": "", "accountId": account_id, "accountNumber": account_number,
                "description": line["description"], "debitAmount": amount if amount > 0 else Decimal(0),
                "creditAmount": -amount if amount < 0 else Decimal(0)})
        state.delete(company, "journalLines", line["id"])


async def update(call: Call, entity_set: str, ident: str) -> Response:
    es = SETS[entity_set]
    if not es.update:
        raise BCError(405, "BadRequest_MethodNotAllowed", f"'PATCH' requests for '{entity_set}' are not allowed.")
    current = call.record(entity_set, ident)
    call.check_etag(current)
    body = _writable(es, await call.body())
    state = call.state
    with state.writing():
        kind = docs.DOCUMENTS.get(entity_set)
        line_kind = docs.LINE_SETS.get(entity_set)
        if kind is not None:
            docs.require_draft(kind, current, "change")
            body.pop(kind.lines, None)
            doc = dict(current)
            doc.update(body)
            if "number" in body and body["number"] != current["number"]:
                raise bad_request("You cannot rename the number of a document.", "Internal_ValidationError")
            docs.fill_header(state, call.company, kind, doc, body)
            docs.recompute(state, call.company, kind, doc)
            for line in docs.lines_of(state, call.company, kind, doc["id"]):
                state.put(call.company, kind.lines, line)
            record = state.put(call.company, entity_set, doc)
        elif line_kind is not None:
            doc = call.record(line_kind.entity_set, current["documentId"])
            docs.require_draft(line_kind, doc, "change the lines of")
            line = docs.build_line(state, call.company, line_kind, doc, body, int(current["sequence"]), current)
            record = state.put(call.company, entity_set, line)
            docs.recompute(state, call.company, line_kind, doc)
            state.put(call.company, line_kind.entity_set, doc)
        elif entity_set == "customerPayments":
            if current.get("_applied") and any(k in body and body[k] != current.get(k) for k in
                                               ("amount", "appliesToInvoiceId", "appliesToInvoiceNumber",
                                                "customerId", "customerNumber")):
                raise dialog("You cannot change the amount or application of a payment that is applied; delete it "
                             "and enter it again.")
            record = state.put(call.company, entity_set, {**current, **body})
        else:
            record = state.put(call.company, entity_set, _master(call, es, body, current))
    return json_response(call.wire(entity_set, record))


async def delete(call: Call, entity_set: str, ident: str) -> Response:
    es = SETS[entity_set]
    if not es.delete:
        raise BCError(405, "BadRequest_MethodNotAllowed", f"'DELETE' requests for '{entity_set}' are not allowed.")
    current = call.record(entity_set, ident)
    call.check_etag(current)
    state = call.state
    with state.writing():
        kind = docs.DOCUMENTS.get(entity_set)
        line_kind = docs.LINE_SETS.get(entity_set)
        if kind is not None:
            docs.require_draft(kind, current, "delete")
            for line in docs.lines_of(state, call.company, kind, current["id"]):
                state.delete(call.company, kind.lines, line["id"])
        elif line_kind is not None:
            doc = call.record(line_kind.entity_set, current["documentId"])
            docs.require_draft(line_kind, doc, "change the lines of")
            state.delete(call.company, entity_set, ident)
            docs.recompute(state, call.company, line_kind, doc)
            state.put(call.company, line_kind.entity_set, doc)
        elif entity_set == "customerPayments" and current.get("_applied"):
            invoice = state.get(call.company, "salesInvoices", str(current["appliesToInvoiceId"]))
            if invoice is not None:
                docs.unapply_payment(invoice, current["amount"])
                state.put(call.company, "salesInvoices", invoice)
        elif entity_set in ("customers", "vendors", "items"):
            field = {"customers": "customerId", "vendors": "vendorId", "items": "itemId"}[entity_set]
            used = [s for s in ("salesInvoices", "purchaseInvoices", "salesInvoiceLines", "purchaseInvoiceLines")
                    if any(r.get(field) == current["id"] for r in state.rows(call.company, s).values())]
            if used:
                raise dialog(f"You cannot delete {current.get('displayName')} because there are documents for it.")
        state.delete(call.company, entity_set, ident)
    return Response(status_code=204)


async def action(call: Call, entity_set: str, ident: str, name: str) -> Response:
    if name not in ACTIONS.get(entity_set, set()):
        raise not_found("action", f"Microsoft.NAV.{name}")
    record = call.record(entity_set, ident)
    state = call.state
    with state.writing():
        if entity_set == "journals":
            post_journal(call, record)
            return Response(status_code=204)
        kind = docs.DOCUMENTS[entity_set]
        if name in ("post", "postAndSend") or (name == "send" and record["status"] == "Draft"):
            docs.post(state, call.company, kind, record)
        elif name in ("cancel", "cancelAndSend"):
            docs.cancel(state, call.company, kind, record)
        elif name == "makeCorrectiveCreditMemo":
            if record["status"] not in ("Open", "Paid"):
                raise dialog(f"You can only correct a posted invoice; {record['number']} is {record['status']}.")
            docs.corrective_memo(state, call.company, record)
        state.put(call.company, entity_set, record)
    return Response(status_code=204)


# --- routing ---------------------------------------------------------------------------------------------------

async def api(sb: BusinessCentralSandbox, request: Request) -> Response:
    tenant = request.path_params["tenant"].lower()
    environment = request.path_params["environment"]
    base = f"{str(request.base_url).rstrip('/')}/v2.0/{tenant}/{environment}/api/v1.0"
    auth = request.headers.get("authorization", "")
    bearer = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
    if not bearer or sb.identity.tenant_of(bearer) != tenant:
        return unauthorized().response()
    if environment not in sb.environments(tenant):
        return BCError(404, "NoEnvironment", f"Environment '{environment}' does not exist for tenant.").response()
    limited = await sb.limiter.enter(f"{tenant}/{sb.identity.client_of(bearer)}")
    if limited is not None:
        return limited
    try:
        return await route(sb, request, base, tenant, request.path_params["rest"])
    except BCError as exc:
        return exc.response()
    finally:
        sb.limiter.leave(f"{tenant}/{sb.identity.client_of(bearer)}")


async def route(sb: BusinessCentralSandbox, request: Request, base: str, tenant: str, rest: str) -> Response:
    parts = []
    for seg in rest.strip("/").split("/"):
        match = _SEGMENT.match(seg)
        if match is None:
            raise bad_request(f"Resource not found for the segment '{seg}'.", "BadRequest_NotFound")
        parts.append((match.group(1), _key(match.group(2))))
    method = request.method.upper()
    name, company = parts[0]
    if name != "companies":
        raise bad_request(f"Resource not found for the segment '{name}'.", "BadRequest_NotFound")
    companies = sb.companies(tenant)
    if company is None:
        if len(parts) > 1 or method != "GET":
            raise bad_request("Resource not found for the segment 'companies'.", "BadRequest_NotFound")
        return json_response({"@odata.context": f"{base}/$metadata#companies",
                              "value": [{k: v for k, v in c.items()} for c in companies.values()]})
    if company not in companies:
        raise not_found("company", company)
    call = Call(sb, request, base, company)
    if len(parts) == 1:
        return json_response({"@odata.context": f"{base}/$metadata#companies/$entity", **companies[company]})
    entity_set, ident = parts[1]
    if entity_set not in SETS:
        raise bad_request(f"Resource not found for the segment '{entity_set}'.", "BadRequest_NotFound")
    context = f"companies({company})/{entity_set}"
    if len(parts) == 2:
        if ident is None:
            if method == "GET":
                return list_rows(call, entity_set, list(call.state.rows(company, entity_set).values()), context)
            if method == "POST":
                return await create(call, entity_set, None)
        else:
            if method == "GET":
                record = call.record(entity_set, ident)
                return json_response({"@odata.context": f"{base}/$metadata#{context}/$entity",
                                      **call.wire(entity_set, record, _expand(entity_set,
                                                                             call.params.get("$expand")))})
            if method == "PATCH":
                return await update(call, entity_set, ident)
            if method == "DELETE":
                return await delete(call, entity_set, ident)
        raise BCError(405, "BadRequest_MethodNotAllowed", f"'{method}' requests for '{entity_set}' are not allowed.")
    sub, sub_ident = parts[2]
    if ident is None or len(parts) > 3:
        raise bad_request(f"Resource not found for the segment '{sub}'.", "BadRequest_NotFound")
    if sub.startswith("Microsoft.NAV.") and method == "POST":
        return await action(call, entity_set, ident, sub.removeprefix("Microsoft.NAV."))
    child = EXPANDS.get(entity_set, {}).get(sub)
    if child is None:
        raise bad_request(f"Resource not found for the segment '{sub}'.", "BadRequest_NotFound")
    parent = call.record(entity_set, ident)
    if sub_ident is not None:
        found = call.state.get(company, child, sub_ident)
        if found is None or found.get(PARENT_FIELD[child]) != parent["id"]:
            raise not_found(SETS[child].entity, sub_ident)
        if method == "GET":
            return json_response(call.wire(child, found))
        if method == "PATCH":
            return await update(call, child, sub_ident)
        if method == "DELETE":
            return await delete(call, child, sub_ident)
    elif method == "GET":
        return list_rows(call, child, call.children(child, parent["id"]), f"{context}({ident})/{sub}")
    elif method == "POST":
        return await create(call, child, (entity_set, parent["id"]))
    raise BCError(405, "BadRequest_MethodNotAllowed", f"'{method}' requests for '{sub}' are not allowed.")


def create_app(sandbox: BusinessCentralSandbox | None = None) -> Starlette:
    from .sandbox import BusinessCentralSandbox

    sb = sandbox or BusinessCentralSandbox()

    async def authorize(request: Request) -> Response:
        return sb.identity.authorize(request, request.path_params["tenant"])

    async def token(request: Request) -> Response:
        return await sb.identity.token(request, request.path_params["tenant"])

    async def endpoint(request: Request) -> Response:
        return await api(sb, request)

    return Starlette(
        routes=[
            Route("/{tenant}/oauth2/v2.0/authorize", authorize, methods=["GET"]),
            Route("/{tenant}/oauth2/v2.0/token", token, methods=["POST"]),
            Route(API + "/{rest:path}", endpoint, methods=["GET", "POST", "PATCH", "DELETE"]),
        ],
        middleware=[Middleware(FaultInjectionMiddleware, plan=sb.faults, render_error=render_fault)])
