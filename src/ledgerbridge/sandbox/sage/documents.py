"""Sales invoices, purchase invoices and sales credit notes: their rules as Sage applies them.

- Totals are computed with ``Decimal``, tax per line: ``net = quantity × unit_price − discount`` (or, when
  ``unit_price_includes_tax``, the gross split by the rate), ``tax = net × rate`` rounded half-up per line unless the
  caller states the line's ``tax_amount`` (Sage lets a user adjust VAT), ``total = net + tax``; the document's
  totals are the sums of its lines and ``tax_analysis`` groups them by rate.
- Statuses (``artefact_statuses``): DRAFT → UNPAID (``POST /{key}/release``, or created issued) → PART_PAID →
  PAID as payments are allocated; VOID by ``DELETE`` with a ``void_reason`` once issued. A DRAFT is deleted, not
  voided. A document with payments, or a void one, cannot be edited (``editable: false``).
- Numbers: sales invoices ``SI-n`` and credit notes ``SCN-n`` from the business's counters when the caller gives
  none; a number already used by another document of the same kind is refused. Drafts get theirs on release.
- Purchase invoices keep the supplier's number in ``vendor_reference``; ``DELETE`` removes them (the contract
  answers 204 and has no ``void_reason``), refused once a payment is allocated.

Where the contract is silent (the ``$source`` of a line's attribute), we use ``invoice_lines.<i>.<attribute>``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .errors import SageError, invalid, invalid_many
from .refs import STATUSES, base, constant, money, number
from .state import Record, Store, new_id


@dataclass(frozen=True)
class DocKind:
    collection: str  # path segment: sales_invoices
    singular: str  # body key: sales_invoice
    lines: str  # invoice_lines / credit_note_lines
    contact_type: str  # CUSTOMER / VENDOR
    number_field: str | None  # invoice_number / credit_note_number (None: purchase invoices)
    prefix: str
    label: str


SALES_INVOICES = DocKind("sales_invoices", "sales_invoice", "invoice_lines", "CUSTOMER", "invoice_number", "SI-",
                         "Sales Invoice")
PURCHASE_INVOICES = DocKind("purchase_invoices", "purchase_invoice", "invoice_lines", "VENDOR", None, "PI-",
                            "Purchase Invoice")
SALES_CREDIT_NOTES = DocKind("sales_credit_notes", "sales_credit_note", "credit_note_lines", "CUSTOMER",
                             "credit_note_number", "SCN-", "Sales Credit Note")
CURRENCIES = {"GBP": "Pound Sterling (GBP)", "EUR": "Euro (EUR)", "USD": "US Dollar (USD)"}  # multi-currency on
DOC_KINDS = {k.collection: k for k in (SALES_INVOICES, PURCHASE_INVOICES, SALES_CREDIT_NOTES)}


def _date(value: Any, source: str, problems: list[tuple[str, str]]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append((source, f"{value!r} is not a valid date"))
        return None


def _lookup(store: Store, business: str, collection: str, key: Any, source: str,
            problems: list[tuple[str, str]], what: str) -> Record | None:
    found = store.get(business, collection, str(key)) if key else None
    if found is None:
        problems.append((source, f"{what} {key!r} does not exist"))
    return found


def _line(store: Store, business: str, kind: DocKind, raw: Any, index: int,
          problems: list[tuple[str, str]]) -> Record | None:
    where = f"{kind.lines}.{index}"
    if not isinstance(raw, dict):
        problems.append((where, "must be an object"))
        return None
    required = ["description", "ledger_account_id", "unit_price"] + (["quantity"] if kind is PURCHASE_INVOICES else [])
    missing = [f for f in required if raw.get(f) in (None, "")]
    for name in missing:
        problems.append((f"{where}.{name}", "can't be blank"))
    if missing:
        return None
    account = _lookup(store, business, "ledger_accounts", raw["ledger_account_id"], f"{where}.ledger_account_id",
                      problems, "Ledger account")
    rate = None
    if raw.get("tax_rate_id"):
        rate = _lookup(store, business, "tax_rates", raw["tax_rate_id"], f"{where}.tax_rate_id", problems, "Tax rate")
    product = None
    if raw.get("product_id"):
        product = _lookup(store, business, "products", raw["product_id"], f"{where}.product_id", problems, "Product")
    try:
        quantity = number(raw.get("quantity"), "1")
        price = number(raw["unit_price"])
        discount = money(raw.get("discount_amount") or 0)
    except ArithmeticError:
        problems.append((where, "amounts must be numbers"))
        return None
    if account is None or (raw.get("tax_rate_id") and rate is None) or (raw.get("product_id") and product is None):
        return None
    percentage = number(rate["percentage"]) if rate else Decimal(0)
    gross_or_net = money(quantity * price - discount)
    if raw.get("unit_price_includes_tax"):
        net = money(gross_or_net * 100 / (100 + percentage))
        tax = gross_or_net - net
    else:
        net = gross_or_net
        tax = money(raw["tax_amount"]) if raw.get("tax_amount") is not None else money(net * percentage / 100)
    line: Record = {
        "id": str(raw.get("id") or new_id()), "displayed_as": str(raw["description"]),
        "description": str(raw["description"]), "ledger_account": base("ledger_accounts", account),
        "quantity": quantity, "unit_price": price, "unit_price_includes_tax": bool(raw.get("unit_price_includes_tax")),
        "discount_amount": discount, "net_amount": net, "tax_amount": tax, "total_amount": net + tax,
        "base_currency_net_amount": net, "base_currency_tax_amount": tax, "base_currency_total_amount": net + tax,
    }
    if rate is not None:
        line["tax_rate"] = base("tax_rates", rate)
    if product is not None:
        line["product"] = {"id": product["id"], "displayed_as": product["displayed_as"],
                           "$path": f"/products/{product['id']}"}
    return line


def _tax_analysis(lines: list[Record]) -> list[Record]:
    groups: dict[str, Record] = {}
    for line in lines:
        rate = line.get("tax_rate")
        if rate is None:
            continue
        group = groups.setdefault(rate["id"], {"tax_rate": rate, "net_amount": Decimal("0.00"),
                                               "tax_amount": Decimal("0.00"), "total_amount": Decimal("0.00")})
        for field in ("net_amount", "tax_amount", "total_amount"):
            group[field] += line[field]
    return list(groups.values())


def paid(record: Record) -> Decimal:
    return sum((number(a["amount"]) for a in record.get("payments_allocations") or []), Decimal("0.00"))


def settle(record: Record) -> None:
    """Outstanding amount and status from the total and the allocations (never touches DRAFT or VOID)."""
    total_paid = paid(record)
    record["total_paid"] = total_paid
    record["payments_allocations_total_amount"] = total_paid
    record["outstanding_amount"] = Decimal("0.00") if record["status"]["id"] == "VOID" else (
        money(record["total_amount"]) - total_paid)
    record["base_currency_outstanding_amount"] = record["outstanding_amount"]
    if record["status"]["id"] not in ("DRAFT", "VOID"):
        status = "UNPAID" if total_paid == 0 else ("PAID" if record["outstanding_amount"] <= 0 else "PART_PAID")
        record["status"] = constant("artefact_statuses", status, STATUSES[status])
    record["editable"] = record["status"]["id"] in ("DRAFT", "UNPAID") and total_paid == 0


def _label(kind: DocKind, record: Record) -> str:
    if kind.number_field:
        return str(record.get(kind.number_field) or f"{kind.label} (draft)")
    return str(record.get("vendor_reference") or record.get("reference") or kind.label)


def _number_taken(store: Store, business: str, kind: DocKind, number_: str, own_id: str | None) -> bool:
    assert kind.number_field is not None
    return any(r.get(kind.number_field) == number_ and r["id"] != own_id
               for r in store.all(business, kind.collection))


def save(store: Store, business: str, kind: DocKind, raw: Any, existing: Record | None) -> Record:
    """Validate ``raw`` (the body's ``{singular: {...}}`` content) and build the stored document."""
    if not isinstance(raw, dict):
        raise invalid(kind.singular, "is missing or not an object")
    problems: list[tuple[str, str]] = []
    if existing is not None and not existing.get("editable", True):
        raise invalid("base", f"This {kind.label.lower()} can no longer be edited", "RecordNotEditable")
    merged = {**_as_input(kind, existing), **raw} if existing is not None else dict(raw)
    required = ["contact_id", "date", kind.lines] + (["due_date"] if kind is PURCHASE_INVOICES else [])
    for name in required:
        if merged.get(name) in (None, "", []):
            problems.append((name, "can't be blank"))
    contact = None
    if merged.get("contact_id"):
        contact = _lookup(store, business, "contacts", merged["contact_id"], "contact_id", problems, "Contact")
        if contact is not None and kind.contact_type not in [t["id"] for t in contact["contact_types"]]:
            problems.append(("contact_id", f"Contact is not a {kind.contact_type.lower()}"))
    issued = _date(merged["date"], "date", problems) if merged.get("date") else None
    due = _date(merged["due_date"], "due_date", problems) if merged.get("due_date") else None
    if issued and due and due < issued:
        problems.append(("due_date", "must be on or after the date"))
    raw_lines = merged.get(kind.lines) or []
    if not isinstance(raw_lines, list):
        problems.append((kind.lines, "must be a list"))
        raw_lines = []
    lines = [_line(store, business, kind, line, i, problems) for i, line in enumerate(raw_lines)]
    status_id = str(merged.get("status_id") or (existing or {}).get("status", {}).get("id") or "UNPAID").upper()
    if existing is None and status_id not in ("DRAFT", "UNPAID"):
        problems.append(("status_id", "A new document is DRAFT or UNPAID; payments and voids change it later"))
    wanted_number = merged.get(kind.number_field) if kind.number_field else None
    if wanted_number and _number_taken(store, business, kind, str(wanted_number), existing["id"] if existing else None):
        problems.append((kind.number_field or "", f"{wanted_number} is a duplicate: this number has already been used"))
    currency = str(merged.get("currency_id") or (existing or {}).get("currency", {}).get("id") or "GBP").upper()
    if currency not in CURRENCIES:
        problems.append(("currency_id", f"{currency} is not a currency of this business"))
    rate = number(merged.get("exchange_rate") or (existing or {}).get("exchange_rate") or 1) if currency != "GBP" \
        else Decimal(1)
    if rate <= 0:
        problems.append(("exchange_rate", "must be greater than 0"))
    if problems:
        raise invalid_many(problems)
    assert contact is not None and issued is not None
    done = [line for line in lines if line is not None]
    net = sum((line["net_amount"] for line in done), Decimal("0.00"))
    tax = sum((line["tax_amount"] for line in done), Decimal("0.00"))
    credit_days = int(contact.get("credit_days") or 30)
    record: Record = dict(existing or {"id": new_id(), "payments_allocations": []})
    record.update({
        "$path": f"/{kind.collection}/{record['id']}",
        "contact": base("contacts", contact), "contact_name": contact["name"],
        "contact_reference": contact.get("reference", ""),
        "date": issued.isoformat(), "due_date": (due or issued + dt.timedelta(days=credit_days)).isoformat(),
        "reference": str(merged.get("reference") or ""), "notes": str(merged.get("notes") or ""),
        kind.lines: done, "tax_analysis": _tax_analysis(done),
        "net_amount": net, "tax_amount": tax, "total_amount": net + tax, "total_quantity": sum(
            (line["quantity"] for line in done), Decimal(0)),
        # Sage's exchange_rate converts the document's currency into the base currency (GBP)
        "base_currency_net_amount": money(net * rate), "base_currency_tax_amount": money(tax * rate),
        "base_currency_total_amount": money((net + tax) * rate),
        "currency": {"id": currency, "displayed_as": CURRENCIES[currency], "$path": f"/currencies/{currency}"},
        "exchange_rate": rate, "inverse_exchange_rate": (1 / rate).quantize(Decimal("0.000001")),
        "status": constant("artefact_statuses", status_id, STATUSES[status_id]),
        "transaction_type": constant("transaction_types", kind.singular.upper(), kind.label),
        "sent": bool(merged.get("sent", False)), "void_reason": None, "deleted_at": None,
    })
    if kind is PURCHASE_INVOICES:
        record["vendor_reference"] = str(merged.get("vendor_reference") or "")
    if kind.number_field:
        if wanted_number:
            record[kind.number_field] = str(wanted_number)
        elif status_id != "DRAFT" and not record.get(kind.number_field):
            record[kind.number_field] = f"{kind.prefix}{store.next_number(business, kind.collection)}"
        record.setdefault(kind.number_field, "")
    record["displayed_as"] = _label(kind, record)
    settle(record)
    return record


def _as_input(kind: DocKind, record: Record | None) -> Record:
    """A stored document as the body that would write it again (so a PUT may send only what changes)."""
    if record is None:
        return {}
    lines = [{"id": line["id"], "description": line["description"],
              "ledger_account_id": line["ledger_account"]["id"], "quantity": line["quantity"],
              "unit_price": line["unit_price"], "unit_price_includes_tax": line["unit_price_includes_tax"],
              "discount_amount": line["discount_amount"], "tax_amount": line["tax_amount"],
              **({"tax_rate_id": line["tax_rate"]["id"]} if line.get("tax_rate") else {}),
              **({"product_id": line["product"]["id"]} if line.get("product") else {})}
             for line in record.get(kind.lines) or []]
    out = {"contact_id": record["contact"]["id"], "currency_id": record["currency"]["id"],
           "exchange_rate": record["exchange_rate"], "date": record["date"], "due_date": record["due_date"],
           "reference": record.get("reference"), "notes": record.get("notes"), kind.lines: lines}
    if kind.number_field:
        out[kind.number_field] = record.get(kind.number_field)
    if kind is PURCHASE_INVOICES:
        out["vendor_reference"] = record.get("vendor_reference")
    return out


def release(store: Store, business: str, kind: DocKind, record: Record) -> Record:
    if record["status"]["id"] != "DRAFT":
        raise invalid("status_id", f"Only a draft {kind.label.lower()} can be released", "RecordInvalid")
    record = dict(record)
    record["status"] = constant("artefact_statuses", "UNPAID", STATUSES["UNPAID"])
    if kind.number_field and not record.get(kind.number_field):
        record[kind.number_field] = f"{kind.prefix}{store.next_number(business, kind.collection)}"
    record["displayed_as"] = _label(kind, record)
    settle(record)
    return record


def void(kind: DocKind, record: Record, reason: str | None) -> Record:
    if record["status"]["id"] == "VOID":
        raise invalid("base", f"This {kind.label.lower()} is already void", "RecordInvalid")
    if paid(record) != 0:
        raise invalid("base", "Remove the payments allocated to this document before voiding it", "RecordInvalid")
    if not reason:
        raise invalid("void_reason", "can't be blank")
    record = dict(record)
    record["status"] = constant("artefact_statuses", "VOID", STATUSES["VOID"])
    record["void_reason"] = reason
    settle(record)
    return record


def allocate(record: Record, payment: Record, amount: Decimal, discount: Decimal) -> Record:
    record = dict(record)
    record["payments_allocations"] = [*record.get("payments_allocations", []), {
        "date": payment["date"], "type": payment["transaction_type"]["displayed_as"],
        "reference": payment.get("reference") or "", "amount": amount, "discount": discount,
        "contact_payment": {"id": payment["id"], "displayed_as": payment["displayed_as"],
                            "$path": f"/contact_payments/{payment['id']}"},
        "displayed_as": payment["displayed_as"]}]
    record["last_paid"] = payment["date"]
    settle(record)
    return record


Saver = Callable[[Store, str, Any, Record | None], Record]


def check_deletable(kind: DocKind, record: Record) -> None:
    if paid(record) != 0:
        raise SageError(422, [{"$severity": "error", "$dataCode": "RecordInvalid", "$source": "base",
                               "$message": f"A {kind.label.lower()} with payments cannot be deleted"}])
