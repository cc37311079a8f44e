from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="GetCustomerCompanyCustomerMandates")



@_attrs_define
class GetCustomerCompanyCustomerMandates:
    """ GoCardless mandates associated with this customer

        Attributes:
            url (str): URL to list GoCardless mandates associated with this customer Example: https://app.pennylane.com/api/
                external/v2/gocardless_mandates?filter=%5B%7B%5C"field%5C":%5C"customer_id%5C",%5C"operator%5C":%5C"eq%5C",%5C"v
                alue%5C":%5C"42%5C"%7D%5D.
     """

    url: str





    def to_dict(self) -> dict[str, Any]:
        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        get_customer_company_customer_mandates = cls(
            url=url,
        )

        return get_customer_company_customer_mandates

