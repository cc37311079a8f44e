from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.commercial_documents_response_currency import CommercialDocumentsResponseCurrency
from ..models.commercial_documents_response_document_type import CommercialDocumentsResponseDocumentType
from ..models.commercial_documents_response_language import CommercialDocumentsResponseLanguage
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.commercial_documents_response_appendices import CommercialDocumentsResponseAppendices
  from ..models.commercial_documents_response_commercial_document_template_type_0 import CommercialDocumentsResponseCommercialDocumentTemplateType0
  from ..models.commercial_documents_response_customer_type_0 import CommercialDocumentsResponseCustomerType0
  from ..models.commercial_documents_response_discount import CommercialDocumentsResponseDiscount
  from ..models.commercial_documents_response_invoice_line_sections import CommercialDocumentsResponseInvoiceLineSections
  from ..models.commercial_documents_response_invoice_lines import CommercialDocumentsResponseInvoiceLines
  from ..models.commercial_documents_response_quote_type_0 import CommercialDocumentsResponseQuoteType0





T = TypeVar("T", bound="CommercialDocumentsResponse")



@_attrs_define
class CommercialDocumentsResponse:
    """ 
        Attributes:
            id (int): Commercial document identifier Example: 42.
            label (None | str):  Example: Commercial document label.
            document_number (str):  Example: PLERYGTXYOIMZZ.
            document_type (CommercialDocumentsResponseDocumentType):
            currency (CommercialDocumentsResponseCurrency):  Default: CommercialDocumentsResponseCurrency.EUR.
            amount (str): Document amount (total value of the document in euros. If the currency is euro, `currency_amount`
                and `amount` are identical) Example: 230.32.
            currency_amount (str): Document currency amount (total value of the document in the currency of the document)
                Example: 230.32.
            currency_amount_before_tax (str): Document currency amount before tax (total value before tax of the document in
                the currency of the document) Example: 196.32.
            exchange_rate (str): Document exchange rate (used to convert the document to euros. If the document currency is
                euro it will be 1.0) Example: 1.0.
            date (datetime.date | None): Document issue date (ISO 8601) Example: 2020-01-01.
            deadline (datetime.date | None): Document deadline (ISO 8601) Example: 2020-12-31.
            currency_tax (str): Document taxable amount (in document currency) Example: 34.0.
            tax (str): Document taxable amount (in document currency) Example: 34.0.
            language (CommercialDocumentsResponseLanguage): The local default is based on the thirdparty (customer /
                supplier ) billing_language . In case the customer is not present, we will default to the company locale.
            discount (CommercialDocumentsResponseDiscount):
            public_file_url (None | str): Public URL of the document file. The URL will expire after 30 minutes. Example:
                https://app.pennylane.com/.../file.pdf.
            filename (None | str): Name of the file attached to the document Example: my_file.pdf.
            special_mention (None | str): Additional details Example: Additional details.
            customer (CommercialDocumentsResponseCustomerType0 | None):
            invoice_line_sections (CommercialDocumentsResponseInvoiceLineSections):
            invoice_lines (CommercialDocumentsResponseInvoiceLines):
            quote (CommercialDocumentsResponseQuoteType0 | None):
            pdf_invoice_free_text (str):  Example: Document details.
            pdf_invoice_subject (str):  Example: Document subject.
            pdf_description (None | str):  Example: Document description.
            commercial_document_template (CommercialDocumentsResponseCommercialDocumentTemplateType0 | None):
            appendices (CommercialDocumentsResponseAppendices):
            external_reference (str): The unique external reference that was assigned during creation either by you or
                Pennylane. (Same attribute as `external_id` in the API v1) Example: FR123.
            archived_at (datetime.datetime | None): The time the document has been archived Example:
                2023-08-30T10:08:08.146343Z.
            created_at (datetime.datetime): The time the document has been created Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime): The last time the document has been updated Example:
                2023-08-30T10:08:08.146343Z.
     """

    id: int
    label: None | str
    document_number: str
    document_type: CommercialDocumentsResponseDocumentType
    amount: str
    currency_amount: str
    currency_amount_before_tax: str
    exchange_rate: str
    date: datetime.date | None
    deadline: datetime.date | None
    currency_tax: str
    tax: str
    language: CommercialDocumentsResponseLanguage
    discount: CommercialDocumentsResponseDiscount
    public_file_url: None | str
    filename: None | str
    special_mention: None | str
    customer: CommercialDocumentsResponseCustomerType0 | None
    invoice_line_sections: CommercialDocumentsResponseInvoiceLineSections
    invoice_lines: CommercialDocumentsResponseInvoiceLines
    quote: CommercialDocumentsResponseQuoteType0 | None
    pdf_invoice_free_text: str
    pdf_invoice_subject: str
    pdf_description: None | str
    commercial_document_template: CommercialDocumentsResponseCommercialDocumentTemplateType0 | None
    appendices: CommercialDocumentsResponseAppendices
    external_reference: str
    archived_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    currency: CommercialDocumentsResponseCurrency = CommercialDocumentsResponseCurrency.EUR





    def to_dict(self) -> dict[str, Any]:
        from ..models.commercial_documents_response_appendices import CommercialDocumentsResponseAppendices # noqa: PLC0415
        from ..models.commercial_documents_response_commercial_document_template_type_0 import CommercialDocumentsResponseCommercialDocumentTemplateType0 # noqa: PLC0415
        from ..models.commercial_documents_response_customer_type_0 import CommercialDocumentsResponseCustomerType0 # noqa: PLC0415
        from ..models.commercial_documents_response_discount import CommercialDocumentsResponseDiscount # noqa: PLC0415
        from ..models.commercial_documents_response_invoice_line_sections import CommercialDocumentsResponseInvoiceLineSections # noqa: PLC0415
        from ..models.commercial_documents_response_invoice_lines import CommercialDocumentsResponseInvoiceLines # noqa: PLC0415
        from ..models.commercial_documents_response_quote_type_0 import CommercialDocumentsResponseQuoteType0 # noqa: PLC0415
        id = self.id

        label: None | str
        label = self.label

        document_number = self.document_number

        document_type = self.document_type.value

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

        discount = self.discount.to_dict()

        public_file_url: None | str
        public_file_url = self.public_file_url

        filename: None | str
        filename = self.filename

        special_mention: None | str
        special_mention = self.special_mention

        customer: dict[str, Any] | None
        if isinstance(self.customer, CommercialDocumentsResponseCustomerType0):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        invoice_line_sections = self.invoice_line_sections.to_dict()

        invoice_lines = self.invoice_lines.to_dict()

        quote: dict[str, Any] | None
        if isinstance(self.quote, CommercialDocumentsResponseQuoteType0):
            quote = self.quote.to_dict()
        else:
            quote = self.quote

        pdf_invoice_free_text = self.pdf_invoice_free_text

        pdf_invoice_subject = self.pdf_invoice_subject

        pdf_description: None | str
        pdf_description = self.pdf_description

        commercial_document_template: dict[str, Any] | None
        if isinstance(self.commercial_document_template, CommercialDocumentsResponseCommercialDocumentTemplateType0):
            commercial_document_template = self.commercial_document_template.to_dict()
        else:
            commercial_document_template = self.commercial_document_template

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
            "document_number": document_number,
            "document_type": document_type,
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
            "discount": discount,
            "public_file_url": public_file_url,
            "filename": filename,
            "special_mention": special_mention,
            "customer": customer,
            "invoice_line_sections": invoice_line_sections,
            "invoice_lines": invoice_lines,
            "quote": quote,
            "pdf_invoice_free_text": pdf_invoice_free_text,
            "pdf_invoice_subject": pdf_invoice_subject,
            "pdf_description": pdf_description,
            "commercial_document_template": commercial_document_template,
            "appendices": appendices,
            "external_reference": external_reference,
            "archived_at": archived_at,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.commercial_documents_response_appendices import CommercialDocumentsResponseAppendices # noqa: PLC0415
        from ..models.commercial_documents_response_commercial_document_template_type_0 import CommercialDocumentsResponseCommercialDocumentTemplateType0 # noqa: PLC0415
        from ..models.commercial_documents_response_customer_type_0 import CommercialDocumentsResponseCustomerType0 # noqa: PLC0415
        from ..models.commercial_documents_response_discount import CommercialDocumentsResponseDiscount # noqa: PLC0415
        from ..models.commercial_documents_response_invoice_line_sections import CommercialDocumentsResponseInvoiceLineSections # noqa: PLC0415
        from ..models.commercial_documents_response_invoice_lines import CommercialDocumentsResponseInvoiceLines # noqa: PLC0415
        from ..models.commercial_documents_response_quote_type_0 import CommercialDocumentsResponseQuoteType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))


        document_number = d.pop("document_number")

        document_type = CommercialDocumentsResponseDocumentType(d.pop("document_type"))




        currency = CommercialDocumentsResponseCurrency(d.pop("currency"))




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

        language = CommercialDocumentsResponseLanguage(d.pop("language"))




        discount = CommercialDocumentsResponseDiscount.from_dict(d.pop("discount"))




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


        def _parse_customer(data: object) -> CommercialDocumentsResponseCustomerType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = CommercialDocumentsResponseCustomerType0.from_dict(data)



                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommercialDocumentsResponseCustomerType0 | None, data)

        customer = _parse_customer(d.pop("customer"))


        invoice_line_sections = CommercialDocumentsResponseInvoiceLineSections.from_dict(d.pop("invoice_line_sections"))




        invoice_lines = CommercialDocumentsResponseInvoiceLines.from_dict(d.pop("invoice_lines"))




        def _parse_quote(data: object) -> CommercialDocumentsResponseQuoteType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quote_type_0 = CommercialDocumentsResponseQuoteType0.from_dict(data)



                return quote_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommercialDocumentsResponseQuoteType0 | None, data)

        quote = _parse_quote(d.pop("quote"))


        pdf_invoice_free_text = d.pop("pdf_invoice_free_text")

        pdf_invoice_subject = d.pop("pdf_invoice_subject")

        def _parse_pdf_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pdf_description = _parse_pdf_description(d.pop("pdf_description"))


        def _parse_commercial_document_template(data: object) -> CommercialDocumentsResponseCommercialDocumentTemplateType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                commercial_document_template_type_0 = CommercialDocumentsResponseCommercialDocumentTemplateType0.from_dict(data)



                return commercial_document_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommercialDocumentsResponseCommercialDocumentTemplateType0 | None, data)

        commercial_document_template = _parse_commercial_document_template(d.pop("commercial_document_template"))


        appendices = CommercialDocumentsResponseAppendices.from_dict(d.pop("appendices"))




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




        commercial_documents_response = cls(
            id=id,
            label=label,
            document_number=document_number,
            document_type=document_type,
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
            discount=discount,
            public_file_url=public_file_url,
            filename=filename,
            special_mention=special_mention,
            customer=customer,
            invoice_line_sections=invoice_line_sections,
            invoice_lines=invoice_lines,
            quote=quote,
            pdf_invoice_free_text=pdf_invoice_free_text,
            pdf_invoice_subject=pdf_invoice_subject,
            pdf_description=pdf_description,
            commercial_document_template=commercial_document_template,
            appendices=appendices,
            external_reference=external_reference,
            archived_at=archived_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        return commercial_documents_response

