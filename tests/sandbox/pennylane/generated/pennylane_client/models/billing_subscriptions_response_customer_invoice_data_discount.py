from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.billing_subscriptions_response_customer_invoice_data_discount_type import BillingSubscriptionsResponseCustomerInvoiceDataDiscountType
from typing import cast






T = TypeVar("T", bound="BillingSubscriptionsResponseCustomerInvoiceDataDiscount")



@_attrs_define
class BillingSubscriptionsResponseCustomerInvoiceDataDiscount:
    """ 
        Attributes:
            type_ (BillingSubscriptionsResponseCustomerInvoiceDataDiscountType): Discount type.
                - absolute if it is an amount
                - relative if it is a percentage
            value (None | str): Discount value on the total amount before tax Example: 25.
     """

    type_: BillingSubscriptionsResponseCustomerInvoiceDataDiscountType
    value: None | str





    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        value: None | str
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
        type_ = BillingSubscriptionsResponseCustomerInvoiceDataDiscountType(d.pop("type"))




        def _parse_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        value = _parse_value(d.pop("value"))


        billing_subscriptions_response_customer_invoice_data_discount = cls(
            type_=type_,
            value=value,
        )

        return billing_subscriptions_response_customer_invoice_data_discount

