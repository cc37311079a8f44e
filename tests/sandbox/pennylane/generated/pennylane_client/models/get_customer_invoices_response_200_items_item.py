from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.get_customer_invoices_response_200_items_item_currency import GetCustomerInvoicesResponse200ItemsItemCurrency
from ..models.get_customer_invoices_response_200_items_item_language import GetCustomerInvoicesResponse200ItemsItemLanguage
from ..models.get_customer_invoices_response_200_items_item_status import GetCustomerInvoicesResponse200ItemsItemStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.get_customer_invoices_response_200_items_item_appendices import GetCustomerInvoicesResponse200ItemsItemAppendices
  from ..models.get_customer_invoices_response_200_items_item_billing_subscription_type_0 import GetCustomerInvoicesResponse200ItemsItemBillingSubscriptionType0
  from ..models.get_customer_invoices_response_200_items_item_categories import GetCustomerInvoicesResponse200ItemsItemCategories
  from ..models.get_customer_invoices_response_200_items_item_credited_invoice_type_0 import GetCustomerInvoicesResponse200ItemsItemCreditedInvoiceType0
  from ..models.get_customer_invoices_response_200_items_item_custom_header_fields import GetCustomerInvoicesResponse200ItemsItemCustomHeaderFields
  from ..models.get_customer_invoices_response_200_items_item_customer_invoice_template_type_0 import GetCustomerInvoicesResponse200ItemsItemCustomerInvoiceTemplateType0
  from ..models.get_customer_invoices_response_200_items_item_customer_type_0 import GetCustomerInvoicesResponse200ItemsItemCustomerType0
  from ..models.get_customer_invoices_response_200_items_item_discount import GetCustomerInvoicesResponse200ItemsItemDiscount
  from ..models.get_customer_invoices_response_200_items_item_e_invoicing_type_0 import GetCustomerInvoicesResponse200ItemsItemEInvoicingType0
  from ..models.get_customer_invoices_response_200_items_item_invoice_line_sections import GetCustomerInvoicesResponse200ItemsItemInvoiceLineSections
  from ..models.get_customer_invoices_response_200_items_item_invoice_lines import GetCustomerInvoicesResponse200ItemsItemInvoiceLines
  from ..models.get_customer_invoices_response_200_items_item_ledger_entry import GetCustomerInvoicesResponse200ItemsItemLedgerEntry
  from ..models.get_customer_invoices_response_200_items_item_matched_transactions import GetCustomerInvoicesResponse200ItemsItemMatchedTransactions
  from ..models.get_customer_invoices_response_200_items_item_payments import GetCustomerInvoicesResponse200ItemsItemPayments
  from ..models.get_customer_invoices_response_200_items_item_quote_type_0 import GetCustomerInvoicesResponse200ItemsItemQuoteType0
  from ..models.get_customer_invoices_response_200_items_item_transaction_reference_type_0 import GetCustomerInvoicesResponse200ItemsItemTransactionReferenceType0





T = TypeVar("T", bound="GetCustomerInvoicesResponse200ItemsItem")



