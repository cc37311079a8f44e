"""The object registry: one line per unified object. Routes, storage keys, operationIds and docs derive from it.

Adding an object is a model module under ``unified/``, one line here, and a mapping in each connector.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from ledgerbridge.unified.account import Account, AccountInput, AccountOutput
from ledgerbridge.unified.attachment import Attachment, AttachmentInput, AttachmentOutput
from ledgerbridge.unified.company_info import CompanyInfo, CompanyInfoOutput
from ledgerbridge.unified.contact import Contact, ContactInput, ContactOutput
from ledgerbridge.unified.contact_details import Address, AddressOutput, PhoneNumber, PhoneNumberOutput
from ledgerbridge.unified.credit_note import CreditNote, CreditNoteOutput
from ledgerbridge.unified.expense import Expense, ExpenseInput, ExpenseOutput
from ledgerbridge.unified.invoice import Invoice, InvoiceInput, InvoiceOutput
from ledgerbridge.unified.item import Item, ItemOutput
from ledgerbridge.unified.journal_entry import JournalEntry, JournalEntryInput, JournalEntryOutput
from ledgerbridge.unified.payment import Payment, PaymentInput, PaymentOutput
from ledgerbridge.unified.purchase_order import PurchaseOrder, PurchaseOrderInput, PurchaseOrderOutput
from ledgerbridge.unified.report import (
    BalanceSheet,
    BalanceSheetOutput,
    CashFlowStatement,
    CashFlowStatementOutput,
    IncomeStatement,
    IncomeStatementOutput,
)
from ledgerbridge.unified.tax_rate import TaxRate, TaxRateOutput
from ledgerbridge.unified.tracking_category import TrackingCategory, TrackingCategoryOutput
from ledgerbridge.unified.transaction import Transaction, TransactionOutput
from ledgerbridge.unified.vendor_credit import VendorCredit, VendorCreditOutput


@dataclass(frozen=True)
class Reference:
    """A field of an input body that holds the id of another unified record.

    ``path`` uses ``[]`` for "every element": ``line_items[].item_id``.
    """

    path: str
    target: str


@dataclass(frozen=True)
class ObjectSpec:
    name: str
    path: str
    operation_name: str  # Panora's operationId stem: list|retrieve|create + "Accounting" + this
    model: type[BaseModel]  # the stored unified fields; connectors map provider records into it
    output: type[BaseModel]  # the documented response (model + envelope)
    input: type[BaseModel] | None = None
    list_operation_name: str | None = None  # Panora pluralises some list operationIds, inconsistently
    references: tuple[Reference, ...] = field(default_factory=tuple)
    # A report is fetched from the provider for the period a caller asks for, never synced in bulk.
    report: bool = False

    @property
    def operations(self) -> frozenset[str]:
        return frozenset({"list", "retrieve"} | ({"create"} if self.input is not None else set()))

    def operation_id(self, operation: str) -> str:
        stem = self.list_operation_name if operation == "list" and self.list_operation_name else self.operation_name
        return f"{operation}Accounting{stem}"


OBJECTS: tuple[ObjectSpec, ...] = (
    ObjectSpec(
        "invoice", "/accounting/invoices", "Invoice", Invoice, InvoiceOutput, InvoiceInput,
        references=(
            Reference("contact_id", "contact"),
            Reference("tracking_categories[]", "tracking_category"),
            Reference("line_items[].item_id", "item"),
            Reference("line_items[].account_id", "account"),
            Reference("line_items[].tax_rate_id", "tax_rate"),
            Reference("line_items[].tracking_categories[]", "tracking_category"),
        ),
    ),
    ObjectSpec("contact", "/accounting/contacts", "Contact", Contact, ContactOutput, ContactInput,
               list_operation_name="Contacts"),
    ObjectSpec("item", "/accounting/items", "Item", Item, ItemOutput),
    ObjectSpec("account", "/accounting/accounts", "Account", Account, AccountOutput, AccountInput,
               list_operation_name="Accounts", references=(Reference("parent_account", "account"),)),
    ObjectSpec("tax_rate", "/accounting/taxrates", "TaxRate", TaxRate, TaxRateOutput),
    ObjectSpec("tracking_category", "/accounting/trackingcategories", "TrackingCategory", TrackingCategory,
               TrackingCategoryOutput, list_operation_name="TrackingCategorys"),
    ObjectSpec("address", "/accounting/addresses", "Address", Address, AddressOutput),
    ObjectSpec("phone_number", "/accounting/phonenumbers", "Phonenumber", PhoneNumber, PhoneNumberOutput),
    ObjectSpec("company_info", "/accounting/companyinfos", "CompanyInfo", CompanyInfo, CompanyInfoOutput,
               list_operation_name="CompanyInfos"),
    ObjectSpec("attachment", "/accounting/attachments", "Attachment", Attachment, AttachmentOutput, AttachmentInput,
               list_operation_name="Attachments",
               references=(Reference("account_id", "account"), Reference("invoice_id", "invoice"),
                           Reference("contact_id", "contact"))),
    ObjectSpec("payment", "/accounting/payments", "Payment", Payment, PaymentOutput, PaymentInput,
               references=(
                   Reference("invoice_id", "invoice"),
                   Reference("contact_id", "contact"),
                   Reference("account_id", "account"),
                   Reference("tracking_categories[]", "tracking_category"),
                   Reference("line_items[].related_object_id", "invoice"),
               )),
    ObjectSpec("credit_note", "/accounting/creditnotes", "CreditNote", CreditNote, CreditNoteOutput),
    ObjectSpec("journal_entry", "/accounting/journalentries", "JournalEntry", JournalEntry, JournalEntryOutput,
               JournalEntryInput,
               references=(
                   Reference("tracking_categories[]", "tracking_category"),
                   Reference("line_items[].account_id", "account"),
                   Reference("line_items[].contact_id", "contact"),
                   Reference("line_items[].tax_rate_id", "tax_rate"),
                   Reference("line_items[].tracking_categories[]", "tracking_category"),
               )),
    ObjectSpec("expense", "/accounting/expenses", "Expense", Expense, ExpenseOutput, ExpenseInput,
               references=(
                   Reference("account_id", "account"),
                   Reference("contact_id", "contact"),
                   Reference("tracking_categories[]", "tracking_category"),
                   Reference("line_items[].account_id", "account"),
                   Reference("line_items[].item_id", "item"),
                   Reference("line_items[].tax_rate_id", "tax_rate"),
                   Reference("line_items[].contact_id", "contact"),
                   Reference("line_items[].tracking_categories[]", "tracking_category"),
               )),
    ObjectSpec("purchase_order", "/accounting/purchaseorders", "PurchaseOrder", PurchaseOrder, PurchaseOrderOutput,
               PurchaseOrderInput,
               references=(
                   Reference("vendor", "contact"),
                   Reference("customer", "contact"),
                   Reference("delivery_address", "address"),
                   Reference("tracking_categories[]", "tracking_category"),
                   Reference("line_items[].account_id", "account"),
                   Reference("line_items[].item_id", "item"),
                   Reference("line_items[].tax_rate_id", "tax_rate"),
                   Reference("line_items[].tracking_categories[]", "tracking_category"),
               )),
    ObjectSpec("vendor_credit", "/accounting/vendorcredits", "VendorCredit", VendorCredit, VendorCreditOutput),
    ObjectSpec("transaction", "/accounting/transactions", "Transaction", Transaction, TransactionOutput),
    ObjectSpec("balance_sheet", "/accounting/balancesheets", "BalanceSheet", BalanceSheet, BalanceSheetOutput,
               list_operation_name="BalanceSheets", report=True),
    ObjectSpec("income_statement", "/accounting/incomestatements", "IncomeStatement", IncomeStatement,
               IncomeStatementOutput, report=True),
    ObjectSpec("cash_flow_statement", "/accounting/cashflowstatements", "CashflowStatement", CashFlowStatement,
               CashFlowStatementOutput, report=True),
)

BY_NAME: dict[str, ObjectSpec] = {spec.name: spec for spec in OBJECTS}


def spec(name: str) -> ObjectSpec:
    return BY_NAME[name]
