from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quotes_put_request_language import QuotesPutRequestLanguage
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.quotes_put_request_discount import QuotesPutRequestDiscount
  from ..models.quotes_put_request_invoice_lines import QuotesPutRequestInvoiceLines





T = TypeVar("T", bound="QuotesPutRequest")



@_attrs_define
class QuotesPutRequest:
    """ 
        Attributes:
            date (datetime.date | Unset): Quote date (ISO 8601) Example: 2023-08-30.
            deadline (datetime.date | Unset): Quote validity deadline (ISO 8601) Example: 2024-08-30.
            customer_id (int | Unset): Customer identifier Example: 42.
            quote_template_id (int | Unset): The quote template ID Example: 42.
            pdf_invoice_free_text (None | str | Unset): For example, the contact details of the person to contact Example:
                Additional free field.
            pdf_invoice_subject (None | str | Unset): Quote title Example: Quote title.
            pdf_description (None | str | Unset): Quote description Example: Quote description.
            currency (str | Unset): Quote Currency (ISO 4217). Default is EUR.
            special_mention (None | str | Unset): Additional details Example: Additional details.
            discount (QuotesPutRequestDiscount | Unset):
            language (QuotesPutRequestLanguage | Unset): The local default is based on the thirdparty (customer / supplier )
                billing_language . In case the customer is not present, we will default to the company locale.
            invoice_lines (QuotesPutRequestInvoiceLines | Unset): Add, update, delete invoice lines.
            external_reference (str | Unset): The unique external reference that was assigned during creation either by you
                or Pennylane. Example: FR123.
     """

    date: datetime.date | Unset = UNSET
    deadline: datetime.date | Unset = UNSET
    customer_id: int | Unset = UNSET
    quote_template_id: int | Unset = UNSET
    pdf_invoice_free_text: None | str | Unset = UNSET
    pdf_invoice_subject: None | str | Unset = UNSET
    pdf_description: None | str | Unset = UNSET
    currency: str | Unset = UNSET
    special_mention: None | str | Unset = UNSET
    discount: QuotesPutRequestDiscount | Unset = UNSET
    language: QuotesPutRequestLanguage | Unset = UNSET
    invoice_lines: QuotesPutRequestInvoiceLines | Unset = UNSET
    external_reference: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.quotes_put_request_discount import QuotesPutRequestDiscount # noqa: PLC0415
        from ..models.quotes_put_request_invoice_lines import QuotesPutRequestInvoiceLines # noqa: PLC0415
        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

        deadline: str | Unset = UNSET
        if not isinstance(self.deadline, Unset):
            deadline = self.deadline.isoformat()

        customer_id = self.customer_id

        quote_template_id = self.quote_template_id

        pdf_invoice_free_text: None | str | Unset
        if isinstance(self.pdf_invoice_free_text, Unset):
            pdf_invoice_free_text = UNSET
        else:
            pdf_invoice_free_text = self.pdf_invoice_free_text

        pdf_invoice_subject: None | str | Unset
        if isinstance(self.pdf_invoice_subject, Unset):
            pdf_invoice_subject = UNSET
        else:
            pdf_invoice_subject = self.pdf_invoice_subject

        pdf_description: None | str | Unset
        if isinstance(self.pdf_description, Unset):
            pdf_description = UNSET
        else:
            pdf_description = self.pdf_description

        currency = self.currency

        special_mention: None | str | Unset
        if isinstance(self.special_mention, Unset):
            special_mention = UNSET
        else:
            special_mention = self.special_mention

        discount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.discount, Unset):
            discount = self.discount.to_dict()

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value


        invoice_lines: dict[str, Any] | Unset = UNSET
        if not isinstance(self.invoice_lines, Unset):
            invoice_lines = self.invoice_lines.to_dict()

        external_reference = self.external_reference


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if date is not UNSET:
            field_dict["date"] = date
        if deadline is not UNSET:
            field_dict["deadline"] = deadline
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if quote_template_id is not UNSET:
            field_dict["quote_template_id"] = quote_template_id
        if pdf_invoice_free_text is not UNSET:
            field_dict["pdf_invoice_free_text"] = pdf_invoice_free_text
        if pdf_invoice_subject is not UNSET:
            field_dict["pdf_invoice_subject"] = pdf_invoice_subject
        if pdf_description is not UNSET:
            field_dict["pdf_description"] = pdf_description
        if currency is not UNSET:
            field_dict["currency"] = currency
        if special_mention is not UNSET:
            field_dict["special_mention"] = special_mention
        if discount is not UNSET:
            field_dict["discount"] = discount
        if language is not UNSET:
            field_dict["language"] = language
        if invoice_lines is not UNSET:
            field_dict["invoice_lines"] = invoice_lines
        if external_reference is not UNSET:
            field_dict["external_reference"] = external_reference

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quotes_put_request_discount import QuotesPutRequestDiscount # noqa: PLC0415
        from ..models.quotes_put_request_invoice_lines import QuotesPutRequestInvoiceLines # noqa: PLC0415
        d = dict(src_dict)
        _date = d.pop("date", UNSET)
        date: datetime.date | Unset
        if isinstance(_date,  Unset):
            date = UNSET
        else:
            date = datetime.date.fromisoformat(_date)




        _deadline = d.pop("deadline", UNSET)
        deadline: datetime.date | Unset
        if isinstance(_deadline,  Unset):
            deadline = UNSET
        else:
            deadline = datetime.date.fromisoformat(_deadline)




        customer_id = d.pop("customer_id", UNSET)

        quote_template_id = d.pop("quote_template_id", UNSET)

        def _parse_pdf_invoice_free_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pdf_invoice_free_text = _parse_pdf_invoice_free_text(d.pop("pdf_invoice_free_text", UNSET))


        def _parse_pdf_invoice_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pdf_invoice_subject = _parse_pdf_invoice_subject(d.pop("pdf_invoice_subject", UNSET))


        def _parse_pdf_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pdf_description = _parse_pdf_description(d.pop("pdf_description", UNSET))


        currency = d.pop("currency", UNSET)

        def _parse_special_mention(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        special_mention = _parse_special_mention(d.pop("special_mention", UNSET))


        _discount = d.pop("discount", UNSET)
        discount: QuotesPutRequestDiscount | Unset
        if isinstance(_discount,  Unset):
            discount = UNSET
        else:
            discount = QuotesPutRequestDiscount.from_dict(_discount)




        _language = d.pop("language", UNSET)
        language: QuotesPutRequestLanguage | Unset
        if isinstance(_language,  Unset):
            language = UNSET
        else:
            language = QuotesPutRequestLanguage(_language)




        _invoice_lines = d.pop("invoice_lines", UNSET)
        invoice_lines: QuotesPutRequestInvoiceLines | Unset
        if isinstance(_invoice_lines,  Unset):
            invoice_lines = UNSET
        else:
            invoice_lines = QuotesPutRequestInvoiceLines.from_dict(_invoice_lines)




        external_reference = d.pop("external_reference", UNSET)

        quotes_put_request = cls(
            date=date,
            deadline=deadline,
            customer_id=customer_id,
            quote_template_id=quote_template_id,
            pdf_invoice_free_text=pdf_invoice_free_text,
            pdf_invoice_subject=pdf_invoice_subject,
            pdf_description=pdf_description,
            currency=currency,
            special_mention=special_mention,
            discount=discount,
            language=language,
            invoice_lines=invoice_lines,
            external_reference=external_reference,
        )

        return quotes_put_request

