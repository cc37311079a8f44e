from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.supplier_invoices_response_accounting_status import SupplierInvoicesResponseAccountingStatus
from ..models.supplier_invoices_response_currency import SupplierInvoicesResponseCurrency
from ..models.supplier_invoices_response_payment_status import SupplierInvoicesResponsePaymentStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.supplier_invoices_response_categories import SupplierInvoicesResponseCategories
  from ..models.supplier_invoices_response_e_invoicing_type_0 import SupplierInvoicesResponseEInvoicingType0
  from ..models.supplier_invoices_response_invoice_lines import SupplierInvoicesResponseInvoiceLines
  from ..models.supplier_invoices_response_ledger_entry import SupplierInvoicesResponseLedgerEntry
  from ..models.supplier_invoices_response_matched_transactions import SupplierInvoicesResponseMatchedTransactions
  from ..models.supplier_invoices_response_payments import SupplierInvoicesResponsePayments
  from ..models.supplier_invoices_response_supplier_type_0 import SupplierInvoicesResponseSupplierType0
  from ..models.supplier_invoices_response_transaction_reference_type_0 import SupplierInvoicesResponseTransactionReferenceType0





T = TypeVar("T", bound="SupplierInvoicesResponse")



@_attrs_define
class SupplierInvoicesResponse:
    """ 
        Attributes:
            id (int): The ID of the supplier invoice Example: 123.
            label (None | str):  Example: Demo label.
            invoice_number (str):  Example: F20230001.
            currency (SupplierInvoicesResponseCurrency):  Default: SupplierInvoicesResponseCurrency.EUR.
            amount (str): Invoice amount (total value of the invoice in euros). If the currency is euro, `currency_amount`
                and `amount` are identical. Example: 230.32.
            currency_amount (str): Invoice currency amount (total value of the invoice in the currency of the invoice)
                Example: 230.32.
            currency_amount_before_tax (str): Invoice currency amount before tax (total value before tax of the invoice in
                the currency of the invoice) Example: 196.32.
            exchange_rate (str): Invoice exchange rate (used to convert the invoice to euros. If the invoice currency is
                euro it will be 1.0) Example: 1.0.
            date (datetime.date | None): Invoice issue date (ISO 8601) Example: 2023-08-30.
            deadline (datetime.date | None): Invoice payment deadline (ISO 8601) Example: 2023-09-30.
            currency_tax (str): Invoice taxable amount (in invoice currency) Example: 34.0.
            tax (str): Invoice taxable amount (in euros). If the currency is euro, `currency_tax` and `tax` are identical.
                Example: 34.0.
            reconciled (bool): Whether the invoice has been reconciled or not Example: False.
            accounting_status (SupplierInvoicesResponseAccountingStatus): The accounting state of the invoice.
                - `draft`: The invoice is not yet sent to the accountant.
                - `archived`: The invoice has been archived.
                - `entry`: The invoice is incomplete. Some information is missing on the invoice and needs to be completed by
                SME.
                - `validation_needed`: The invoice is sent to the accountant and needs validation.
                - `complete`: The invoice has been validated by the accountant.
            filename (None | str): Name of the file attached to the invoice Example: my_file.pdf.
            public_file_url (None | str): Public URL of the invoice file. The URL will expire after 30 minutes. Example:
                https://app.pennylane.com/public/invoice/pdf?encrypted_id=bzjoVJe...3D%3D.
            remaining_amount_with_tax (None | str): The remaining amount with VAT to pay for the invoice to be considered
                paid Example: 20.0.
            remaining_amount_without_tax (None | str): The remaining amount without VAT to pay for the invoice to be
                considered paid Example: 16.0.
            ledger_entry (SupplierInvoicesResponseLedgerEntry):
            supplier (None | SupplierInvoicesResponseSupplierType0):
            invoice_lines (SupplierInvoicesResponseInvoiceLines):
            categories (SupplierInvoicesResponseCategories):
            transaction_reference (None | SupplierInvoicesResponseTransactionReferenceType0): This reconciles the invoice
                with a transaction. See documentation about [automatic payment
                matching](https://pennylane.readme.io/v2.0/docs/automating-payment-matching).
            payment_status (SupplierInvoicesResponsePaymentStatus):
            payments (SupplierInvoicesResponsePayments):
            matched_transactions (SupplierInvoicesResponseMatchedTransactions):
            external_reference (str): The unique external reference that was assigned during creation either by you or
                Pennylane Example: FR123.
            e_invoicing (None | SupplierInvoicesResponseEInvoicingType0): E-invoicing lifecycle information managed by the
                PA.
                Contains the current status and associated reason when applicable.
                This field is only present for invoices received through e-invoicing.
            archived_at (datetime.datetime | None): The time the invoice has been archived Example:
                2023-08-30T10:08:08.146343Z.
            created_at (datetime.datetime): The time the invoice has been created Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime): The last time the invoice has been updated Example: 2023-08-30T10:08:08.146343Z.
     """

    id: int
    label: None | str
    invoice_number: str
    amount: str
    currency_amount: str
    currency_amount_before_tax: str
    exchange_rate: str
    date: datetime.date | None
    deadline: datetime.date | None
    currency_tax: str
    tax: str
    reconciled: bool
    accounting_status: SupplierInvoicesResponseAccountingStatus
    filename: None | str
    public_file_url: None | str
    remaining_amount_with_tax: None | str
    remaining_amount_without_tax: None | str
    ledger_entry: SupplierInvoicesResponseLedgerEntry
    supplier: None | SupplierInvoicesResponseSupplierType0
    invoice_lines: SupplierInvoicesResponseInvoiceLines
    categories: SupplierInvoicesResponseCategories
    transaction_reference: None | SupplierInvoicesResponseTransactionReferenceType0
    payment_status: SupplierInvoicesResponsePaymentStatus
    payments: SupplierInvoicesResponsePayments
    matched_transactions: SupplierInvoicesResponseMatchedTransactions
    external_reference: str
    e_invoicing: None | SupplierInvoicesResponseEInvoicingType0
    archived_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    currency: SupplierInvoicesResponseCurrency = SupplierInvoicesResponseCurrency.EUR





    def to_dict(self) -> dict[str, Any]:
        from ..models.supplier_invoices_response_categories import SupplierInvoicesResponseCategories # noqa: PLC0415
        from ..models.supplier_invoices_response_e_invoicing_type_0 import SupplierInvoicesResponseEInvoicingType0 # noqa: PLC0415
        from ..models.supplier_invoices_response_invoice_lines import SupplierInvoicesResponseInvoiceLines # noqa: PLC0415
        from ..models.supplier_invoices_response_ledger_entry import SupplierInvoicesResponseLedgerEntry # noqa: PLC0415
        from ..models.supplier_invoices_response_matched_transactions import SupplierInvoicesResponseMatchedTransactions # noqa: PLC0415
        from ..models.supplier_invoices_response_payments import SupplierInvoicesResponsePayments # noqa: PLC0415
        from ..models.supplier_invoices_response_supplier_type_0 import SupplierInvoicesResponseSupplierType0 # noqa: PLC0415
        from ..models.supplier_invoices_response_transaction_reference_type_0 import SupplierInvoicesResponseTransactionReferenceType0 # noqa: PLC0415
        id = self.id

        label: None | str
        label = self.label

        invoice_number = self.invoice_number

        currency = self.currency.value

        amount = self.amount

        currency_amount = self.currency_amount

        currency_amount_before_tax = self.currency_amount_before_tax

        exchange_rate = self.exchange_rate

        date: None | str
        if isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        deadline: None | str
        if isinstance(self.deadline, datetime.date):
            deadline = self.deadline.isoformat()
        else:
            deadline = self.deadline

        currency_tax = self.currency_tax

        tax = self.tax

        reconciled = self.reconciled

        accounting_status = self.accounting_status.value

        filename: None | str
        filename = self.filename

        public_file_url: None | str
        public_file_url = self.public_file_url

        remaining_amount_with_tax: None | str
        remaining_amount_with_tax = self.remaining_amount_with_tax

        remaining_amount_without_tax: None | str
        remaining_amount_without_tax = self.remaining_amount_without_tax

        ledger_entry = self.ledger_entry.to_dict()

        supplier: dict[str, Any] | None
        if isinstance(self.supplier, SupplierInvoicesResponseSupplierType0):
            supplier = self.supplier.to_dict()
        else:
            supplier = self.supplier

        invoice_lines = self.invoice_lines.to_dict()

        categories = self.categories.to_dict()

        transaction_reference: dict[str, Any] | None
        if isinstance(self.transaction_reference, SupplierInvoicesResponseTransactionReferenceType0):
            transaction_reference = self.transaction_reference.to_dict()
        else:
            transaction_reference = self.transaction_reference

        payment_status = self.payment_status.value

        payments = self.payments.to_dict()

        matched_transactions = self.matched_transactions.to_dict()

        external_reference = self.external_reference

        e_invoicing: dict[str, Any] | None
        if isinstance(self.e_invoicing, SupplierInvoicesResponseEInvoicingType0):
            e_invoicing = self.e_invoicing.to_dict()
        else:
            e_invoicing = self.e_invoicing

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "label": label,
            "invoice_number": invoice_number,
            "currency": currency,
            "amount": amount,
            "currency_amount": currency_amount,
            "currency_amount_before_tax": currency_amount_before_tax,
            "exchange_rate": exchange_rate,
            "date": date,
            "deadline": deadline,
            "currency_tax": currency_tax,
            "tax": tax,
            "reconciled": reconciled,
            "accounting_status": accounting_status,
            "filename": filename,
            "public_file_url": public_file_url,
            "remaining_amount_with_tax": remaining_amount_with_tax,
            "remaining_amount_without_tax": remaining_amount_without_tax,
            "ledger_entry": ledger_entry,
            "supplier": supplier,
            "invoice_lines": invoice_lines,
            "categories": categories,
            "transaction_reference": transaction_reference,
            "payment_status": payment_status,
            "payments": payments,
            "matched_transactions": matched_transactions,
            "external_reference": external_reference,
            "e_invoicing": e_invoicing,
            "archived_at": archived_at,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.supplier_invoices_response_categories import SupplierInvoicesResponseCategories # noqa: PLC0415
        from ..models.supplier_invoices_response_e_invoicing_type_0 import SupplierInvoicesResponseEInvoicingType0 # noqa: PLC0415
        from ..models.supplier_invoices_response_invoice_lines import SupplierInvoicesResponseInvoiceLines # noqa: PLC0415
        from ..models.supplier_invoices_response_ledger_entry import SupplierInvoicesResponseLedgerEntry # noqa: PLC0415
        from ..models.supplier_invoices_response_matched_transactions import SupplierInvoicesResponseMatchedTransactions # noqa: PLC0415
        from ..models.supplier_invoices_response_payments import SupplierInvoicesResponsePayments # noqa: PLC0415
        from ..models.supplier_invoices_response_supplier_type_0 import SupplierInvoicesResponseSupplierType0 # noqa: PLC0415
        from ..models.supplier_invoices_response_transaction_reference_type_0 import SupplierInvoicesResponseTransactionReferenceType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))


        invoice_number = d.pop("invoice_number")

        currency = SupplierInvoicesResponseCurrency(d.pop("currency"))




        amount = d.pop("amount")

        currency_amount = d.pop("currency_amount")

        currency_amount_before_tax = d.pop("currency_amount_before_tax")

        exchange_rate = d.pop("exchange_rate")

        def _parse_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_type_0 = datetime.date.fromisoformat(data)



                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date = _parse_date(d.pop("date"))


        def _parse_deadline(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deadline_type_0 = datetime.date.fromisoformat(data)



                return deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        deadline = _parse_deadline(d.pop("deadline"))


        currency_tax = d.pop("currency_tax")

        tax = d.pop("tax")

        reconciled = d.pop("reconciled")

        accounting_status = SupplierInvoicesResponseAccountingStatus(d.pop("accounting_status"))




        def _parse_filename(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        filename = _parse_filename(d.pop("filename"))


        def _parse_public_file_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        public_file_url = _parse_public_file_url(d.pop("public_file_url"))


        def _parse_remaining_amount_with_tax(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        remaining_amount_with_tax = _parse_remaining_amount_with_tax(d.pop("remaining_amount_with_tax"))


        def _parse_remaining_amount_without_tax(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        remaining_amount_without_tax = _parse_remaining_amount_without_tax(d.pop("remaining_amount_without_tax"))


        ledger_entry = SupplierInvoicesResponseLedgerEntry.from_dict(d.pop("ledger_entry"))




        def _parse_supplier(data: object) -> None | SupplierInvoicesResponseSupplierType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                supplier_type_0 = SupplierInvoicesResponseSupplierType0.from_dict(data)



                return supplier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SupplierInvoicesResponseSupplierType0, data)

        supplier = _parse_supplier(d.pop("supplier"))


        invoice_lines = SupplierInvoicesResponseInvoiceLines.from_dict(d.pop("invoice_lines"))




        categories = SupplierInvoicesResponseCategories.from_dict(d.pop("categories"))




        def _parse_transaction_reference(data: object) -> None | SupplierInvoicesResponseTransactionReferenceType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                transaction_reference_type_0 = SupplierInvoicesResponseTransactionReferenceType0.from_dict(data)



                return transaction_reference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SupplierInvoicesResponseTransactionReferenceType0, data)

        transaction_reference = _parse_transaction_reference(d.pop("transaction_reference"))


        payment_status = SupplierInvoicesResponsePaymentStatus(d.pop("payment_status"))




        payments = SupplierInvoicesResponsePayments.from_dict(d.pop("payments"))




        matched_transactions = SupplierInvoicesResponseMatchedTransactions.from_dict(d.pop("matched_transactions"))




        external_reference = d.pop("external_reference")

        def _parse_e_invoicing(data: object) -> None | SupplierInvoicesResponseEInvoicingType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                e_invoicing_type_0 = SupplierInvoicesResponseEInvoicingType0.from_dict(data)



                return e_invoicing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SupplierInvoicesResponseEInvoicingType0, data)

        e_invoicing = _parse_e_invoicing(d.pop("e_invoicing"))


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


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        supplier_invoices_response = cls(
            id=id,
            label=label,
            invoice_number=invoice_number,
            currency=currency,
            amount=amount,
            currency_amount=currency_amount,
            currency_amount_before_tax=currency_amount_before_tax,
            exchange_rate=exchange_rate,
            date=date,
            deadline=deadline,
            currency_tax=currency_tax,
            tax=tax,
            reconciled=reconciled,
            accounting_status=accounting_status,
            filename=filename,
            public_file_url=public_file_url,
            remaining_amount_with_tax=remaining_amount_with_tax,
            remaining_amount_without_tax=remaining_amount_without_tax,
            ledger_entry=ledger_entry,
            supplier=supplier,
            invoice_lines=invoice_lines,
            categories=categories,
            transaction_reference=transaction_reference,
            payment_status=payment_status,
            payments=payments,
            matched_transactions=matched_transactions,
            external_reference=external_reference,
            e_invoicing=e_invoicing,
            archived_at=archived_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        return supplier_invoices_response

