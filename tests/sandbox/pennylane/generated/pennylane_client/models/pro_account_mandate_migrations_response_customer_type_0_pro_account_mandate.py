from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ProAccountMandateMigrationsResponseCustomerType0ProAccountMandate")



@_attrs_define
class ProAccountMandateMigrationsResponseCustomerType0ProAccountMandate:
    """ 
        Attributes:
            url (str): Link to the pro account mandate for this customer. Example:
                https://app.pennylane.com/api/external/v2/pro_account/mandates?filter=....
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

        pro_account_mandate_migrations_response_customer_type_0_pro_account_mandate = cls(
            url=url,
        )

        return pro_account_mandate_migrations_response_customer_type_0_pro_account_mandate

