"""Sales invoices, purchase invoices and sales credit memos: their lines, totals and statuses.

Totals are computed as Business Central computes them, per line in Decimal: amount = quantity × price less the
line discount, rounded to cents; tax = amount × the tax code's percent, rounded per line; the header sums its
lines. With ``pricesIncludeTax`` the price holds the tax and the amount excluding tax is backed out of it.

Statuses: a document is created ``Draft``; ``Microsoft.NAV.post`` makes it ``Open`` (it needs a customer or
vendor and at least one line with an amount); payments applied to an Open sales invoice lower its
``remainingAmount`` and make it ``Paid`` at zero; ``Microsoft.NAV.cancel`` turns an Open, unpaid invoice
``Canceled`` and issues a corrective credit memo for it. Only drafts may be changed or deleted: a posted
document is part of the ledger.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .errors import bad_request, dialog, record_not_found
from .state import State

CENT = Decimal("0.01")
ZERO = Decimal("0")


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def number(value: Any, field: str) -> Decimal:
    try:
        return Decimal(str(value if value is not None else 0))
    except ArithmeticError as exc:
        raise bad_request(f"Invalid value for {field}: '{value}'.") from exc


@dataclass(frozen=True)
class DocKind:
    """What differs between the three documents."""

    entity_set: str
    lines: str
    party_set: str  # customers | vendors
    party_field: str  # customerId | vendorId
    party_number: str
    party_name: str
    price_field: str  # unitPrice | unitCost
    date_field: str
    series: str
    series_start: int
    title: str


SALES_INVOICE = DocKind("salesInvoices", "salesInvoiceLines", "customers", "customerId", "customerNumber",
                        "customerName", "unitPrice", "invoiceDate", "S-INV", 103001, "sales invoice")
PURCHASE_INVOICE = DocKind("purchaseInvoices", "purchaseInvoiceLines", "vendors", "vendorId", "vendorNumber",
                           "vendorName", "unitCost", "invoiceDate", "P-INV", 108001, "purchase invoice")
SALES_CREDIT_MEMO = DocKind("salesCreditMemos", "salesCreditMemoLines", "customers", "customerId", "customerNumber",
                            "customerName", "unitPrice", "creditMemoDate", "S-CR", 104001, "sales credit memo")
DOCUMENTS = {k.entity_set: k for k in (SALES_INVOICE, PURCHASE_INVOICE, SALES_CREDIT_MEMO)}
LINE_SETS = {k.lines: k for k in DOCUMENTS.values()}
LINE_TYPES = ("Comment", "Account", "Item")


def tax_percent(state: State, company: str, code: str | None) -> Decimal:
    """The percent of a tax code; the v1.0 contract gives tax groups no rate, so the sandbox keeps it aside."""
    if not code:
        return ZERO
    for group in state.rows(company, "taxGroups").values():
        if str(group["code"]).upper() == code.upper():
            return Decimal(str(group.get("_tax", "0")))
    raise bad_request(f"The field Tax Group Code of table Sales Line contains a value ({code}) that cannot be found "
                      "in the related table (Tax Group).", "Internal_InvalidTableRelation")


def build_line(state: State, company: str, kind: DocKind, doc: dict[str, Any], body: dict[str, Any],
               sequence: int, current: dict[str, Any] | None = None) -> dict[str, Any]:
    """A line from a request body (merged over ``current`` for a PATCH), with its amounts computed."""
    line: dict[str, Any] = dict(current or {"id": f"{doc['id']}-{sequence}", "documentId": doc["id"],
                                            "sequence": sequence})
    line.update({k: v for k, v in body.items() if k not in ("id", "documentId", "sequence")})
    item = account = None
    if line.get("itemId"):
        item = state.get(company, "items", str(line["itemId"]))
        if item is None:
            raise record_not_found("Item", "id", line["itemId"])
        line["lineType"] = "Item"
        line.setdefault("description", item["displayName"])
        if body.get(kind.price_field) is None and current is None:
            line[kind.price_field] = item["unitPrice" if kind.price_field == "unitPrice" else "unitCost"]
        if "taxCode" not in body and current is None:
            line["taxCode"] = item.get("taxGroupCode")
        line["lineDetails"] = {"number": item["number"], "displayName": item["displayName"]}
    elif line.get("accountId"):
        account = state.get(company, "accounts", str(line["accountId"]))
        if account is None:
            raise record_not_found("G/L Account", "id", line["accountId"])
        line["lineType"] = "Account"
        line["lineDetails"] = {"number": account["number"], "displayName": account["displayName"]}
    else:
        line["lineType"] = "Comment"
    if line["lineType"] == "Comment":
        if number(line.get("quantity"), "quantity") or number(line.get(kind.price_field), kind.price_field):
            raise bad_request("A comment line cannot carry a quantity or a price: give it an itemId or accountId.",
                              "Internal_ValidationError")
        line.update({"quantity": ZERO, kind.price_field: ZERO})
    if str(line.get("lineType")) not in LINE_TYPES:
        raise bad_request(f"Invalid lineType '{line.get('lineType')}'.")
    compute_line(state, company, doc, line, kind)
    return line


def compute_line(state: State, company: str, doc: dict[str, Any], line: dict[str, Any], kind: DocKind) -> None:
    quantity = number(line.get("quantity"), "quantity")
    price = number(line.get(kind.price_field), kind.price_field)
    rate = tax_percent(state, company, line.get("taxCode"))
    gross = quantity * price
    percent = number(line.get("discountPercent"), "discountPercent")
    discount = money(gross * percent / 100) if percent else money(number(line.get("discountAmount"),
                                                                          "discountAmount"))
    if discount > abs(money(gross)):
        raise bad_request("The line discount cannot exceed the line amount.", "Internal_ValidationError")
    if doc.get("pricesIncludeTax"):
        including = money(gross - discount)
        excluding = money(including / (1 + rate / 100))
        tax = including - excluding
    else:
        excluding = money(gross - discount)
        tax = money(excluding * rate / 100)
        including = excluding + tax
    line.update({"quantity": quantity, kind.price_field: price, "discountAmount": discount,
                 "discountPercent": percent, "discountAppliedBeforeTax": True, "taxPercent": rate,
                 "amountExcludingTax": excluding, "totalTaxAmount": tax, "amountIncludingTax": including,
                 "invoiceDiscountAllocation": ZERO, "netAmount": excluding, "netTaxAmount": tax,
                 "netAmountIncludingTax": including})


def lines_of(state: State, company: str, kind: DocKind, doc_id: str) -> list[dict[str, Any]]:
    rows = [r for r in state.rows(company, kind.lines).values() if r["documentId"] == doc_id.lower()]
    return sorted(rows, key=lambda r: int(r["sequence"]))


def recompute(state: State, company: str, kind: DocKind, doc: dict[str, Any]) -> None:
    """Header totals from the lines (BC keeps them in step on every line change)."""
    lines = lines_of(state, company, kind, doc["id"])
    for line in lines:
        compute_line(state, company, doc, line, kind)
    doc["totalAmountExcludingTax"] = sum((line["amountExcludingTax"] for line in lines), ZERO)
    doc["totalTaxAmount"] = sum((line["totalTaxAmount"] for line in lines), ZERO)
    doc["totalAmountIncludingTax"] = sum((line["amountIncludingTax"] for line in lines), ZERO)
    doc["discountAmount"] = ZERO
    if kind is SALES_INVOICE and doc.get("status") == "Draft":
        doc["remainingAmount"] = doc["totalAmountIncludingTax"]


def fill_header(state: State, company: str, kind: DocKind, doc: dict[str, Any], body: dict[str, Any]) -> None:
    """Resolve the party (by id or number), default dates and currency, as BC's validation triggers do."""
    party = None
    if body.get(kind.party_field):
        party = state.get(company, kind.party_set, str(body[kind.party_field]))
        if party is None:
            raise record_not_found("Customer" if kind.party_set == "customers" else "Vendor", "id",
                                   body[kind.party_field])
    elif body.get(kind.party_number):
        party = next((p for p in state.rows(company, kind.party_set).values()
                      if p["number"] == body[kind.party_number]), None)
        if party is None:
            raise record_not_found("Customer" if kind.party_set == "customers" else "Vendor", "number",
                                   body[kind.party_number])
    if party is not None:
        if party.get("blocked") not in (None, "", " "):
            raise dialog(f"You cannot create this type of document when {party['displayName']} is blocked with "
                         f"type {party['blocked']}.")
        doc[kind.party_field] = party["id"]
        doc[kind.party_number] = party["number"]
        doc[kind.party_name] = party["displayName"]
        address = dict(party.get("address") or {})
        if kind is PURCHASE_INVOICE:
            doc.update({"payToName": party["displayName"], "payToVendorId": party["id"],
                        "payToVendorNumber": party["number"], "buyFromAddress": address, "payToAddress": address})
        else:
            doc.update({"billToName": party["displayName"], "billToCustomerId": party["id"],
                        "billToCustomerNumber": party["number"], "billingPostalAddress": address})
            doc.setdefault("sellingPostalAddress", address)
            if kind is SALES_INVOICE:
                doc.setdefault("phoneNumber", party.get("phoneNumber") or "")
                doc.setdefault("email", party.get("email") or "")
    company_info = next(iter(state.rows(company, "companyInformation").values()))
    doc.setdefault("currencyCode", party.get("currencyCode") if party and party.get("currencyCode")
                   else company_info["currencyCode"])
    doc.setdefault(kind.date_field, state.stamp()[:10])
    doc.setdefault("dueDate", doc[kind.date_field])
    if str(doc["dueDate"]) < str(doc[kind.date_field]):
        raise bad_request("The Due Date cannot be before the Document Date.", "Internal_ValidationError")


