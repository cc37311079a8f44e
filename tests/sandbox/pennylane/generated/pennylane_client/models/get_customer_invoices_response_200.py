from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.get_customer_invoices_response_200_included import GetCustomerInvoicesResponse200Included
  from ..models.get_customer_invoices_response_200_items_item import GetCustomerInvoicesResponse200ItemsItem





T = TypeVar("T", bound="GetCustomerInvoicesResponse200")



@_attrs_define
class GetCustomerInvoicesResponse200:
    """ 
        Attributes:
            items (list[GetCustomerInvoicesResponse200ItemsItem]): Array of customer invoices
            has_more (bool): Indicates whether additional results are available beyond this set.
                Use this flag to determine if another request is needed.
                 Example: True.
            next_cursor (None | str): Cursor to retrieve the next set of results.
                Include this value in the cursor parameter of your next request to fetch subsequent items.
                A `null` `next_cursor` in the response indicates no further results.
                 Example: dXBkYXRlZF9hdDoxNjc0MTIzNDU2.
            included (GetCustomerInvoicesResponse200Included | Unset): Container for all included resources
     """

    items: list[GetCustomerInvoicesResponse200ItemsItem]
    has_more: bool
    next_cursor: None | str
    included: GetCustomerInvoicesResponse200Included | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.get_customer_invoices_response_200_included import GetCustomerInvoicesResponse200Included # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item import GetCustomerInvoicesResponse200ItemsItem # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        has_more = self.has_more

        next_cursor: None | str
        next_cursor = self.next_cursor

        included: dict[str, Any] | Unset = UNSET
        if not isinstance(self.included, Unset):
            included = self.included.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "items": items,
            "has_more": has_more,
            "next_cursor": next_cursor,
        })
        if included is not UNSET:
            field_dict["included"] = included

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_customer_invoices_response_200_included import GetCustomerInvoicesResponse200Included # noqa: PLC0415
        from ..models.get_customer_invoices_response_200_items_item import GetCustomerInvoicesResponse200ItemsItem # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = GetCustomerInvoicesResponse200ItemsItem.from_dict(items_item_data)



            items.append(items_item)


        has_more = d.pop("has_more")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))


        _included = d.pop("included", UNSET)
        included: GetCustomerInvoicesResponse200Included | Unset
        if isinstance(_included,  Unset):
            included = UNSET
        else:
            included = GetCustomerInvoicesResponse200Included.from_dict(_included)




        get_customer_invoices_response_200 = cls(
            items=items,
            has_more=has_more,
            next_cursor=next_cursor,
            included=included,
        )


        get_customer_invoices_response_200.additional_properties = d
        return get_customer_invoices_response_200

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
