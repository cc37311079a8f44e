"""A believable small UK business for the sandbox: chart of accounts, VAT groups, customers and vendors with
addresses and phones, items, and a few dozen sales and purchase invoices in every state (draft, open, part-paid,
paid, canceled with its corrective credit memo), their payments, and a posted journal."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import documents as docs
from .state import NAMESPACE

if TYPE_CHECKING:
    from .sandbox import BusinessCentralSandbox

ACCOUNTS = [  # number, name, category, subCategory
    ("10100", "Checking account", "Assets", "Cash"), ("10200", "Savings account", "Assets", "Cash"),
    ("13100", "Accounts Receivable", "Assets", "Accounts Receivable"),
    ("14100", "Inventory", "Assets", "Inventory"), ("20100", "Accounts Payable", "Liabilities", "Current Liabilities"),
    ("22100", "VAT Payable", "Liabilities", "Current Liabilities"), ("30100", "Share Capital", "Equity", "Equity"),
    ("40100", "Sales, Retail", "Income", "Income, Product Sales"),
    ("40200", "Sales, Services", "Income", "Income, Services"),
    ("50100", "Cost of Goods Sold", "CostOfGoodsSold", "Cost of Goods Sold"),
    ("60100", "Rent Expense", "Expense", "Rent Expense"), ("60200", "Utilities", "Expense", "Utilities Expense"),
    ("60300", "Office Supplies", "Expense", "Office Supplies"), ("60400", "Travel", "Expense", "Travel Expense"),
]
TAX = [("STANDARD", "Standard VAT (20%)", "20"), ("REDUCED", "Reduced VAT (5%)", "5"), ("ZERO", "Zero-rated", "0")]
CUSTOMERS = [
    ("Adatum Corporation", "192 Market Square", "Birmingham", "B27 4KT", "+44 121 496 0001", "ap@adatum.example"),
    ("Trey Research", "153 Thomas Drive", "Manchester", "M61 2GH", "+44 161 496 0002", "finance@trey.example"),
    ("School of Fine Art", "10 High Tower Green", "Oxford", "OX1 2BU", "+44 1865 96 0003", "office@sofa.example"),
    ("Alpine Ski House", "10 Deerfield Road", "Edinburgh", "EH12 5PY", "+44 131 496 0004", "ski@alpine.example"),
    ("Relecloud", "5 Main Street", "Leeds", "LS1 4AP", "+44 113 496 0005", "billing@relecloud.example"),
    ("Coho Winery", "25 Water Lane", "Bristol", "BS1 6AD", "+44 117 496 0006", "accounts@coho.example"),
]
VENDORS = [
    ("Fabrikam, Inc.", "51 Radcliffe Street", "London", "EC1A 1BB", "+44 20 7946 0101", "sales@fabrikam.example"),
    ("First Up Consultants", "100 Day Drive", "Reading", "RG1 1AA", "+44 118 496 0102", "hello@firstup.example"),
    ("Graphic Design Institute", "3 Stone Lane", "Cambridge", "CB2 1TN", "+44 1223 96 0103", "gdi@gdi.example"),
    ("Wide World Importers", "12 Dock Road", "Liverpool", "L3 4AF", "+44 151 496 0104", "ar@wwi.example"),
]
ITEMS = [  # displayName, type, price, cost, tax
    ("ATHENS Desk", "Inventory", "649.40", "506.60", "STANDARD"),
    ("PARIS Guest Chair, black", "Inventory", "125.10", "97.60", "STANDARD"),
    ("ROME Guest Chair, green", "Inventory", "125.10", "97.60", "STANDARD"),
    ("Installation, per hour", "Service", "80.00", "0", "STANDARD"),
    ("Children's safety guide", "Non-Inventory", "12.50", "6.00", "ZERO"),
    ("Office chair cushion", "Inventory", "24.00", "11.00", "REDUCED"),
]


def _id(company: str, what: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{company}/{what}"))


def _address(street: str, city: str, postcode: str) -> dict[str, str]:
    return {"street": street, "city": city, "state": "", "countryLetterCode": "GB", "postalCode": postcode}


def seed_demo(sb: BusinessCentralSandbox, company: str, *, invoices: int = 30) -> None:
    state = sb.state
    if state.rows(company, "customers"):
        return  # seeded already (a demo restarted on its saved state)
    with state.writing():
        for number, name, category, sub in ACCOUNTS:
            state.put(company, "accounts", {"id": _id(company, f"account/{number}"), "number": number,
                                            "displayName": name, "category": category, "subCategory": sub,
                                            "blocked": False})
        for code, name, percent in TAX:
            state.put(company, "taxGroups", {"id": _id(company, f"tax/{code}"), "code": code, "displayName": name,
                                             "taxType": "VAT", "_tax": Decimal(percent)})
        state.put(company, "taxAreas", {"id": _id(company, "area/UK"), "code": "UK", "displayName": "United Kingdom",
                                        "taxType": "VAT"})
        for code, name, formula in (("14 DAYS", "Net 14 days", "14D"), ("30 DAYS", "Net 30 days", "30D"),
                                    ("CM", "Current month", "CM")):
            state.put(company, "paymentTerms", {
                "id": _id(company, f"terms/{code}"), "code": code, "displayName": name, "dueDateCalculation": formula,
                "discountDateCalculation": "", "discountPercent": Decimal(0),
                "calculateDiscountOnCreditMemos": False})
        dim = _id(company, "dim/DEPARTMENT")
        state.put(company, "dimensions", {"id": dim, "code": "DEPARTMENT", "displayName": "Department"})
        for code, name in (("ADM", "Administration"), ("SALES", "Sales"), ("PROD", "Production")):
            state.put(company, "dimensionValues", {"id": _id(company, f"dimval/{code}"), "code": code,
                                                   "displayName": name, "_dimension": dim})
        state.put(company, "customerPaymentJournals", {
            "id": _id(company, "journal/CASHRCPT"), "code": "CASHRCPT", "displayName": "Cash receipts",
            "balancingAccountId": _id(company, "account/10100"), "balancingAccountNumber": "10100"})
        state.put(company, "journals", {"id": _id(company, "journal/GENERAL"), "code": "GENERAL",
                                        "displayName": "General journal", "balancingAccountId": None,
                                        "balancingAccountNumber": ""})
        for i, (name, street, city, postcode, phone, email) in enumerate(CUSTOMERS):
            state.put(company, "customers", {
                "id": _id(company, f"customer/{i}"), "number": f"C{10000 + i * 10}", "displayName": name,
                "type": "Company", "address": _address(street, city, postcode), "phoneNumber": phone,
                "email": email, "website": "", "taxLiable": True, "taxAreaId": _id(company, "area/UK"),
                "taxAreaDisplayName": "United Kingdom", "taxRegistrationNumber": f"GB{123456780 + i}",
                "currencyCode": "", "paymentTermsId": _id(company, "terms/30 DAYS"), "blocked": " "})
        state.data["counters"].setdefault(company, {})["customers"] = 10000 + len(CUSTOMERS) * 10
        for i, (name, street, city, postcode, phone, email) in enumerate(VENDORS):
            state.put(company, "vendors", {
                "id": _id(company, f"vendor/{i}"), "number": f"V{10000 + i * 10}", "displayName": name,
                "address": _address(street, city, postcode), "phoneNumber": phone, "email": email, "website": "",
                "taxRegistrationNumber": f"GB{987654320 + i}", "currencyCode": "", "irs1099Code": "",
                "paymentTermsId": _id(company, "terms/14 DAYS"), "taxLiable": True, "blocked": " ",
                "balance": Decimal(0)})
        state.data["counters"][company]["vendors"] = 10000 + len(VENDORS) * 10
        for i, (name, type_, price, cost, tax) in enumerate(ITEMS):
            state.put(company, "items", {
                "id": _id(company, f"item/{i}"), "number": f"{1896 + i}-S", "displayName": name, "type": type_,
                "blocked": False, "gtin": "", "inventory": Decimal(40 if type_ == "Inventory" else 0),
                "unitPrice": Decimal(price), "priceIncludesTax": False, "unitCost": Decimal(cost),
                "taxGroupId": _id(company, f"tax/{tax}"), "taxGroupCode": tax,
                "baseUnitOfMeasure": {"code": "PCS", "displayName": "Piece"}})
        _documents(sb, company, invoices)


def _make(sb: BusinessCentralSandbox, company: str, kind: docs.DocKind, body: dict[str, Any]) -> dict[str, Any]:
    doc, lines = docs.new_document(sb.state, company, kind, body)
    for line in lines:
        sb.state.put(company, kind.lines, line)
    docs.recompute(sb.state, company, kind, doc)
    return sb.state.put(company, kind.entity_set, doc)


def _documents(sb: BusinessCentralSandbox, company: str, invoices: int) -> None:
    state = sb.state
    start = date(2026, 9, 1)
    journal = _id(company, "journal/CASHRCPT")
    for n in range(invoices):
        day = start + timedelta(days=2 * n)
        customer = _id(company, f"customer/{n % len(CUSTOMERS)}")
        lines = [{"itemId": _id(company, f"item/{n % len(ITEMS)}"), "quantity": 1 + n % 4},
                 {"accountId": _id(company, "account/40200"), "description": "Delivery and set-up",
                  "quantity": 1, "unitPrice": Decimal("45.00"), "taxCode": "STANDARD"}]
        invoice = _make(sb, company, docs.SALES_INVOICE, {
            "customerId": customer, "invoiceDate": day.isoformat(), "dueDate": (day + timedelta(days=30)).isoformat(),
            "externalDocumentNumber": f"PO-{4100 + n}", "salesInvoiceLines": lines})
        role = n % 6
        if role == 0:
            continue  # stays a draft
        docs.post(state, company, docs.SALES_INVOICE, invoice)
        if role in (2, 3):  # paid in full; part-paid
            amount = invoice["totalAmountIncludingTax"] if role == 2 else docs.money(
                invoice["totalAmountIncludingTax"] / 2)
            docs.apply_payment(state, company, invoice, amount)
            state.put(company, "customerPayments", {
                "id": _id(company, f"payment/{n}"), "journalDisplayName": "CASHRCPT", "lineNumber": 10000 * (n + 1),
                "customerId": customer, "customerNumber": f"C{10000 + (n % len(CUSTOMERS)) * 10}", "contactId": "",
                "postingDate": (day + timedelta(days=10)).isoformat(), "documentNumber": f"G{n + 1:05d}",
                "externalDocumentNumber": "", "amount": amount, "appliesToInvoiceId": invoice["id"],
                "appliesToInvoiceNumber": invoice["number"], "description": "Payment received", "comment": "",
                "_journal": journal, "_applied": True})
        elif role == 5 and n < 12:
            docs.cancel(state, company, docs.SALES_INVOICE, invoice)
        state.put(company, "salesInvoices", invoice)
    for n in range(max(4, invoices // 3)):
        day = start + timedelta(days=3 * n)
        bill = _make(sb, company, docs.PURCHASE_INVOICE, {
            "vendorId": _id(company, f"vendor/{n % len(VENDORS)}"), "invoiceDate": day.isoformat(),
            "dueDate": (day + timedelta(days=14)).isoformat(), "vendorInvoiceNumber": f"INV-{7700 + n}",
            "purchaseInvoiceLines": [
                {"accountId": _id(company, "account/" + ("60100", "60200", "60300", "60400")[n % 4]),
                 "description": "Monthly charge", "quantity": 1, "unitCost": Decimal(150 + 25 * n),
                 "taxCode": "STANDARD"}]})
        if n % 3:
            docs.post(state, company, docs.PURCHASE_INVOICE, bill)
            state.put(company, "purchaseInvoices", bill)


def seed_invoices(sb: BusinessCentralSandbox, company: str, count: int) -> None:
    """Many draft sales invoices at once (paging and bulk tests)."""
    customers = list(sb.state.rows(company, "customers").values())
    accounts = [a for a in sb.state.rows(company, "accounts").values() if a["category"] == "Income"]
    with sb.state.writing():
        for n in range(count):
            _make(sb, company, docs.SALES_INVOICE, {
                "customerId": customers[n % len(customers)]["id"], "externalDocumentNumber": f"BULK-{n}",
                "salesInvoiceLines": [{"accountId": accounts[0]["id"], "description": f"Bulk {n}", "quantity": 1,
                                       "unitPrice": Decimal(10 + n), "taxCode": "STANDARD"}]})
