from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quotes_invoice_lines_response_vat_rate import QuotesInvoiceLinesResponseVatRate
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.quotes_invoice_lines_response_discount import QuotesInvoiceLinesResponseDiscount
  from ..models.quotes_invoice_lines_response_product_type_0 import QuotesInvoiceLinesResponseProductType0





T = TypeVar("T", bound="QuotesInvoiceLinesResponse")



@_attrs_define
class QuotesInvoiceLinesResponse:
    """ 
        Attributes:
            id (int): Invoice line id Example: 444.
            label (str): Invoice line label Example: Demo label.
            unit (None | str): The kind of unit which applies to the amount Example: piece.
            quantity (str): Invoice line item quantity (number of items) Example: 12.
            amount (str): The total amount of the invoice lines in euros including taxes and deducting discounts Example:
                50.4.
            currency_amount (str): The total amount of the invoice lines in the document's currency including taxes and
                deducting discounts.
                If the currency is euro, amount and currency_amount are identical.
                 Example: 50.4.
            description (str): Invoice line description Example: Lorem ipsum dolor sit amet, consectetur adipiscing elit,
                sed do eiusmod tempor.
            product (None | QuotesInvoiceLinesResponseProductType0):
            vat_rate (QuotesInvoiceLinesResponseVatRate): Product VAT rate. A 20% VAT in France is FR_200. Example: FR_200.
            currency_amount_before_tax (str): Total amount before tax in currency Example: 30.
            currency_tax (str): Total tax amount in currency Example: 10.
            tax (str): Total tax amount in euros Example: 10.
            raw_currency_unit_price (str): Unit price (excluding tax) Example: 5.
            discount (QuotesInvoiceLinesResponseDiscount):
            section_rank (int | None): Has to correspond to the rank number of a line items section in which the line item
                should be Example: 1.
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
     """

    id: int
    label: str
    unit: None | str
    quantity: str
    amount: str
    currency_amount: str
    description: str
    product: None | QuotesInvoiceLinesResponseProductType0
    vat_rate: QuotesInvoiceLinesResponseVatRate
    currency_amount_before_tax: str
    currency_tax: str
    tax: str
    raw_currency_unit_price: str
    discount: QuotesInvoiceLinesResponseDiscount
    section_rank: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.quotes_invoice_lines_response_discount import QuotesInvoiceLinesResponseDiscount # noqa: PLC0415
        from ..models.quotes_invoice_lines_response_product_type_0 import QuotesInvoiceLinesResponseProductType0 # noqa: PLC0415
        id = self.id

        label = self.label

        unit: None | str
        unit = self.unit

        quantity = self.quantity

        amount = self.amount

        currency_amount = self.currency_amount

        description = self.description

        product: dict[str, Any] | None
        if isinstance(self.product, QuotesInvoiceLinesResponseProductType0):
            product = self.product.to_dict()
        else:
            product = self.product

        vat_rate = self.vat_rate.value

        currency_amount_before_tax = self.currency_amount_before_tax

        currency_tax = self.currency_tax

        tax = self.tax

        raw_currency_unit_price = self.raw_currency_unit_price

        discount = self.discount.to_dict()

        section_rank: int | None
        section_rank = self.section_rank

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "label": label,
            "unit": unit,
            "quantity": quantity,
            "amount": amount,
            "currency_amount": currency_amount,
            "description": description,
            "product": product,
            "vat_rate": vat_rate,
            "currency_amount_before_tax": currency_amount_before_tax,
            "currency_tax": currency_tax,
            "tax": tax,
            "raw_currency_unit_price": raw_currency_unit_price,
            "discount": discount,
            "section_rank": section_rank,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quotes_invoice_lines_response_discount import QuotesInvoiceLinesResponseDiscount # noqa: PLC0415
        from ..models.quotes_invoice_lines_response_product_type_0 import QuotesInvoiceLinesResponseProductType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label")

        def _parse_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit = _parse_unit(d.pop("unit"))


        quantity = d.pop("quantity")

        amount = d.pop("amount")

        currency_amount = d.pop("currency_amount")

        description = d.pop("description")

        def _parse_product(data: object) -> None | QuotesInvoiceLinesResponseProductType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                product_type_0 = QuotesInvoiceLinesResponseProductType0.from_dict(data)



                return product_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuotesInvoiceLinesResponseProductType0, data)

        product = _parse_product(d.pop("product"))


        vat_rate = QuotesInvoiceLinesResponseVatRate(d.pop("vat_rate"))




        currency_amount_before_tax = d.pop("currency_amount_before_tax")

        currency_tax = d.pop("currency_tax")

        tax = d.pop("tax")

        raw_currency_unit_price = d.pop("raw_currency_unit_price")

        discount = QuotesInvoiceLinesResponseDiscount.from_dict(d.pop("discount"))




        def _parse_section_rank(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        section_rank = _parse_section_rank(d.pop("section_rank"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        quotes_invoice_lines_response = cls(
            id=id,
            label=label,
            unit=unit,
            quantity=quantity,
            amount=amount,
            currency_amount=currency_amount,
            description=description,
            product=product,
            vat_rate=vat_rate,
            currency_amount_before_tax=currency_amount_before_tax,
            currency_tax=currency_tax,
            tax=tax,
            raw_currency_unit_price=raw_currency_unit_price,
            discount=discount,
            section_rank=section_rank,
            created_at=created_at,
            updated_at=updated_at,
        )

        return quotes_invoice_lines_response

