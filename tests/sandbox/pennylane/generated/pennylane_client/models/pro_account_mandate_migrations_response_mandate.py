from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.pro_account_mandate_migrations_response_mandate_type import ProAccountMandateMigrationsResponseMandateType






T = TypeVar("T", bound="ProAccountMandateMigrationsResponseMandate")



@_attrs_define
class ProAccountMandateMigrationsResponseMandate:
    """ A polymorphic mandate object can either be a SepaMandate or a Gocardless mandate.

        Attributes:
            id (int):  Example: 42.
            type_ (ProAccountMandateMigrationsResponseMandateType):  Example: Mandate.
     """

    id: int
    type_: ProAccountMandateMigrationsResponseMandateType





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        type_ = ProAccountMandateMigrationsResponseMandateType(d.pop("type"))




        pro_account_mandate_migrations_response_mandate = cls(
            id=id,
            type_=type_,
        )

        return pro_account_mandate_migrations_response_mandate

