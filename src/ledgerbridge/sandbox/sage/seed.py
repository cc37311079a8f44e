"""A believable small UK business: a chart of accounts, VAT rates, a bank account, customers and suppliers with
addresses and phones, products, a few dozen invoices and bills in every state, payments and a credit note.
Everything goes through the same rules as the API (``documents.save``, ``masters.save_*``), so seeded records
look exactly like created ones. Deterministic: the same business always gets the same story."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import documents, masters
from .refs import base
from .state import Record, new_id

if TYPE_CHECKING:
    from .sandbox import SageSandbox

TAX_RATES = (("GB_STANDARD", "Standard", "20.00"), ("GB_LOWER", "Lower Rate", "5.00"),
             ("GB_ZERO", "Zero Rated", "0.00"),
             ("GB_EXEMPT", "Exempt", "0.00"), ("GB_NO_TAX", "No VAT", "0.00"))
ACCOUNTS = ((1100, "Debtors Control Account", "CURRENT_ASSETS"), (1200, "Current", "BANK"),
            (2100, "Creditors Control Account", "CURRENT_LIABILITY"), (2200, "VAT on Sales", "CURRENT_LIABILITY"),
            (3000, "Capital introduced", "EQUITY"), (4000, "Sales Type A", "SALES"), (4010, "Sales Type B", "SALES"),
            (4900, "Other income", "OTHER_INCOME"), (5000, "Cost of sales - goods", "DIRECT_EXPENSES"),
            (7100, "Rent and rates", "OVERHEADS"), (7500, "Office costs", "OVERHEADS"),
            (7600, "Legal and professional fees", "OVERHEADS"), (8000, "Depreciation", "DEPRECIATION"))
ANALYSIS_TYPES = (("Department", (("SALES", "Sales"), ("OPS", "Operations"), ("ADMIN", "Administration"))),
                  ("Region", (("NORTH", "North East"), ("YORKS", "Yorkshire"))))
CUSTOMERS = (("Brightwater Cafe", "12 Quayside", "Newcastle upon Tyne", "NE1 3DX", "0191 555 0142"),
             ("Harrow & Finch Architects", "44 Grey Street", "Newcastle upon Tyne", "NE1 6AE", "0191 555 0199"),
             ("Pennine Outdoor Supplies", "3 Market Place", "Hexham", "NE46 1XF", "01434 555 021"),
             ("Tynemouth Dental Practice", "8 Front Street", "Tynemouth", "NE30 4DZ", "0191 555 0173"),
             ("Ouseburn Print Works", "27 Lime Street", "Newcastle upon Tyne", "NE1 2PQ", "0191 555 0110"),
             ("Durham Lettings Ltd", "5 Saddler Street", "Durham", "DH1 3NP", "0191 555 0187"))
SUPPLIERS = (("Northumbria Office Supplies", "Unit 4, Team Valley", "Gateshead", "NE11 0JQ", "0191 555 0230"),
             ("Jesmond Property Management", "90 Osborne Road", "Newcastle upon Tyne", "NE2 2AP", "0191 555 0261"),
             ("Quayside Accountants LLP", "1 Sandhill", "Newcastle upon Tyne", "NE1 3JF", "0191 555 0245"),
             ("Tyne Wholesale Foods", "Riverside Park", "North Shields", "NE29 6DE", "0191 555 0288"))
PRODUCTS = (("CONS-HR", "Consulting (per hour)", "85.00", 4000), ("WEB-SITE", "Website build", "1200.00", 4000),
            ("SUP-MON", "Monthly support plan", "150.00", 4010),
            ("PRINT-A4", "A4 leaflets (box of 500)", "45.00", 4010))


def _put(sb: SageSandbox, business: str, collection: str, record: Record) -> Record:
    return sb.store.put(business, collection, record)


def seed_settings(sb: SageSandbox, business: str) -> None:
    """What every business has from the start: VAT rates, the chart of accounts, a bank account, settings."""
    store = sb.store
    for key, name, percentage in TAX_RATES:
        rate = masters.save_tax_rate(store, business, {"name": name, "percentage": percentage}, None)
        rate.update({"id": key, "$path": f"/tax_rates/{key}", "editable": False, "deletable": False})
        _put(sb, business, "tax_rates", rate)
    for code, name, kind in ACCOUNTS:
        tax = {"tax_rate_id": "GB_STANDARD"} if kind in ("SALES", "OVERHEADS", "DIRECT_EXPENSES") else {}
        _put(sb, business, "ledger_accounts", masters.save_ledger_account(store, business, {
            "ledger_account_type_id": kind, "included_in_chart": True, "name": name, "display_name": name,
            "nominal_code": code, **tax}, None))
    bank_ledger = _account(sb, business, 1200)
    _put(sb, business, "bank_accounts", {
        "id": "a1b2c3d4e5f60718293a4b5c6d7e8f90", "displayed_as": "Current (1200)",
        "$path": "/bank_accounts/a1b2c3d4e5f60718293a4b5c6d7e8f90",
        "ledger_account": base("ledger_accounts", bank_ledger),
        "bank_account_details": {"account_name": "Current", "account_number": "41752930", "sort_code": "40-11-62"},
        "bank_account_type": {"id": "CHECKING", "displayed_as": "Current", "$path": "/bank_account_types/CHECKING"},
        "balance": Decimal("0.00"), "nominal_code": 1200, "editable": True, "deletable": False, "is_active": True,
        "currency": {"id": "GBP", "displayed_as": "Pound Sterling (GBP)", "$path": "/currencies/GBP"}})
    for type_name, categories in ANALYSIS_TYPES:
        analysis_type = _put(sb, business, "analysis_types", {
            "id": new_id(), "displayed_as": type_name, "name": type_name, "active_areas": ["sales", "purchasing"],
            "analysis_type_level": [1]})
        analysis_type["$path"] = f"/analysis_types/{analysis_type['id']}"
        for category_code, name in categories:
            category = {"id": new_id(), "displayed_as": name, "code": category_code, "name": name,
                        "analysis_type": base("analysis_types", analysis_type)}
            category["$path"] = f"/analysis_type_categories/{category['id']}"
            category["combined_id"] = f"{analysis_type['id']}_{category['id']}"
            _put(sb, business, "analysis_type_categories", category)
        analysis_type["analysis_type_categories"] = [
            c for c in store.all(business, "analysis_type_categories")
            if c["analysis_type"]["id"] == analysis_type["id"]]
    store.records[business]["_settings"] = {"financial": {
        "$path": "/financial_settings", "year_end_date": "2027-03-31", "accounts_start_date": "2024-04-01",
        "accounting_type": "accrual", "base_currency": {"id": "GBP", "displayed_as": "Pound Sterling (GBP)",
                                                        "$path": "/currencies/GBP"},
        "multi_currency_enabled": True, "use_live_exchange_rates": False, "tax_number": "GB123456789",
        "general_tax_number": "", "sales_tax_calculation": "invoice", "purchase_tax_calculation": "invoice",
        "updated_at": store.stamp(), "postponed_accounting": False, "destination_vat": False,
        "mtd_connected": False, "flat_rate_tax_percentage": Decimal("0"), "recoverable_percentage": Decimal("0"),
        "tax_return_frequency": {"id": "QUARTERLY", "displayed_as": "Quarterly",
                                 "$path": "/tax_return_frequencies/QUARTERLY"},
        "year_end_lockdown_date": "2024-03-31", "mtd_activation_status": "inactive", "default_irpf_rate": Decimal("0")}}


def _account(sb: SageSandbox, business: str, code: int) -> Record:
    return next(a for a in sb.store.all(business, "ledger_accounts") if a["nominal_code"] == code)


def _contact(sb: SageSandbox, business: str, row: tuple[str, ...], kind: str, i: int) -> Record:
    name, street, city, postcode, phone = row
    slug = "".join(ch for ch in name.lower() if ch.isalnum())[:14]
    return _put(sb, business, "contacts", masters.save_contact(sb.store, business, {
        "name": name, "contact_type_ids": [kind], "reference": f"{kind[:1]}{i + 1:03d}",
        "main_address": {"address_line_1": street, "city": city, "postal_code": postcode, "country_id": "GB"},
        "main_contact_person": {"name": f"Accounts, {name}", "telephone": phone, "email": f"accounts@{slug}.example"},
        "credit_days": 30, "tax_number": f"GB{100000000 + i * 7919}" if i % 2 == 0 else ""}, None))


def _document(sb: SageSandbox, business: str, kind: documents.DocKind, body: dict[str, Any]) -> Record:
    return _put(sb, business, kind.collection, documents.save(sb.store, business, kind, body, None))


def seed_demo(sb: SageSandbox, business: str) -> None:
    if sb.store.all(business, "contacts"):
        return  # seeded already
    rng = random.Random(f"sage-demo/{business}")
    customers = [_contact(sb, business, row, "CUSTOMER", i) for i, row in enumerate(CUSTOMERS)]
    suppliers = [_contact(sb, business, row, "VENDOR", i) for i, row in enumerate(SUPPLIERS)]
    products = []
    for code, description, price, sales_code in PRODUCTS:
        products.append(_put(sb, business, "products", masters.save_product(sb.store, business, {
            "item_code": code, "description": description,
            "sales_ledger_account_id": _account(sb, business, sales_code)["id"],
            "purchase_ledger_account_id": _account(sb, business, 5000)["id"],
            "sales_prices": [{"price_name": "Selling Price", "price": price, "price_includes_tax": False}]}, None)))
    today = sb.store.today()
    invoices = []
    for i in range(24):
        product = rng.choice(products)
        day = today - dt.timedelta(days=150 - i * 6)
        lines = [{"description": product["description"], "product_id": product["id"],
                  "ledger_account_id": product["sales_ledger_account"]["id"], "quantity": str(rng.randint(1, 6)),
                  "unit_price": str(product["sales_prices"][0]["price"]), "tax_rate_id": "GB_STANDARD"}]
        if i % 4 == 0:
            lines.append({"description": "Printed materials (zero-rated)", "quantity": "2", "unit_price": "18.50",
                          "ledger_account_id": _account(sb, business, 4010)["id"], "tax_rate_id": "GB_ZERO"})
        invoices.append(_document(sb, business, documents.SALES_INVOICES, {
            "contact_id": customers[i % len(customers)]["id"], "date": day.isoformat(), "invoice_lines": lines,
            "reference": f"PO-{4100 + i}", "status_id": "DRAFT" if i >= 22 else "UNPAID"}))
    bills = []
    for i in range(10):
        supplier = suppliers[i % len(suppliers)]
        nominal, rate = [(7500, "GB_STANDARD"), (7100, "GB_EXEMPT"), (7600, "GB_STANDARD"), (5000, "GB_ZERO")][i % 4]
        day = today - dt.timedelta(days=140 - i * 12)
        bills.append(_document(sb, business, documents.PURCHASE_INVOICES, {
            "contact_id": supplier["id"], "date": day.isoformat(),
            "due_date": (day + dt.timedelta(days=30)).isoformat(),
            "vendor_reference": f"INV-{7700 + i}", "invoice_lines": [{
                "description": f"{supplier['name']} – {day:%B %Y}",
                "ledger_account_id": _account(sb, business, nominal)["id"],
                "quantity": "1", "unit_price": str(Decimal(rng.randint(4000, 90000)) / 100), "tax_rate_id": rate}]}))
    bank = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    # the oldest customer invoices are paid, a few part paid; the oldest bills paid
    for i, invoice in enumerate(invoices[:14]):
        amount = invoice["total_amount"] if i < 10 else (invoice["total_amount"] / 2).quantize(Decimal("0.01"))
        _pay(sb, business, "CUSTOMER_RECEIPT", invoice, amount, bank)
    for bill in bills[:5]:
        _pay(sb, business, "VENDOR_PAYMENT", bill, bill["total_amount"], bank)
    wrong = sb.store.get(business, "sales_invoices", invoices[14]["id"]) or {}
    voided = documents.void(documents.SALES_INVOICES, wrong, "Raised against the wrong customer")
    _put(sb, business, "sales_invoices", voided)
    _document(sb, business, documents.SALES_CREDIT_NOTES, {
        "contact_id": customers[1]["id"], "date": (today - dt.timedelta(days=20)).isoformat(),
        "reference": "Refund: late delivery", "credit_note_lines": [{
            "description": "Goodwill credit", "ledger_account_id": _account(sb, business, 4000)["id"],
            "quantity": "1", "unit_price": "50.00", "tax_rate_id": "GB_STANDARD"}]})
    _put(sb, business, "journals", masters.save_journal(sb.store, business, {
        "date": (today - dt.timedelta(days=60)).isoformat(), "reference": "DEP-Q2",
        "description": "Quarterly depreciation",
        "journal_lines": [{"ledger_account_id": _account(sb, business, 8000)["id"], "debit": "250.00", "credit": "0"},
                          {"ledger_account_id": _account(sb, business, 3000)["id"], "debit": "0", "credit": "250.00"}]},
        None))


def _pay(sb: SageSandbox, business: str, kind: str, doc: Record, amount: Decimal, bank: str) -> None:
    current = sb.store.get(business, "sales_invoices" if kind == "CUSTOMER_RECEIPT" else "purchase_invoices", doc["id"])
    assert current is not None
    payment, settled = masters.save_contact_payment(sb.store, business, {
        "transaction_type_id": kind, "contact_id": current["contact"]["id"], "bank_account_id": bank,
        "date": current["due_date"] if current["due_date"] <= sb.store.today().isoformat() else current["date"],
        "total_amount": str(amount), "reference": f"Payment {current['displayed_as']}",
        "allocated_artefacts": [{"artefact_id": current["id"], "amount": str(amount)}]}, None)
    for settled_doc in settled:
        _put(sb, business, "sales_invoices" if kind == "CUSTOMER_RECEIPT" else "purchase_invoices", settled_doc)
    _put(sb, business, "contact_payments", payment)


def seed_invoices(sb: SageSandbox, business: str, count: int) -> None:
    """``count`` more issued sales invoices (paging and bulk tests)."""
    customers = [c for c in sb.store.all(business, "contacts")
                 if "CUSTOMER" in [t["id"] for t in c.get("contact_types", [])]]
    if not customers:
        customers = [_contact(sb, business, CUSTOMERS[0], "CUSTOMER", 0)]
    sales = _account(sb, business, 4000)
    today = sb.store.today()
    for i in range(count):
        _document(sb, business, documents.SALES_INVOICES, {
            "contact_id": customers[i % len(customers)]["id"], "date": today.isoformat(),
            "invoice_lines": [{"description": f"Bulk item {i}", "ledger_account_id": sales["id"], "quantity": "1",
                               "unit_price": str(10 + i), "tax_rate_id": "GB_STANDARD"}]})
