"""A believable small French business: Atelier Lumière SARL, a lighting-design studio in Lyon.

Its chart of accounts (PCG numbers), journals, analytic categories, products, customers (companies and one
individual) and suppliers with addresses and phones, a few dozen customer invoices in every state (drafts,
upcoming, late, paid, one cancelled by a credit note) and supplier invoices, some paid.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from . import directory, invoices

if TYPE_CHECKING:
    from .sandbox import PennylaneSandbox

ACCOUNTS = [
    ("101300", "Capital souscrit appelé, versé"), ("401000", "Fournisseurs"), ("411000", "Clients"),
    ("445660", "TVA déductible sur autres biens et services"), ("445710", "TVA collectée"),
    ("512000", "Banque"), ("601000", "Achats stockés - matières premières"), ("606300", "Petit équipement"),
    ("613200", "Locations immobilières"), ("622600", "Honoraires"), ("626000", "Frais postaux et télécommunications"),
    ("627000", "Services bancaires"), ("706000", "Prestations de services"), ("707000", "Ventes de marchandises"),
]
JOURNALS = [("VT", "Ventes", "sale"), ("HA", "Achats", "purchase"), ("BQ", "Banque", "bank"),
            ("OD", "Opérations diverses", "misc")]
CATEGORIES = [("Projets", ["Hôtel Bellecour", "Musée des Confluences", "Résidences privées"]),
              ("Équipe", ["Conception", "Installation"])]
PRODUCTS = [
    ("Étude d'éclairage (jour)", "650.00", "FR_200", "day", "706000"),
    ("Installation sur site (heure)", "85.00", "FR_200", "hour", "706000"),
    ("Suspension laiton Lumen", "420.00", "FR_200", "piece", "707000"),
    ("Ruban LED 5 m", "39.90", "FR_200", "piece", "707000"),
    ("Livre « Lumières de Lyon »", "32.00", "FR_55", "piece", "707000"),
]
COMPANIES = [
    ("Hôtel Bellecour SAS", "12 place Bellecour", "69002", "Lyon", "+33 4 72 10 20 30", "compta@hotel-bellecour.fr",
     "FR32552081317", "552081317"),
    ("Musée des Confluences", "86 quai Perrache", "69002", "Lyon", "+33 4 28 38 11 90", "achats@museeconfluences.fr",
     "FR64130006579", "130006579"),
    ("Boulangerie Saint-Jean SARL", "4 rue Saint-Jean", "69005", "Lyon", "+33 4 78 42 11 02", "contact@bsj.fr",
     "FR18493021456", "493021456"),
    ("Cabinet Dufresne Architectes", "27 rue de la République", "69001", "Lyon", "+33 4 78 29 64 51",
     "agence@dufresne-archi.fr", "FR90812456320", "812456320"),
]
SUPPLIERS = [
    ("Rexel France", "13 boulevard du Fort de Vaux", "75017", "Paris", "factures@rexel.fr", "FR25479056340"),
    ("Orange Business", "111 quai du Président Roosevelt", "92130", "Issy-les-Moulineaux",
     "facturation@orange.fr", "FR89380129866"),
    ("SCI Les Pentes", "8 montée de la Grande Côte", "69001", "Lyon", "gestion@sci-pentes.fr", "FR44532187654"),
    ("Expertise Rhône Comptable", "55 cours Lafayette", "69003", "Lyon", "cabinet@erc-lyon.fr", "FR71443208871"),
]


def _address(street: str, postal: str, city: str) -> dict[str, str]:
    return {"address": street, "postal_code": postal, "city": city, "country_alpha2": "FR"}


def seed_demo(sandbox: PennylaneSandbox, company_id: int) -> None:
    store = sandbox.store
    company = store.company(company_id)
    if company.table("ledger_accounts"):
        return  # seeded before (the demo restarting on its data)
    accounts = {number: directory.create_ledger_account(store, company, {"number": number, "label": label})
                for number, label in ACCOUNTS}
    for code, label, kind in JOURNALS:
        journal_id = store.new_id()
        company.table("journals")[journal_id] = {"code": code, "id": journal_id, "label": label, "type": kind}
    for _group, labels in CATEGORIES:
        group_id = store.new_id()
        for label in labels:
            category_id = store.new_id()
            store.insert(company, "categories", {
                "id": category_id, "label": label, "direction": None, "category_group": {"id": group_id},
                "analytical_code": label[:3].upper()})
    products = [directory.save_product(store, company, {
        "label": label, "price_before_tax": price, "vat_rate": vat, "unit": unit,
        "ledger_account_id": accounts[account]["id"], "reference": f"REF-{i + 1:03d}"})
        for i, (label, price, vat, unit, account) in enumerate(PRODUCTS)]
    customers = [directory.save_customer(store, company, "company", {
        "name": name, "billing_address": _address(street, postal, city), "phone": phone, "emails": [email],
        "vat_number": vat, "reg_no": reg_no, "payment_conditions": "30_days"})
        for name, street, postal, city, phone, email, vat, reg_no in COMPANIES]
    customers.append(directory.save_customer(store, company, "individual", {
        "first_name": "Claire", "last_name": "Morel", "billing_address": _address("3 rue Mercière", "69002", "Lyon"),
        "phone": "+33 6 12 34 56 78", "emails": ["claire.morel@example.fr"]}))
    suppliers = [directory.save_supplier(store, company, {
        "name": name, "postal_address": _address(street, postal, city), "emails": [email], "vat_number": vat,
        "supplier_payment_method": "manual_transfer", "supplier_due_date_delay": 30,
        "supplier_due_date_rule": "days"}) for name, street, postal, city, email, vat in SUPPLIERS]

    today = dt.datetime.fromtimestamp(store.now(), dt.UTC).date()
    for i in range(24):
        day = today - dt.timedelta(days=7 * (24 - i))
        lines = [{"product_id": products[i % len(products)]["id"], "quantity": 1 + i % 3},
                 {"label": "Déplacement", "raw_currency_unit_price": "45.50", "unit": "piece", "vat_rate": "FR_200",
                  "quantity": 1}]
        if i % 5 == 0:
            lines.append({"product_id": products[4]["id"], "quantity": 2})  # a line at 5.5 %
        record = invoices.create_customer_invoice(store, company, {
            "date": day.isoformat(), "deadline": (day + dt.timedelta(days=30)).isoformat(),
            "customer_id": customers[i % len(customers)]["id"], "draft": i >= 21,
            "label": f"Projet {i + 1}", "invoice_lines": lines})
        if i < 14:
            invoices.mark_as_paid(store, company, record["id"])
    paid_one = next(r for r in company.table("customer_invoices").values() if not r["draft"] and not r["paid"])
    invoices.credit(store, company, paid_one["id"], today.isoformat())

    from .ledger import create_entry

    misc = next(j for j in company.table("journals").values() if j["code"] == "OD")
    create_entry(store, company, {
        "date": (today - dt.timedelta(days=200)).isoformat(), "label": "Apport en capital", "journal_id": misc["id"],
        "ledger_entry_lines": [
            {"ledger_account_id": accounts["512000"]["id"], "debit": "10000.00", "credit": "0.00"},
            {"ledger_account_id": accounts["101300"]["id"], "debit": "0.00", "credit": "10000.00"}]})

    rents = [("Loyer atelier", Decimal("1450.00"), "FR_200")]
    for i in range(10):
        day = today - dt.timedelta(days=30 * (10 - i))
        supplier = suppliers[i % len(suppliers)]
        bill: list[tuple[str, Decimal, str]] = rents if supplier["name"] == "SCI Les Pentes" else [
            (f"Fournitures {i + 1}", Decimal("180.00") + i * Decimal("12.35"), "FR_200")]
        invoices.create_supplier_invoice(store, company, supplier["id"], number=f"FA-{day:%Y%m}-{i + 1:03d}",
                                         date=day.isoformat(), deadline=(day + dt.timedelta(days=30)).isoformat(),
                                         lines=bill, paid=i < 6)


def seed_invoices(sandbox: PennylaneSandbox, company_id: int, count: int) -> None:
    """``count`` more finalized customer invoices, of the sandbox's own making (for paging tests)."""
    store = sandbox.store
    company = store.company(company_id)
    customers = sorted(company.table("customers"))
    today = dt.datetime.fromtimestamp(store.now(), dt.UTC).date()
    for i in range(count):
        invoices.create_customer_invoice(store, company, {
            "date": today.isoformat(), "deadline": (today + dt.timedelta(days=30)).isoformat(),
            "customer_id": customers[i % len(customers)], "draft": False, "label": f"Lot {i + 1}",
            "invoice_lines": [{"label": f"Prestation {i + 1}", "raw_currency_unit_price": f"{10 + i}.00",
                               "unit": "piece", "vat_rate": "FR_200", "quantity": 1}]})
