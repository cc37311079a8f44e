from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.post_customer_invoices_finalized_customer_invoice_currency import PostCustomerInvoicesFinalizedCustomerInvoiceCurrency
from ..models.post_customer_invoices_finalized_customer_invoice_language import PostCustomerInvoicesFinalizedCustomerInvoiceLanguage
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.post_customer_invoices_finalized_customer_invoice_discount import PostCustomerInvoicesFinalizedCustomerInvoiceDiscount
  from ..models.post_customer_invoices_finalized_customer_invoice_invoice_line_sections_item import PostCustomerInvoicesFinalizedCustomerInvoiceInvoiceLineSectionsItem
  from ..models.post_customer_invoices_finalized_customer_invoice_product_based_invoice_line import PostCustomerInvoicesFinalizedCustomerInvoiceProductBasedInvoiceLine
  from ..models.post_customer_invoices_finalized_customer_invoice_standard_invoice_line import PostCustomerInvoicesFinalizedCustomerInvoiceStandardInvoiceLine
  from ..models.post_customer_invoices_finalized_customer_invoice_transaction_reference import PostCustomerInvoicesFinalizedCustomerInvoiceTransactionReference





T = TypeVar("T", bound="PostCustomerInvoicesFinalizedCustomerInvoice")



@_attrs_define
class PostCustomerInvoicesFinalizedCustomerInvoice:
    """ 
        Attributes:
            date (datetime.date): Invoice date (ISO 8601) Example: 2023-08-30.
            deadline (datetime.date): Invoice payment deadline (ISO 8601) Example: 2023-08-30.
            customer_id (int): Customer identifier Example: 42.
            invoice_lines (list[PostCustomerInvoicesFinalizedCustomerInvoiceProductBasedInvoiceLine |
                PostCustomerInvoicesFinalizedCustomerInvoiceStandardInvoiceLine]):
            customer_invoice_template_id (int | Unset): The customer invoice template ID Example: 42.
            pdf_invoice_free_text (None | str | Unset): For example, the contact details of the person to contact Example:
                Additional free field.
            pdf_invoice_subject (None | str | Unset): Invoice title Example: Invoice title.
            pdf_description (None | str | Unset): Invoice description. Maximum 5,000 characters. Example: Invoice
                description.
            currency (PostCustomerInvoicesFinalizedCustomerInvoiceCurrency | Unset):  Default:
                PostCustomerInvoicesFinalizedCustomerInvoiceCurrency.EUR.
            special_mention (None | str | Unset): Additional details. maximum 20,000 characters. Example: Additional
                details.
            language (PostCustomerInvoicesFinalizedCustomerInvoiceLanguage | Unset): The local default is based on the
                thirdparty (customer / supplier ) billing_language . In case the customer is not present, we will default to the
                company locale.
            label (None | str | Unset): Custom label for the invoice used on accounting (ledger) entries. If not provided,
                Pennylane generates a label automatically. Example: Custom accounting label.
            discount (PostCustomerInvoicesFinalizedCustomerInvoiceDiscount | Unset):
            invoice_line_sections (list[PostCustomerInvoicesFinalizedCustomerInvoiceInvoiceLineSectionsItem] | Unset):
            external_reference (str | Unset): A unique external reference you can provide to track this customer invoice. If
                not provided, Pennylane will generate an identifier for you. Example: FR123.
            draft (bool | Unset): Indicates if the invoice is in draft status (has not been finalized) Default: False.
            transaction_reference (PostCustomerInvoicesFinalizedCustomerInvoiceTransactionReference | Unset): By adding this
                field you can automatically reconcile the newly created invoice with a transaction. See documentation about
                [automatic payment matching](https://pennylane.readme.io/v2.0/docs/automating-payment-matching).
     """

    date: datetime.date
    deadline: datetime.date
    customer_id: int
    invoice_lines: list[PostCustomerInvoicesFinalizedCustomerInvoiceProductBasedInvoiceLine | PostCustomerInvoicesFinalizedCustomerInvoiceStandardInvoiceLine]
    customer_invoice_template_id: int | Unset = UNSET
    pdf_invoice_free_text: None | str | Unset = UNSET
    pdf_invoice_subject: None | str | Unset = UNSET
    pdf_description: None | str | Unset = UNSET
    currency: PostCustomerInvoicesFinalizedCustomerInvoiceCurrency | Unset = PostCustomerInvoicesFinalizedCustomerInvoiceCurrency.EUR
    special_mention: None | str | Unset = UNSET
    language: PostCustomerInvoicesFinalizedCustomerInvoiceLanguage | Unset = UNSET
    label: None | str | Unset = UNSET
    discount: PostCustomerInvoicesFinalizedCustomerInvoiceDiscount | Unset = UNSET
    invoice_line_sections: list[PostCustomerInvoicesFinalizedCustomerInvoiceInvoiceLineSectionsItem] | Unset = UNSET
    external_reference: str | Unset = UNSET
    draft: bool | Unset = False
    transaction_reference: PostCustomerInvoicesFinalizedCustomerInvoiceTransactionReference | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.post_customer_invoices_finalized_customer_invoice_discount import PostCustomerInvoicesFinalizedCustomerInvoiceDiscount # noqa: PLC0415
        from ..models.post_customer_invoices_finalized_customer_invoice_invoice_line_sections_item import PostCustomerInvoicesFinalizedCustomerInvoiceInvoiceLineSectionsItem # noqa: PLC0415
        from ..models.post_customer_invoices_finalized_customer_invoice_product_based_invoice_line import PostCustomerInvoicesFinalizedCustomerInvoiceProductBasedInvoiceLine # noqa: PLC0415
        from ..models.post_customer_invoices_finalized_customer_invoice_standard_invoice_line import PostCustomerInvoicesFinalizedCustomerInvoiceStandardInvoiceLine # noqa: PLC0415
        from ..models.post_customer_invoices_finalized_customer_invoice_transaction_reference import PostCustomerInvoicesFinalizedCustomerInvoiceTransactionReference # noqa: PLC0415
        date = self.date.isoformat()

        deadline = self.deadline.isoformat()

        customer_id = self.customer_id

        invoice_lines = []
        for invoice_lines_item_data in self.invoice_lines:
            invoice_lines_item: dict[str, Any]
            if isinstance(invoice_lines_item_data, PostCustomerInvoicesFinalizedCustomerInvoiceProductBasedInvoiceLine):
                invoice_lines_item = invoice_lines_item_data.to_dict()
            else:
                invoice_lines_item = invoice_lines_item_data.to_dict()

            invoice_lines.append(invoice_lines_item)



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

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value


        special_mention: None | str | Unset
        if isinstance(self.special_mention, Unset):
            special_mention = UNSET
        else:
            special_mention = self.special_mention

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value


        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        discount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.discount, Unset):
            discount = self.discount.to_dict()

        invoice_line_sections: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.invoice_line_sections, Unset):
            invoice_line_sections = []
            for invoice_line_sections_item_data in self.invoice_line_sections:
                invoice_line_sections_item = invoice_line_sections_item_data.to_dict()
                invoice_line_sections.append(invoice_line_sections_item)



        external_reference = self.external_reference

        draft = self.draft

        transaction_reference: dict[str, Any] | Unset = UNSET
        if not isinstance(self.transaction_reference, Unset):
            transaction_reference = self.transaction_reference.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "date": date,
            "deadline": deadline,
            "customer_id": customer_id,
            "invoice_lines": invoice_lines,
        })
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
        if language is not UNSET:
            field_dict["language"] = language
        if label is not UNSET:
            field_dict["label"] = label
        if discount is not UNSET:
            field_dict["discount"] = discount
        if invoice_line_sections is not UNSET:
            field_dict["invoice_line_sections"] = invoice_line_sections
        if external_reference is not UNSET:
            field_dict["external_reference"] = external_reference
        if draft is not UNSET:
            field_dict["draft"] = draft
        if transaction_reference is not UNSET:
            field_dict["transaction_reference"] = transaction_reference

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.post_customer_invoices_finalized_customer_invoice_discount import PostCustomerInvoicesFinalizedCustomerInvoiceDiscount # noqa: PLC0415
        from ..models.post_customer_invoices_finalized_customer_invoice_invoice_line_sections_item import PostCustomerInvoicesFinalizedCustomerInvoiceInvoiceLineSectionsItem # noqa: PLC0415
        from ..models.post_customer_invoices_finalized_customer_invoice_product_based_invoice_line import PostCustomerInvoicesFinalizedCustomerInvoiceProductBasedInvoiceLine # noqa: PLC0415
        from ..models.post_customer_invoices_finalized_customer_invoice_standard_invoice_line import PostCustomerInvoicesFinalizedCustomerInvoiceStandardInvoiceLine # noqa: PLC0415
        from ..models.post_customer_invoices_finalized_customer_invoice_transaction_reference import PostCustomerInvoicesFinalizedCustomerInvoiceTransactionReference # noqa: PLC0415
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))




        deadline = datetime.date.fromisoformat(d.pop("deadline"))




        customer_id = d.pop("customer_id")

        invoice_lines = []
        _invoice_lines = d.pop("invoice_lines")
        for invoice_lines_item_data in (_invoice_lines):
            def _parse_invoice_lines_item(data: object) -> PostCustomerInvoicesFinalizedCustomerInvoiceProductBasedInvoiceLine | PostCustomerInvoicesFinalizedCustomerInvoiceStandardInvoiceLine:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    invoice_lines_item_product_based_invoice_line = PostCustomerInvoicesFinalizedCustomerInvoiceProductBasedInvoiceLine.from_dict(data)



                    return invoice_lines_item_product_based_invoice_line
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                invoice_lines_item_standard_invoice_line = PostCustomerInvoicesFinalizedCustomerInvoiceStandardInvoiceLine.from_dict(data)



                return invoice_lines_item_standard_invoice_line

            invoice_lines_item = _parse_invoice_lines_item(invoice_lines_item_data)

            invoice_lines.append(invoice_lines_item)


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


        _currency = d.pop("currency", UNSET)
        currency: PostCustomerInvoicesFinalizedCustomerInvoiceCurrency | Unset
        if isinstance(_currency,  Unset):
            currency = UNSET
        else:
            currency = PostCustomerInvoicesFinalizedCustomerInvoiceCurrency(_currency)




        def _parse_special_mention(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        special_mention = _parse_special_mention(d.pop("special_mention", UNSET))


        _language = d.pop("language", UNSET)
        language: PostCustomerInvoicesFinalizedCustomerInvoiceLanguage | Unset
        if isinstance(_language,  Unset):
            language = UNSET
        else:
            language = PostCustomerInvoicesFinalizedCustomerInvoiceLanguage(_language)




        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))


        _discount = d.pop("discount", UNSET)
        discount: PostCustomerInvoicesFinalizedCustomerInvoiceDiscount | Unset
        if isinstance(_discount,  Unset):
            discount = UNSET
        else:
            discount = PostCustomerInvoicesFinalizedCustomerInvoiceDiscount.from_dict(_discount)




        _invoice_line_sections = d.pop("invoice_line_sections", UNSET)
        invoice_line_sections: list[PostCustomerInvoicesFinalizedCustomerInvoiceInvoiceLineSectionsItem] | Unset = UNSET
        if _invoice_line_sections is not UNSET:
            invoice_line_sections = []
            for invoice_line_sections_item_data in _invoice_line_sections:
                invoice_line_sections_item = PostCustomerInvoicesFinalizedCustomerInvoiceInvoiceLineSectionsItem.from_dict(invoice_line_sections_item_data)



                invoice_line_sections.append(invoice_line_sections_item)


        external_reference = d.pop("external_reference", UNSET)

        draft = d.pop("draft", UNSET)

        _transaction_reference = d.pop("transaction_reference", UNSET)
        transaction_reference: PostCustomerInvoicesFinalizedCustomerInvoiceTransactionReference | Unset
        if isinstance(_transaction_reference,  Unset):
            transaction_reference = UNSET
        else:
            transaction_reference = PostCustomerInvoicesFinalizedCustomerInvoiceTransactionReference.from_dict(_transaction_reference)




        post_customer_invoices_finalized_customer_invoice = cls(
            date=date,
            deadline=deadline,
            customer_id=customer_id,
            invoice_lines=invoice_lines,
            customer_invoice_template_id=customer_invoice_template_id,
            pdf_invoice_free_text=pdf_invoice_free_text,
            pdf_invoice_subject=pdf_invoice_subject,
            pdf_description=pdf_description,
            currency=currency,
            special_mention=special_mention,
            language=language,
            label=label,
            discount=discount,
            invoice_line_sections=invoice_line_sections,
            external_reference=external_reference,
            draft=draft,
            transaction_reference=transaction_reference,
        )

        return post_customer_invoices_finalized_customer_invoice

