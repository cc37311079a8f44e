from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PutCompanyCustomerBodyDeliveryAddressType0")



@_attrs_define
class PutCompanyCustomerBodyDeliveryAddressType0:
    """ 
        Attributes:
            address (str | Unset):  Example: 8 rue de la paix.
            postal_code (str | Unset):  Example: 75002.
            city (str | Unset):  Example: Paris.
            country_alpha2 (str | Unset):  Example: FR.
     """

    address: str | Unset = UNSET
    postal_code: str | Unset = UNSET
    city: str | Unset = UNSET
    country_alpha2: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        address = self.address

        postal_code = self.postal_code

        city = self.city

        country_alpha2 = self.country_alpha2


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if address is not UNSET:
            field_dict["address"] = address
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if city is not UNSET:
            field_dict["city"] = city
        if country_alpha2 is not UNSET:
            field_dict["country_alpha2"] = country_alpha2

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address", UNSET)

        postal_code = d.pop("postal_code", UNSET)

        city = d.pop("city", UNSET)

        country_alpha2 = d.pop("country_alpha2", UNSET)

        put_company_customer_body_delivery_address_type_0 = cls(
            address=address,
            postal_code=postal_code,
            city=city,
            country_alpha2=country_alpha2,
        )

        return put_company_customer_body_delivery_address_type_0

