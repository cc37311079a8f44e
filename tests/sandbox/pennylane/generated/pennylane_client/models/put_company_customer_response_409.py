from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PutCompanyCustomerResponse409")



@_attrs_define
class PutCompanyCustomerResponse409:
    """ 
        Attributes:
            error (str):  Example: Conflict with the current state of the target resource. Resource already exists..
            status (int):  Example: 409.
     """

    error: str
    status: int





    def to_dict(self) -> dict[str, Any]:
        error = self.error

        status = self.status


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "error": error,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error")

        status = d.pop("status")

        put_company_customer_response_409 = cls(
            error=error,
            status=status,
        )

        return put_company_customer_response_409

