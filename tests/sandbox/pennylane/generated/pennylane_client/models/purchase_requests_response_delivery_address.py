from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="PurchaseRequestsResponseDeliveryAddress")



@_attrs_define
class PurchaseRequestsResponseDeliveryAddress:
    """ 
        Attributes:
            address (None | str):  Example: 8 rue de la paix.
            postal_code (None | str):  Example: 75002.
            city (None | str):  Example: Paris.
            country_alpha2 (None | str):  Example: FR.
     """

    address: None | str
    postal_code: None | str
    city: None | str
    country_alpha2: None | str





    def to_dict(self) -> dict[str, Any]:
        address: None | str
        address = self.address

        postal_code: None | str
        postal_code = self.postal_code

        city: None | str
        city = self.city

        country_alpha2: None | str
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
        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        def _parse_postal_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        postal_code = _parse_postal_code(d.pop("postal_code"))


        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))


        def _parse_country_alpha2(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country_alpha2 = _parse_country_alpha2(d.pop("country_alpha2"))


        purchase_requests_response_delivery_address = cls(
            address=address,
            postal_code=postal_code,
            city=city,
            country_alpha2=country_alpha2,
        )

        return purchase_requests_response_delivery_address

