from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.get_customer_response_400_type_5_code import GetCustomerResponse400Type5Code






T = TypeVar("T", bound="GetCustomerResponse400Type5")



@_attrs_define
class GetCustomerResponse400Type5:
    """ 
        Attributes:
            message (str):
            field (str):
            payload (str):
            code (GetCustomerResponse400Type5Code):
     """

    message: str
    field: str
    payload: str
    code: GetCustomerResponse400Type5Code





    def to_dict(self) -> dict[str, Any]:
        message = self.message

        field = self.field

        payload = self.payload

        code = self.code.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "message": message,
            "field": field,
            "payload": payload,
            "code": code,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        field = d.pop("field")

        payload = d.pop("payload")

        code = GetCustomerResponse400Type5Code(d.pop("code"))




        get_customer_response_400_type_5 = cls(
            message=message,
            field=field,
            payload=payload,
            code=code,
        )

        return get_customer_response_400_type_5

