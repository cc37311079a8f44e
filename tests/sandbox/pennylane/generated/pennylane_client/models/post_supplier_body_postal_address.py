from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PostSupplierBodyPostalAddress")



@_attrs_define
class PostSupplierBodyPostalAddress:
    """ 
        Attributes:
            address (str):  Example: 8 rue de la paix.
            postal_code (str):  Example: 75002.
            city (str):  Example: Paris.
            country_alpha2 (str):  Example: FR.
     """

    address: str
    postal_code: str
    city: str
    country_alpha2: str





    def to_dict(self) -> dict[str, Any]:
        address = self.address

        postal_code = self.postal_code

        city = self.city

        country_alpha2 = self.country_alpha2


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "address": address,
            "postal_code": postal_code,
            "city": city,
            "country_alpha2": country_alpha2,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        postal_code = d.pop("postal_code")

        city = d.pop("city")

        country_alpha2 = d.pop("country_alpha2")

        post_supplier_body_postal_address = cls(
            address=address,
            postal_code=postal_code,
            city=city,
            country_alpha2=country_alpha2,
        )

        return post_supplier_body_postal_address

