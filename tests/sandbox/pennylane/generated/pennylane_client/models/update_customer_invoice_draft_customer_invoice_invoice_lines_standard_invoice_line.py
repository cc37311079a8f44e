from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_standard_invoice_line_vat_rate import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLineVatRate
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_standard_invoice_line_discount import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLineDiscount





T = TypeVar("T", bound="UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLine")



@_attrs_define
class UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLine:
    """ Create an invoice line by providing all required fields explicitly
    without referencing a product.

        Attributes:
            label (str): Line item label Example: Demo label.
            raw_currency_unit_price (str): The unit price excluding taxes (undiscounted if a discount is set). Can be set up
                to 6 decimals. Example: 33.333334.
            unit (str): Line item unit (type of unit) Example: piece.
            vat_rate (UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLineVatRate): Product VAT rate. A
                20% VAT in France is FR_200. Example: FR_200.
            quantity (float): Line item quantity (number of items) Example: 12.
            ledger_account_id (int | Unset): The ledger account ID Example: 1255.
            section_rank (int | Unset): Has to correspond to the rank number of a line items section in which the line item
                should be Example: 1.
            discount (UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLineDiscount | Unset):
            description (None | str | Unset): The description of the invoice line
     """

    label: str
    raw_currency_unit_price: str
    unit: str
    vat_rate: UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLineVatRate
    quantity: float
    ledger_account_id: int | Unset = UNSET
    section_rank: int | Unset = UNSET
    discount: UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLineDiscount | Unset = UNSET
    description: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_standard_invoice_line_discount import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLineDiscount # noqa: PLC0415
        label = self.label

        raw_currency_unit_price = self.raw_currency_unit_price

        unit = self.unit

        vat_rate = self.vat_rate.value

        quantity = self.quantity

        ledger_account_id = self.ledger_account_id

        section_rank = self.section_rank

        discount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.discount, Unset):
            discount = self.discount.to_dict()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "label": label,
            "raw_currency_unit_price": raw_currency_unit_price,
            "unit": unit,
            "vat_rate": vat_rate,
            "quantity": quantity,
        })
        if ledger_account_id is not UNSET:
            field_dict["ledger_account_id"] = ledger_account_id
        if section_rank is not UNSET:
            field_dict["section_rank"] = section_rank
        if discount is not UNSET:
            field_dict["discount"] = discount
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_standard_invoice_line_discount import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLineDiscount # noqa: PLC0415
        d = dict(src_dict)
        label = d.pop("label")

        raw_currency_unit_price = d.pop("raw_currency_unit_price")

        unit = d.pop("unit")

        vat_rate = UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLineVatRate(d.pop("vat_rate"))




        quantity = d.pop("quantity")

        ledger_account_id = d.pop("ledger_account_id", UNSET)

        section_rank = d.pop("section_rank", UNSET)

        _discount = d.pop("discount", UNSET)
        discount: UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLineDiscount | Unset
        if isinstance(_discount,  Unset):
            discount = UNSET
        else:
            discount = UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLineDiscount.from_dict(_discount)




        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        update_customer_invoice_draft_customer_invoice_invoice_lines_standard_invoice_line = cls(
            label=label,
            raw_currency_unit_price=raw_currency_unit_price,
            unit=unit,
            vat_rate=vat_rate,
            quantity=quantity,
            ledger_account_id=ledger_account_id,
            section_rank=section_rank,
            discount=discount,
            description=description,
        )

        return update_customer_invoice_draft_customer_invoice_invoice_lines_standard_invoice_line

