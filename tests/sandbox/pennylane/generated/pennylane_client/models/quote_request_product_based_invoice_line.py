from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quote_request_product_based_invoice_line_vat_rate import QuoteRequestProductBasedInvoiceLineVatRate
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.quote_request_product_based_invoice_line_discount import QuoteRequestProductBasedInvoiceLineDiscount





T = TypeVar("T", bound="QuoteRequestProductBasedInvoiceLine")



@_attrs_define
class QuoteRequestProductBasedInvoiceLine:
    """ Provide only the product_id to automatically populate label,
    raw_currency_unit_price, unit, vat_rate, and ledger_account_id.
    You can override any of these fields by providing them explicitly.

        Attributes:
            product_id (int): The product ID. Auto-fills label, raw_currency_unit_price, unit, vat_rate, and
                ledger_account_id from the product. Example: 42.
            quantity (float): Line item quantity (number of items) Example: 2.
            label (str | Unset): Line item label Example: Consulting fees.
            ledger_account_id (int | Unset): The ledger account ID Example: 1255.
            raw_currency_unit_price (str | Unset): The unit price excluding taxes (undiscounted if a discount is set). Can
                be set up to 6 decimals. Example: 33.333334.
            unit (str | Unset): Line item unit (type of unit) Example: piece.
            vat_rate (QuoteRequestProductBasedInvoiceLineVatRate | Unset): Product VAT rate. A 20% VAT in France is FR_200.
                Example: FR_200.
            description (None | str | Unset): The description of the invoice line Example: Consulting services for August.
            section_rank (int | Unset): Has to correspond to the rank number of a line items section in which the line item
                should be Example: 1.
            discount (QuoteRequestProductBasedInvoiceLineDiscount | Unset):
     """

    product_id: int
    quantity: float
    label: str | Unset = UNSET
    ledger_account_id: int | Unset = UNSET
    raw_currency_unit_price: str | Unset = UNSET
    unit: str | Unset = UNSET
    vat_rate: QuoteRequestProductBasedInvoiceLineVatRate | Unset = UNSET
    description: None | str | Unset = UNSET
    section_rank: int | Unset = UNSET
    discount: QuoteRequestProductBasedInvoiceLineDiscount | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.quote_request_product_based_invoice_line_discount import QuoteRequestProductBasedInvoiceLineDiscount # noqa: PLC0415
        product_id = self.product_id

        quantity = self.quantity

        label = self.label

        ledger_account_id = self.ledger_account_id

        raw_currency_unit_price = self.raw_currency_unit_price

        unit = self.unit

        vat_rate: str | Unset = UNSET
        if not isinstance(self.vat_rate, Unset):
            vat_rate = self.vat_rate.value


        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        section_rank = self.section_rank

        discount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.discount, Unset):
            discount = self.discount.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "product_id": product_id,
            "quantity": quantity,
        })
        if label is not UNSET:
            field_dict["label"] = label
        if ledger_account_id is not UNSET:
            field_dict["ledger_account_id"] = ledger_account_id
        if raw_currency_unit_price is not UNSET:
            field_dict["raw_currency_unit_price"] = raw_currency_unit_price
        if unit is not UNSET:
            field_dict["unit"] = unit
        if vat_rate is not UNSET:
            field_dict["vat_rate"] = vat_rate
        if description is not UNSET:
            field_dict["description"] = description
        if section_rank is not UNSET:
            field_dict["section_rank"] = section_rank
        if discount is not UNSET:
            field_dict["discount"] = discount

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote_request_product_based_invoice_line_discount import QuoteRequestProductBasedInvoiceLineDiscount # noqa: PLC0415
        d = dict(src_dict)
        product_id = d.pop("product_id")

        quantity = d.pop("quantity")

        label = d.pop("label", UNSET)

        ledger_account_id = d.pop("ledger_account_id", UNSET)

        raw_currency_unit_price = d.pop("raw_currency_unit_price", UNSET)

        unit = d.pop("unit", UNSET)

        _vat_rate = d.pop("vat_rate", UNSET)
        vat_rate: QuoteRequestProductBasedInvoiceLineVatRate | Unset
        if isinstance(_vat_rate,  Unset):
            vat_rate = UNSET
        else:
            vat_rate = QuoteRequestProductBasedInvoiceLineVatRate(_vat_rate)




        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        section_rank = d.pop("section_rank", UNSET)

        _discount = d.pop("discount", UNSET)
        discount: QuoteRequestProductBasedInvoiceLineDiscount | Unset
        if isinstance(_discount,  Unset):
            discount = UNSET
        else:
            discount = QuoteRequestProductBasedInvoiceLineDiscount.from_dict(_discount)




        quote_request_product_based_invoice_line = cls(
            product_id=product_id,
            quantity=quantity,
            label=label,
            ledger_account_id=ledger_account_id,
            raw_currency_unit_price=raw_currency_unit_price,
            unit=unit,
            vat_rate=vat_rate,
            description=description,
            section_rank=section_rank,
            discount=discount,
        )

        return quote_request_product_based_invoice_line

