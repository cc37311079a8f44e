from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.billing_subscriptions_response_customer_invoice_data_currency import BillingSubscriptionsResponseCustomerInvoiceDataCurrency
from ..models.billing_subscriptions_response_customer_invoice_data_language import BillingSubscriptionsResponseCustomerInvoiceDataLanguage
from typing import cast

if TYPE_CHECKING:
  from ..models.billing_subscriptions_response_customer_invoice_data_customer_invoice_template_type_0 import BillingSubscriptionsResponseCustomerInvoiceDataCustomerInvoiceTemplateType0
  from ..models.billing_subscriptions_response_customer_invoice_data_discount import BillingSubscriptionsResponseCustomerInvoiceDataDiscount
  from ..models.billing_subscriptions_response_customer_invoice_data_invoice_line_sections import BillingSubscriptionsResponseCustomerInvoiceDataInvoiceLineSections
  from ..models.billing_subscriptions_response_customer_invoice_data_invoice_lines import BillingSubscriptionsResponseCustomerInvoiceDataInvoiceLines





T = TypeVar("T", bound="BillingSubscriptionsResponseCustomerInvoiceData")



@_attrs_define
class BillingSubscriptionsResponseCustomerInvoiceData:
    """ 
        Attributes:
            label (None | str): Invoice label Example: Demo label.
            currency (BillingSubscriptionsResponseCustomerInvoiceDataCurrency):  Default:
                BillingSubscriptionsResponseCustomerInvoiceDataCurrency.EUR.
            amount (str): Invoice amount (total value of the invoice in euros. If the currency is euro, `currency_amount`
                and `amount` are identical) Example: 230.32.
            currency_amount (str): Invoice currency amount (total value of the invoice in the currency of the invoice)
                Example: 230.32.
            currency_amount_before_tax (str): Invoice currency amount before tax (total value before tax of the invoice in
                the currency of the invoice) Example: 196.32.
            exchange_rate (str): Invoice exchange rate (used to convert the invoice to euros. If the invoice currency is
                euro it will be 1.0) Example: 1.0.
            currency_tax (str): Invoice taxable amount (in euros. If the currency is euro, `currency_amount` and `amount`
                are identical) Example: 34.0.
            language (BillingSubscriptionsResponseCustomerInvoiceDataLanguage): The local default is based on the thirdparty
                (customer / supplier ) billing_language . In case the customer is not present, we will default to the company
                locale.
            customer_invoice_template (BillingSubscriptionsResponseCustomerInvoiceDataCustomerInvoiceTemplateType0 | None):
            discount (BillingSubscriptionsResponseCustomerInvoiceDataDiscount):
            pdf_invoice_free_text (str):  Example: Thanks for paying this invoice.
            pdf_invoice_subject (str):  Example: Invoice subject.
            pdf_description (None | str):  Example: Invoice description.
            special_mention (None | str): Additional details Example: Additional details.
            invoice_line_sections (BillingSubscriptionsResponseCustomerInvoiceDataInvoiceLineSections):
            invoice_lines (BillingSubscriptionsResponseCustomerInvoiceDataInvoiceLines):
     """

    label: None | str
    amount: str
    currency_amount: str
    currency_amount_before_tax: str
    exchange_rate: str
    currency_tax: str
    language: BillingSubscriptionsResponseCustomerInvoiceDataLanguage
    customer_invoice_template: BillingSubscriptionsResponseCustomerInvoiceDataCustomerInvoiceTemplateType0 | None
    discount: BillingSubscriptionsResponseCustomerInvoiceDataDiscount
    pdf_invoice_free_text: str
    pdf_invoice_subject: str
    pdf_description: None | str
    special_mention: None | str
    invoice_line_sections: BillingSubscriptionsResponseCustomerInvoiceDataInvoiceLineSections
    invoice_lines: BillingSubscriptionsResponseCustomerInvoiceDataInvoiceLines
    currency: BillingSubscriptionsResponseCustomerInvoiceDataCurrency = BillingSubscriptionsResponseCustomerInvoiceDataCurrency.EUR





    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_subscriptions_response_customer_invoice_data_customer_invoice_template_type_0 import BillingSubscriptionsResponseCustomerInvoiceDataCustomerInvoiceTemplateType0 # noqa: PLC0415
        from ..models.billing_subscriptions_response_customer_invoice_data_discount import BillingSubscriptionsResponseCustomerInvoiceDataDiscount # noqa: PLC0415
        from ..models.billing_subscriptions_response_customer_invoice_data_invoice_line_sections import BillingSubscriptionsResponseCustomerInvoiceDataInvoiceLineSections # noqa: PLC0415
        from ..models.billing_subscriptions_response_customer_invoice_data_invoice_lines import BillingSubscriptionsResponseCustomerInvoiceDataInvoiceLines # noqa: PLC0415
        label: None | str
        label = self.label

        currency = self.currency.value

        amount = self.amount

        currency_amount = self.currency_amount

        currency_amount_before_tax = self.currency_amount_before_tax

        exchange_rate = self.exchange_rate

        currency_tax = self.currency_tax

        language = self.language.value

        customer_invoice_template: dict[str, Any] | None
        if isinstance(self.customer_invoice_template, BillingSubscriptionsResponseCustomerInvoiceDataCustomerInvoiceTemplateType0):
            customer_invoice_template = self.customer_invoice_template.to_dict()
        else:
            customer_invoice_template = self.customer_invoice_template

        discount = self.discount.to_dict()

        pdf_invoice_free_text = self.pdf_invoice_free_text

        pdf_invoice_subject = self.pdf_invoice_subject

        pdf_description: None | str
        pdf_description = self.pdf_description

        special_mention: None | str
        special_mention = self.special_mention

        invoice_line_sections = self.invoice_line_sections.to_dict()

        invoice_lines = self.invoice_lines.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "label": label,
            "currency": currency,
            "amount": amount,
            "currency_amount": currency_amount,
            "currency_amount_before_tax": currency_amount_before_tax,
            "exchange_rate": exchange_rate,
            "currency_tax": currency_tax,
            "language": language,
            "customer_invoice_template": customer_invoice_template,
            "discount": discount,
            "pdf_invoice_free_text": pdf_invoice_free_text,
            "pdf_invoice_subject": pdf_invoice_subject,
            "pdf_description": pdf_description,
            "special_mention": special_mention,
            "invoice_line_sections": invoice_line_sections,
            "invoice_lines": invoice_lines,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.billing_subscriptions_response_customer_invoice_data_customer_invoice_template_type_0 import BillingSubscriptionsResponseCustomerInvoiceDataCustomerInvoiceTemplateType0 # noqa: PLC0415
        from ..models.billing_subscriptions_response_customer_invoice_data_discount import BillingSubscriptionsResponseCustomerInvoiceDataDiscount # noqa: PLC0415
        from ..models.billing_subscriptions_response_customer_invoice_data_invoice_line_sections import BillingSubscriptionsResponseCustomerInvoiceDataInvoiceLineSections # noqa: PLC0415
        from ..models.billing_subscriptions_response_customer_invoice_data_invoice_lines import BillingSubscriptionsResponseCustomerInvoiceDataInvoiceLines # noqa: PLC0415
        d = dict(src_dict)
        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))


        currency = BillingSubscriptionsResponseCustomerInvoiceDataCurrency(d.pop("currency"))




        amount = d.pop("amount")

        currency_amount = d.pop("currency_amount")

        currency_amount_before_tax = d.pop("currency_amount_before_tax")

        exchange_rate = d.pop("exchange_rate")

        currency_tax = d.pop("currency_tax")

        language = BillingSubscriptionsResponseCustomerInvoiceDataLanguage(d.pop("language"))




        def _parse_customer_invoice_template(data: object) -> BillingSubscriptionsResponseCustomerInvoiceDataCustomerInvoiceTemplateType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_invoice_template_type_0 = BillingSubscriptionsResponseCustomerInvoiceDataCustomerInvoiceTemplateType0.from_dict(data)



                return customer_invoice_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingSubscriptionsResponseCustomerInvoiceDataCustomerInvoiceTemplateType0 | None, data)

        customer_invoice_template = _parse_customer_invoice_template(d.pop("customer_invoice_template"))


        discount = BillingSubscriptionsResponseCustomerInvoiceDataDiscount.from_dict(d.pop("discount"))




        pdf_invoice_free_text = d.pop("pdf_invoice_free_text")

        pdf_invoice_subject = d.pop("pdf_invoice_subject")

        def _parse_pdf_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pdf_description = _parse_pdf_description(d.pop("pdf_description"))


        def _parse_special_mention(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        special_mention = _parse_special_mention(d.pop("special_mention"))


        invoice_line_sections = BillingSubscriptionsResponseCustomerInvoiceDataInvoiceLineSections.from_dict(d.pop("invoice_line_sections"))




        invoice_lines = BillingSubscriptionsResponseCustomerInvoiceDataInvoiceLines.from_dict(d.pop("invoice_lines"))




        billing_subscriptions_response_customer_invoice_data = cls(
            label=label,
            currency=currency,
            amount=amount,
            currency_amount=currency_amount,
            currency_amount_before_tax=currency_amount_before_tax,
            exchange_rate=exchange_rate,
            currency_tax=currency_tax,
            language=language,
            customer_invoice_template=customer_invoice_template,
            discount=discount,
            pdf_invoice_free_text=pdf_invoice_free_text,
            pdf_invoice_subject=pdf_invoice_subject,
            pdf_description=pdf_description,
            special_mention=special_mention,
            invoice_line_sections=invoice_line_sections,
            invoice_lines=invoice_lines,
        )

        return billing_subscriptions_response_customer_invoice_data

