from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.get_customer_invoice_response_400_type_2_code import GetCustomerInvoiceResponse400Type2Code






T = TypeVar("T", bound="GetCustomerInvoiceResponse400Type2")



@_attrs_define
class GetCustomerInvoiceResponse400Type2:
    """ 
        Attributes:
            message (str):
            code (GetCustomerInvoiceResponse400Type2Code):
     """

    message: str
    code: GetCustomerInvoiceResponse400Type2Code





    def to_dict(self) -> dict[str, Any]:
        message = self.message

        code = self.code.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "message": message,
            "code": code,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        code = GetCustomerInvoiceResponse400Type2Code(d.pop("code"))




        get_customer_invoice_response_400_type_2 = cls(
            message=message,
            code=code,
        )

        return get_customer_invoice_response_400_type_2

