from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quotes_response_currency import QuotesResponseCurrency
from ..models.quotes_response_language import QuotesResponseLanguage
from ..models.quotes_response_status import QuotesResponseStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.quotes_response_appendices import QuotesResponseAppendices
  from ..models.quotes_response_customer_type_0 import QuotesResponseCustomerType0
  from ..models.quotes_response_discount import QuotesResponseDiscount
  from ..models.quotes_response_invoice_line_sections import QuotesResponseInvoiceLineSections
  from ..models.quotes_response_invoice_lines import QuotesResponseInvoiceLines
  from ..models.quotes_response_linked_invoices import QuotesResponseLinkedInvoices
  from ..models.quotes_response_quote_template_type_0 import QuotesResponseQuoteTemplateType0





T = TypeVar("T", bound="QuotesResponse")



@_attrs_define
class QuotesResponse:
    """ 
        Attributes:
            id (int): Quote identifier Example: 42.
            label (None | str):  Example: Quote label.
            quote_number (str):  Example: PLERYGTXYOIMZZ.
            currency (QuotesResponseCurrency):  Default: QuotesResponseCurrency.EUR.
            amount (str): Quote amount (total value of the quote in euros. If the currency is euro, `currency_amount` and
                `amount` are identical) Example: 230.32.
            currency_amount (str): Quote currency amount (total value of the quote in the currency of the quote) Example:
                230.32.
            currency_amount_before_tax (str): Quote currency amount before tax (total value before tax of the quote in the
                currency of the quote) Example: 196.32.
            exchange_rate (str): Quote exchange rate (used to convert the quote to euros. If the quote currency is euro it
                will be 1.0) Example: 1.0.
            date (datetime.date | None): Quote issue date (ISO 8601) Example: 2020-01-01.
            deadline (datetime.date | None): Quote expiration deadline (ISO 8601) Example: 2020-12-31.
            currency_tax (str): Quote taxable amount (in quote currency) Example: 34.0.
            tax (str): Quote taxable amount (in quote currency) Example: 34.0.
            language (QuotesResponseLanguage): The local default is based on the thirdparty (customer / supplier )
                billing_language . In case the customer is not present, we will default to the company locale.
            status (QuotesResponseStatus): - accepted: quote has been accepted
                - denied: quote has been denied
                - expired: quote has expired
                - invoiced: quote has been invoiced
                - pending: quote to be denied or accepted
            discount (QuotesResponseDiscount):
            public_file_url (None | str): Public URL of the quote file. The URL will expire after 30 minutes. Example:
                https://app.pennylane.com/public/quote/pdf?encrypted_id=bzjoVJe...3D%3D.
            filename (None | str): Name of the file attached to the quote Example: my_file.pdf.
            special_mention (None | str): Additional details Example: Additional details.
            customer (None | QuotesResponseCustomerType0):
            invoice_line_sections (QuotesResponseInvoiceLineSections):
            invoice_lines (QuotesResponseInvoiceLines):
            linked_invoices (QuotesResponseLinkedInvoices):
            pdf_invoice_free_text (str):  Example: Quote details.
            pdf_invoice_subject (str):  Example: Quote subject.
            pdf_description (None | str):  Example: Quote description.
            quote_template (None | QuotesResponseQuoteTemplateType0):
            appendices (QuotesResponseAppendices):
            external_reference (str): The unique external reference that was assigned during creation either by you or
                Pennylane. (Same attribute as `external_id` in the API v1) Example: FR123.
            archived_at (datetime.datetime | None): The time the quote has been archived Example:
                2023-08-30T10:08:08.146343Z.
            created_at (datetime.datetime): The time the quote has been created Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime): The last time the quote has been updated Example: 2023-08-30T10:08:08.146343Z.
     """

    id: int
    label: None | str
    quote_number: str
    amount: str
    currency_amount: str
    currency_amount_before_tax: str
    exchange_rate: str
    date: datetime.date | None
    deadline: datetime.date | None
    currency_tax: str
    tax: str
    language: QuotesResponseLanguage
    status: QuotesResponseStatus
    discount: QuotesResponseDiscount
    public_file_url: None | str
    filename: None | str
    special_mention: None | str
    customer: None | QuotesResponseCustomerType0
    invoice_line_sections: QuotesResponseInvoiceLineSections
    invoice_lines: QuotesResponseInvoiceLines
    linked_invoices: QuotesResponseLinkedInvoices
    pdf_invoice_free_text: str
    pdf_invoice_subject: str
    pdf_description: None | str
    quote_template: None | QuotesResponseQuoteTemplateType0
    appendices: QuotesResponseAppendices
    external_reference: str
    archived_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    currency: QuotesResponseCurrency = QuotesResponseCurrency.EUR





    def to_dict(self) -> dict[str, Any]:
        from ..models.quotes_response_appendices import QuotesResponseAppendices # noqa: PLC0415
        from ..models.quotes_response_customer_type_0 import QuotesResponseCustomerType0 # noqa: PLC0415
        from ..models.quotes_response_discount import QuotesResponseDiscount # noqa: PLC0415
        from ..models.quotes_response_invoice_line_sections import QuotesResponseInvoiceLineSections # noqa: PLC0415
        from ..models.quotes_response_invoice_lines import QuotesResponseInvoiceLines # noqa: PLC0415
        from ..models.quotes_response_linked_invoices import QuotesResponseLinkedInvoices # noqa: PLC0415
        from ..models.quotes_response_quote_template_type_0 import QuotesResponseQuoteTemplateType0 # noqa: PLC0415
        id = self.id

        label: None | str
        label = self.label

        quote_number = self.quote_number

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

        status = self.status.value

        discount = self.discount.to_dict()

        public_file_url: None | str
        public_file_url = self.public_file_url

        filename: None | str
        filename = self.filename

        special_mention: None | str
        special_mention = self.special_mention

        customer: dict[str, Any] | None
        if isinstance(self.customer, QuotesResponseCustomerType0):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        invoice_line_sections = self.invoice_line_sections.to_dict()

        invoice_lines = self.invoice_lines.to_dict()

        linked_invoices = self.linked_invoices.to_dict()

        pdf_invoice_free_text = self.pdf_invoice_free_text

        pdf_invoice_subject = self.pdf_invoice_subject

        pdf_description: None | str
        pdf_description = self.pdf_description

        quote_template: dict[str, Any] | None
        if isinstance(self.quote_template, QuotesResponseQuoteTemplateType0):
            quote_template = self.quote_template.to_dict()
        else:
            quote_template = self.quote_template

        appendices = self.appendices.to_dict()

        external_reference = self.external_reference

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
            "quote_number": quote_number,
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
            "status": status,
            "discount": discount,
            "public_file_url": public_file_url,
            "filename": filename,
            "special_mention": special_mention,
            "customer": customer,
            "invoice_line_sections": invoice_line_sections,
            "invoice_lines": invoice_lines,
            "linked_invoices": linked_invoices,
            "pdf_invoice_free_text": pdf_invoice_free_text,
            "pdf_invoice_subject": pdf_invoice_subject,
            "pdf_description": pdf_description,
            "quote_template": quote_template,
            "appendices": appendices,
            "external_reference": external_reference,
            "archived_at": archived_at,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quotes_response_appendices import QuotesResponseAppendices # noqa: PLC0415
        from ..models.quotes_response_customer_type_0 import QuotesResponseCustomerType0 # noqa: PLC0415
        from ..models.quotes_response_discount import QuotesResponseDiscount # noqa: PLC0415
        from ..models.quotes_response_invoice_line_sections import QuotesResponseInvoiceLineSections # noqa: PLC0415
        from ..models.quotes_response_invoice_lines import QuotesResponseInvoiceLines # noqa: PLC0415
        from ..models.quotes_response_linked_invoices import QuotesResponseLinkedInvoices # noqa: PLC0415
        from ..models.quotes_response_quote_template_type_0 import QuotesResponseQuoteTemplateType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))


        quote_number = d.pop("quote_number")

        currency = QuotesResponseCurrency(d.pop("currency"))




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

        language = QuotesResponseLanguage(d.pop("language"))




        status = QuotesResponseStatus(d.pop("status"))




        discount = QuotesResponseDiscount.from_dict(d.pop("discount"))




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


        def _parse_special_mention(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        special_mention = _parse_special_mention(d.pop("special_mention"))


        def _parse_customer(data: object) -> None | QuotesResponseCustomerType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = QuotesResponseCustomerType0.from_dict(data)



                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuotesResponseCustomerType0, data)

        customer = _parse_customer(d.pop("customer"))


        invoice_line_sections = QuotesResponseInvoiceLineSections.from_dict(d.pop("invoice_line_sections"))




        invoice_lines = QuotesResponseInvoiceLines.from_dict(d.pop("invoice_lines"))




        linked_invoices = QuotesResponseLinkedInvoices.from_dict(d.pop("linked_invoices"))




        pdf_invoice_free_text = d.pop("pdf_invoice_free_text")

        pdf_invoice_subject = d.pop("pdf_invoice_subject")

        def _parse_pdf_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pdf_description = _parse_pdf_description(d.pop("pdf_description"))


        def _parse_quote_template(data: object) -> None | QuotesResponseQuoteTemplateType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quote_template_type_0 = QuotesResponseQuoteTemplateType0.from_dict(data)



                return quote_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuotesResponseQuoteTemplateType0, data)

        quote_template = _parse_quote_template(d.pop("quote_template"))


        appendices = QuotesResponseAppendices.from_dict(d.pop("appendices"))




        external_reference = d.pop("external_reference")

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




        quotes_response = cls(
            id=id,
            label=label,
            quote_number=quote_number,
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
            status=status,
            discount=discount,
            public_file_url=public_file_url,
            filename=filename,
            special_mention=special_mention,
            customer=customer,
            invoice_line_sections=invoice_line_sections,
            invoice_lines=invoice_lines,
            linked_invoices=linked_invoices,
            pdf_invoice_free_text=pdf_invoice_free_text,
            pdf_invoice_subject=pdf_invoice_subject,
            pdf_description=pdf_description,
            quote_template=quote_template,
            appendices=appendices,
            external_reference=external_reference,
            archived_at=archived_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        return quotes_response

