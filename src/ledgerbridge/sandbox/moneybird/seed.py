"""A believable Dutch small business: tax rates, chart of accounts, products, customers and suppliers, a few
dozen sales invoices in every state (drafts, open, late, paid with payments, a credit invoice), purchase invoices
and a journal document. Deterministic: the same seed gives the same records (ids follow creation order)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import invoices, records
from .state import iso

if TYPE_CHECKING:
    from .sandbox import MoneybirdSandbox

TAX_RATES = [  # (name, percentage, type, show_tax): the first of each type is the administration's default
    ("21% btw", 21, "sales_invoice", True), ("9% btw", 9, "sales_invoice", True),
    ("0% btw", 0, "sales_invoice", True), ("Geen btw", 0, "sales_invoice", False),
    ("21% btw", 21, "purchase_invoice", True), ("9% btw", 9, "purchase_invoice", True),
    ("0% btw", 0, "purchase_invoice", True), ("Geen btw", 0, "general_journal_document", False),
]
LEDGER_ACCOUNTS = [  # (code, name, type)
    ("8000", "Omzet", "revenue"), ("8100", "Omzet diensten", "revenue"), ("7000", "Inkoopkosten", "direct_costs"),
    ("4000", "Algemene kosten", "expenses"), ("4300", "Huisvestingskosten", "expenses"),
    ("1100", "Bank", "current_assets"), ("1300", "Debiteuren", "current_assets"),
    ("1600", "Crediteuren", "current_liabilities"), ("1500", "Te betalen btw", "current_liabilities"),
    ("0500", "Eigen vermogen", "equity"),
]
CUSTOMERS = [
    ("Bakkerij de Korenschoof", "Dorpsstraat 12", "1234 AB", "Amsterdam", "+31 20 123 4567", "info@korenschoof.nl"),
    ("Fietsenmaker Jansen", "Kerkplein 3", "3511 LK", "Utrecht", "+31 30 234 5678", "jansen@fietsen.nl"),
    ("Studio Vlinder", "Havenkade 88", "3011 XX", "Rotterdam", "+31 10 345 6789", "hallo@studiovlinder.nl"),
    ("Hotel Zeezicht", "Boulevard 1", "2586 ZZ", "Den Haag", "+31 70 456 7890", "boekhouding@zeezicht.nl"),
    ("Koffiebranderij Bonen", "Molenweg 5", "5611 AA", "Eindhoven", "+31 40 567 8901", "admin@bonen.nl"),
    ("Tandartspraktijk Wit", "Lindelaan 20", "9711 BB", "Groningen", "+31 50 678 9012", "praktijk@wit.nl"),
]
SUPPLIERS = [
    ("Kantoorhandel Pen & Papier", "Industrieweg 40", "3542 AD", "Utrecht", "+31 30 111 2233",
     "facturen@penenpapier.nl"),
    ("Energiebedrijf Stroom B.V.", "Energieplein 1", "1012 AA", "Amsterdam", "+31 20 999 8877", "zakelijk@stroom.nl"),
    ("Verhuur Vastgoed Noord", "Ringweg 7", "9723 CC", "Groningen", "+31 50 222 3344", "huur@vastgoednoord.nl"),
]
PROJECTS = ("Website Bakkerij", "Verbouwing kantoor", "Marketing 2026")
PRODUCTS = [("Adviesuur", "150.00", "8100"), ("Website onderhoud (maand)", "95.00", "8100"),
            ("Workshop dagdeel", "450.00", "8000")]


def _ids(sb: MoneybirdSandbox, admin: str, coll: str, key: str) -> dict[Any, str]:
    return {r[key]: r["id"] for r in sb.store.all(admin, coll)}


def seed_settings(sb: MoneybirdSandbox, admin: str) -> None:
    """What every administration starts with: tax rates and a chart of accounts."""
    store = sb.store
    if store.count(admin, "tax_rates"):
        return
    now = iso(store.now())
    for name, pct, kind, show in TAX_RATES:
        store.put(admin, "tax_rates", {"id": store.new_id(), "administration_id": admin, "name": name,
                                       "percentage": Decimal(pct), "tax_rate_type": kind, "show_tax": show,
                                       "active": True, "country": None, "created_at": now, "updated_at": now})
    for code, name, kind in LEDGER_ACCOUNTS:
        store.put(admin, "ledger_accounts", records.save_ledger_account(
            store, admin, {"name": name, "account_type": kind, "account_id": code}, None))


def seed_demo(sb: MoneybirdSandbox, admin: str, *, invoices: int = 30) -> None:
    store, base = sb.store, "https://moneybird.com/api/v2"
    if store.count(admin, "contacts"):
        return
    accounts = _ids(sb, admin, "ledger_accounts", "account_id")
    rates = {(r["name"], r["tax_rate_type"]): r["id"] for r in store.all(admin, "tax_rates")}
    for title, price, code in PRODUCTS:
        store.put(admin, "products", records.save_product(store, admin, {
            "title": title, "price": price, "ledger_account_id": accounts[code],
            "tax_rate_id": rates[("21% btw", "sales_invoice")]}, None))
    projects = []
    for name in PROJECTS:
        project = records.save_project(store, admin, {"name": name}, None)
        store.put(admin, "projects", project)
        projects.append(project["id"])
    customers: list[str] = []
    suppliers: list[str] = []
    for group, rows in ((customers, CUSTOMERS), (suppliers, SUPPLIERS)):
        for name, street, zipcode, city, phone, email in rows:
            contact = records.save_contact(store, admin, {
                "company_name": name, "address1": street, "zipcode": zipcode, "city": city, "country": "NL",
                "phone": phone, "send_invoices_to_email": email, "tax_number": "NL0012345678B01"}, None, base)
            store.put(admin, "contacts", contact)
            group.append(contact["id"])
    today = store.today()
    start = dt.date(today.year, 1, 5)
    for i in range(invoices):
        customer = customers[i % len(customers)]
        day = min(start + dt.timedelta(days=9 * i), today)
        incl = i % 5 == 4
        details = [{"description": f"Adviesuren week {i + 1}", "amount": str(1 + i % 4), "price": "150.00",
                    "tax_rate_id": rates[("21% btw", "sales_invoice")], "ledger_account_id": accounts["8100"],
                    "project_id": projects[i % len(projects)] if i % 2 else None}]
        if i % 3 == 0:
            details.append({"description": "Boeken en naslag", "amount": "1", "price": "39.95",
                            "tax_rate_id": rates[("9% btw", "sales_invoice")], "ledger_account_id": accounts["8000"]})
        inv = invoices_mod.save_sales_invoice(store, admin, {
            "contact_id": customer, "reference": f"Project {100 + i}", "invoice_date": day.isoformat(),
            "prices_are_incl_tax": incl, "details_attributes": details}, None, base)
        kind = i % 6
        if kind != 0:  # every sixth stays a draft
            inv = invoices_mod.send_sales_invoice(store, admin, inv, {})
        if kind in (2, 3):  # paid in full
            store.put(admin, "payments", invoices_mod.add_payment(
                store, admin, inv, {"price": inv["total_price_incl_tax"], "payment_date": day.isoformat(),
                                    "manual_payment_action": "payment_without_proof"},
                invoice_type="SalesInvoice", user_id=sb.user_id))
        if kind == 4:  # partly paid
            store.put(admin, "payments", invoices_mod.add_payment(
                store, admin, inv, {"price": "100.00", "payment_date": day.isoformat(),
                                    "manual_payment_action": "payment_without_proof"},
                invoice_type="SalesInvoice", user_id=sb.user_id))
        store.put(admin, "sales_invoices", inv)
        if i == 7:
            store.put(admin, "sales_invoices", invoices_mod.credit_invoice(store, admin, inv, base))
    for i in range(8):
        supplier = suppliers[i % len(suppliers)]
        day = min(start + dt.timedelta(days=30 * i), today)
        doc = invoices_mod.save_purchase_invoice(store, admin, {
            "contact_id": supplier, "reference": f"INK-{2026_000 + i}", "date": day.isoformat(),
            "due_date": (day + dt.timedelta(days=30)).isoformat(), "prices_are_incl_tax": i % 2 == 1,
            "details_attributes": [{"description": "Kantoorartikelen" if i % 3 == 0 else "Maandlasten",
                                    "price": str(Decimal("84.70") + i * 10), "amount": "1",
                                    "tax_rate_id": rates[("21% btw", "purchase_invoice")],
                                    "ledger_account_id": accounts["4000"]}]}, None)
        if i % 2 == 0:
            store.put(admin, "payments", invoices_mod.add_payment(
                store, admin, doc, {"price": doc["total_price_incl_tax"], "payment_date": day.isoformat()},
                invoice_type="Document", user_id=sb.user_id))
        store.put(admin, "purchase_invoices", doc)
    store.put(admin, "general_journal_documents", records.save_journal_document(store, admin, {
        "reference": "Beginbalans", "date": dt.date(today.year, 1, 1).isoformat(),
        "general_journal_document_entries_attributes": [
            {"ledger_account_id": accounts["1100"], "debit": "10000.00", "credit": "0", "description": "Bank"},
            {"ledger_account_id": accounts["0500"], "debit": "0", "credit": "10000.00",
             "description": "Eigen vermogen"}]}, None))


def seed_invoices(sb: MoneybirdSandbox, admin: str, count: int) -> None:
    """``count`` more open sales invoices, quickly (for paging tests)."""
    store, base = sb.store, "https://moneybird.com/api/v2"
    contacts = [c["id"] for c in store.all(admin, "contacts")]
    if not contacts:
        store.put(admin, "contacts", records.save_contact(store, admin, {"company_name": "Bulk Klant"}, None, base))
        contacts = [c["id"] for c in store.all(admin, "contacts")]
    for i in range(count):
        inv = invoices_mod.save_sales_invoice(store, admin, {
            "contact_id": contacts[i % len(contacts)], "reference": f"Bulk {i}",
            "invoice_date": store.today().isoformat(),
            "details_attributes": [{"description": f"Bulk {i}", "price": str(10 + i), "amount": "1"}]}, None, base)
        store.put(admin, "sales_invoices", invoices_mod.send_sales_invoice(store, admin, inv, {}))


invoices_mod = invoices