@_attrs_define
class GetCustomerInvoicesResponse200ItemsItem:
    """ 
        Attributes:
            id (int): Invoice identifier Example: 42.
            label (None | str):  Example: Invoice label.
            invoice_number (str):  Example: F20230001.
            currency (GetCustomerInvoicesResponse200ItemsItemCurrency):  Default:
                GetCustomerInvoicesResponse200ItemsItemCurrency.EUR.
            amount (str): Invoice amount (total value of the invoice in euros. If the currency is euro, `currency_amount`
                and `amount` are identical) Example: 230.32.
            currency_amount (str): Invoice currency amount (total value of the invoice in the currency of the invoice)
                Example: 230.32.
            currency_amount_before_tax (str): Invoice currency amount before tax (total value before tax of the invoice in
                the currency of the invoice) Example: 196.32.
            exchange_rate (str): Invoice exchange rate (used to convert the invoice to euros. If the invoice currency is
                euro it will be 1.0) Example: 1.0.
            date (datetime.date | None): Invoice issue date (ISO 8601) Example: 2023-08-30.
            deadline (datetime.date | None): Invoice payment deadline (ISO 8601) Example: 2020-09-02.
            currency_tax (str): Invoice taxable amount (in invoice currency) Example: 34.0.
            tax (str): Invoice taxable amount (in euros). If the currency is euro, `currency_tax` and `tax` are identical.
                Example: 34.0.
            language (GetCustomerInvoicesResponse200ItemsItemLanguage): The local default is based on the thirdparty
                (customer / supplier ) billing_language . In case the customer is not present, we will default to the company
                locale.
            paid (bool): Invoice paid status (set to True if the invoice is paid) Example: False.
            status (GetCustomerInvoicesResponse200ItemsItemStatus):
            discount (GetCustomerInvoicesResponse200ItemsItemDiscount):
            ledger_entry (GetCustomerInvoicesResponse200ItemsItemLedgerEntry):
            public_file_url (None | str): Public URL of the invoice file. The URL will expire after 30 minutes. Example:
                https://app.pennylane.com/public/invoice/pdf?encrypted_id=bzjoVJe...3D%3D.
            filename (None | str): Name of the file attached to the invoice Example: my_file.pdf.
            remaining_amount_with_tax (None | str): The remaining amount with VAT to pay for the invoice to be considered
                paid Example: 20.0.
            remaining_amount_without_tax (None | str): The remaining amount without VAT to pay for the invoice to be
                considered paid Example: 16.0.
            draft (bool): Indicates if the invoice is in draft (has not been finalized) Example: False.
            special_mention (None | str): Additional details Example: Additional details.
            customer (GetCustomerInvoicesResponse200ItemsItemCustomerType0 | None):
            invoice_line_sections (GetCustomerInvoicesResponse200ItemsItemInvoiceLineSections):
            invoice_lines (GetCustomerInvoicesResponse200ItemsItemInvoiceLines):
            custom_header_fields (GetCustomerInvoicesResponse200ItemsItemCustomHeaderFields):
            categories (GetCustomerInvoicesResponse200ItemsItemCategories):
            pdf_invoice_free_text (str):  Example: Thanks for paying this invoice.
            pdf_invoice_subject (str):  Example: Invoice subject.
            pdf_description (None | str):  Example: Invoice description.
            billing_subscription (GetCustomerInvoicesResponse200ItemsItemBillingSubscriptionType0 | None):
            credited_invoice (GetCustomerInvoicesResponse200ItemsItemCreditedInvoiceType0 | None): The credited invoice if
                the invoice is a credit note.
            customer_invoice_template (GetCustomerInvoicesResponse200ItemsItemCustomerInvoiceTemplateType0 | None):
            transaction_reference (GetCustomerInvoicesResponse200ItemsItemTransactionReferenceType0 | None): This reconciles
                the invoice with a transaction. See documentation about [automatic payment
                matching](https://pennylane.readme.io/v2.0/docs/automating-payment-matching).
            payments (GetCustomerInvoicesResponse200ItemsItemPayments):
            matched_transactions (GetCustomerInvoicesResponse200ItemsItemMatchedTransactions):
            appendices (GetCustomerInvoicesResponse200ItemsItemAppendices):
            quote (GetCustomerInvoicesResponse200ItemsItemQuoteType0 | None): The quote at the origin of the invoice
            external_reference (str): The unique external reference that was assigned during creation either by you or
                Pennylane.  (Same attribute as `external_id` in the API v1) Example: FR123.
            e_invoicing (GetCustomerInvoicesResponse200ItemsItemEInvoicingType0 | None): E-invoicing lifecycle information
                managed by the PA.
                Contains the current status and associated reason when applicable.
                This field is only present for invoices sent through e-invoicing.
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
    language: GetCustomerInvoicesResponse200ItemsItemLanguage
    paid: bool
    status: GetCustomerInvoicesResponse200ItemsItemStatus
    discount: GetCustomerInvoicesResponse200ItemsItemDiscount
    ledger_entry: GetCustomerInvoicesResponse200ItemsItemLedgerEntry
    public_file_url: None | str
    filename: None | str
    remaining_amount_with_tax: None | str
    remaining_amount_without_tax: None | str
    draft: bool
    special_mention: None | str
    customer: GetCustomerInvoicesResponse200ItemsItemCustomerType0 | None
    invoice_line_sections: GetCustomerInvoicesResponse200ItemsItemInvoiceLineSections
    invoice_lines: GetCustomerInvoicesResponse200ItemsItemInvoiceLines
    custom_header_fields: GetCustomerInvoicesResponse200ItemsItemCustomHeaderFields
    categories: GetCustomerInvoicesResponse200ItemsItemCategories
    pdf_invoice_free_text: str
    pdf_invoice_subject: str
    pdf_description: None | str
    billing_subscription: GetCustomerInvoicesResponse200ItemsItemBillingSubscriptionType0 | None
    credited_invoice: GetCustomerInvoicesResponse200ItemsItemCreditedInvoiceType0 | None
    customer_invoice_template: GetCustomerInvoicesResponse200ItemsItemCustomerInvoiceTemplateType0 | None
    transaction_reference: GetCustomerInvoicesResponse200ItemsItemTransactionReferenceType0 | None
    payments: GetCustomerInvoicesResponse200ItemsItemPayments
    matched_transactions: GetCustomerInvoicesResponse200ItemsItemMatchedTransactions
    appendices: GetCustomerInvoicesResponse200ItemsItemAppendices
    quote: GetCustomerInvoicesResponse200ItemsItemQuoteType0 | None
    external_reference: str
    e_invoicing: GetCustomerInvoicesResponse200ItemsItemEInvoicingType0 | None
    archived_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    currency: GetCustomerInvoicesResponse200ItemsItemCurrency = GetCustomerInvoicesResponse200ItemsItemCurrency.EUR





    def to_dict(self) -> dict[str, Any]:
        from ..models.get_customer_invoices_response_200_items_item_appendices import GetCustomerInvoicesResponse200ItemsItemAppendices # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_billing_subscription_type_0 import GetCustomerInvoicesResponse200ItemsItemBillingSubscriptionType0 # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_categories import GetCustomerInvoicesResponse200ItemsItemCategories # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_credited_invoice_type_0 import GetCustomerInvoicesResponse200ItemsItemCreditedInvoiceType0 # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_custom_header_fields import GetCustomerInvoicesResponse200ItemsItemCustomHeaderFields # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_customer_invoice_template_type_0 import GetCustomerInvoicesResponse200ItemsItemCustomerInvoiceTemplateType0 # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_customer_type_0 import GetCustomerInvoicesResponse200ItemsItemCustomerType0 # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_discount import GetCustomerInvoicesResponse200ItemsItemDiscount # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_e_invoicing_type_0 import GetCustomerInvoicesResponse200ItemsItemEInvoicingType0 # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_invoice_line_sections import GetCustomerInvoicesResponse200ItemsItemInvoiceLineSections # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_invoice_lines import GetCustomerInvoicesResponse200ItemsItemInvoiceLines # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_ledger_entry import GetCustomerInvoicesResponse200ItemsItemLedgerEntry # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_matched_transactions import GetCustomerInvoicesResponse200ItemsItemMatchedTransactions # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_payments import GetCustomerInvoicesResponse200ItemsItemPayments # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_quote_type_0 import GetCustomerInvoicesResponse200ItemsItemQuoteType0 # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_transaction_reference_type_0 import GetCustomerInvoicesResponse200ItemsItemTransactionReferenceType0 # noqa: PLC0415
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

        language = self.language.value

        paid = self.paid

        status = self.status.value

        discount = self.discount.to_dict()

        ledger_entry = self.ledger_entry.to_dict()

        public_file_url: None | str
        public_file_url = self.public_file_url

        filename: None | str
        filename = self.filename

        remaining_amount_with_tax: None | str
        remaining_amount_with_tax = self.remaining_amount_with_tax

        remaining_amount_without_tax: None | str
        remaining_amount_without_tax = self.remaining_amount_without_tax

        draft = self.draft

        special_mention: None | str
        special_mention = self.special_mention

        customer: dict[str, Any] | None
        if isinstance(self.customer, GetCustomerInvoicesResponse200ItemsItemCustomerType0):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        invoice_line_sections = self.invoice_line_sections.to_dict()

        invoice_lines = self.invoice_lines.to_dict()

        custom_header_fields = self.custom_header_fields.to_dict()

        categories = self.categories.to_dict()

        pdf_invoice_free_text = self.pdf_invoice_free_text

        pdf_invoice_subject = self.pdf_invoice_subject

        pdf_description: None | str
        pdf_description = self.pdf_description

        billing_subscription: dict[str, Any] | None
        if isinstance(self.billing_subscription, GetCustomerInvoicesResponse200ItemsItemBillingSubscriptionType0):
            billing_subscription = self.billing_subscription.to_dict()
        else:
            billing_subscription = self.billing_subscription

        credited_invoice: dict[str, Any] | None
        if isinstance(self.credited_invoice, GetCustomerInvoicesResponse200ItemsItemCreditedInvoiceType0):
            credited_invoice = self.credited_invoice.to_dict()
        else:
            credited_invoice = self.credited_invoice

        customer_invoice_template: dict[str, Any] | None
        if isinstance(self.customer_invoice_template, GetCustomerInvoicesResponse200ItemsItemCustomerInvoiceTemplateType0):
            customer_invoice_template = self.customer_invoice_template.to_dict()
        else:
            customer_invoice_template = self.customer_invoice_template

        transaction_reference: dict[str, Any] | None
        if isinstance(self.transaction_reference, GetCustomerInvoicesResponse200ItemsItemTransactionReferenceType0):
            transaction_reference = self.transaction_reference.to_dict()
        else:
            transaction_reference = self.transaction_reference

        payments = self.payments.to_dict()

        matched_transactions = self.matched_transactions.to_dict()

        appendices = self.appendices.to_dict()

        quote: dict[str, Any] | None
        if isinstance(self.quote, GetCustomerInvoicesResponse200ItemsItemQuoteType0):
            quote = self.quote.to_dict()
        else:
            quote = self.quote

        external_reference = self.external_reference

        e_invoicing: dict[str, Any] | None
        if isinstance(self.e_invoicing, GetCustomerInvoicesResponse200ItemsItemEInvoicingType0):
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
            "language": language,
            "paid": paid,
            "status": status,
            "discount": discount,
            "ledger_entry": ledger_entry,
            "public_file_url": public_file_url,
            "filename": filename,
            "remaining_amount_with_tax": remaining_amount_with_tax,
            "remaining_amount_without_tax": remaining_amount_without_tax,
            "draft": draft,
            "special_mention": special_mention,
            "customer": customer,
            "invoice_line_sections": invoice_line_sections,
            "invoice_lines": invoice_lines,
            "custom_header_fields": custom_header_fields,
            "categories": categories,
            "pdf_invoice_free_text": pdf_invoice_free_text,
            "pdf_invoice_subject": pdf_invoice_subject,
            "pdf_description": pdf_description,
            "billing_subscription": billing_subscription,
            "credited_invoice": credited_invoice,
            "customer_invoice_template": customer_invoice_template,
            "transaction_reference": transaction_reference,
            "payments": payments,
            "matched_transactions": matched_transactions,
            "appendices": appendices,
            "quote": quote,
            "external_reference": external_reference,
            "e_invoicing": e_invoicing,
            "archived_at": archived_at,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_customer_invoices_response_200_items_item_appendices import GetCustomerInvoicesResponse200ItemsItemAppendices # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_billing_subscription_type_0 import GetCustomerInvoicesResponse200ItemsItemBillingSubscriptionType0 # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_categories import GetCustomerInvoicesResponse200ItemsItemCategories # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_credited_invoice_type_0 import GetCustomerInvoicesResponse200ItemsItemCreditedInvoiceType0 # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_custom_header_fields import GetCustomerInvoicesResponse200ItemsItemCustomHeaderFields # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_customer_invoice_template_type_0 import GetCustomerInvoicesResponse200ItemsItemCustomerInvoiceTemplateType0 # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_customer_type_0 import GetCustomerInvoicesResponse200ItemsItemCustomerType0 # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_discount import GetCustomerInvoicesResponse200ItemsItemDiscount # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_e_invoicing_type_0 import GetCustomerInvoicesResponse200ItemsItemEInvoicingType0 # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_invoice_line_sections import GetCustomerInvoicesResponse200ItemsItemInvoiceLineSections # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_invoice_lines import GetCustomerInvoicesResponse200ItemsItemInvoiceLines # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_ledger_entry import GetCustomerInvoicesResponse200ItemsItemLedgerEntry # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_matched_transactions import GetCustomerInvoicesResponse200ItemsItemMatchedTransactions # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_payments import GetCustomerInvoicesResponse200ItemsItemPayments # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_quote_type_0 import GetCustomerInvoicesResponse200ItemsItemQuoteType0 # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item_transaction_reference_type_0 import GetCustomerInvoicesResponse200ItemsItemTransactionReferenceType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))


        invoice_number = d.pop("invoice_number")

        currency = GetCustomerInvoicesResponse200ItemsItemCurrency(d.pop("currency"))




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

        language = GetCustomerInvoicesResponse200ItemsItemLanguage(d.pop("language"))




        paid = d.pop("paid")

        status = GetCustomerInvoicesResponse200ItemsItemStatus(d.pop("status"))




        discount = GetCustomerInvoicesResponse200ItemsItemDiscount.from_dict(d.pop("discount"))




        ledger_entry = GetCustomerInvoicesResponse200ItemsItemLedgerEntry.from_dict(d.pop("ledger_entry"))




        def _parse_public_file_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        public_file_url = _parse_public_file_url(d.pop("public_file_url"))


        def _parse_filename(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        filename = _parse_filename(d.pop("filename"))


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


        draft = d.pop("draft")

        def _parse_special_mention(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        special_mention = _parse_special_mention(d.pop("special_mention"))


        def _parse_customer(data: object) -> GetCustomerInvoicesResponse200ItemsItemCustomerType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = GetCustomerInvoicesResponse200ItemsItemCustomerType0.from_dict(data)



                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetCustomerInvoicesResponse200ItemsItemCustomerType0 | None, data)

        customer = _parse_customer(d.pop("customer"))


        invoice_line_sections = GetCustomerInvoicesResponse200ItemsItemInvoiceLineSections.from_dict(d.pop("invoice_line_sections"))




        invoice_lines = GetCustomerInvoicesResponse200ItemsItemInvoiceLines.from_dict(d.pop("invoice_lines"))




        custom_header_fields = GetCustomerInvoicesResponse200ItemsItemCustomHeaderFields.from_dict(d.pop("custom_header_fields"))




        categories = GetCustomerInvoicesResponse200ItemsItemCategories.from_dict(d.pop("categories"))




        pdf_invoice_free_text = d.pop("pdf_invoice_free_text")

        pdf_invoice_subject = d.pop("pdf_invoice_subject")

        def _parse_pdf_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pdf_description = _parse_pdf_description(d.pop("pdf_description"))


        def _parse_billing_subscription(data: object) -> GetCustomerInvoicesResponse200ItemsItemBillingSubscriptionType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_subscription_type_0 = GetCustomerInvoicesResponse200ItemsItemBillingSubscriptionType0.from_dict(data)



                return billing_subscription_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetCustomerInvoicesResponse200ItemsItemBillingSubscriptionType0 | None, data)

        billing_subscription = _parse_billing_subscription(d.pop("billing_subscription"))


        def _parse_credited_invoice(data: object) -> GetCustomerInvoicesResponse200ItemsItemCreditedInvoiceType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credited_invoice_type_0 = GetCustomerInvoicesResponse200ItemsItemCreditedInvoiceType0.from_dict(data)



                return credited_invoice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetCustomerInvoicesResponse200ItemsItemCreditedInvoiceType0 | None, data)

        credited_invoice = _parse_credited_invoice(d.pop("credited_invoice"))


        def _parse_customer_invoice_template(data: object) -> GetCustomerInvoicesResponse200ItemsItemCustomerInvoiceTemplateType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_invoice_template_type_0 = GetCustomerInvoicesResponse200ItemsItemCustomerInvoiceTemplateType0.from_dict(data)



                return customer_invoice_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetCustomerInvoicesResponse200ItemsItemCustomerInvoiceTemplateType0 | None, data)

        customer_invoice_template = _parse_customer_invoice_template(d.pop("customer_invoice_template"))


        def _parse_transaction_reference(data: object) -> GetCustomerInvoicesResponse200ItemsItemTransactionReferenceType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                transaction_reference_type_0 = GetCustomerInvoicesResponse200ItemsItemTransactionReferenceType0.from_dict(data)



                return transaction_reference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetCustomerInvoicesResponse200ItemsItemTransactionReferenceType0 | None, data)

        transaction_reference = _parse_transaction_reference(d.pop("transaction_reference"))


        payments = GetCustomerInvoicesResponse200ItemsItemPayments.from_dict(d.pop("payments"))




        matched_transactions = GetCustomerInvoicesResponse200ItemsItemMatchedTransactions.from_dict(d.pop("matched_transactions"))




        appendices = GetCustomerInvoicesResponse200ItemsItemAppendices.from_dict(d.pop("appendices"))




        def _parse_quote(data: object) -> GetCustomerInvoicesResponse200ItemsItemQuoteType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quote_type_0 = GetCustomerInvoicesResponse200ItemsItemQuoteType0.from_dict(data)



                return quote_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetCustomerInvoicesResponse200ItemsItemQuoteType0 | None, data)

        quote = _parse_quote(d.pop("quote"))


        external_reference = d.pop("external_reference")

        def _parse_e_invoicing(data: object) -> GetCustomerInvoicesResponse200ItemsItemEInvoicingType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                e_invoicing_type_0 = GetCustomerInvoicesResponse200ItemsItemEInvoicingType0.from_dict(data)



                return e_invoicing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetCustomerInvoicesResponse200ItemsItemEInvoicingType0 | None, data)

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




        get_customer_invoices_response_200_items_item = cls(
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
            language=language,
            paid=paid,
            status=status,
            discount=discount,
            ledger_entry=ledger_entry,
            public_file_url=public_file_url,
            filename=filename,
            remaining_amount_with_tax=remaining_amount_with_tax,
            remaining_amount_without_tax=remaining_amount_without_tax,
            draft=draft,
            special_mention=special_mention,
            customer=customer,
            invoice_line_sections=invoice_line_sections,
            invoice_lines=invoice_lines,
            custom_header_fields=custom_header_fields,
            categories=categories,
            pdf_invoice_free_text=pdf_invoice_free_text,
            pdf_invoice_subject=pdf_invoice_subject,
            pdf_description=pdf_description,
            billing_subscription=billing_subscription,
            credited_invoice=credited_invoice,
            customer_invoice_template=customer_invoice_template,
            transaction_reference=transaction_reference,
            payments=payments,
            matched_transactions=matched_transactions,
            appendices=appendices,
            quote=quote,
            external_reference=external_reference,
            e_invoicing=e_invoicing,
            archived_at=archived_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        return get_customer_invoices_response_200_items_item

