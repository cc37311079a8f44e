from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CompanyCustomerProAccountMandates")



@_attrs_define
class CompanyCustomerProAccountMandates:
    """ Pro Account mandates associated with this customer

        Attributes:
            url (str): URL to list Pro Account mandates associated with this customer Example: https://app.pennylane.com/api
                /external/v2/pro_account/mandates?filter=%5B%7B%22field%22%3A%22customer_id%22%2C%22operator%22%3A%22eq%22%2C%22
                value%22%3A%2242%22%7D%5D.
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

        company_customer_pro_account_mandates = cls(
            url=url,
        )

        return company_customer_pro_account_mandates

