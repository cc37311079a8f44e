from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="UpdateCustomerInvoiceResponse422")



@_attrs_define
class UpdateCustomerInvoiceResponse422:
    """ 
        Attributes:
            error (str):  Example: Entry lines are not balanced.
            status (int):  Example: 422.
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

        update_customer_invoice_response_422 = cls(
            error=error,
            status=status,
        )

        return update_customer_invoice_response_422

