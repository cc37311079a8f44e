from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.pro_account_mandate_migrations_response_customer_type_0_pro_account_mandate import ProAccountMandateMigrationsResponseCustomerType0ProAccountMandate





T = TypeVar("T", bound="ProAccountMandateMigrationsResponseCustomerType0")



@_attrs_define
class ProAccountMandateMigrationsResponseCustomerType0:
    """ The customer associated with this mandate

        Attributes:
            id (int):  Example: 42.
            url (str): URL to get the customer. Example: https://app.pennylane.com/api/external/v2/customers/42.
            pro_account_mandate (ProAccountMandateMigrationsResponseCustomerType0ProAccountMandate):
     """

    id: int
    url: str
    pro_account_mandate: ProAccountMandateMigrationsResponseCustomerType0ProAccountMandate





    def to_dict(self) -> dict[str, Any]:
        from ..models.pro_account_mandate_migrations_response_customer_type_0_pro_account_mandate import ProAccountMandateMigrationsResponseCustomerType0ProAccountMandate # noqa: PLC0415
        id = self.id

        url = self.url

        pro_account_mandate = self.pro_account_mandate.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "url": url,
            "pro_account_mandate": pro_account_mandate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pro_account_mandate_migrations_response_customer_type_0_pro_account_mandate import ProAccountMandateMigrationsResponseCustomerType0ProAccountMandate # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        pro_account_mandate = ProAccountMandateMigrationsResponseCustomerType0ProAccountMandate.from_dict(d.pop("pro_account_mandate"))




        pro_account_mandate_migrations_response_customer_type_0 = cls(
            id=id,
            url=url,
            pro_account_mandate=pro_account_mandate,
        )

        return pro_account_mandate_migrations_response_customer_type_0

