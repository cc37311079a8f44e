from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.get_customer_invoices_response_400_type_4_code import GetCustomerInvoicesResponse400Type4Code






T = TypeVar("T", bound="GetCustomerInvoicesResponse400Type4")



@_attrs_define
class GetCustomerInvoicesResponse400Type4:
    """ 
        Attributes:
            message (str):
            payload (str):
            code (GetCustomerInvoicesResponse400Type4Code):
     """

    message: str
    payload: str
    code: GetCustomerInvoicesResponse400Type4Code





    def to_dict(self) -> dict[str, Any]:
        message = self.message

        payload = self.payload

        code = self.code.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "message": message,
            "payload": payload,
            "code": code,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        payload = d.pop("payload")

        code = GetCustomerInvoicesResponse400Type4Code(d.pop("code"))




        get_customer_invoices_response_400_type_4 = cls(
            message=message,
            payload=payload,
            code=code,
        )

        return get_customer_invoices_response_400_type_4

