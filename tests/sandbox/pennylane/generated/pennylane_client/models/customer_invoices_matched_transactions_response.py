from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.customer_invoices_matched_transactions_response_currency_type_0 import CustomerInvoicesMatchedTransactionsResponseCurrencyType0
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.customer_invoices_matched_transactions_response_bank_account import CustomerInvoicesMatchedTransactionsResponseBankAccount
  from ..models.customer_invoices_matched_transactions_response_categories_item import CustomerInvoicesMatchedTransactionsResponseCategoriesItem
  from ..models.customer_invoices_matched_transactions_response_customer_type_0 import CustomerInvoicesMatchedTransactionsResponseCustomerType0
  from ..models.customer_invoices_matched_transactions_response_journal import CustomerInvoicesMatchedTransactionsResponseJournal
  from ..models.customer_invoices_matched_transactions_response_pro_account_expense_type_0 import CustomerInvoicesMatchedTransactionsResponseProAccountExpenseType0





T = TypeVar("T", bound="CustomerInvoicesMatchedTransactionsResponse")



@_attrs_define
class CustomerInvoicesMatchedTransactionsResponse:
    """ 
        Attributes:
            id (int): Bank transaction identifier Example: 42.
            label (None | str):  Example: VIR SEPA MY SUPPLIER SAS.
            attachment_required (bool): When `true`, the transaction need to be justified and matched with an invoice
                Example: True.
            date (datetime.date):  Example: 2023-08-30.
            outstanding_balance (None | str): This is the balance of the bank transaction after it has been
                processed.
                 Example: 49.3.
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            archived_at (datetime.datetime | None):  Example: 2023-08-30T10:08:08.146343Z.
            currency (CustomerInvoicesMatchedTransactionsResponseCurrencyType0 | None):
            currency_amount (str): Amount in the currency of the transaction. Example: 120.00.
            amount (str): Transaction amount in euros. If the currency is euro, `currency_amount` and `amount` are
                identical. Example: 120.00.
            currency_fee (None | str): Fee in the currency of the transaction. Example: 120.00.
            fee (None | str): Transaction fee in euros. If the currency is euro, `currency_fee` and `fee`
                are identical.
                 Example: 120.00.
            journal (CustomerInvoicesMatchedTransactionsResponseJournal):
            bank_account (CustomerInvoicesMatchedTransactionsResponseBankAccount):
            pro_account_expense (CustomerInvoicesMatchedTransactionsResponseProAccountExpenseType0 | None):
            customer (CustomerInvoicesMatchedTransactionsResponseCustomerType0 | None):
            categories (list[CustomerInvoicesMatchedTransactionsResponseCategoriesItem]):
     """

    id: int
    label: None | str
    attachment_required: bool
    date: datetime.date
    outstanding_balance: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    archived_at: datetime.datetime | None
    currency: CustomerInvoicesMatchedTransactionsResponseCurrencyType0 | None
    currency_amount: str
    amount: str
    currency_fee: None | str
    fee: None | str
    journal: CustomerInvoicesMatchedTransactionsResponseJournal
    bank_account: CustomerInvoicesMatchedTransactionsResponseBankAccount
    pro_account_expense: CustomerInvoicesMatchedTransactionsResponseProAccountExpenseType0 | None
    customer: CustomerInvoicesMatchedTransactionsResponseCustomerType0 | None
    categories: list[CustomerInvoicesMatchedTransactionsResponseCategoriesItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_invoices_matched_transactions_response_bank_account import CustomerInvoicesMatchedTransactionsResponseBankAccount # noqa: PLC0415
        from ..models.customer_invoices_matched_transactions_response_categories_item import CustomerInvoicesMatchedTransactionsResponseCategoriesItem # noqa: PLC0415
        from ..models.customer_invoices_matched_transactions_response_customer_type_0 import CustomerInvoicesMatchedTransactionsResponseCustomerType0 # noqa: PLC0415
        from ..models.customer_invoices_matched_transactions_response_journal import CustomerInvoicesMatchedTransactionsResponseJournal # noqa: PLC0415
        from ..models.customer_invoices_matched_transactions_response_pro_account_expense_type_0 import CustomerInvoicesMatchedTransactionsResponseProAccountExpenseType0 # noqa: PLC0415
        id = self.id

        label: None | str
        label = self.label

        attachment_required = self.attachment_required

        date = self.date.isoformat()

        outstanding_balance: None | str
        outstanding_balance = self.outstanding_balance

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        currency: None | str
        if isinstance(self.currency, CustomerInvoicesMatchedTransactionsResponseCurrencyType0):
            currency = self.currency.value
        else:
            currency = self.currency

        currency_amount = self.currency_amount

        amount = self.amount

        currency_fee: None | str
        currency_fee = self.currency_fee

        fee: None | str
        fee = self.fee

        journal = self.journal.to_dict()

        bank_account = self.bank_account.to_dict()

        pro_account_expense: dict[str, Any] | None
        if isinstance(self.pro_account_expense, CustomerInvoicesMatchedTransactionsResponseProAccountExpenseType0):
            pro_account_expense = self.pro_account_expense.to_dict()
        else:
            pro_account_expense = self.pro_account_expense

        customer: dict[str, Any] | None
        if isinstance(self.customer, CustomerInvoicesMatchedTransactionsResponseCustomerType0):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.to_dict()
            categories.append(categories_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "label": label,
            "attachment_required": attachment_required,
            "date": date,
            "outstanding_balance": outstanding_balance,
            "created_at": created_at,
            "updated_at": updated_at,
            "archived_at": archived_at,
            "currency": currency,
            "currency_amount": currency_amount,
            "amount": amount,
            "currency_fee": currency_fee,
            "fee": fee,
            "journal": journal,
            "bank_account": bank_account,
            "pro_account_expense": pro_account_expense,
            "customer": customer,
            "categories": categories,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_invoices_matched_transactions_response_bank_account import CustomerInvoicesMatchedTransactionsResponseBankAccount # noqa: PLC0415
        from ..models.customer_invoices_matched_transactions_response_categories_item import CustomerInvoicesMatchedTransactionsResponseCategoriesItem # noqa: PLC0415
        from ..models.customer_invoices_matched_transactions_response_customer_type_0 import CustomerInvoicesMatchedTransactionsResponseCustomerType0 # noqa: PLC0415
        from ..models.customer_invoices_matched_transactions_response_journal import CustomerInvoicesMatchedTransactionsResponseJournal # noqa: PLC0415
        from ..models.customer_invoices_matched_transactions_response_pro_account_expense_type_0 import CustomerInvoicesMatchedTransactionsResponseProAccountExpenseType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))


        attachment_required = d.pop("attachment_required")

        date = datetime.date.fromisoformat(d.pop("date"))




        def _parse_outstanding_balance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outstanding_balance = _parse_outstanding_balance(d.pop("outstanding_balance"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)



                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))


        def _parse_currency(data: object) -> CustomerInvoicesMatchedTransactionsResponseCurrencyType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                currency_type_0 = CustomerInvoicesMatchedTransactionsResponseCurrencyType0(data)



                return currency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerInvoicesMatchedTransactionsResponseCurrencyType0 | None, data)

        currency = _parse_currency(d.pop("currency"))


        currency_amount = d.pop("currency_amount")

        amount = d.pop("amount")

        def _parse_currency_fee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency_fee = _parse_currency_fee(d.pop("currency_fee"))


        def _parse_fee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fee = _parse_fee(d.pop("fee"))


        journal = CustomerInvoicesMatchedTransactionsResponseJournal.from_dict(d.pop("journal"))




        bank_account = CustomerInvoicesMatchedTransactionsResponseBankAccount.from_dict(d.pop("bank_account"))




        def _parse_pro_account_expense(data: object) -> CustomerInvoicesMatchedTransactionsResponseProAccountExpenseType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pro_account_expense_type_0 = CustomerInvoicesMatchedTransactionsResponseProAccountExpenseType0.from_dict(data)



                return pro_account_expense_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerInvoicesMatchedTransactionsResponseProAccountExpenseType0 | None, data)

        pro_account_expense = _parse_pro_account_expense(d.pop("pro_account_expense"))


        def _parse_customer(data: object) -> CustomerInvoicesMatchedTransactionsResponseCustomerType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = CustomerInvoicesMatchedTransactionsResponseCustomerType0.from_dict(data)



                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerInvoicesMatchedTransactionsResponseCustomerType0 | None, data)

        customer = _parse_customer(d.pop("customer"))


        categories = []
        _categories = d.pop("categories")
        for categories_item_data in (_categories):
            categories_item = CustomerInvoicesMatchedTransactionsResponseCategoriesItem.from_dict(categories_item_data)



            categories.append(categories_item)


        customer_invoices_matched_transactions_response = cls(
            id=id,
            label=label,
            attachment_required=attachment_required,
            date=date,
            outstanding_balance=outstanding_balance,
            created_at=created_at,
            updated_at=updated_at,
            archived_at=archived_at,
            currency=currency,
            currency_amount=currency_amount,
            amount=amount,
            currency_fee=currency_fee,
            fee=fee,
            journal=journal,
            bank_account=bank_account,
            pro_account_expense=pro_account_expense,
            customer=customer,
            categories=categories,
        )

        return customer_invoices_matched_transactions_response

