from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.post_customer_invoices_response_201_currency import PostCustomerInvoicesResponse201Currency
from ..models.post_customer_invoices_response_201_language import PostCustomerInvoicesResponse201Language
from ..models.post_customer_invoices_response_201_status import PostCustomerInvoicesResponse201Status
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.post_customer_invoices_response_201_appendices import PostCustomerInvoicesResponse201Appendices
  from ..models.post_customer_invoices_response_201_billing_subscription_type_0 import PostCustomerInvoicesResponse201BillingSubscriptionType0
  from ..models.post_customer_invoices_response_201_categories import PostCustomerInvoicesResponse201Categories
  from ..models.post_customer_invoices_response_201_credited_invoice_type_0 import PostCustomerInvoicesResponse201CreditedInvoiceType0
  from ..models.post_customer_invoices_response_201_custom_header_fields import PostCustomerInvoicesResponse201CustomHeaderFields
  from ..models.post_customer_invoices_response_201_customer_invoice_template_type_0 import PostCustomerInvoicesResponse201CustomerInvoiceTemplateType0
  from ..models.post_customer_invoices_response_201_customer_type_0 import PostCustomerInvoicesResponse201CustomerType0
  from ..models.post_customer_invoices_response_201_discount import PostCustomerInvoicesResponse201Discount
  from ..models.post_customer_invoices_response_201_invoice_line_sections import PostCustomerInvoicesResponse201InvoiceLineSections
  from ..models.post_customer_invoices_response_201_invoice_lines import PostCustomerInvoicesResponse201InvoiceLines
  from ..models.post_customer_invoices_response_201_ledger_entry import PostCustomerInvoicesResponse201LedgerEntry
  from ..models.post_customer_invoices_response_201_matched_transactions import PostCustomerInvoicesResponse201MatchedTransactions
  from ..models.post_customer_invoices_response_201_payments import PostCustomerInvoicesResponse201Payments
  from ..models.post_customer_invoices_response_201_quote_type_0 import PostCustomerInvoicesResponse201QuoteType0
  from ..models.post_customer_invoices_response_201_transaction_reference_type_0 import PostCustomerInvoicesResponse201TransactionReferenceType0
  from ..models.post_customer_invoices_response_201e_invoicing_type_0 import PostCustomerInvoicesResponse201EInvoicingType0





T = TypeVar("T", bound="PostCustomerInvoicesResponse201")



