"""Deterministic demo data, modelled on Xero's NZ "Demo Company", and a fast bulk invoice loader.

``seed_demo`` goes through the same rules as the API (so seeded documents have Xero-computed totals) inside
a unit of work with fixed ids (uuid5) and a fixed UpdatedDateUTC: same input, same bytes. ``seed_invoices``
bypasses the per-request machinery and inserts in chunks so 100k invoices stay fast and memory-bounded.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import contacts, payments, settings
from . import invoices as docs
from .dates import format_day, ms_date
from .lines import money
from .state import NAMESPACE, dumps
from .unitofwork import UnitOfWork

if TYPE_CHECKING:
    from .sandbox import XeroSandbox

SEED_MS = 1704067200000  # 2024-01-01T00:00:00Z: seeded objects look "old" to If-Modified-Since
BASE_DAY = date(2024, 1, 8)

TAX_RATES = [  # (TaxType, Name, rate, ReportTaxType)
    ("OUTPUT2", "15% GST on Income", "15", "OUTPUT"),
    ("INPUT2", "15% GST on Expenses", "15", "INPUT"),
    ("NONE", "No GST", "0", "NONE"),
    ("ZERORATED", "Zero Rated", "0", "ZERORATEDOUTPUT"),
    ("GSTONIMPORTS", "GST on Imports", "0", "GSTONIMPORTS"),
    ("EXEMPTOUTPUT", "Exempt Income", "0", "EXEMPTOUTPUT"),
]
ACCOUNTS = [  # (Code, Name, Type, TaxType, extras)
    ("090", "Business Bank Account", "BANK", "NONE", {"BankAccountNumber": "0201234567890000"}),
    ("091", "Business Savings Account", "BANK", "NONE", {"BankAccountNumber": "0201234567891000"}),
    ("200", "Sales", "REVENUE", "OUTPUT2", {}),
    ("260", "Other Revenue", "REVENUE", "OUTPUT2", {}),
    ("270", "Interest Income", "REVENUE", "NONE", {}),
    ("310", "Cost of Goods Sold", "DIRECTCOSTS", "INPUT2", {}),
    ("400", "Advertising", "OVERHEADS", "INPUT2", {}),
    ("404", "Bank Fees", "OVERHEADS", "NONE", {}),
    ("408", "Cleaning", "OVERHEADS", "INPUT2", {}),
    ("412", "Consulting & Accounting", "OVERHEADS", "INPUT2", {}),
    ("429", "General Expenses", "OVERHEADS", "INPUT2", {}),
    ("445", "Light, Power, Heating", "OVERHEADS", "INPUT2", {}),
    ("453", "Office Expenses", "OVERHEADS", "INPUT2", {}),
    ("493", "Travel - National", "OVERHEADS", "INPUT2", {}),
    ("610", "Accounts Receivable", "CURRENT", "NONE", {"SystemAccount": "DEBTORS"}),
    ("620", "Prepayments", "CURRENT", "NONE", {}),
    ("630", "Inventory", "INVENTORY", "NONE", {}),
    ("710", "Office Equipment", "FIXED", "INPUT2", {}),
    ("800", "Accounts Payable", "CURRLIAB", "NONE", {"SystemAccount": "CREDITORS"}),
    ("820", "GST", "CURRLIAB", "NONE", {"SystemAccount": "GST"}),
    ("960", "Retained Earnings", "EQUITY", "NONE", {"SystemAccount": "RETAINEDEARNINGS"}),
    ("970", "Owner A Funds Introduced", "EQUITY", "NONE", {}),
]
CUSTOMERS = ["Bayside Club", "Marine Systems", "Ridgeway University", "City Agency", "Boom FM"]
SUPPLIERS = ["PowerDirect", "ABC Furniture", "Truxton Property Management"]
ITEMS = [  # (Code, Name, sale price, purchase price)
    ("DevD", "Development work - developer onsite per day", "995.00", "0"),
    ("Support", "Support - hourly", "120.00", "0"),
    ("BOOK", "Fish out of Water: Finding Your Brand", "19.95", "12.50"),
    ("GB1-White", "Golf balls - white single", "5.00", "2.20"),
    ("TSHIRT", "T-Shirt Large Black", "40.00", "18.00"),
    ("Train", "Half day training - Microsoft Office", "500.00", "0"),
]
TRACKING = [("Region", ["North", "South"]), ("Department", ["Sales", "Engineering", "Administration"])]


def _must(result: tuple[dict[str, Any], list[str]]) -> dict[str, Any]:
    obj, errors = result
    if errors:
        raise RuntimeError(f"seed data rejected: {errors}")
    return obj


def seed_demo(sb: XeroSandbox, tenant: str, *, invoices: int = 12) -> None:
    sb.create_tenant(tenant)
    marker = f"seeded:{tenant}"
    with sb.store.lock:
        if sb.store.meta(marker):
            return
        uow = UnitOfWork(sb.store, tenant, id_prefix="seed", fixed_ms=SEED_MS)
        for tax_type, name, rate, report in TAX_RATES:
            obj = _must(settings.save_tax_rate(uow, {"TaxType": tax_type, "Name": name, "ReportTaxType": report,
                                                     "TaxComponents": [{"Name": "GST", "Rate": Decimal(rate)}]}, None))
            uow.put("TaxRates", obj)
        for code, name, type_, tax, extra in ACCOUNTS:
            raw: dict[str, Any] = {"Code": code, "Name": name, "Type": type_, "TaxType": tax, **extra}
            obj = _must(settings.save_account(uow, raw, None))
            if "SystemAccount" in extra:
                obj["SystemAccount"] = extra["SystemAccount"]
            uow.put("Accounts", obj)
        for code, name, sale, buy in ITEMS:
            raw = {"Code": code, "Name": name, "Description": name,
                   "SalesDetails": {"UnitPrice": Decimal(sale), "AccountCode": "200", "TaxType": "OUTPUT2"}}
            if buy != "0":
                raw["PurchaseDetails"] = {"UnitPrice": Decimal(buy), "AccountCode": "310", "TaxType": "INPUT2"}
            uow.put("Items", _must(settings.save_item(uow, raw, None)))
        for cat_name, options in TRACKING:
            cat = _must(settings.save_tracking_category(uow, {"Name": cat_name}, None))
            for option in options:
                _must(settings.add_tracking_option(uow, cat, {"Name": option}))
            uow.put("TrackingCategories", cat)
        for i, name in enumerate(CUSTOMERS + SUPPLIERS):
            first, _, last = name.partition(" ")
            raw = {"Name": name, "FirstName": first, "LastName": last,
                   "EmailAddress": f"accounts@{name.lower().replace(' ', '')}.example",
                   "AccountNumber": f"C{i + 1:03d}"}
            uow.put("Contacts", _must(contacts.save_contact(uow, raw, None)))
        customer_ids = [uow.find_key("Contacts", n)[0]["ContactID"] for n in CUSTOMERS]
        supplier_ids = [uow.find_key("Contacts", n)[0]["ContactID"] for n in SUPPLIERS]
        first_authorised = None
        for i in range(invoices):
            day = BASE_DAY + timedelta(days=7 * i)
            status = "DRAFT" if i % 6 == 5 else ("SUBMITTED" if i % 6 == 4 else "AUTHORISED")
            lines: list[dict[str, Any]] = [{"ItemCode": ITEMS[i % len(ITEMS)][0], "Quantity": Decimal(1 + i % 3),
                      "Tracking": [{"Name": "Region", "Option": "North" if i % 2 == 0 else "South"}]}]
            if i % 3 == 1:
                lines.append({"Description": "Consulting services", "Quantity": Decimal("2.5"),
                              "UnitAmount": Decimal("150.25"), "AccountCode": "200", "TaxType": "OUTPUT2"})
            raw = {"Type": "ACCREC", "Contact": {"ContactID": customer_ids[i % len(customer_ids)]},
                   "Date": day.isoformat(), "DueDate": (day + timedelta(days=20)).isoformat(),
                   "Reference": f"Seed {i + 1}", "Status": status, "LineAmountTypes": "Exclusive", "LineItems": lines}
            obj = _must(docs.save_document(uow, raw, None))
            uow.put("Invoices", obj)
            if status == "AUTHORISED" and first_authorised is None:
                first_authorised = obj
        bills = [("PowerDirect", "445", "Monthly electricity", "89.00"),
                 ("ABC Furniture", "710", "Office desk", "1150.00"),
                 ("Truxton Property Management", "429", "Office rent", "2400.00")]
        for i, (_name, account, desc, amount) in enumerate(bills):
            day = BASE_DAY + timedelta(days=10 * i)
            raw = {"Type": "ACCPAY", "Contact": {"ContactID": supplier_ids[i]}, "InvoiceNumber": f"BILL-{i + 1:03d}",
                   "Date": day.isoformat(), "DueDate": (day + timedelta(days=30)).isoformat(), "Status": "AUTHORISED",
                   "LineAmountTypes": "Inclusive",
                   "LineItems": [{"Description": desc, "Quantity": Decimal(1), "UnitAmount": Decimal(amount),
                                  "AccountCode": account, "TaxType": "INPUT2"}]}
            uow.put("Invoices", _must(docs.save_document(uow, raw, None)))
        if first_authorised is not None:
            pay = {"Invoice": {"InvoiceID": first_authorised["InvoiceID"]}, "Account": {"Code": "090"},
                   "Amount": first_authorised["AmountDue"], "Date": (BASE_DAY + timedelta(days=14)).isoformat(),
                   "Reference": "Seed payment"}
            uow.put("Payments", _must(payments.create_payment(uow, pay)))
        uow.commit()
        sb.store.set_meta(marker, "1")


CHUNK = 2000


def seed_invoices(sb: XeroSandbox, tenant: str, count: int) -> None:
    """Bulk AUTHORISED ACCREC invoices (2 lines each, 15% GST exclusive), inserted in chunks."""
    seed_demo(sb, tenant, invoices=0) if not sb.store.meta(f"seeded:{tenant}") else None
    with sb.store.lock:
        customers = [c for c in (sb.store.find_key(tenant, "Contacts", n) for n in CUSTOMERS) if c]
        account = sb.store.find_key(tenant, "Accounts", "200")[0]
        contact_refs = [contacts.summary(c[0]) for c in customers]
        start = sb.store.counter(tenant, "bulk")
        number = sb.store.counter(tenant, "INV")
        stamp = sb.store.stamp_ms()
        rate = Decimal(15)
        made = 0
        while made < count:
            rows = []
            for _ in range(min(CHUNK, count - made)):
                n = start + made + 1
                number += 1
                made += 1
                ident = str(uuid.uuid5(NAMESPACE, f"{tenant}/bulk/{n}"))
                lines, sub, tax = [], Decimal("0.00"), Decimal("0.00")
                for j, (qty, unit) in enumerate(((Decimal(1 + n % 5), Decimal(f"{10 + n % 90}.{n % 100:02d}")),
                                                  (Decimal(1), Decimal("49.95")))):
                    amount = money(qty * unit)
                    line_tax = money(amount * rate / 100)
                    sub += amount
                    tax += line_tax
                    lines.append({"Description": f"Bulk line {j + 1}", "UnitAmount": unit, "TaxType": "OUTPUT2",
                                  "TaxAmount": line_tax, "LineAmount": amount, "AccountCode": "200",
                                  "AccountID": account["AccountID"], "Tracking": [],
                                  "Quantity": qty.quantize(Decimal("0.0000")),
                                  "LineItemID": str(uuid.uuid5(NAMESPACE, f"{tenant}/bulk/{n}/{j}"))})
                day = BASE_DAY + timedelta(days=n % 365)
                d, ds = format_day(day)
                due, dues = format_day(day + timedelta(days=20))
                total = sub + tax
                contact = contact_refs[n % len(contact_refs)]
                obj: dict[str, Any] = {"Type": "ACCREC", "InvoiceID": ident, "InvoiceNumber": f"INV-{number:04d}",
                       "Reference": f"Bulk {n}", "Payments": [], "CreditNotes": [], "Prepayments": [],
                       "Overpayments": [], "AmountDue": total, "AmountPaid": Decimal("0.00"),
                       "AmountCredited": Decimal("0.00"), "CurrencyRate": Decimal("1.000000"), "IsDiscounted": False,
                       "HasAttachments": False, "HasErrors": False, "Contact": contact, "Date": d, "DateString": ds,
                       "DueDate": due, "DueDateString": dues, "Status": "AUTHORISED", "LineAmountTypes": "Exclusive",
                       "LineItems": lines, "SubTotal": sub, "TotalTax": tax, "Total": total,
                       "UpdatedDateUTC": ms_date(stamp), "CurrencyCode": "NZD"}
                rows.append((tenant, "Invoices", ident, obj["InvoiceNumber"].lower(), "AUTHORISED", "ACCREC",
                             contact["ContactID"], stamp, dumps(obj)))
            with sb.store.transaction():
                sb.store.put_many(rows)
        uow = UnitOfWork(sb.store, tenant)
        for c in customers:  # Xero derives IsCustomer from the sales invoices just added
            contacts.mark_role(uow, c[0]["ContactID"], "ACCREC")
        uow.commit()
        sb.store.set_counter(tenant, "bulk", start + count)
        sb.store.set_counter(tenant, "INV", number)
