from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.get_customers_response_200_company_customer import GetCustomersResponse200CompanyCustomer
  from ..models.get_customers_response_200_individual_customer import GetCustomersResponse200IndividualCustomer





T = TypeVar("T", bound="GetCustomersResponse200")



@_attrs_define
class GetCustomersResponse200:
    """ 
        Attributes:
            has_more (bool): Indicates whether additional results are available beyond this set.
                Use this flag to determine if another request is needed.
                 Example: True.
            next_cursor (None | str): Cursor to retrieve the next set of results.
                Include this value in the cursor parameter of your next request to fetch subsequent items.
                A `null` `next_cursor` in the response indicates no further results.
                 Example: dXBkYXRlZF9hdDoxNjc0MTIzNDU2.
            items (list[GetCustomersResponse200CompanyCustomer | GetCustomersResponse200IndividualCustomer]):
     """

    has_more: bool
    next_cursor: None | str
    items: list[GetCustomersResponse200CompanyCustomer | GetCustomersResponse200IndividualCustomer]





    def to_dict(self) -> dict[str, Any]:
        from ..models.get_customers_response_200_company_customer import GetCustomersResponse200CompanyCustomer # noqa: PLC0415
        from ..models.get_customers_response_200_individual_customer import GetCustomersResponse200IndividualCustomer # noqa: PLC0415
        has_more = self.has_more

        next_cursor: None | str
        next_cursor = self.next_cursor

        items = []
        for items_item_data in self.items:
            items_item: dict[str, Any]
            if isinstance(items_item_data, GetCustomersResponse200CompanyCustomer):
                items_item = items_item_data.to_dict()
            else:
                items_item = items_item_data.to_dict()

            items.append(items_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "has_more": has_more,
            "next_cursor": next_cursor,
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_customers_response_200_company_customer import GetCustomersResponse200CompanyCustomer # noqa: PLC0415
        from ..models.get_customers_response_200_individual_customer import GetCustomersResponse200IndividualCustomer # noqa: PLC0415
        d = dict(src_dict)
        has_more = d.pop("has_more")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))


        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            def _parse_items_item(data: object) -> GetCustomersResponse200CompanyCustomer | GetCustomersResponse200IndividualCustomer:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    items_item_company_customer = GetCustomersResponse200CompanyCustomer.from_dict(data)



                    return items_item_company_customer
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                items_item_individual_customer = GetCustomersResponse200IndividualCustomer.from_dict(data)



                return items_item_individual_customer

            items_item = _parse_items_item(items_item_data)

            items.append(items_item)


        get_customers_response_200 = cls(
            has_more=has_more,
            next_cursor=next_cursor,
            items=items,
        )

        return get_customers_response_200

