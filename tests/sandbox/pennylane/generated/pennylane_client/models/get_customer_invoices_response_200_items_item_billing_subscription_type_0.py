from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="GetCustomerInvoicesResponse200ItemsItemBillingSubscriptionType0")



@_attrs_define
class GetCustomerInvoicesResponse200ItemsItemBillingSubscriptionType0:
    """ 
        Attributes:
            id (int):
     """

    id: int





    def to_dict(self) -> dict[str, Any]:
        id = self.id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        get_customer_invoices_response_200_items_item_billing_subscription_type_0 = cls(
            id=id,
        )

        return get_customer_invoices_response_200_items_item_billing_subscription_type_0

