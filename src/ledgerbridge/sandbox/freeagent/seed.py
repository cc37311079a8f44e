"""A believable small UK business: customers and suppliers with addresses and phones, FreeAgent's usual
categories, two bank accounts, a few dozen invoices in every state, bills paid and open, payments, a credit note.
Deterministic: the same seed gives the same records (dates relative to the sandbox's today)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import bills, contacts, documents, journals, settings

if TYPE_CHECKING:
    from .sandbox import FreeAgentSandbox

CATEGORIES = [
    ("001", "Sales", "income"), ("051", "Interest Received", "income"),
    ("101", "Cost of Sales", "cost_of_sales"), ("102", "Materials", "cost_of_sales"),
    ("250", "Advertising and Promotion", "admin_expenses"), ("285", "Accommodation and Meals", "admin_expenses"),
    ("365", "Computer Software", "admin_expenses"), ("401", "Accountancy Fees", "admin_expenses"),
    ("750", "Bank Account", "current_assets"), ("817", "VAT", "liabilities"), ("901", "Capital Introduced", "equities"),
]
CUSTOMERS = [
    {"organisation_name": "Thistle Bakery Ltd", "first_name": "Iona", "last_name": "Reid",
     "email": "iona@thistlebakery.example", "phone_number": "0131 496 0123", "address1": "4 Leith Walk",
     "town": "Edinburgh", "postcode": "EH6 8RG", "country": "United Kingdom"},
    {"organisation_name": "Clyde Logistics plc", "email": "accounts@clydelogistics.example",
     "phone_number": "0141 496 0456", "address1": "200 Broomielaw", "town": "Glasgow", "postcode": "G1 4RU",
     "country": "United Kingdom"},
    {"first_name": "Ewan", "last_name": "Fraser", "email": "ewan.fraser@example.com", "mobile": "07700 900123",
     "address1": "Flat 3, 17 Byres Road", "town": "Glasgow", "postcode": "G11 5RD", "country": "United Kingdom"},
    {"organisation_name": "Highland Outdoor Co", "email": "hello@highlandoutdoor.example",
     "phone_number": "01463 496 789", "address1": "Unit 5, Longman Industrial Estate", "town": "Inverness",
     "postcode": "IV1 1SU", "country": "United Kingdom"},
    {"organisation_name": "Maison Lefèvre SARL", "email": "compta@lefevre.example",
     "phone_number": "+33 1 70 00 00 00",
     "address1": "12 rue des Martyrs", "town": "Paris", "postcode": "75009", "country": "France",
     "charge_sales_tax": "Never"},
]
SUPPLIERS = [
    {"organisation_name": "Forth Office Supplies", "email": "sales@forthoffice.example",
     "phone_number": "0131 496 0999",
     "address1": "8 Commercial Quay", "town": "Edinburgh", "postcode": "EH6 6LX", "country": "United Kingdom"},
    {"organisation_name": "Caledonian Print Works", "email": "billing@caledonianprint.example",
     "phone_number": "01382 496 321", "address1": "45 Seagate", "town": "Dundee", "postcode": "DD1 2EJ",
     "country": "United Kingdom"},
    {"organisation_name": "CloudDesk Software Ltd", "email": "invoices@clouddesk.example",
     "phone_number": "020 7946 0555", "address1": "1 Old Street", "town": "London", "postcode": "EC1V 9HL",
     "country": "United Kingdom"},
]
SERVICES = [("Website maintenance", "Hours", "55.00"), ("Bespoke cake order", "Products", "120.00"),
            ("Consultancy day", "Days", "450.00"), ("Delivery", "Services", "15.50"),
            ("Training workshop", "Training", "300.00")]
#: per invoice, the state it is left in
STATES = ["Draft", "Sent", "Paid", "Overdue", "Sent", "Paid", "PartPaid", "Cancelled", "Scheduled", "Paid"]


def seed_demo(sb: FreeAgentSandbox, company: str) -> None:
    store = sb.store
    if store.collection(company, "categories"):
        return  # seeded already (the demo restarts on its saved state)
    for code, description, group in CATEGORIES:
        settings.create_category(store, company, {"nominal_code": code, "description": description,
                                                  "category_group": group})
    for name, kind, balance in (("Business Current Account", "StandardBankAccount", "12500.00"),
                                ("Company Credit Card", "CreditCardAccount", "0.00")):
        key = str(store.next_id(company, "bank_accounts"))
        store.put(company, "bank_accounts", key, {
            "url": f"/v2/bank_accounts/{key}", "type": kind, "name": name, "currency": "GBP", "is_personal": False,
            "status": "active", "opening_balance": balance, "current_balance": balance,
            "bank_name": "Royal Bank of Scotland", "sort_code": "83-06-08", "account_number": f"1234567{key}"})
    for number, (description, unit, price) in enumerate(SERVICES, start=1):
        store.put(company, "price_list_items", str(number), {
            "url": f"/v2/price_list_items/{number}", "code": f"SVC{number:02d}", "description": description,
            "item_type": unit, "price": price, "quantity": "1.0", "sales_tax_rate": "20.0",
            "category": "/v2/categories/001"})
        store.counters[f"{company}/price_list_items"] = number
    customers = [contacts.create(store, company, c)["url"] for c in CUSTOMERS]
    suppliers = [contacts.create(store, company, s)["url"] for s in SUPPLIERS]
    for i, (name, status) in enumerate((("Website Redesign", "Active"), ("Winter Catering", "Active"),
                                        ("Shop Fit-out 2025", "Completed")), start=1):
        store.put(company, "projects", str(i), {
            "url": f"/v2/projects/{i}", "name": name, "contact": customers[i - 1], "status": status,
            "currency": "GBP", "budget_units": "Hours", "budget": "40", "billing_period": "hour",
            "normal_billing_rate": "55.0", "uses_project_invoice_sequence": False, "is_ir35": False})
        store.counters[f"{company}/projects"] = i
    today = store.today()
    for i in range(30):
        _invoice(sb, company, customers[i % len(customers)], i, STATES[i % len(STATES)], today)
    for i in range(10):
        bill = bills.create(store, company, {
            "contact": suppliers[i % len(suppliers)], "reference": f"SUP-{2400 + i}",
            "dated_on": (today - dt.timedelta(days=70 - 6 * i)).isoformat(),
            "due_on": (today - dt.timedelta(days=40 - 6 * i)).isoformat(),
            "category": ["/v2/categories/365", "/v2/categories/250", "/v2/categories/102"][i % 3],
            "total_value": str(Decimal("84.00") + 36 * i), "sales_tax_rate": "20.0" if i % 4 else "0.0"})
        if i % 3 == 0:
            settings.explain(store, company, {"bank_account": "/v2/bank_accounts/1", "dated_on": today.isoformat(),
                                              "gross_value": f"-{bill['total_value']}", "paid_bill": bill["url"],
                                              "description": f"Payment {bill['reference']}"})
    journals.create(store, company, {
        "dated_on": (today - dt.timedelta(days=20)).isoformat(), "description": "Director's capital introduced",
        "tag": "SEED", "journal_entries": [
            {"category": "/v2/categories/750", "description": "Capital into the bank", "debit_value": "5000.00"},
            {"category": "/v2/categories/901", "description": "Capital introduced", "debit_value": "-5000.00"}]})
    credit = documents.create(store, company, documents.CREDIT_NOTE, {
        "contact": customers[0], "dated_on": (today - dt.timedelta(days=10)).isoformat(),
        "credit_note_items": [{"description": "Damaged delivery refund", "item_type": "Products",
                               "quantity": "1", "price": "-40.00", "sales_tax_rate": "20.0"}]})
    documents.transition(store, company, documents.CREDIT_NOTE, credit["url"].rsplit("/", 1)[-1], "mark_as_sent")


def _invoice(sb: FreeAgentSandbox, company: str, contact: str, i: int, state: str, today: dt.date) -> dict[str, Any]:
    store = sb.store
    description, unit, price = SERVICES[i % len(SERVICES)]
    dated = today - dt.timedelta(days=90 - 3 * i)
    terms = 14 if state == "Overdue" else 30
    if state == "Overdue":
        dated = today - dt.timedelta(days=45)
    invoice = documents.create(store, company, documents.INVOICE, {
        "contact": contact, "dated_on": dated.isoformat(), "payment_terms_in_days": terms,
        "invoice_items": [
            {"description": description, "item_type": unit, "quantity": str(1 + i % 4), "price": price,
             "sales_tax_rate": "0.0" if contact.endswith("/5") else "20.0", "category": "/v2/categories/001"},
            {"description": "Travel", "item_type": "Expenses", "quantity": "1", "price": "12.40",
             "sales_tax_rate": "0.0"}]})
    key = invoice["url"].rsplit("/", 1)[-1]
    if state == "Draft":
        return invoice
    if state == "Scheduled":
        return documents.transition(store, company, documents.INVOICE, key, "mark_as_scheduled")
    invoice = documents.transition(store, company, documents.INVOICE, key, "mark_as_sent")
    if state == "Cancelled":
        return documents.transition(store, company, documents.INVOICE, key, "mark_as_cancelled")
    if state in ("Paid", "PartPaid"):
        amount = Decimal(invoice["total_value"]) / (2 if state == "PartPaid" else 1)
        settings.explain(store, company, {"bank_account": "/v2/bank_accounts/1", "dated_on": today.isoformat(),
                                          "gross_value": str(amount.quantize(Decimal("0.01"))),
                                          "paid_invoice": invoice["url"],
                                          "description": f"Receipt {invoice['reference']}"})
    return invoice


def seed_invoices(sb: FreeAgentSandbox, company: str, count: int) -> None:
    """Many plain draft invoices for paging tests, addressed to the first contact."""
    contact = sorted(sb.store.collection(company, "contacts"), key=int)[0]
    for i in range(count):
        documents.create(sb.store, company, documents.INVOICE, {
            "contact": f"/v2/contacts/{contact}", "dated_on": sb.store.today().isoformat(),
            "invoice_items": [{"description": f"Bulk {i}", "quantity": "1", "price": str(10 + i),
                               "sales_tax_rate": "20.0"}]})
