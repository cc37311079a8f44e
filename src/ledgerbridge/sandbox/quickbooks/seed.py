"""Deterministic demo data. Same input → same ids and documents (dates are fixed, not 'today').

Everything goes through ``QuickBooksSandbox.write`` except the bulk invoice path, so seeded documents
have exactly the shape API-created ones have.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .wire import PACIFIC, dumps, meta_time, money, quantity

if TYPE_CHECKING:
    from .sandbox import QuickBooksSandbox

SEED_EPOCH = dt.datetime(2025, 1, 6, 9, 0, tzinfo=PACIFIC).timestamp()
BASE_DATE = dt.date(2025, 1, 6)

ACCOUNTS = [  # (Name, AccountType, AccountSubType, AcctNum)
    ("Checking", "Bank", "Checking", "1000"),
    ("Accounts Receivable (A/R)", "Accounts Receivable", "AccountsReceivable", "1100"),
    ("Undeposited Funds", "Other Current Asset", "UndepositedFunds", "1200"),
    ("Accounts Payable (A/P)", "Accounts Payable", "AccountsPayable", "2000"),
    ("Sales Tax Payable", "Other Current Liability", "SalesTaxPayable", "2100"),
    ("Opening Balance Equity", "Equity", "OpeningBalanceEquity", "3000"),
    ("Services", "Income", "ServiceFeeIncome", "4000"),
    ("Sales of Product Income", "Income", "SalesOfProductIncome", "4100"),
    ("Cost of Goods Sold", "Cost of Goods Sold", "SuppliesMaterialsCogs", "5000"),
    ("Rent or Lease", "Expense", "RentOrLeaseOfBuildings", "6000"),
    ("Office Expenses", "Expense", "OfficeGeneralAdministrativeExpenses", "6100"),
    ("Legal & Professional Fees", "Expense", "LegalProfessionalFees", "6200"),
]
CUSTOMERS = ["Amy's Bird Sanctuary", "Bill's Windsurf Shop", "Cool Cars", "Diego Rodriguez", "Dukes Basketball Camp",
             "Freeman Sporting Goods", "Geeta Kalapatapu", "Jeff's Jalopies"]
VENDORS = ["Bob's Burger Joint", "Books by Bessie", "Brosnahan Insurance Agency", "Cal Telephone", "Hicks Hardware"]
ITEMS = [  # (Name, Type, UnitPrice, income account name, expense account name)
    ("Services", "Service", "0", "Services", None),  # Id 1: what lines without an item book to, as in QBO
    ("Design", "Service", "75", "Services", None), ("Installation", "Service", "50", "Services", None),
    ("Gardening", "Service", "25", "Services", None), ("Consulting", "Service", "150.25", "Services", None),
    ("Pest Control", "Service", "35", "Services", None),
    ("Rock Fountain", "NonInventory", "275", "Sales of Product Income", "Cost of Goods Sold"),
    ("Sprinkler Heads", "NonInventory", "2.5", "Sales of Product Income", "Cost of Goods Sold"),
    ("Pump", "NonInventory", "15", "Sales of Product Income", "Cost of Goods Sold"),
]


def _ref(value: str) -> dict[str, str]:
    return {"value": value}


def seed_demo(sb: QuickBooksSandbox, realm: str, *, invoices: int = 12) -> None:
    sb.create_realm(realm)
    if sb.realm(realm).get("seeded"):
        return  # idempotent
    real_clock = sb.clock
    tick = [0]

    def clock() -> float:  # deterministic MetaData: one second per write from a fixed instant
        tick[0] += 1
        return SEED_EPOCH + tick[0]
    sb.clock = clock
    try:
        _seed(sb, realm, invoices)
    finally:
        sb.clock = real_clock


def _seed(sb: QuickBooksSandbox, realm: str, invoices: int) -> None:
    acct: dict[str, str] = {}
    for name, typ, sub, num in ACCOUNTS:
        acct[name] = sb.write(realm, "Account",
                              {"Name": name, "AccountType": typ, "AccountSubType": sub, "AcctNum": num})["Id"]
    now = sb.clock()
    state_rate = sb._insert(realm, "TaxRate", "1", {"Name": "California", "Description": "Sales Tax", "Active": True,
                                                     "RateValue": Decimal("7.25"), "AgencyRef": _ref("1"),
                                                     "SpecialTaxType": "NONE", "DisplayType": "ReadOnly"}, now)
    local_rate = sb._insert(realm, "TaxRate", "2", {"Name": "San Francisco", "Description": "Sales Tax", "Active": True,
                                                     "RateValue": Decimal("1.25"), "AgencyRef": _ref("1"),
                                                     "SpecialTaxType": "NONE", "DisplayType": "ReadOnly"}, now)
    rates = [{"TaxRateRef": {"value": r["Id"], "name": r["Name"]}, "TaxTypeApplicable": "TaxOnAmount", "TaxOrder": 0}
             for r in (state_rate, local_rate)]
    sb._insert(realm, "TaxCode", "2", {"Name": "San Francisco", "Description": "San Francisco sales tax",
                                       "Active": True, "Hidden": False, "Taxable": True, "TaxGroup": True,
                                       "SalesTaxRateList": {"TaxRateDetail": rates},
                                       "PurchaseTaxRateList": {"TaxRateDetail": []}}, now)
    sb.store.next_value(realm, "TaxRate.id", start=3)
    sb.store.next_value(realm, "TaxCode.id", start=3)
    sb.set_realm_defaults(realm, default_tax_code="2", ap_account=acct["Accounts Payable (A/P)"],
                          ar_account=acct["Accounts Receivable (A/R)"])
    classes = [sb.write(realm, "Class", {"Name": n})["Id"] for n in ("Landscaping", "Maintenance", "Retail")]
    departments = [sb.write(realm, "Department", {"Name": n})["Id"] for n in ("North", "South")]
    customers = []
    for i, name in enumerate(CUSTOMERS):
        customers.append(sb.write(realm, "Customer", {
            "DisplayName": name, "CompanyName": name, "PrimaryEmailAddr": {"Address": f"customer{i + 1}@example.com"},
            "BillAddr": {"Line1": f"{100 + i} Main St.", "City": "Bayshore", "CountrySubDivisionCode": "CA",
                         "PostalCode": "94326"}, "Taxable": i % 2 == 0})["Id"])
    vendors = [sb.write(realm, "Vendor", {"DisplayName": n, "CompanyName": n,
                                          "PrimaryEmailAddr": {"Address": f"vendor{i + 1}@example.com"}})["Id"]
               for i, n in enumerate(VENDORS)]
    items: list[tuple[str, Decimal, bool]] = []
    for name, typ, price, income, expense in ITEMS:
        body: dict[str, Any] = {"Name": name, "Type": typ, "UnitPrice": Decimal(price),
                                "IncomeAccountRef": _ref(acct[income]), "Taxable": typ == "NonInventory"}
        if expense:
            body["ExpenseAccountRef"] = _ref(acct[expense])
        items.append((sb.write(realm, "Item", body)["Id"], Decimal(price), typ == "NonInventory"))
    sb.write(realm, "CompanyInfo", {**sb.read(realm, "CompanyInfo", "1"), "sparse": True,
                                    "CompanyStartDate": BASE_DATE.isoformat()})
    invoice_ids = []
    for n in range(invoices):
        lines: list[dict[str, Any]] = []
        for k in range(1 + n % 3):
            item_id, unit_price, taxable = items[(n + k * 3) % len(items)]
            lines.append({"DetailType": "SalesItemLineDetail", "Description": f"Line {k + 1}",
                          "SalesItemLineDetail": {"ItemRef": _ref(item_id), "Qty": Decimal(1 + (n + k) % 4),
                                                  "UnitPrice": unit_price,
                                                  "TaxCodeRef": _ref("TAX" if taxable else "NON"),
                                                  "ClassRef": _ref(classes[k % 3])}})
        date = BASE_DATE + dt.timedelta(days=n * 3)
        invoice_ids.append(sb.write(realm, "Invoice", {
            "CustomerRef": _ref(customers[n % len(customers)]), "TxnDate": date.isoformat(), "Line": lines,
            "DepartmentRef": _ref(departments[n % 2])})["Id"])
    for n, expense_account in enumerate(("Rent or Lease", "Office Expenses", "Legal & Professional Fees")):
        sb.write(realm, "Bill", {
            "VendorRef": _ref(vendors[n]), "TxnDate": (BASE_DATE + dt.timedelta(days=n * 5)).isoformat(),
            "Line": [{"DetailType": "AccountBasedExpenseLineDetail", "Amount": Decimal(120 + 35 * n),
                      "AccountBasedExpenseLineDetail": {"AccountRef": _ref(acct[expense_account])}}]})
    if invoice_ids:
        first = sb.read(realm, "Invoice", invoice_ids[0])
        sb.write(realm, "Payment", {"CustomerRef": _ref(first["CustomerRef"]["value"]), "TotalAmt": first["TotalAmt"],
                                    "TxnDate": (BASE_DATE + dt.timedelta(days=10)).isoformat(),
                                    "DepositToAccountRef": _ref(acct["Undeposited Funds"]),
                                    "Line": [{"Amount": first["TotalAmt"],
                                              "LinkedTxn": [{"TxnId": first["Id"], "TxnType": "Invoice"}]}]})
    sb.set_realm_defaults(realm, seeded=True, customers=customers, items=[i[0] for i in items])


def seed_invoices(sb: QuickBooksSandbox, realm: str, count: int) -> None:
    """Bulk path for sync benchmarks: documents built directly (same shape as API-created ones),
    inserted in chunks so memory stays bounded; 100k invoices take a few seconds."""
    if not sb.realm(realm).get("seeded"):
        sb.seed_demo(realm, invoices=0)
    info = sb.realm(realm)
    customers: list[str] = info["customers"]
    item_docs = [sb.read(realm, "Item", i) for i in info["items"]]
    names = {c: sb.read(realm, "Customer", c)["DisplayName"] for c in customers}
    first_id = sb.store.next_value(realm, "Invoice.id", start=1, count=count)
    first_doc = sb.store.next_value(realm, "Invoice.doc", start=1001, count=count)
    chunk: list[tuple[Any, ...]] = []
    now = sb.clock()
    for n in range(count):
        entity_id = str(first_id + n)
        instant = now - (count - n)  # distinct, increasing LastUpdatedTime for incremental-sync tests
        meta = meta_time(instant)
        date = (BASE_DATE + dt.timedelta(days=n % 365)).isoformat()
        lines = []
        subtotal = Decimal(0)
        for k in range(1 + n % 3):
            item = item_docs[(n + k) % len(item_docs)]
            qty = Decimal(1 + (n + k) % 5)
            price = Decimal(str(item["UnitPrice"]))
            amount = qty * price
            subtotal += amount
            lines.append({"Id": str(k + 1), "LineNum": k + 1, "Amount": money(amount),
                          "DetailType": "SalesItemLineDetail",
                          "SalesItemLineDetail": {"ItemRef": {"value": item["Id"], "name": item["Name"]},
                                                  "Qty": quantity(qty), "UnitPrice": quantity(price),
                                                  "TaxCodeRef": {"value": "NON"}}})
        lines.append({"Amount": money(subtotal), "DetailType": "SubTotalLineDetail", "SubTotalLineDetail": {}})
        customer = customers[n % len(customers)]
        doc_number = str(first_doc + n)
        doc = {"domain": "QBO", "sparse": False, "Id": entity_id, "SyncToken": "0",
               "MetaData": {"CreateTime": meta, "LastUpdatedTime": meta}, "DocNumber": doc_number, "TxnDate": date,
               "CustomerRef": {"value": customer, "name": names[customer]}, "Line": lines,
               "DueDate": (dt.date.fromisoformat(date) + dt.timedelta(days=30)).isoformat(),
               "AllowIPNPayment": False, "AllowOnlinePayment": False, "AllowOnlineCreditCardPayment": False,
               "AllowOnlineACHPayment": False, "CustomField": [],
               "CurrencyRef": {"value": "USD", "name": "United States Dollar"},
               "ApplyTaxAfterDiscount": False, "PrintStatus": "NotSet", "EmailStatus": "NotSet", "LinkedTxn": [],
               "TxnTaxDetail": {"TotalTax": 0}, "TotalAmt": money(subtotal), "Balance": money(subtotal)}
        chunk.append((realm, "Invoice", entity_id, first_id + n, doc_number, instant, instant, 0, dumps(doc)))
        if len(chunk) >= 5000:
            sb.store.put_many(chunk)
            chunk = []
    if chunk:
        sb.store.put_many(chunk)