def new_document(state: State, company: str, kind: DocKind, body: dict[str, Any]) -> tuple[dict[str, Any],
                                                                                         list[dict[str, Any]]]:
    """A draft from a POST body (deep insert of its lines allowed), numbered from the no. series unless the
    caller gave a number (the demo company's series allow manual numbers)."""
    doc: dict[str, Any] = {k: v for k, v in body.items() if k != kind.lines}
    doc["id"] = str(uuid.uuid4())
    doc["status"] = "Draft"
    doc.setdefault("pricesIncludeTax", False)
    doc["discountAppliedBeforeTax"] = True
    if kind is not PURCHASE_INVOICE:
        doc.setdefault("externalDocumentNumber", "")
    number_ = doc.get("number")
    if number_:
        if any(str(r.get("number")) == str(number_) for r in state.rows(company, kind.entity_set).values()):
            raise bad_request(f"The record in table {kind.title.title()} already exists. Identification fields "
                              f"and values: No.='{number_}'", "Internal_EntityWithSameKeyExists")
    else:
        doc["number"] = f"{kind.series}{state.next_number(company, kind.series, kind.series_start)}"
    fill_header(state, company, kind, doc, body)
    lines = [build_line(state, company, kind, doc, line, 10000 * (i + 1))
             for i, line in enumerate(body.get(kind.lines) or [])]
    return doc, lines


