"""Per-entity rules: what a write must contain, which refs must resolve, and what QBO computes.

``prepare`` turns a request body into the stored document or raises a QBOFault; it never writes, so a
faulty request cannot leave partial state. Side effects on other documents (a Payment lowering invoice
balances) are returned to the caller, which writes everything in one transaction.

The entity table (``SPECS``) and the rule ``Context`` live in :mod:`.specs`, which the Attachable rules share;
they are named here too, where the sandbox has always imported them from.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from . import errors
from .attachable import prepare_attachable
from .fields import KNOWN_FIELDS
from .specs import Context, Doc, EntitySpec, Lookup
from .wire import CENT, dec, money, quantity

USD = {"value": "USD", "name": "United States Dollar"}
DEFAULT_ITEM_ID = "1"


# ref element -> (entity it points at, property copied into the ref's "name"; None = QBO sends no name)
REF_TARGETS: dict[str, tuple[str, str | None]] = {
    "CustomerRef": ("Customer", "DisplayName"), "VendorRef": ("Vendor", "DisplayName"),
    "ItemRef": ("Item", "Name"), "AccountRef": ("Account", "FullyQualifiedName"),
    "IncomeAccountRef": ("Account", "FullyQualifiedName"), "ExpenseAccountRef": ("Account", "FullyQualifiedName"),
    "AssetAccountRef": ("Account", "FullyQualifiedName"), "APAccountRef": ("Account", "FullyQualifiedName"),
    "ARAccountRef": ("Account", "FullyQualifiedName"), "DepositToAccountRef": ("Account", None),
    "DiscountAccountRef": ("Account", "FullyQualifiedName"), "ClassRef": ("Class", "FullyQualifiedName"),
    "DepartmentRef": ("Department", "FullyQualifiedName"), "TaxCodeRef": ("TaxCode", None),
    "TxnTaxCodeRef": ("TaxCode", None), "TaxRateRef": ("TaxRate", None),
}

ACCOUNT_CLASSIFICATION = {
    "Bank": "Asset", "Accounts Receivable": "Asset", "Other Current Asset": "Asset", "Fixed Asset": "Asset",
    "Other Asset": "Asset", "Accounts Payable": "Liability", "Credit Card": "Liability",
    "Other Current Liability": "Liability", "Long Term Liability": "Liability", "Equity": "Equity",
    "Income": "Revenue", "Other Income": "Revenue", "Cost of Goods Sold": "Expense", "Expense": "Expense",
    "Other Expense": "Expense",
}

SALES_DETAILS = {
    "SalesItemLineDetail", "DiscountLineDetail", "DescriptionOnly", "SubTotalLineDetail", "GroupLineDetail",
}
EXPENSE_DETAILS = {"AccountBasedExpenseLineDetail", "ItemBasedExpenseLineDetail"}


# ----------------------------------------------------------------------------------------------------
# Input cleaning: python-quickbooks serialises every attribute, so "" means absent and zeros are defaults

def clean(value: Any) -> Any:
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            v = clean(v)
            if v is None or v == "":
                continue
            out[k] = v
        return out
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def _drop_zero(d: Doc, *keys: str) -> None:
    for k in keys:
        if k in d and not isinstance(d[k], bool) and dec(d[k]) == 0:
            del d[k]


def clean_line(line: Doc) -> Doc:
    line = dict(line)
    line.pop("LineNum", None)  # renumbered by the sandbox
    for k in ("LinkedTxn", "CustomField", "CustomExtensions"):
        if line.get(k) == []:
            del line[k]
    if "SubtotalLineDetail" in line:  # python-quickbooks' spelling of SubTotalLineDetail
        line["SubTotalLineDetail"] = line.pop("SubtotalLineDetail")
    for key in ("SalesItemLineDetail", "ItemBasedExpenseLineDetail", "AccountBasedExpenseLineDetail"):
        detail = line.get(key)
        if isinstance(detail, dict):
            detail = dict(detail)
            _drop_zero(detail, "Qty", "TaxInclusiveAmt", "DiscountRate", "DiscountAmt")
            if "Qty" not in detail:
                _drop_zero(detail, "UnitPrice")
            line[key] = detail
    for txn in line.get("LinkedTxn", []) or []:
        if isinstance(txn, dict):
            _drop_zero(txn, "TxnLineId")
    return line


def check_properties(entity: str, body: Doc) -> None:
    known = KNOWN_FIELDS[entity]
    for key in body:
        if key not in known:
            raise errors.unsupported_property(entity, key)


# ----------------------------------------------------------------------------------------------------
# Refs

def resolve_refs(doc: Any, lookup: Lookup, path: str = "") -> None:
    """Check every known ref in the document exists and is active; fill in its ``name`` like QBO."""
    if isinstance(doc, list):
        for item in doc:
            resolve_refs(item, lookup, path)
        return
    if not isinstance(doc, dict):
        return
    for key, value in list(doc.items()):
        if key in REF_TARGETS and isinstance(value, dict):
            target, name_field = REF_TARGETS[key]
            ref_value = value.get("value")
            if ref_value is None or ref_value == "":
                raise errors.required(key)
            ref_value = str(ref_value)
            found = lookup(target, ref_value)
            if found is None or found.get("Active") is False:
                raise errors.invalid_ref(key, ref_value, target)
            ref: Doc = {"value": ref_value}
            if name_field and found.get(name_field, found.get("Name")) is not None:
                ref["name"] = found.get(name_field, found.get("Name"))
            doc[key] = ref
        elif isinstance(value, (dict, list)):
            resolve_refs(value, lookup, key)


def require_ref(doc: Doc, element: str) -> None:
    ref = doc.get(element)
    if not isinstance(ref, dict) or not ref.get("value"):
        raise errors.required(element)


# ----------------------------------------------------------------------------------------------------
# Transactions

def _dates(doc: Doc, today: dt.date, due_days: int | None) -> None:
    txn_date = doc.get("TxnDate") or today.isoformat()
    try:
        parsed = dt.date.fromisoformat(str(txn_date)[:10])
    except ValueError:
        raise errors.QBOFault("2090", "Invalid Date", f"Invalid date format: {txn_date}", "TxnDate") from None
    doc["TxnDate"] = parsed.isoformat()
    if due_days is not None and not doc.get("DueDate"):
        doc["DueDate"] = (parsed + dt.timedelta(days=due_days)).isoformat()


def _doc_number(entity: str, doc: Doc, ctx: Context) -> None:
    number = doc.get("DocNumber")
    if number is None:
        return
    number = str(number)
    if len(number) > 21:
        raise errors.QBOFault("2050", "String length is either shorter or longer than supported by specification",
                              f"String length specified does not match the supported length. Min:0 Max:21 "
                              f"supplied length:{len(number)}", "DocNumber")
    exclude = ctx.existing["Id"] if ctx.existing else None
    if entity == "Invoice" and not ctx.allow_duplicate_docnumber and ctx.key_taken(entity, number, exclude):
        raise errors.QBOFault("6140", "Duplicate Document Number Error",
                              f"Duplicate Document Number Error : You must specify a different number. "
                              f"This number has already been used. DocNumber={number} is assigned to TxnType={entity}",
                              "DocNumber")
    doc["DocNumber"] = number


def _lines(doc: Doc, allowed: set[str], required: bool = True) -> list[Doc]:
    lines = doc.get("Line")
    if not lines:
        if required:
            raise errors.required("Line")
        return []
    if not isinstance(lines, list):
        raise errors.QBOFault("2010", "Request has invalid or unsupported property", "Line must be an array", "Line")
    out: list[Doc] = []
    for raw in lines:
        line = clean_line(raw)
        kind = line.get("DetailType")
        if kind == "SubTotalLineDetail":
            continue  # recomputed
        if not kind:
            raise errors.required("Line.DetailType")
        if kind not in allowed:
            raise errors.QBOFault("2010", "Request has invalid or unsupported property",
                                  f"Property Name:DetailType value {kind} is not supported for this entity",
                                  "Line.DetailType")
        out.append(line)
    if required and not out:
        raise errors.required("Line")
    return out


def _number_lines(lines: list[Doc], ctx: Context) -> None:
    """Line Ids as QBO gives them. A line sent with the Id of one of the document's current lines is that line
    and keeps its Id; any other line is new and gets a fresh Id, above every Id the document ever had: QBO does
    not reuse the Id of a removed line (recorded sales receipt 17 at SyncToken 5 has one line, Id "6"; journal
    entry 235 at SyncToken 7 has lines "14" and "15"). LineNum is the position, 1..n."""
    current = {str(line["Id"]) for line in (ctx.existing or {}).get("Line") or [] if line.get("Id")}
    floor = max([int(i) for i in current if i.isdigit()] + [0]) + 1
    taken: set[str] = set()
    for n, line in enumerate(lines, start=1):
        line_id = str(line.pop("Id", None) or "")
        if line_id not in current or line_id in taken:
            line_id = str(ctx.line_ids(floor))
        taken.add(line_id)
        ordered: Doc = {"Id": line_id, "LineNum": n}
        ordered.update(line)
        line.clear()
        line.update(ordered)


def _priced(detail: Doc, line: Doc, element: str) -> Decimal:
    qty, price, amount = dec(detail.get("Qty")), dec(detail.get("UnitPrice")), dec(line.get("Amount"))
    if qty is not None and price is not None:
        computed = (qty * price).quantize(CENT, ROUND_HALF_UP)
        if amount is not None and abs(amount - computed) >= CENT:
            raise errors.QBOFault("6070", "A business validation error has occurred while processing your request",
                                  f"Business Validation Error: Amount is not equal to UnitPrice * Qty. "
                                  f"Supplied value:{amount}", element)
        amount = computed
        detail["Qty"], detail["UnitPrice"] = quantity(qty), quantity(price)
    elif price is not None and amount is None:
        amount = price.quantize(CENT, ROUND_HALF_UP)
        detail["Qty"], detail["UnitPrice"] = 1, quantity(price)
    elif amount is None:
        raise errors.required(f"{element}.Amount")
    return amount


def _sales_totals(doc: Doc, ctx: Context) -> Decimal:
    lines = _lines(doc, SALES_DETAILS)
    subtotal = Decimal(0)
    taxable = Decimal(0)
    discounts: list[tuple[Doc, Doc]] = []
    for line in lines:
        kind = line["DetailType"]
        if kind == "SalesItemLineDetail":
            detail = line.setdefault("SalesItemLineDetail", {})
            if not isinstance(detail.get("ItemRef"), dict) or not detail["ItemRef"].get("value"):
                # Like QBO, a sales line without an item books to the company's default "Services" item (Id 1).
                default = ctx.lookup("Item", DEFAULT_ITEM_ID)
                if default is None:
                    raise errors.required("ItemRef")
                detail["ItemRef"] = {"value": DEFAULT_ITEM_ID, "name": default.get("Name", "Services")}
            amount = _priced(detail, line, "Line")
            detail.setdefault("TaxCodeRef", {"value": "NON"})
            if str(detail["TaxCodeRef"].get("value")) == "TAX":
                taxable += amount
        elif kind == "DiscountLineDetail":
            discounts.append((line, line.setdefault("DiscountLineDetail", {})))
            continue
        else:
            amount = dec(line.get("Amount")) or Decimal(0)
        line["Amount"] = money(amount)
        subtotal += amount
    discount_total = Decimal(0)
    for line, detail in discounts:
        pct = dec(detail.get("DiscountPercent"))
        if detail.get("PercentBased") and pct is not None:
            amount = (subtotal * pct / 100).quantize(CENT, ROUND_HALF_UP)
        else:
            amount = dec(line.get("Amount")) or Decimal(0)
        line["Amount"] = money(amount)
        discount_total += amount
    _number_lines(lines, ctx)
    # QBO appends a subtotal line without Id/LineNum; it is output only
    lines.append({"Amount": money(subtotal), "DetailType": "SubTotalLineDetail", "SubTotalLineDetail": {}})
    doc["Line"] = lines
    tax = _tax(doc, ctx, taxable)
    return subtotal - discount_total + tax


def _tax(doc: Doc, ctx: Context, taxable: Decimal) -> Decimal:
    """US-style sales tax: lines coded TAX are taxed at the rates of the transaction's tax code
    (TxnTaxDetail.TxnTaxCodeRef, else the realm's default sales tax code from seeding)."""
    detail = doc.get("TxnTaxDetail")
    given: Doc = detail if isinstance(detail, dict) else {}
    code_ref = given.get("TxnTaxCodeRef") or ({"value": ctx.realm["default_tax_code"]}
                                              if taxable and ctx.realm.get("default_tax_code") else None)
    if not code_ref or not taxable:
        doc["TxnTaxDetail"] = ({"TotalTax": 0} if not code_ref
                               else {"TxnTaxCodeRef": {"value": str(code_ref["value"])}, "TotalTax": 0})
        return Decimal(0)
    code = ctx.lookup("TaxCode", str(code_ref.get("value")))
    if code is None:
        raise errors.invalid_ref("TxnTaxCodeRef", str(code_ref.get("value")), "TaxCode")
    total = Decimal(0)
    tax_lines: list[Doc] = []
    for detail in (code.get("SalesTaxRateList") or {}).get("TaxRateDetail", []):
        rate_id = str(detail["TaxRateRef"]["value"])
        rate = ctx.lookup("TaxRate", rate_id)
        percent = dec(rate.get("RateValue")) if rate else None
        if percent is None:
            continue
        amount = (taxable * percent / 100).quantize(CENT, ROUND_HALF_UP)
        total += amount
        tax_lines.append({"Amount": money(amount), "DetailType": "TaxLineDetail",
                          "TaxLineDetail": {"TaxRateRef": {"value": rate_id}, "PercentBased": True,
                                            "TaxPercent": quantity(percent), "NetAmountTaxable": money(taxable)}})
    doc["TxnTaxDetail"] = {"TxnTaxCodeRef": {"value": str(code["Id"])}, "TotalTax": money(total), "TaxLine": tax_lines}
    return total


def _expense_totals(doc: Doc, ctx: Context) -> Decimal:
    lines = _lines(doc, EXPENSE_DETAILS)
    total = Decimal(0)
    for line in lines:
        kind = line["DetailType"]
        detail = line.setdefault(kind, {})
        if kind == "AccountBasedExpenseLineDetail":
            require_ref(detail, "AccountRef")
            amount = dec(line.get("Amount"))
            if amount is None:
                raise errors.required("Line.Amount")
            detail.setdefault("BillableStatus", "NotBillable")
        else:
            require_ref(detail, "ItemRef")
            amount = _priced(detail, line, "Line")
        detail.setdefault("TaxCodeRef", {"value": "NON"})
        line["Amount"] = money(amount)
        total += amount
    _number_lines(lines, ctx)
    doc["Line"] = lines
    return total


def _paid_so_far(existing: Doc | None) -> Decimal:
    if not existing:
        return Decimal(0)
    return (dec(existing.get("TotalAmt")) or Decimal(0)) - (dec(existing.get("Balance")) or Decimal(0))


def prepare_invoice(doc: Doc, ctx: Context) -> None:
    require_ref(doc, "CustomerRef")
    _doc_number("Invoice", doc, ctx)
    _dates(doc, ctx.today, 30)
    total = _sales_totals(doc, ctx)
    paid = _paid_so_far(ctx.existing)
    if total < paid:
        raise errors.business("The invoice total cannot be less than the payments applied to it.", "TotalAmt")
    for k, v in (("AllowIPNPayment", False), ("AllowOnlinePayment", False), ("AllowOnlineCreditCardPayment", False),
                 ("AllowOnlineACHPayment", False), ("CustomField", []), ("CurrencyRef", USD),
                 ("ApplyTaxAfterDiscount", False), ("PrintStatus", "NotSet"), ("EmailStatus", "NotSet")):
        doc.setdefault(k, v)
    doc["LinkedTxn"] = ctx.existing.get("LinkedTxn", []) if ctx.existing else []
    doc.pop("GlobalTaxCalculation", None)  # US companies never echo it
    doc["TotalAmt"] = money(total)
    doc["Balance"] = money(total - paid)


def prepare_credit_memo(doc: Doc, ctx: Context) -> None:
    require_ref(doc, "CustomerRef")
    _doc_number("CreditMemo", doc, ctx)
    _dates(doc, ctx.today, None)
    total = _sales_totals(doc, ctx)
    doc.setdefault("CurrencyRef", USD)
    doc["TotalAmt"] = money(total)
    doc["RemainingCredit"] = money(total)
    doc["Balance"] = money(total)


def prepare_bill(doc: Doc, ctx: Context) -> None:
    require_ref(doc, "VendorRef")
    _doc_number("Bill", doc, ctx)
    _dates(doc, ctx.today, 0)
    total = _expense_totals(doc, ctx)
    if "APAccountRef" not in doc and ctx.realm.get("ap_account"):
        doc["APAccountRef"] = {"value": ctx.realm["ap_account"]}
    doc.setdefault("CurrencyRef", USD)
    doc["TotalAmt"] = money(total)
    doc["Balance"] = money(total - _paid_so_far(ctx.existing))


def prepare_purchase(doc: Doc, ctx: Context) -> None:
    require_ref(doc, "AccountRef")
    if doc.get("PaymentType") not in ("Cash", "Check", "CreditCard"):
        raise errors.required("PaymentType")
    _dates(doc, ctx.today, None)
    doc.setdefault("CurrencyRef", USD)
    doc["TotalAmt"] = money(_expense_totals(doc, ctx))


def prepare_purchase_order(doc: Doc, ctx: Context) -> None:
    # A purchase order is non-posting: it books nothing, so no AP account; QBO keeps POStatus Open until billed.
    require_ref(doc, "VendorRef")
    _doc_number("PurchaseOrder", doc, ctx)
    _dates(doc, ctx.today, None)
    if doc.setdefault("POStatus", "Open") not in ("Open", "Closed"):
        raise errors.QBOFault("2170", "Invalid Enumeration", f"Invalid Enumeration : {doc['POStatus']}", "POStatus")
    doc.setdefault("CurrencyRef", USD)
    doc["TotalAmt"] = money(_expense_totals(doc, ctx))


def prepare_vendor_credit(doc: Doc, ctx: Context) -> None:
    require_ref(doc, "VendorRef")
    _doc_number("VendorCredit", doc, ctx)
    _dates(doc, ctx.today, None)
    if "APAccountRef" not in doc and ctx.realm.get("ap_account"):
        doc["APAccountRef"] = {"value": ctx.realm["ap_account"]}
    doc.setdefault("CurrencyRef", USD)
    total = _expense_totals(doc, ctx)
    doc["TotalAmt"] = money(total)
    doc["Balance"] = money(total)


def prepare_journal_entry(doc: Doc, ctx: Context) -> None:
    _dates(doc, ctx.today, None)
    lines = _lines(doc, {"JournalEntryLineDetail", "DescriptionOnly"})
    debit = credit = Decimal(0)
    for line in lines:
        if line["DetailType"] != "JournalEntryLineDetail":
            continue
        detail = line.setdefault("JournalEntryLineDetail", {})
        require_ref(detail, "AccountRef")
        amount = dec(line.get("Amount"))
        if amount is None:
            raise errors.required("Line.Amount")
        if detail.get("PostingType") == "Debit":
            debit += amount
        elif detail.get("PostingType") == "Credit":
            credit += amount
        else:
            raise errors.required("PostingType")
        line["Amount"] = money(amount)
    if debit != credit:
        raise errors.business("Transaction is not balanced. Debits and credits must be equal.", "Line")
    _number_lines(lines, ctx)
    doc["Line"] = lines
    doc.setdefault("CurrencyRef", USD)
    doc["TotalAmt"] = money(debit)


def payment_applications(doc: Doc | None) -> dict[str, Decimal]:
    """Invoice id -> amount this payment applies to it."""
    out: dict[str, Decimal] = {}
    for line in (doc or {}).get("Line", []) or []:
        amount = dec(line.get("Amount")) or Decimal(0)
        for txn in line.get("LinkedTxn", []) or []:
            if txn.get("TxnType") == "Invoice":
                out[str(txn["TxnId"])] = out.get(str(txn["TxnId"]), Decimal(0)) + amount
    return out


def prepare_payment(doc: Doc, ctx: Context, now_meta: str) -> None:
    require_ref(doc, "CustomerRef")
    _dates(doc, ctx.today, None)
    lines = []
    for raw in doc.get("Line", []) or []:
        line = clean_line(raw)
        amount = dec(line.get("Amount"))
        if amount is None:
            raise errors.required("Line.Amount")
        line["Amount"] = money(amount)
        line["LinkedTxn"] = [{"TxnId": str(t["TxnId"]), "TxnType": t.get("TxnType", "Invoice")}
                             for t in line.get("LinkedTxn", []) if t.get("TxnId")]
        lines.append(line)
    doc["Line"] = lines
    applied_total = sum((dec(line["Amount"]) or Decimal(0) for line in lines), Decimal(0))
    total = dec(doc.get("TotalAmt"))
    if total is None:
        if not lines:
            raise errors.required("TotalAmt")
        total = applied_total
    if applied_total > total:
        raise errors.business("The amount applied to transactions exceeds the payment amount.", "TotalAmt")
    apply_payment(doc, ctx, payment_applications(ctx.existing), payment_applications(doc), now_meta)
    doc.setdefault("CurrencyRef", USD)
    doc.setdefault("ProcessPayment", False)
    doc["TotalAmt"] = money(total)
    doc["UnappliedAmt"] = money(total - applied_total)


def apply_payment(payment: Doc, ctx: Context, old: dict[str, Decimal], new: dict[str, Decimal], now_meta: str) -> None:
    """Adjust each affected invoice's Balance and LinkedTxn by the change in what this payment applies."""
    payment_id = (ctx.existing or {}).get("Id") or ctx.new_id
    customer = str((payment.get("CustomerRef") or {}).get("value", ""))
    for invoice_id in sorted(set(old) | set(new)):
        delta = new.get(invoice_id, Decimal(0)) - old.get(invoice_id, Decimal(0))
        if delta == 0 and (invoice_id in new) == (invoice_id in old):
            continue
        invoice = ctx.lookup("Invoice", invoice_id)
        if invoice is None:
            raise errors.invalid_ref("LinkedTxn", invoice_id, "Invoice")
        if invoice_id in new and str(invoice["CustomerRef"]["value"]) != customer:
            raise errors.business(f"Invoice {invoice_id} belongs to a different customer.", "LinkedTxn")
        balance = (dec(invoice.get("Balance")) or Decimal(0)) - delta
        if balance < 0:
            raise errors.business(f"The payment amount exceeds the open balance of invoice {invoice_id}.",
                                  "Line.Amount")
        invoice["Balance"] = money(balance)
        links = [t for t in invoice.get("LinkedTxn", [])
                 if not (t.get("TxnType") == "Payment" and t.get("TxnId") == payment_id)]
        if invoice_id in new:
            links.append({"TxnId": payment_id, "TxnType": "Payment"})
        invoice["LinkedTxn"] = links
        invoice["SyncToken"] = str(int(invoice["SyncToken"]) + 1)
        invoice["MetaData"] = dict(invoice["MetaData"], LastUpdatedTime=now_meta)
        ctx.side_effects.append(("Invoice", invoice))


# ----------------------------------------------------------------------------------------------------
# Name lists

def _unique(entity: str, doc: Doc, key: str, ctx: Context, also: tuple[str, ...] = ()) -> None:
    exclude = ctx.existing["Id"] if ctx.existing else None
    for target in (entity, *also):
        if ctx.key_taken(target, doc[key], exclude if target == entity else None):
            raise errors.QBOFault("6240", "Duplicate Name Exists Error",
                                  f"The name supplied already exists. : {doc[key]}", key)


def prepare_party(entity: str, doc: Doc, ctx: Context) -> None:
    if not doc.get("DisplayName"):
        parts = [str(doc[k]) for k in ("Title", "GivenName", "MiddleName", "FamilyName", "Suffix") if doc.get(k)]
        name = " ".join(parts) or doc.get("CompanyName")
        if not name:
            raise errors.required("DisplayName")
        doc["DisplayName"] = name
    if ":" in doc["DisplayName"]:
        raise errors.QBOFault("6000", "A business validation error has occurred while processing your request",
                              "Business Validation Error: Name cannot contain ':'", "DisplayName")
    _unique(entity, doc, "DisplayName", ctx, ("Vendor",) if entity == "Customer" else ("Customer",))
    doc.setdefault("Active", True)
    doc.setdefault("CurrencyRef", USD)
    doc["FullyQualifiedName"] = doc["DisplayName"]
    doc.setdefault("PrintOnCheckName", doc["DisplayName"])
    doc["Balance"] = ctx.existing.get("Balance", 0) if ctx.existing else 0
    if entity == "Customer":
        doc.setdefault("Taxable", False)
        doc.setdefault("Job", False)
        doc.setdefault("BillWithParent", False)
        doc["BalanceWithJobs"] = doc["Balance"]
        doc.setdefault("PreferredDeliveryMethod", "Print")
        doc.pop("Level", None)
    else:
        doc.setdefault("Vendor1099", False)


def prepare_named(entity: str, doc: Doc, ctx: Context) -> None:
    if not doc.get("Name"):
        raise errors.required("Name")
    _unique(entity, doc, "Name", ctx)
    doc.setdefault("Active", True)
    parent = doc.get("ParentRef")
    if isinstance(parent, dict) and parent.get("value"):
        parent_doc = ctx.lookup(entity, str(parent["value"]))
        if parent_doc is None:
            raise errors.invalid_ref("ParentRef", str(parent["value"]), entity)
        doc["FullyQualifiedName"] = f"{parent_doc.get('FullyQualifiedName', parent_doc['Name'])}:{doc['Name']}"
    else:
        doc["FullyQualifiedName"] = doc["Name"]
    if entity == "Account":
        if not doc.get("AccountType"):
            raise errors.required("AccountType")
        if doc["AccountType"] not in ACCOUNT_CLASSIFICATION:
            raise errors.QBOFault("2170", "Invalid Enumeration", f"Invalid Enumeration : {doc['AccountType']}",
                                  "AccountType")
        doc["Classification"] = ACCOUNT_CLASSIFICATION[doc["AccountType"]]
        doc.setdefault("SubAccount", bool(parent))
        doc.setdefault("CurrencyRef", USD)
        doc["CurrentBalance"] = ctx.existing.get("CurrentBalance", 0) if ctx.existing else 0
        doc["CurrentBalanceWithSubAccounts"] = doc["CurrentBalance"]
    elif entity == "Item":
        doc.setdefault("Type", "Service")
        if doc["Type"] in ("Service", "NonInventory", "Inventory") and not doc.get("IncomeAccountRef"):
            raise errors.business("You must select an income account for this item.", "IncomeAccountRef")
        _drop_zero(doc, "QtyOnHand")
        doc.setdefault("Taxable", False)
    elif entity in ("Class", "Department"):
        doc.setdefault("SubClass" if entity == "Class" else "SubDepartment", bool(parent))


# ----------------------------------------------------------------------------------------------------

def prepare(spec: EntitySpec, body: Doc, ctx: Context, now_meta: str) -> Doc:
    """Validate and compute a document from a (cleaned) request body. Raises QBOFault; writes nothing."""
    doc = {k: v for k, v in body.items() if k not in spec.read_only}
    if spec.name == "Payment" and "TotalAmt" in body:
        doc["TotalAmt"] = body["TotalAmt"]
    if spec.name == "Invoice":
        prepare_invoice(doc, ctx)
    elif spec.name == "CreditMemo":
        prepare_credit_memo(doc, ctx)
    elif spec.name == "Bill":
        prepare_bill(doc, ctx)
    elif spec.name == "Purchase":
        prepare_purchase(doc, ctx)
    elif spec.name == "JournalEntry":
        prepare_journal_entry(doc, ctx)
    elif spec.name == "PurchaseOrder":
        prepare_purchase_order(doc, ctx)
    elif spec.name == "VendorCredit":
        prepare_vendor_credit(doc, ctx)
    elif spec.name in ("Customer", "Vendor"):
        prepare_party(spec.name, doc, ctx)
    elif spec.name in ("Item", "Account", "Class", "Department"):
        prepare_named(spec.name, doc, ctx)
    elif spec.name == "Attachable":
        prepare_attachable(doc, ctx)
    # Refs last: computed defaults (TaxCodeRef NON, APAccountRef) must resolve too
    resolve_refs(doc, ctx.lookup)
    if spec.name == "Payment":
        prepare_payment(doc, ctx, now_meta)
    return doc
