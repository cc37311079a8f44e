from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="GetCustomersResponse400Type0")



@_attrs_define
class GetCustomersResponse400Type0:
    """ 
        Attributes:
            error (str):
            status (int):
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

        get_customers_response_400_type_0 = cls(
            error=error,
            status=status,
        )

        return get_customers_response_400_type_0

