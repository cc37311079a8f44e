from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PutSupplierResponse401")



@_attrs_define
class PutSupplierResponse401:
    """ 
        Attributes:
            error (str):  Example: The access token is invalid.
            status (int):  Example: 401.
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

        put_supplier_response_401 = cls(
            error=error,
            status=status,
        )

        return put_supplier_response_401

