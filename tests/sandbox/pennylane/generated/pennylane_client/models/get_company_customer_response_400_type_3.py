from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.get_company_customer_response_400_type_3_code import GetCompanyCustomerResponse400Type3Code






T = TypeVar("T", bound="GetCompanyCustomerResponse400Type3")



@_attrs_define
class GetCompanyCustomerResponse400Type3:
    """ 
        Attributes:
            message (str):
            field (str):
            code (GetCompanyCustomerResponse400Type3Code):
     """

    message: str
    field: str
    code: GetCompanyCustomerResponse400Type3Code





    def to_dict(self) -> dict[str, Any]:
        message = self.message

        field = self.field

        code = self.code.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "message": message,
            "field": field,
            "code": code,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        field = d.pop("field")

        code = GetCompanyCustomerResponse400Type3Code(d.pop("code"))




        get_company_customer_response_400_type_3 = cls(
            message=message,
            field=field,
            code=code,
        )

        return get_company_customer_response_400_type_3

