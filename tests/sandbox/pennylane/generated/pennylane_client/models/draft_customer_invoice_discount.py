from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.draft_customer_invoice_discount_type import DraftCustomerInvoiceDiscountType






T = TypeVar("T", bound="DraftCustomerInvoiceDiscount")



@_attrs_define
class DraftCustomerInvoiceDiscount:
    """ 
        Attributes:
            type_ (DraftCustomerInvoiceDiscountType): Discount type.
                - absolute if it is an amount
                - relative if it is a percentage
            value (str): Discount value on the total amount before tax of the invoice Example: 25.
     """

    type_: DraftCustomerInvoiceDiscountType
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
        type_ = DraftCustomerInvoiceDiscountType(d.pop("type"))




        value = d.pop("value")

        draft_customer_invoice_discount = cls(
            type_=type_,
            value=value,
        )

        return draft_customer_invoice_discount