@_attrs_define
class PostCustomerInvoicesResponse201:
    """ 
        Attributes:
            id (int): Invoice identifier Example: 42.
            label (None | str):  Example: Invoice label.
            invoice_number (str):  Example: F20230001.
            currency (PostCustomerInvoicesResponse201Currency):  Default: PostCustomerInvoicesResponse201Currency.EUR.
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
            language (PostCustomerInvoicesResponse201Language): The local default is based on the thirdparty (customer /
                supplier ) billing_language . In case the customer is not present, we will default to the company locale.
            paid (bool): Invoice paid status (set to True if the invoice is paid) Example: False.
            status (PostCustomerInvoicesResponse201Status):
            discount (PostCustomerInvoicesResponse201Discount):
            ledger_entry (PostCustomerInvoicesResponse201LedgerEntry):
            public_file_url (None | str): Public URL of the invoice file. The URL will expire after 30 minutes. Example:
                https://app.pennylane.com/public/invoice/pdf?encrypted_id=bzjoVJe...3D%3D.
            filename (None | str): Name of the file attached to the invoice Example: my_file.pdf.
            remaining_amount_with_tax (None | str): The remaining amount with VAT to pay for the invoice to be considered
                paid Example: 20.0.
            remaining_amount_without_tax (None | str): The remaining amount without VAT to pay for the invoice to be
                considered paid Example: 16.0.
            draft (bool): Indicates if the invoice is in draft (has not been finalized) Example: False.
            special_mention (None | str): Additional details Example: Additional details.
            customer (None | PostCustomerInvoicesResponse201CustomerType0):
            invoice_line_sections (PostCustomerInvoicesResponse201InvoiceLineSections):
            invoice_lines (PostCustomerInvoicesResponse201InvoiceLines):
            custom_header_fields (PostCustomerInvoicesResponse201CustomHeaderFields):
            categories (PostCustomerInvoicesResponse201Categories):
            pdf_invoice_free_text (str):  Example: Thanks for paying this invoice.
            pdf_invoice_subject (str):  Example: Invoice subject.
            pdf_description (None | str):  Example: Invoice description.
            billing_subscription (None | PostCustomerInvoicesResponse201BillingSubscriptionType0):
            credited_invoice (None | PostCustomerInvoicesResponse201CreditedInvoiceType0): The credited invoice if the
                invoice is a credit note.
            customer_invoice_template (None | PostCustomerInvoicesResponse201CustomerInvoiceTemplateType0):
            transaction_reference (None | PostCustomerInvoicesResponse201TransactionReferenceType0): This reconciles the
                invoice with a transaction. See documentation about [automatic payment
                matching](https://pennylane.readme.io/v2.0/docs/automating-payment-matching).
            payments (PostCustomerInvoicesResponse201Payments):
            matched_transactions (PostCustomerInvoicesResponse201MatchedTransactions):
            appendices (PostCustomerInvoicesResponse201Appendices):
            quote (None | PostCustomerInvoicesResponse201QuoteType0): The quote at the origin of the invoice
            external_reference (str): The unique external reference that was assigned during creation either by you or
                Pennylane.  (Same attribute as `external_id` in the API v1) Example: FR123.
            e_invoicing (None | PostCustomerInvoicesResponse201EInvoicingType0): E-invoicing lifecycle information managed
                by the PA.
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
    language: PostCustomerInvoicesResponse201Language
    paid: bool
    status: PostCustomerInvoicesResponse201Status
    discount: PostCustomerInvoicesResponse201Discount
    ledger_entry: PostCustomerInvoicesResponse201LedgerEntry
    public_file_url: None | str
    filename: None | str
    remaining_amount_with_tax: None | str
    remaining_amount_without_tax: None | str
    draft: bool
    special_mention: None | str
    customer: None | PostCustomerInvoicesResponse201CustomerType0
    invoice_line_sections: PostCustomerInvoicesResponse201InvoiceLineSections
    invoice_lines: PostCustomerInvoicesResponse201InvoiceLines
    custom_header_fields: PostCustomerInvoicesResponse201CustomHeaderFields
    categories: PostCustomerInvoicesResponse201Categories
    pdf_invoice_free_text: str
    pdf_invoice_subject: str
    pdf_description: None | str
    billing_subscription: None | PostCustomerInvoicesResponse201BillingSubscriptionType0
    credited_invoice: None | PostCustomerInvoicesResponse201CreditedInvoiceType0
    customer_invoice_template: None | PostCustomerInvoicesResponse201CustomerInvoiceTemplateType0
    transaction_reference: None | PostCustomerInvoicesResponse201TransactionReferenceType0
    payments: PostCustomerInvoicesResponse201Payments
    matched_transactions: PostCustomerInvoicesResponse201MatchedTransactions
    appendices: PostCustomerInvoicesResponse201Appendices
    quote: None | PostCustomerInvoicesResponse201QuoteType0
    external_reference: str
    e_invoicing: None | PostCustomerInvoicesResponse201EInvoicingType0
    archived_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    currency: PostCustomerInvoicesResponse201Currency = PostCustomerInvoicesResponse201Currency.EUR





    def to_dict(self) -> dict[str, Any]:
        from ..models.post_customer_invoices_response_201_appendices import PostCustomerInvoicesResponse201Appendices # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_billing_subscription_type_0 import PostCustomerInvoicesResponse201BillingSubscriptionType0 # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_categories import PostCustomerInvoicesResponse201Categories # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_credited_invoice_type_0 import PostCustomerInvoicesResponse201CreditedInvoiceType0 # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_custom_header_fields import PostCustomerInvoicesResponse201CustomHeaderFields # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_customer_invoice_template_type_0 import PostCustomerInvoicesResponse201CustomerInvoiceTemplateType0 # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_customer_type_0 import PostCustomerInvoicesResponse201CustomerType0 # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_discount import PostCustomerInvoicesResponse201Discount # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_invoice_line_sections import PostCustomerInvoicesResponse201InvoiceLineSections # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_invoice_lines import PostCustomerInvoicesResponse201InvoiceLines # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_ledger_entry import PostCustomerInvoicesResponse201LedgerEntry # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_matched_transactions import PostCustomerInvoicesResponse201MatchedTransactions # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_payments import PostCustomerInvoicesResponse201Payments # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_quote_type_0 import PostCustomerInvoicesResponse201QuoteType0 # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_transaction_reference_type_0 import PostCustomerInvoicesResponse201TransactionReferenceType0 # noqa: PLC0415
        from ..models.post_customer_invoices_response_201e_invoicing_type_0 import PostCustomerInvoicesResponse201EInvoicingType0 # noqa: PLC0415
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
        if isinstance(self.customer, PostCustomerInvoicesResponse201CustomerType0):
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
        if isinstance(self.billing_subscription, PostCustomerInvoicesResponse201BillingSubscriptionType0):
            billing_subscription = self.billing_subscription.to_dict()
        else:
            billing_subscription = self.billing_subscription

        credited_invoice: dict[str, Any] | None
        if isinstance(self.credited_invoice, PostCustomerInvoicesResponse201CreditedInvoiceType0):
            credited_invoice = self.credited_invoice.to_dict()
        else:
            credited_invoice = self.credited_invoice

        customer_invoice_template: dict[str, Any] | None
        if isinstance(self.customer_invoice_template, PostCustomerInvoicesResponse201CustomerInvoiceTemplateType0):
            customer_invoice_template = self.customer_invoice_template.to_dict()
        else:
            customer_invoice_template = self.customer_invoice_template

        transaction_reference: dict[str, Any] | None
        if isinstance(self.transaction_reference, PostCustomerInvoicesResponse201TransactionReferenceType0):
            transaction_reference = self.transaction_reference.to_dict()
        else:
            transaction_reference = self.transaction_reference

        payments = self.payments.to_dict()

        matched_transactions = self.matched_transactions.to_dict()

        appendices = self.appendices.to_dict()

        quote: dict[str, Any] | None
        if isinstance(self.quote, PostCustomerInvoicesResponse201QuoteType0):
            quote = self.quote.to_dict()
        else:
            quote = self.quote

        external_reference = self.external_reference

        e_invoicing: dict[str, Any] | None
        if isinstance(self.e_invoicing, PostCustomerInvoicesResponse201EInvoicingType0):
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
        from ..models.post_customer_invoices_response_201_appendices import PostCustomerInvoicesResponse201Appendices # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_billing_subscription_type_0 import PostCustomerInvoicesResponse201BillingSubscriptionType0 # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_categories import PostCustomerInvoicesResponse201Categories # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_credited_invoice_type_0 import PostCustomerInvoicesResponse201CreditedInvoiceType0 # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_custom_header_fields import PostCustomerInvoicesResponse201CustomHeaderFields # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_customer_invoice_template_type_0 import PostCustomerInvoicesResponse201CustomerInvoiceTemplateType0 # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_customer_type_0 import PostCustomerInvoicesResponse201CustomerType0 # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_discount import PostCustomerInvoicesResponse201Discount # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_invoice_line_sections import PostCustomerInvoicesResponse201InvoiceLineSections # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_invoice_lines import PostCustomerInvoicesResponse201InvoiceLines # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_ledger_entry import PostCustomerInvoicesResponse201LedgerEntry # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_matched_transactions import PostCustomerInvoicesResponse201MatchedTransactions # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_payments import PostCustomerInvoicesResponse201Payments # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_quote_type_0 import PostCustomerInvoicesResponse201QuoteType0 # noqa: PLC0415
        from ..models.post_customer_invoices_response_201_transaction_reference_type_0 import PostCustomerInvoicesResponse201TransactionReferenceType0 # noqa: PLC0415
        from ..models.post_customer_invoices_response_201e_invoicing_type_0 import PostCustomerInvoicesResponse201EInvoicingType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))


        invoice_number = d.pop("invoice_number")

        currency = PostCustomerInvoicesResponse201Currency(d.pop("currency"))




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

        language = PostCustomerInvoicesResponse201Language(d.pop("language"))




        paid = d.pop("paid")

        status = PostCustomerInvoicesResponse201Status(d.pop("status"))




        discount = PostCustomerInvoicesResponse201Discount.from_dict(d.pop("discount"))




        ledger_entry = PostCustomerInvoicesResponse201LedgerEntry.from_dict(d.pop("ledger_entry"))




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


        def _parse_customer(data: object) -> None | PostCustomerInvoicesResponse201CustomerType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = PostCustomerInvoicesResponse201CustomerType0.from_dict(data)



                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostCustomerInvoicesResponse201CustomerType0, data)

        customer = _parse_customer(d.pop("customer"))


        invoice_line_sections = PostCustomerInvoicesResponse201InvoiceLineSections.from_dict(d.pop("invoice_line_sections"))




        invoice_lines = PostCustomerInvoicesResponse201InvoiceLines.from_dict(d.pop("invoice_lines"))




        custom_header_fields = PostCustomerInvoicesResponse201CustomHeaderFields.from_dict(d.pop("custom_header_fields"))




        categories = PostCustomerInvoicesResponse201Categories.from_dict(d.pop("categories"))




        pdf_invoice_free_text = d.pop("pdf_invoice_free_text")

        pdf_invoice_subject = d.pop("pdf_invoice_subject")

        def _parse_pdf_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pdf_description = _parse_pdf_description(d.pop("pdf_description"))


        def _parse_billing_subscription(data: object) -> None | PostCustomerInvoicesResponse201BillingSubscriptionType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_subscription_type_0 = PostCustomerInvoicesResponse201BillingSubscriptionType0.from_dict(data)



                return billing_subscription_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostCustomerInvoicesResponse201BillingSubscriptionType0, data)

        billing_subscription = _parse_billing_subscription(d.pop("billing_subscription"))


        def _parse_credited_invoice(data: object) -> None | PostCustomerInvoicesResponse201CreditedInvoiceType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credited_invoice_type_0 = PostCustomerInvoicesResponse201CreditedInvoiceType0.from_dict(data)



                return credited_invoice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostCustomerInvoicesResponse201CreditedInvoiceType0, data)

        credited_invoice = _parse_credited_invoice(d.pop("credited_invoice"))


        def _parse_customer_invoice_template(data: object) -> None | PostCustomerInvoicesResponse201CustomerInvoiceTemplateType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_invoice_template_type_0 = PostCustomerInvoicesResponse201CustomerInvoiceTemplateType0.from_dict(data)



                return customer_invoice_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostCustomerInvoicesResponse201CustomerInvoiceTemplateType0, data)

        customer_invoice_template = _parse_customer_invoice_template(d.pop("customer_invoice_template"))


        def _parse_transaction_reference(data: object) -> None | PostCustomerInvoicesResponse201TransactionReferenceType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                transaction_reference_type_0 = PostCustomerInvoicesResponse201TransactionReferenceType0.from_dict(data)



                return transaction_reference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostCustomerInvoicesResponse201TransactionReferenceType0, data)

        transaction_reference = _parse_transaction_reference(d.pop("transaction_reference"))


        payments = PostCustomerInvoicesResponse201Payments.from_dict(d.pop("payments"))




        matched_transactions = PostCustomerInvoicesResponse201MatchedTransactions.from_dict(d.pop("matched_transactions"))




        appendices = PostCustomerInvoicesResponse201Appendices.from_dict(d.pop("appendices"))




        def _parse_quote(data: object) -> None | PostCustomerInvoicesResponse201QuoteType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quote_type_0 = PostCustomerInvoicesResponse201QuoteType0.from_dict(data)



                return quote_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostCustomerInvoicesResponse201QuoteType0, data)

        quote = _parse_quote(d.pop("quote"))


        external_reference = d.pop("external_reference")

        def _parse_e_invoicing(data: object) -> None | PostCustomerInvoicesResponse201EInvoicingType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                e_invoicing_type_0 = PostCustomerInvoicesResponse201EInvoicingType0.from_dict(data)



                return e_invoicing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostCustomerInvoicesResponse201EInvoicingType0, data)

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




        post_customer_invoices_response_201 = cls(
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

        return post_customer_invoices_response_201

