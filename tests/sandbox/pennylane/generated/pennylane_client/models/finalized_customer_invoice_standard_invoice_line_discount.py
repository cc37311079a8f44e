from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.finalized_customer_invoice_standard_invoice_line_discount_type import FinalizedCustomerInvoiceStandardInvoiceLineDiscountType






T = TypeVar("T", bound="FinalizedCustomerInvoiceStandardInvoiceLineDiscount")



@_attrs_define
class FinalizedCustomerInvoiceStandardInvoiceLineDiscount:
    """ 
        Attributes:
            type_ (FinalizedCustomerInvoiceStandardInvoiceLineDiscountType): Discount type.
                - absolute if it is an amount
                - relative if it is a percentage
            value (str): Discount value on the total amount before tax of the line Example: 25.
     """

    type_: FinalizedCustomerInvoiceStandardInvoiceLineDiscountType
    value: str





    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        value = self.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "type": type_,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = FinalizedCustomerInvoiceStandardInvoiceLineDiscountType(d.pop("type"))




        value = d.pop("value")

        finalized_customer_invoice_standard_invoice_line_discount = cls(
            type_=type_,
            value=value,
        )

        return finalized_customer_invoice_standard_invoice_line_discount

