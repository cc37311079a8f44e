"""QuickBooksSandbox: the state and operations behind the HTTP app (also usable directly in tests)."""

from __future__ import annotations

import pathlib
import secrets
import time
from collections.abc import Callable
from typing import Any

from ..faults import FaultPlan
from . import errors
from .entities import (
    apply_payment,
    check_properties,
    clean,
    payment_applications,
    prepare,
)
from .query import Query, compile_query, project
from .ratelimit import RateLimiter
from .specs import SPECS, Context, Doc, EntitySpec
from .state import Store
from .wire import meta_time, today_pacific

ACCESS_TTL = 3600
REFRESH_TTL = 8726400  # 101 days, as Intuit reports in x_refresh_token_expires_in


class QuickBooksSandbox:
    def __init__(self, path: pathlib.Path | None = None, *, time_scale: float = 1.0,
                 rate_per_minute: int = 500, max_concurrent: int = 10) -> None:
        self.store = Store(path)
        self.time_scale = time_scale
        self.faults = FaultPlan(forget_keys=self.store.forget_requests, key_memory=self._remember_requests)
        self.limiter = RateLimiter(rate_per_minute, max_concurrent, time_scale)
        self.clock = time.time  # replaceable in tests (token expiry)
        #: (realm, entity, id, operation) on every change; set by webhooks.QuickBooksWebhooks
        self.on_change: Callable[[str, str, str, str], None] | None = None

    def _remember_requests(self, count: int) -> None:
        self.store.request_memory = count

    # ------------------------------------------------------------------ realms
    def create_realm(self, realm_id: str | None = None, *, company_name: str = "Sandbox Company US",
                     country: str = "US", currency: str = "USD") -> str:
        realm = realm_id or str(9341450000000000 + self.store.next_value("_global", "realm", start=1))
        if self.store.realm_info(realm) is not None:
            return realm
        self.store.put_realm(realm, {"company_name": company_name, "country": country, "currency": currency})
        now = self.clock()
        # Every US company has the pseudo tax codes TAX and NON, and exactly one CompanyInfo (Id "1")
        for code, taxable in (("TAX", True), ("NON", False)):
            self._insert(realm, "TaxCode", code, {
                "Name": code, "Description": "TAX" if taxable else "Non-Taxable", "Active": True, "Hidden": False,
                "Taxable": taxable, "TaxGroup": False}, now)
        addr = {"Id": "1", "Line1": "2600 Marine Way", "City": "Mountain View", "CountrySubDivisionCode": "CA",
                "PostalCode": "94043"}
        self._insert(realm, "CompanyInfo", "1", {
            "CompanyName": company_name, "LegalName": company_name, "CompanyAddr": addr,
            "CustomerCommunicationAddr": addr, "LegalAddr": addr, "PrimaryPhone": {},
            "CompanyStartDate": meta_time(now)[:10], "FiscalYearStartMonth": "January", "Country": country,
            "Email": {"Address": "noreply@quickbooks.com"}, "WebAddr": {}, "SupportedLanguages": "en",
            "NameValue": [{"Name": "NeoEnabled", "Value": "true"}, {"Name": "IndustryType", "Value": "Sandbox"}],
        }, now)
        return realm

    def realm(self, realm_id: str) -> dict[str, Any]:
        info = self.store.realm_info(realm_id)
        if info is None:
            raise KeyError(realm_id)
        return info

    def set_realm_defaults(self, realm_id: str, **values: Any) -> None:
        info = self.realm(realm_id)
        info.update(values)
        self.store.put_realm(realm_id, info)

    # ------------------------------------------------------------------ OAuth
    def register_client(self, client_id: str, client_secret: str, redirect_uris: list[str] | None = None) -> None:
        self.store.put_client(client_id, {"secret": client_secret, "redirect_uris": list(redirect_uris or [])})

    def issue_tokens(self, client_id: str, realm_id: str) -> dict[str, Any]:
        now = self.clock()
        access = "eyJ" + secrets.token_urlsafe(48)
        refresh = "AB1" + secrets.token_urlsafe(36)
        self.store.put_token(access, "access", {"client_id": client_id, "realm": realm_id,
                                                "expires": now + ACCESS_TTL / self.time_scale * self.time_scale})
        self.store.put_token(refresh, "refresh", {"client_id": client_id, "realm": realm_id,
                                                  "expires": now + REFRESH_TTL, "access": access})
        return {"access_token": access, "refresh_token": refresh, "token_type": "bearer",
                "expires_in": ACCESS_TTL, "x_refresh_token_expires_in": REFRESH_TTL}

    def check_access_token(self, token: str, realm_id: str) -> str | None:
        """None when valid for this realm, else the reason (used as the 401 ``detail``)."""
        found = self.store.token(token)
        if found is None or found[0] != "access":
            return "Token invalid"
        if found[1]["expires"] < self.clock():
            return f"Token expired: {token[:12]}..."
        if found[1]["realm"] != realm_id:
            return "Token not authorized for this realm"
        return None

    # ------------------------------------------------------------------ reads
    def entity(self, realm_id: str, entity: str, entity_id: str) -> dict[str, Any] | None:
        return self.store.get(realm_id, entity, str(entity_id))

    def count(self, realm_id: str, entity: str) -> int:
        return self.store.count(realm_id, entity)

    def read(self, realm_id: str, entity: str, entity_id: str) -> Doc:
        doc = self.store.get(realm_id, entity, str(entity_id))
        if doc is None:
            raise errors.not_found(entity, entity_id)
        return doc

    def run_query(self, realm_id: str, query: Query) -> dict[str, Any]:
        from .query import canonical_entity
        query.entity = canonical_entity(query.entity, list(SPECS))
        compiled = compile_query(query)
        base = "FROM entities WHERE realm=? AND entity=? AND deleted=0 AND " + compiled.where_sql
        params = [realm_id, query.entity, *compiled.params]
        if query.count:
            total = self.store.select("SELECT COUNT(*) " + base, params)[0][0]
            return {"totalCount": total}
        rows = self.store.select(f"SELECT data {base} ORDER BY {compiled.order_sql} LIMIT ? OFFSET ?",
                                 [*params, query.max_results, query.start - 1])
        if not rows:
            return {}  # QBO: no rows -> empty QueryResponse, no paging keys
        from .wire import loads
        docs = [project(query.entity, loads(r[0]), query.fields) for r in rows]
        out: dict[str, Any] = {query.entity: docs, "startPosition": query.start, "maxResults": len(docs)}
        if SPECS[query.entity].query_total_count:
            out["totalCount"] = len(docs)
        return out

    def changes(self, realm_id: str, entities: list[str], since: float) -> list[dict[str, Any]]:
        from .wire import loads
        out: list[dict[str, Any]] = []
        for name in entities:
            rows = self.store.select(
                "SELECT data, deleted, id, updated FROM entities WHERE realm=? AND entity=? AND updated >= ? "
                "ORDER BY updated, num LIMIT 1000", [realm_id, name, since])
            docs = []
            for data, deleted, entity_id, updated in rows:
                if deleted:
                    docs.append({"domain": "QBO", "status": "Deleted", "Id": entity_id,
                                 "MetaData": {"LastUpdatedTime": meta_time(updated)}})
                else:
                    docs.append(loads(data))
            block: dict[str, Any] = {}
            if docs:
                block = {name: docs, "startPosition": 1, "maxResults": len(docs)}
            out.append(block)
        return out

    # ------------------------------------------------------------------ writes
    def _insert(self, realm: str, entity: str, entity_id: str, body: Doc, now: float) -> Doc:
        meta = meta_time(now)
        doc = {"domain": "QBO", "sparse": False, "Id": entity_id, "SyncToken": "0",
               "MetaData": {"CreateTime": meta, "LastUpdatedTime": meta}, **body}
        self._put(realm, entity, doc, now, now)
        return doc

    def _put(self, realm: str, entity: str, doc: Doc, created: float, updated: float, deleted: bool = False) -> None:
        spec = SPECS.get(entity)
        key = doc.get(spec.key_field) if spec and spec.key_field else None
        self.store.put(realm, entity, doc["Id"], doc, key=str(key) if key is not None else None,
                       created=created, updated=updated, deleted=deleted)
        if self.on_change is not None:
            operation = "Delete" if deleted else "Create" if created == updated else "Update"
            self.on_change(realm, entity, str(doc["Id"]), operation)

    def _context(self, realm: str, existing: Doc | None, allow_dup: bool = False) -> Context:
        def key_taken(entity: str, key: str, exclude: str | None) -> bool:
            return self.store.key_taken(realm, entity, key, exclude)
        return Context(lookup=lambda e, i: self.store.get(realm, e, i), today=today_pacific(self.clock()),
                       realm=self.realm(realm), existing=existing, allow_duplicate_docnumber=allow_dup,
                       key_taken=key_taken)

    def write(self, realm: str, entity: str, body: Doc, *, operation: str | None = None,
              include: str | None = None) -> Doc:
        """Create, update (full or sparse), delete or void; the single entry point for POST /{entity}."""
        spec = SPECS[entity]
        if not isinstance(body, dict):
            raise errors.QBOFault("2010", "Request has invalid or unsupported property",
                                  "Request body must be an object")
        check_properties(entity, body)
        sparse = body.get("sparse") is True or str(body.get("sparse")).lower() == "true"
        body = clean(body)
        entity_id = str(body["Id"]) if body.get("Id") not in (None, "", 0, "0") else None
        now = self.clock()
        with self.store.transaction():
            existing = None
            if entity_id is not None:
                existing = self.store.get(realm, entity, entity_id)
                if existing is None:
                    raise errors.not_found(entity, entity_id)
                token = str(body.get("SyncToken", ""))
                if token != existing["SyncToken"]:
                    raise errors.stale(entity, entity_id, token)
            if operation == "delete":
                return self._delete(realm, spec, existing, now)
            if operation == "void" or (include == "void" and existing is not None):
                return self._void(realm, spec, existing, now)
            if existing is None and not spec.creatable:
                raise errors.unsupported_operation(f"/v3/company/{realm}/{entity.lower()} create")
            if existing is not None and sparse:
                merged = {k: v for k, v in existing.items() if k not in ("Line",) or "Line" not in body}
                merged.update(body)
                body = merged
            ctx = self._context(realm, existing, allow_dup=include == "allowduplicatedocnum")
            if existing is None:
                ctx.new_id = str(self.store.next_value(realm, entity + ".id", start=self._first_id(entity)))
            lines_of = f"{entity}.{ctx.new_id if existing is None else existing['Id']}.Line"
            ctx.line_ids = lambda floor: self.store.next_at_least(realm, lines_of, floor)
            if entity == "Invoice" and existing is None and "DocNumber" not in body:
                body["DocNumber"] = str(self.store.next_value(realm, "Invoice.doc", start=1001))
            doc = prepare(spec, body, ctx, meta_time(now))
            meta = meta_time(now)
            if existing is None:
                created_meta, created = meta, now
                new = {"domain": "QBO", "sparse": False, "Id": ctx.new_id, "SyncToken": "0"}
            else:
                created_meta = existing["MetaData"]["CreateTime"]
                created = self._created_instant(realm, entity, existing["Id"])
                new = {"domain": "QBO", "sparse": False, "Id": existing["Id"],
                       "SyncToken": str(int(existing["SyncToken"]) + 1)}
            new["MetaData"] = {"CreateTime": created_meta, "LastUpdatedTime": meta}
            new.update(doc)
            for other_entity, other in ctx.side_effects:
                self._put(realm, other_entity, other, self._created_instant(realm, other_entity, other["Id"]), now)
            self._put(realm, entity, new, created, now)
            return new

    @staticmethod
    def _first_id(entity: str) -> int:
        return 1

    def _created_instant(self, realm: str, entity: str, entity_id: str) -> float:
        rows = self.store.select("SELECT created FROM entities WHERE realm=? AND entity=? AND id=?",
                                 [realm, entity, entity_id])
        return rows[0][0] if rows else self.clock()

    def _delete(self, realm: str, spec: EntitySpec, existing: Doc | None, now: float) -> Doc:
        if existing is None:
            raise errors.required("Id")
        if not spec.deletable:
            raise errors.unsupported_operation(
                f"{spec.name} delete (make it inactive with a sparse update Active=false)")
        if spec.name == "Invoice" and any(t.get("TxnType") == "Payment" for t in existing.get("LinkedTxn", [])):
            raise errors.business("This invoice has payments applied; delete the payments first.", "LinkedTxn")
        if spec.name == "Payment":
            ctx = self._context(realm, existing)
            apply_payment(existing, ctx, payment_applications(existing), {}, meta_time(now))
            for other_entity, other in ctx.side_effects:
                self._put(realm, other_entity, other, self._created_instant(realm, other_entity, other["Id"]), now)
        self._put(realm, spec.name, existing, self._created_instant(realm, spec.name, existing["Id"]), now,
                  deleted=True)
        return {"domain": "QBO", "status": "Deleted", "Id": existing["Id"]}

    def _void(self, realm: str, spec: EntitySpec, existing: Doc | None, now: float) -> Doc:
        if existing is None:
            raise errors.required("Id")
        if not spec.voidable:
            raise errors.unsupported_operation(f"{spec.name} void")
        doc = dict(existing)
        ctx = self._context(realm, existing)
        if spec.name == "Invoice":
            if any(t.get("TxnType") == "Payment" for t in existing.get("LinkedTxn", [])):
                raise errors.business("This invoice has payments applied; void the payments first.", "LinkedTxn")
            doc["Line"] = [dict(line, Amount=0) for line in existing["Line"]]
            doc["TxnTaxDetail"] = {"TotalTax": 0}
            doc["Balance"] = 0
        else:
            apply_payment(existing, ctx, payment_applications(existing), {}, meta_time(now))
            doc["Line"] = []
            doc["UnappliedAmt"] = 0
        doc["TotalAmt"] = 0
        doc["PrivateNote"] = "Voided"
        doc["SyncToken"] = str(int(existing["SyncToken"]) + 1)
        doc["MetaData"] = dict(existing["MetaData"], LastUpdatedTime=meta_time(now))
        for other_entity, other in ctx.side_effects:
            self._put(realm, other_entity, other, self._created_instant(realm, other_entity, other["Id"]), now)
        self._put(realm, spec.name, doc, self._created_instant(realm, spec.name, existing["Id"]), now)
        return doc

    # ------------------------------------------------------------------ seeding
    def seed_demo(self, realm_id: str, *, invoices: int = 12) -> None:
        from .seed import seed_demo
        seed_demo(self, realm_id, invoices=invoices)

    def seed_invoices(self, realm_id: str, count: int) -> None:
        from .seed import seed_invoices
        seed_invoices(self, realm_id, count)

    def close(self) -> None:
        self.store.close()
