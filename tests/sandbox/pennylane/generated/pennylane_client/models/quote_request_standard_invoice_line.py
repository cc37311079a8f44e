from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quote_request_standard_invoice_line_vat_rate import QuoteRequestStandardInvoiceLineVatRate
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.quote_request_standard_invoice_line_discount import QuoteRequestStandardInvoiceLineDiscount





T = TypeVar("T", bound="QuoteRequestStandardInvoiceLine")



@_attrs_define
class QuoteRequestStandardInvoiceLine:
    """ Create an invoice line by providing all required fields explicitly
    without referencing a product.

        Attributes:
            label (str): Line item label Example: Consulting fees.
            quantity (float): Line item quantity (number of items) Example: 2.
            raw_currency_unit_price (str): The unit price excluding taxes (undiscounted if a discount is set). Can be set up
                to 6 decimals. Example: 33.333334.
            unit (str): Line item unit (type of unit) Example: piece.
            vat_rate (QuoteRequestStandardInvoiceLineVatRate): Product VAT rate. A 20% VAT in France is FR_200. Example:
                FR_200.
            ledger_account_id (int | Unset): The ledger account ID Example: 1255.
            description (None | str | Unset): The description of the invoice line Example: Consulting services for August.
            section_rank (int | Unset): Has to correspond to the rank number of a line items section in which the line item
                should be Example: 1.
            discount (QuoteRequestStandardInvoiceLineDiscount | Unset):
     """

    label: str
    quantity: float
    raw_currency_unit_price: str
    unit: str
    vat_rate: QuoteRequestStandardInvoiceLineVatRate
    ledger_account_id: int | Unset = UNSET
    description: None | str | Unset = UNSET
    section_rank: int | Unset = UNSET
    discount: QuoteRequestStandardInvoiceLineDiscount | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.quote_request_standard_invoice_line_discount import QuoteRequestStandardInvoiceLineDiscount # noqa: PLC0415
        label = self.label

        quantity = self.quantity

        raw_currency_unit_price = self.raw_currency_unit_price

        unit = self.unit

        vat_rate = self.vat_rate.value

        ledger_account_id = self.ledger_account_id

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
            "label": label,
            "quantity": quantity,
            "raw_currency_unit_price": raw_currency_unit_price,
            "unit": unit,
            "vat_rate": vat_rate,
        })
        if ledger_account_id is not UNSET:
            field_dict["ledger_account_id"] = ledger_account_id
        if description is not UNSET:
            field_dict["description"] = description
        if section_rank is not UNSET:
            field_dict["section_rank"] = section_rank
        if discount is not UNSET:
            field_dict["discount"] = discount

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote_request_standard_invoice_line_discount import QuoteRequestStandardInvoiceLineDiscount # noqa: PLC0415
        d = dict(src_dict)
        label = d.pop("label")

        quantity = d.pop("quantity")

        raw_currency_unit_price = d.pop("raw_currency_unit_price")

        unit = d.pop("unit")

        vat_rate = QuoteRequestStandardInvoiceLineVatRate(d.pop("vat_rate"))




        ledger_account_id = d.pop("ledger_account_id", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        section_rank = d.pop("section_rank", UNSET)

        _discount = d.pop("discount", UNSET)
        discount: QuoteRequestStandardInvoiceLineDiscount | Unset
        if isinstance(_discount,  Unset):
            discount = UNSET
        else:
            discount = QuoteRequestStandardInvoiceLineDiscount.from_dict(_discount)




        quote_request_standard_invoice_line = cls(
            label=label,
            quantity=quantity,
            raw_currency_unit_price=raw_currency_unit_price,
            unit=unit,
            vat_rate=vat_rate,
            ledger_account_id=ledger_account_id,
            description=description,
            section_rank=section_rank,
            discount=discount,
        )

        return quote_request_standard_invoice_line

