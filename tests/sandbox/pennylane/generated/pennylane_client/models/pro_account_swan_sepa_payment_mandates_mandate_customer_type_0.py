from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ProAccountSwanSepaPaymentMandatesMandateCustomerType0")



@_attrs_define
class ProAccountSwanSepaPaymentMandatesMandateCustomerType0:
    """ Associated customer information

        Attributes:
            id (int): Customer ID Example: 47334785.
            url (str): URL to the customer resource Example: https://api.example.com/api/external/v2/customers/47334785.
     """

    id: int
    url: str





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        pro_account_swan_sepa_payment_mandates_mandate_customer_type_0 = cls(
            id=id,
            url=url,
        )

        return pro_account_swan_sepa_payment_mandates_mandate_customer_type_0

