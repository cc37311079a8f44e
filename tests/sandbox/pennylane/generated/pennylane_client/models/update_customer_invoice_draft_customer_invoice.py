from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.update_customer_invoice_draft_customer_invoice_language import UpdateCustomerInvoiceDraftCustomerInvoiceLanguage
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.update_customer_invoice_draft_customer_invoice_discount import UpdateCustomerInvoiceDraftCustomerInvoiceDiscount
  from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLines





T = TypeVar("T", bound="UpdateCustomerInvoiceDraftCustomerInvoice")



@_attrs_define
class UpdateCustomerInvoiceDraftCustomerInvoice:
    """ 
        Attributes:
            date (datetime.date | Unset): Invoice date (ISO 8601) Example: 2023-08-30.
            deadline (datetime.date | Unset): Invoice payment deadline (ISO 8601) Example: 2023-08-30.
            customer_id (int | Unset): Customer identifier Example: 42.
            customer_invoice_template_id (int | Unset): The customer invoice template ID Example: 42.
            pdf_invoice_free_text (None | str | Unset): For example, the contact details of the person to contact Example:
                Additional free field.
            pdf_invoice_subject (None | str | Unset): Invoice title Example: Invoice title.
            pdf_description (None | str | Unset): Invoice description. Maximum 5,000 characters. Example: Invoice
                description.
            currency (str | Unset): Invoice Currency (ISO 4217). Default is EUR.
            special_mention (None | str | Unset): Additional details. maximum 20,000 characters. Example: Additional
                details.
            discount (UpdateCustomerInvoiceDraftCustomerInvoiceDiscount | Unset):
            language (UpdateCustomerInvoiceDraftCustomerInvoiceLanguage | Unset): The local default is based on the
                thirdparty (customer / supplier ) billing_language . In case the customer is not present, we will default to the
                company locale.
            invoice_lines (UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLines | Unset): Add, update, delete invoice
                lines.
            label (None | str | Unset): Custom label for the invoice used on accounting (ledger) entries. If not provided,
                Pennylane generates a label automatically. Example: Custom accounting label.
            external_reference (str | Unset): The unique external reference that was assigned during creation either by you
                or Pennylane. Example: FR123.
     """

    date: datetime.date | Unset = UNSET
    deadline: datetime.date | Unset = UNSET
    customer_id: int | Unset = UNSET
    customer_invoice_template_id: int | Unset = UNSET
    pdf_invoice_free_text: None | str | Unset = UNSET
    pdf_invoice_subject: None | str | Unset = UNSET
    pdf_description: None | str | Unset = UNSET
    currency: str | Unset = UNSET
    special_mention: None | str | Unset = UNSET
    discount: UpdateCustomerInvoiceDraftCustomerInvoiceDiscount | Unset = UNSET
    language: UpdateCustomerInvoiceDraftCustomerInvoiceLanguage | Unset = UNSET
    invoice_lines: UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLines | Unset = UNSET
    label: None | str | Unset = UNSET
    external_reference: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.update_customer_invoice_draft_customer_invoice_discount import UpdateCustomerInvoiceDraftCustomerInvoiceDiscount # noqa: PLC0415
        from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLines # noqa: PLC0415
        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

        deadline: str | Unset = UNSET
        if not isinstance(self.deadline, Unset):
            deadline = self.deadline.isoformat()

        customer_id = self.customer_id

        customer_invoice_template_id = self.customer_invoice_template_id

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

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

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
        if customer_invoice_template_id is not UNSET:
            field_dict["customer_invoice_template_id"] = customer_invoice_template_id
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
        if label is not UNSET:
            field_dict["label"] = label
        if external_reference is not UNSET:
            field_dict["external_reference"] = external_reference

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_customer_invoice_draft_customer_invoice_discount import UpdateCustomerInvoiceDraftCustomerInvoiceDiscount # noqa: PLC0415
        from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLines # noqa: PLC0415
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

        customer_invoice_template_id = d.pop("customer_invoice_template_id", UNSET)

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
        discount: UpdateCustomerInvoiceDraftCustomerInvoiceDiscount | Unset
        if isinstance(_discount,  Unset):
            discount = UNSET
        else:
            discount = UpdateCustomerInvoiceDraftCustomerInvoiceDiscount.from_dict(_discount)




        _language = d.pop("language", UNSET)
        language: UpdateCustomerInvoiceDraftCustomerInvoiceLanguage | Unset
        if isinstance(_language,  Unset):
            language = UNSET
        else:
            language = UpdateCustomerInvoiceDraftCustomerInvoiceLanguage(_language)




        _invoice_lines = d.pop("invoice_lines", UNSET)
        invoice_lines: UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLines | Unset
        if isinstance(_invoice_lines,  Unset):
            invoice_lines = UNSET
        else:
            invoice_lines = UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLines.from_dict(_invoice_lines)




        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))


        external_reference = d.pop("external_reference", UNSET)

        update_customer_invoice_draft_customer_invoice = cls(
            date=date,
            deadline=deadline,
            customer_id=customer_id,
            customer_invoice_template_id=customer_invoice_template_id,
            pdf_invoice_free_text=pdf_invoice_free_text,
            pdf_invoice_subject=pdf_invoice_subject,
            pdf_description=pdf_description,
            currency=currency,
            special_mention=special_mention,
            discount=discount,
            language=language,
            invoice_lines=invoice_lines,
            label=label,
            external_reference=external_reference,
        )

        return update_customer_invoice_draft_customer_invoice

