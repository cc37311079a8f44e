from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FinalizeCustomerInvoiceResponse403")



@_attrs_define
class FinalizeCustomerInvoiceResponse403:
    """ 
        Attributes:
            error (str):  Example: Access to this resource requires scope "ledger"..
            status (int):  Example: 403.
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

        finalize_customer_invoice_response_403 = cls(
            error=error,
            status=status,
        )

        return finalize_customer_invoice_response_403