def require_draft(kind: DocKind, doc: dict[str, Any], action: str) -> None:
    if doc.get("status") != "Draft":
        raise dialog(f"You cannot {action} {kind.title} {doc['number']} because it has been posted "
                     f"(status {doc['status']}).")


def post(state: State, company: str, kind: DocKind, doc: dict[str, Any]) -> None:
    require_draft(kind, doc, "post")
    if not doc.get(kind.party_field):
        raise dialog(f"{kind.party_field} must have a value in {kind.title.title()}: No.={doc['number']}.")
    lines = lines_of(state, company, kind, doc["id"])
    if not any(line["lineType"] != "Comment" and line["quantity"] for line in lines):
        raise dialog("There is nothing to post.")
    doc["status"] = "Open"
    if kind is SALES_INVOICE:
        doc["remainingAmount"] = doc["totalAmountIncludingTax"]


def cancel(state: State, company: str, kind: DocKind, doc: dict[str, Any]) -> dict[str, Any]:
    """Cancel an Open invoice: BC posts a corrective credit memo for the whole amount and marks it Canceled."""
    if doc.get("status") != "Open":
        raise dialog(f"You cannot cancel {kind.title} {doc['number']} with status {doc['status']}: only an open, "
                     "unpaid posted invoice can be canceled.")
    if kind is SALES_INVOICE and Decimal(str(doc.get("remainingAmount"))) != Decimal(
            str(doc["totalAmountIncludingTax"])):
        raise dialog(f"You cannot cancel sales invoice {doc['number']} because it has been partially or fully "
                     "paid.")
    memo = corrective_memo(state, company, doc)
    memo["status"] = "Corrective"
    doc["status"] = "Canceled"
    doc["remainingAmount"] = ZERO
    return memo


def corrective_memo(state: State, company: str, invoice: dict[str, Any]) -> dict[str, Any]:
    body = {"customerId": invoice["customerId"], "creditMemoDate": state.stamp()[:10],
            "pricesIncludeTax": invoice.get("pricesIncludeTax", False), "invoiceId": invoice["id"],
            "invoiceNumber": invoice["number"], "externalDocumentNumber": invoice.get("externalDocumentNumber", ""),
            "salesCreditMemoLines": [
                {k: line.get(k) for k in ("itemId", "accountId", "description", "quantity", "unitPrice",
                                          "discountAmount", "taxCode") if line.get(k) not in (None, "")}
                for line in lines_of(state, company, SALES_INVOICE, invoice["id"]) if line["lineType"] != "Comment"]}
    memo, lines = new_document(state, company, SALES_CREDIT_MEMO, body)
    state.put(company, "salesCreditMemos", memo)
    for line in lines:
        state.put(company, "salesCreditMemoLines", line)
    recompute(state, company, SALES_CREDIT_MEMO, memo)
    return memo


def apply_payment(state: State, company: str, invoice: dict[str, Any], amount: Decimal) -> None:
    if invoice.get("status") not in ("Open", "Paid"):
        raise dialog(f"You cannot apply a payment to sales invoice {invoice['number']} with status "
                     f"{invoice['status']}.")
    remaining = Decimal(str(invoice["remainingAmount"])) - amount
    if remaining < 0 or amount <= 0:
        raise dialog(f"The payment of {amount} does not fit the remaining amount {invoice['remainingAmount']} of "
                     f"sales invoice {invoice['number']}.")
    invoice["remainingAmount"] = remaining
    invoice["status"] = "Paid" if remaining == 0 else "Open"


def unapply_payment(invoice: dict[str, Any], amount: Decimal) -> None:
    invoice["remainingAmount"] = Decimal(str(invoice["remainingAmount"])) + amount
    if invoice["status"] == "Paid" and invoice["remainingAmount"] > 0:
        invoice["status"] = "Open"
