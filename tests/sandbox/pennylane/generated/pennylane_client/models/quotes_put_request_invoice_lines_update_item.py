from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quotes_put_request_invoice_lines_update_item_vat_rate import QuotesPutRequestInvoiceLinesUpdateItemVatRate
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.quotes_put_request_invoice_lines_update_item_discount import QuotesPutRequestInvoiceLinesUpdateItemDiscount





T = TypeVar("T", bound="QuotesPutRequestInvoiceLinesUpdateItem")



@_attrs_define
class QuotesPutRequestInvoiceLinesUpdateItem:
    """ 
        Attributes:
            id (int): ID of the invoice line Example: 42.
            label (str | Unset): Line item label Example: Demo label.
            quantity (float | Unset): Line item quantity (number of items) Example: 12.
            ledger_account_id (int | Unset): The ledger account ID Example: 1255.
            raw_currency_unit_price (str | Unset): The unit price excluding taxes. Can be set up to 6 decimals. Example:
                33.333334.
            unit (str | Unset): Line item unit (type of unit) Example: piece.
            vat_rate (QuotesPutRequestInvoiceLinesUpdateItemVatRate | Unset): Product VAT rate. A 20% VAT in France is
                FR_200. Example: FR_200.
            description (None | str | Unset): The description of the invoice line
            product_id (int | Unset): The product ID Example: 42.
            discount (QuotesPutRequestInvoiceLinesUpdateItemDiscount | Unset):
            section_rank (int | Unset): Has to correspond to the rank number of a quote line section in which the invoice
                line should be Example: 1.
     """

    id: int
    label: str | Unset = UNSET
    quantity: float | Unset = UNSET
    ledger_account_id: int | Unset = UNSET
    raw_currency_unit_price: str | Unset = UNSET
    unit: str | Unset = UNSET
    vat_rate: QuotesPutRequestInvoiceLinesUpdateItemVatRate | Unset = UNSET
    description: None | str | Unset = UNSET
    product_id: int | Unset = UNSET
    discount: QuotesPutRequestInvoiceLinesUpdateItemDiscount | Unset = UNSET
    section_rank: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.quotes_put_request_invoice_lines_update_item_discount import QuotesPutRequestInvoiceLinesUpdateItemDiscount # noqa: PLC0415
        id = self.id

        label = self.label

        quantity = self.quantity

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

        product_id = self.product_id

        discount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.discount, Unset):
            discount = self.discount.to_dict()

        section_rank = self.section_rank


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
        })
        if label is not UNSET:
            field_dict["label"] = label
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
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
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if discount is not UNSET:
            field_dict["discount"] = discount
        if section_rank is not UNSET:
            field_dict["section_rank"] = section_rank

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quotes_put_request_invoice_lines_update_item_discount import QuotesPutRequestInvoiceLinesUpdateItemDiscount # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label", UNSET)

        quantity = d.pop("quantity", UNSET)

        ledger_account_id = d.pop("ledger_account_id", UNSET)

        raw_currency_unit_price = d.pop("raw_currency_unit_price", UNSET)

        unit = d.pop("unit", UNSET)

        _vat_rate = d.pop("vat_rate", UNSET)
        vat_rate: QuotesPutRequestInvoiceLinesUpdateItemVatRate | Unset
        if isinstance(_vat_rate,  Unset):
            vat_rate = UNSET
        else:
            vat_rate = QuotesPutRequestInvoiceLinesUpdateItemVatRate(_vat_rate)




        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        product_id = d.pop("product_id", UNSET)

        _discount = d.pop("discount", UNSET)
        discount: QuotesPutRequestInvoiceLinesUpdateItemDiscount | Unset
        if isinstance(_discount,  Unset):
            discount = UNSET
        else:
            discount = QuotesPutRequestInvoiceLinesUpdateItemDiscount.from_dict(_discount)




        section_rank = d.pop("section_rank", UNSET)

        quotes_put_request_invoice_lines_update_item = cls(
            id=id,
            label=label,
            quantity=quantity,
            ledger_account_id=ledger_account_id,
            raw_currency_unit_price=raw_currency_unit_price,
            unit=unit,
            vat_rate=vat_rate,
            description=description,
            product_id=product_id,
            discount=discount,
            section_rank=section_rank,
        )

        return quotes_put_request_invoice_lines_update_item

